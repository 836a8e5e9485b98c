import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PosResult } from '../../electron/contract/errors';
import type { ExportView, HistoryView, SaleView } from '../../electron/contract/views';
import { shiftDay } from '../../electron/contract/days';
import { localDay } from '../../electron/core/journal/append';
import { createPreviewServices, type PreviewServices, type PreviewServicesDeps } from '../../electron/web/compose';
import { createMemorySecretBox, createMemorySettingsStore } from '../../electron/web/preview-stores';
import { openSale } from '../support/journal-lines';

let dataDir: string;
let services: PreviewServices;
const today = localDay(new Date());

async function start(extra: Partial<PreviewServicesDeps> = {}) {
  services = await createPreviewServices({
    settingsStore: createMemorySettingsStore({}),
    secretBox: createMemorySecretBox(),
    dataDir,
    version: 'test',
    shell: 'web-preview',
    ...extra,
  });
  // Export is the owner's: these tests run with the owner's PIN set and unlocked.
  await services.handle('owner.setPin', { pin: '2468' });
}
const value = <T>(result: PosResult<unknown>) => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'counter-history-'));
});
afterEach(async () => {
  await services.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

async function sellPaid(amountPaise: number, utr?: string) {
  const sale = value<SaleView>(await services.handle('sale.create', { amountPaise }));
  return value<SaleView>(await services.handle('sale.markPaid', { saleId: sale.saleId, ...(utr ? { utr } : {}) }));
}

describe('History, summary and export through the services', () => {
  it('shows today\'s sales with their states and totals, and resolves an open sale from History', async () => {
    await start();
    await sellPaid(25_000, '123456789012');
    const cancelled = value<SaleView>(await services.handle('sale.create', { amountPaise: 1_000 }));
    await services.handle('sale.cancel', { saleId: cancelled.saleId });
    const open = value<SaleView>(await services.handle('sale.create', { amountPaise: 4_200 }));

    let history = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(history.rows.map((r) => [r.kind, r.state])).toEqual([['sale', 'paid'], ['sale', 'cancelled'], ['sale', 'showing']]);
    expect(history.rows[0]).toMatchObject({ amountPaise: 25_000, utr: '123456789012', bosReference: expect.stringMatching(/\S/) });
    expect(history.rows[2]).toMatchObject({ id: open.saleId, canResolve: true });
    expect(history.summary.collectedPaise).toBe(25_000);

    // The same operation Sell uses resolves it from History.
    value<SaleView>(await services.handle('sale.markPaid', { saleId: open.saleId }));
    history = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(history.rows[2]).toMatchObject({ state: 'paid', canResolve: false });
    expect(history.summary).toMatchObject({ collectedPaise: 29_200, sales: { paid: { count: 2, paise: 29_200 }, cancelled: { count: 1, paise: 1_000 } } });
  });

  it('after a crash the open sale is unresolved in History until someone answers', async () => {
    await start();
    const open = value<SaleView>(await services.handle('sale.create', { amountPaise: 7_700 }));
    await services.dispose(); // the app stops with the QR showing
    await start();
    const history = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(history.rows).toEqual([expect.objectContaining({ id: open.saleId, state: 'unresolved', canResolve: true })]);
    expect(history.summary.sales.unresolved).toEqual({ count: 1, paise: 7_700 });
    value<SaleView>(await services.handle('sale.cancel', { saleId: open.saleId }));
    const after = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(after.rows[0]).toMatchObject({ state: 'cancelled', canResolve: false });
  });

  it('a sale left open by a crash and answered three days later is its own day\'s takings, not the answer\'s day', async () => {
    const day = shiftDay(today, -3);
    openSale(join(dataDir, 'journal'), day, 's_answered3dlater', 7_700);
    await start();
    const before = value<HistoryView>(await services.handle('history.day', { day }));
    expect(before.rows).toEqual([expect.objectContaining({ id: 's_answered3dlater', state: 'unresolved', canResolve: true })]);

    value<SaleView>(await services.handle('sale.markPaid', { saleId: 's_answered3dlater' }));
    const then = value<HistoryView>(await services.handle('history.day', { day }));
    expect(then.rows).toEqual([expect.objectContaining({ id: 's_answered3dlater', state: 'paid', canResolve: false })]);
    expect(then.summary).toMatchObject({ collectedPaise: 7_700, sales: { paid: { count: 1, paise: 7_700 }, unresolved: { count: 0, paise: 0 } } });
    const answered = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(answered.rows).toEqual([]);
    expect(answered.summary.collectedPaise).toBe(0);
  });

  it('in the preview, export hands the CSV to the browser; it parses back to the day\'s rows', async () => {
    await start();
    await sellPaid(12_345);
    const exported = value<ExportView>(await services.handle('history.export', { fromDay: today, toDay: today }));
    if (exported.kind !== 'download') throw new Error(`expected a download, got ${exported.kind}`);
    expect(exported.fileName).toBe(`counter-${today}.csv`);
    expect(exported).toMatchObject({ mimeType: 'text/csv;charset=utf-8', encoding: 'utf8' });
    const parsed = Papa.parse<Record<string, string>>(exported.content.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data).toEqual([expect.objectContaining({ Type: 'Sale', 'Amount (₹)': '123.45', State: 'Paid', 'Confirmed by': 'Marked by hand', Counter: 'Counter 1', Date: today })]);
  });

  it('in the preview, an Excel export is the workbook\'s bytes in base64, read back with its cells typed', async () => {
    await start();
    await sellPaid(12_345, '412345678901');
    const exported = value<ExportView>(await services.handle('history.export', { fromDay: today, toDay: today, format: 'xlsx' }));
    if (exported.kind !== 'download') throw new Error(`expected a download, got ${exported.kind}`);
    expect(exported).toMatchObject({ fileName: `counter-${today}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', encoding: 'base64', rows: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ExcelJS.Buffer);
    const row = workbook.worksheets[0]!.getRow(2);
    const header = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
    expect(cell('UTR').value).toBe('412345678901');
    expect(cell('Amount (₹)').value).toBe(123.45);
    expect(cell('Date').value).toBeInstanceOf(Date);
  });

  it('in the app, an Excel export writes the workbook\'s bytes where the owner chose', async () => {
    const target = join(dataDir, 'chosen.xlsx');
    const asked: string[] = [];
    await start({ chooseExportPath: async (name) => (asked.push(name), target) });
    await sellPaid(50_000);
    expect(value<ExportView>(await services.handle('history.export', { fromDay: today, toDay: today, format: 'xlsx' }))).toEqual({ kind: 'saved', path: target, rows: 1 });
    expect(asked).toEqual([`counter-${today}.xlsx`]);
    // A workbook is a zip: it starts with PK, not with text.
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.worksheets[0]!.rowCount).toBe(2);
  });

  it('in the app, export writes where the owner chose, and writes nothing when they cancel', async () => {
    const target = join(dataDir, 'chosen.csv');
    let answer: string | null = target;
    const asked: string[] = [];
    await start({ chooseExportPath: async (name) => (asked.push(name), answer) });
    await sellPaid(50_000);
    expect(value<ExportView>(await services.handle('history.export', { fromDay: today, toDay: today }))).toEqual({ kind: 'saved', path: target, rows: 1 });
    expect(readFileSync(target, 'utf8')).toContain(',500.00,Paid,');
    answer = null;
    expect(value<ExportView>(await services.handle('history.export', { fromDay: '2026-01-01', toDay: '2026-01-31' }))).toEqual({ kind: 'cancelled' });
    expect(asked).toEqual([`counter-${today}.csv`, 'counter-2026-01-01-to-2026-01-31.csv']);
  });

  it('a folder that cannot be written is a plain message, and the journal is untouched', async () => {
    await start({ chooseExportPath: async () => join(dataDir, 'no-such-folder', 'x.csv') });
    await sellPaid(1_000);
    const result = await services.handle('history.export', { fromDay: today, toDay: today });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringMatching(/could not write the file/) } });
    expect(value<HistoryView>(await services.handle('history.day', { day: today })).rows).toHaveLength(1);
  });

  it('refuses days that do not exist, backwards spans and spans over a year', async () => {
    await start();
    for (const [op, input, message] of [
      ['history.day', { day: '2026-02-30' }, /does not exist/],
      ['history.day', { day: '23/11/2026' }, /YYYY-MM-DD/],
      ['history.export', { fromDay: '2026-11-23', toDay: '2026-11-01' }, /must not be after/],
      ['history.export', { fromDay: '2024-01-01', toDay: '2026-01-01' }, /at most 366 days/],
      ['history.export', { fromDay: '2026-11-01', toDay: '2026-11-01', format: 'pdf' }, /csv|xlsx/],
    ] as const) {
      expect(await services.handle(op, input)).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } });
    }
  });
});

describe('History rows say how a sale ended and what can still be done', () => {
  it('a cancelled sale can be marked paid after all from History; the row then says paid after cancel, by a person', async () => {
    await start();
    const sale = value<SaleView>(await services.handle('sale.create', { amountPaise: 25_000 }));
    await services.handle('sale.cancel', { saleId: sale.saleId });
    await services.handle('sale.create', { amountPaise: 10_000 }); // the cashier moved on
    const before = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(before.rows.find((r) => r.id === sale.saleId)).toMatchObject({ state: 'cancelled', canMarkPaidLate: true, canResolve: false, confirmedBy: null });
    expect(await services.handle('sale.markPaidLate', { saleId: sale.saleId, utr: '509876543210' })).toMatchObject({ ok: true, value: { state: 'paid', paidAfterCancel: true, confirmedBy: 'person' } });
    const after = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(after.rows.find((r) => r.id === sale.saleId)).toMatchObject({ state: 'paid', paidAfterCancel: true, confirmedBy: 'person', canMarkPaidLate: false, utr: '509876543210' });
  });

  it('a refused QR keeps BOS\'s own code and words on its row', async () => {
    await start();
    await services.handle('sale.create', { amountPaise: 104 });
    const day = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(day.rows[0]).toMatchObject({ state: 'failed', noteCode: 'rejected', nextStep: 'fix_vpa', bosCode: '400', bosMessage: 'VPA does not exist for the account provided' });
  });

  it('a QR refused for a network fault says to check the internet; a paid row says when, and for whom', async () => {
    await start();
    await services.handle('sale.create', { amountPaise: 198 }); // the sandbox cuts the connection
    const paid = await sellPaid(30_000);
    const day = value<HistoryView>(await services.handle('history.day', { day: today }));
    expect(day.rows[0]).toMatchObject({ state: 'failed', noteCode: 'network', nextStep: 'check_internet' });
    const row = day.rows[1];
    expect(row).toMatchObject({ state: 'paid', payeeName: paid.reference!.payeeName, payeeVpa: paid.reference!.payeeVpa, nextStep: null });
    // The journal line's own time: written just after the sale took its paid time.
    const paidAt = Date.parse(row?.kind === 'sale' ? (row.paidAt ?? '') : '');
    expect(paidAt - Date.parse(paid.paidAt!)).toBeGreaterThanOrEqual(0);
    expect(paidAt - Date.parse(paid.paidAt!)).toBeLessThan(5_000);
    expect(day.summary).toMatchObject({ paidByBos: 0, paidByHand: 1 });
  });
});
