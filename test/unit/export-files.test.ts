import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { HistoryRow, RefundHistoryRow, SaleHistoryRow } from '../../electron/contract/views';
import { historyCsv } from '../../electron/core/history/csv';
import { historyXlsx } from '../../electron/core/history/xlsx';

/** 1 December 2026, 14:05:09 on this PC's clock: day 1 of month 12, which a month-first reader turns into 12 January. */
const AT = new Date(2026, 11, 1, 14, 5, 9);
const PAID_AT = new Date(2026, 11, 1, 14, 6, 30);
const UTR = '412345678901';
const LONG_REFERENCE = '1234567890123456789';

const base = { at: AT.toISOString(), terminal: 'Counter 2', note: null, noteCode: null, nextStep: null } as const;
const saleRow = (patch: Partial<SaleHistoryRow>): SaleHistoryRow => ({
  ...base, kind: 'sale', id: 's_paid', state: 'paid', amountPaise: 125_050, bosReference: 'SBX554V000001', utr: null, paidAt: null,
  payeeName: 'Shop', payeeVpa: 'shop@sandbox', paidAfterExpiry: false, paidAfterCancel: false, confirmedBy: null, canResolve: false,
  canMarkPaidLate: false, latePayment: null, bosCode: null, bosMessage: null, ...patch,
});

const ROWS: HistoryRow[] = [
  saleRow({ id: 's_bos', utr: UTR, paidAt: PAID_AT.toISOString(), confirmedBy: 'bos' }),
  saleRow({ id: 's_hand', amountPaise: 45_000, paidAt: PAID_AT.toISOString(), confirmedBy: 'person', paidAfterCancel: true, terminal: '=HYPERLINK("x")' }),
  saleRow({
    id: 's_failed', state: 'failed', amountPaise: 104, bosReference: null, note: 'BOS refused to make this QR. No QR was shown; its reason is below.',
    noteCode: 'rejected', nextStep: 'fix_vpa', bosCode: '400', bosMessage: 'VPA does not exist for the account provided',
  }),
  { ...base, kind: 'refund', id: `${LONG_REFERENCE}/127`, state: 'otp_refused', referenceId: LONG_REFERENCE, ackNo: '127', note: 'Transaction not found', noteCode: 'rejected', nextStep: 'ask_bos' } satisfies RefundHistoryRow,
];

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const column = (name: string) => header.indexOf(name) + 1;
  const cell = (row: number, name: string) => sheet.getRow(row).getCell(column(name));
  return { sheet, header, cell };
}

describe('Excel export', () => {
  it('keeps UTRs, references and ids as text cells, every digit whole', async () => {
    const { cell } = await readXlsx(await historyXlsx(ROWS));
    expect(cell(2, 'UTR').type).toBe(ExcelJS.ValueType.String);
    expect(cell(2, 'UTR').value).toBe(UTR);
    expect(cell(5, 'Reference ID').type).toBe(ExcelJS.ValueType.String);
    expect(cell(5, 'Reference ID').value).toBe(LONG_REFERENCE);
    expect(cell(5, 'Ack No').value).toBe('127');
    expect(cell(2, 'UTR').numFmt).toBe('@');
    expect(cell(2, 'ID').value).toBe('s_bos');
  });

  it('writes amounts as numbers shown in rupees with two decimals', async () => {
    const { cell } = await readXlsx(await historyXlsx(ROWS));
    expect(cell(2, 'Amount (₹)').type).toBe(ExcelJS.ValueType.Number);
    expect(cell(2, 'Amount (₹)').value).toBe(1250.5);
    expect(cell(4, 'Amount (₹)').value).toBe(1.04);
    expect(cell(2, 'Amount (₹)').numFmt).toBe('"₹"#,##0.00');
    expect(cell(5, 'Amount (₹)').value).toBeNull();
  });

  it('writes dates and times as real date cells showing day first, at this PC\'s wall-clock time', async () => {
    const { cell } = await readXlsx(await historyXlsx(ROWS));
    const date = cell(2, 'Date');
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect((date.value as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const time = cell(2, 'Time');
    expect(time.type).toBe(ExcelJS.ValueType.Date);
    expect(time.numFmt).toBe('hh:mm:ss');
    expect((time.value as Date).toISOString()).toBe('1899-12-30T14:05:09.000Z');
    const paid = cell(2, 'Paid at');
    expect(paid.type).toBe(ExcelJS.ValueType.Date);
    expect((paid.value as Date).toISOString()).toBe('2026-12-01T14:06:30.000Z');
  });

  it('says states, who confirmed, paid after cancel, the counter, and BOS\'s words with the next step', async () => {
    const { cell } = await readXlsx(await historyXlsx(ROWS));
    expect([2, 3, 4, 5].map((r) => cell(r, 'State').value)).toEqual(['Paid', 'Paid', 'Failed', 'OTP refused']);
    expect(cell(2, 'Confirmed by').value).toBe('BOS');
    expect(cell(3, 'Confirmed by').value).toBe('Marked by hand');
    expect(cell(3, 'Paid after cancel').value).toBe('Yes');
    expect(cell(2, 'Paid after cancel').value).toBeNull();
    expect(cell(2, 'Counter').value).toBe('Counter 2');
    // A text cell is never a formula in a workbook, whatever it starts with.
    expect(cell(3, 'Counter').type).toBe(ExcelJS.ValueType.String);
    expect(cell(4, 'BOS code').value).toBe('400');
    expect(cell(4, 'BOS message').value).toBe('VPA does not exist for the account provided');
    expect(cell(4, 'Next step').value).toBe('This will not work until the owner fixes the VPA with BOS.');
  });

  it('has a bold header row frozen in place, and set column widths', async () => {
    const { sheet, header } = await readXlsx(await historyXlsx(ROWS));
    expect(header.slice(0, 5)).toEqual(['Date', 'Time', 'Type', 'Amount (₹)', 'State']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(header.indexOf('UTR') + 1).width).toBeGreaterThanOrEqual(13);
    expect(sheet.rowCount).toBe(1 + ROWS.length);
  });

  it('an empty day is a header row alone', async () => {
    const { sheet } = await readXlsx(await historyXlsx([]));
    expect(sheet.rowCount).toBe(1);
  });
});

describe('CSV export', () => {
  const parsed = () => Papa.parse<Record<string, string>>(historyCsv(ROWS).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

  it('writes ISO days and ISO 8601 times with the PC\'s offset', () => {
    const [first] = parsed();
    expect(first!.Date).toBe('2026-12-01');
    expect(first!.Time).toMatch(/^2026-12-01T14:05:09[+-]\d\d:\d\d$/);
    expect(new Date(first!.Time!).getTime()).toBe(AT.getTime());
    expect(new Date(first!['Paid at']!).getTime()).toBe(PAID_AT.getTime());
  });

  it('keeps ids whole and quoted, amounts plain, states and who confirmed in words', () => {
    const rows = parsed();
    expect(rows.map((r) => r.State)).toEqual(['Paid', 'Paid', 'Failed', 'OTP refused']);
    expect(rows.map((r) => r['Confirmed by'])).toEqual(['BOS', 'Marked by hand', '', '']);
    expect(rows[0]!.UTR).toBe(UTR);
    expect(rows[3]!['Reference ID']).toBe(LONG_REFERENCE);
    expect(rows[0]!['Amount (₹)']).toBe('1250.50');
    expect(rows[1]!['Paid after cancel']).toBe('yes');
    expect(historyCsv(ROWS)).toContain(`"${UTR}"`);
    expect(historyCsv(ROWS)).toContain(`"${LONG_REFERENCE}"`);
  });

  it('carries BOS\'s code and words, the next step and the counter; a formula-like name is defused', () => {
    const rows = parsed();
    expect(rows[2]).toMatchObject({ 'BOS code': '400', 'BOS message': 'VPA does not exist for the account provided', 'Next step': 'This will not work until the owner fixes the VPA with BOS.' });
    expect(rows[0]!.Counter).toBe('Counter 2');
    expect(rows[1]!.Counter).toBe('\'=HYPERLINK("x")');
  });
});
