import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { HistoryRow, SaleHistoryRow } from '../../electron/contract/views';
import { CSV_HEADER, historyCsv } from '../../electron/core/history/csv';
import { historyRows, summarize } from '../../electron/core/history/rows';
import { REFUND_STATE_WORDS, SALE_STATE_WORDS } from '../../electron/core/history/export-records';
import type { JournalEvent, JournalEventType } from '../../electron/core/journal/types';
import { rupeesToPaise } from '../../electron/contract/money';

let id = 0;
/** An event at a local wall-clock time on 23 Nov 2026 (day offset for the days around it). */
const at = (hour: number, minute: number, dayOffset = 0) => new Date(2026, 10, 23 + dayOffset, hour, minute).toISOString();
const ev = (type: JournalEventType, when: string, data: Record<string, unknown>, terminal = 'Till 1'): JournalEvent => ({ id: ++id, type, at: when, terminal, role: 'staff', data });

function sale(saleId: string, amountPaise: number, when: string, outcome: Array<[JournalEventType, string, Record<string, unknown>?]>): JournalEvent[] {
  return [
    ev('sale.requested', when, { saleId, amountPaise }),
    ...outcome.map(([type, time, extra]) => ev(type, time, { saleId, amountPaise, ...extra })),
  ];
}

/** A hand-made day: what a shop might do between opening and closing, with a crash and a sale across midnight. */
const DAY = '2026-11-23';
const events: JournalEvent[] = [
  ...sale('h', 5_000, at(23, 50, -1), [['sale.qr_issued', at(23, 50, -1), { txnRef: 'T-H' }], ['sale.paid', at(0, 5), { utr: null }]]),
  ...sale('a', 25_000, at(9, 5), [['sale.qr_issued', at(9, 5), { txnRef: 'T-A', qrId: 'qr_a' }], ['sale.paid', at(9, 6), { utr: '111111111111' }]]),
  ...sale('b', 9_950, at(9, 40), [['sale.qr_issued', at(9, 40), { txnRef: 'T-B' }], ['sale.expired', at(9, 45)], ['sale.paid', at(9, 47), { afterExpiry: true }]]),
  ...sale('c', 100_000, at(11, 10), [['sale.qr_issued', at(11, 10), { txnRef: 'T-C' }], ['sale.cancelled', at(11, 12)], ['sale.late_answer', at(11, 12)]]),
  ...sale('d', 1_000, at(11, 20), [['sale.qr_issued', at(11, 20), { txnRef: 'T-D' }], ['sale.expired', at(11, 25)]]),
  ...sale('e', 104, at(13, 0), [['sale.qr_refused', at(13, 0), { code: 'rejected', message: 'BOS turned the request down.', bosMessage: 'VPA does not exist for the account provided' }]]),
  ev('refund.otp_requested', at(14, 0), { referenceId: '12345678926', ackNo: '127' }),
  ev('refund.otp_sent', at(14, 0), { referenceId: '12345678926', ackNo: '127', responseCode: '1' }),
  ev('refund.claim_requested', at(14, 2), { referenceId: '12345678926', ackNo: '127' }),
  ev('refund.claimed', at(14, 2), { referenceId: '12345678926', ackNo: '127', responseCode: '1' }),
  ev('refund.otp_requested', at(14, 5), { referenceId: '12345678926', ackNo: '127' }),
  ev('refund.otp_refused', at(14, 5), { referenceId: '12345678926', ackNo: '127', code: 'rejected', bosMessage: 'Transaction not found or already refunded' }),
  ev('refund.otp_requested', at(15, 0), { referenceId: '55555555555', ackNo: '10' }),
  ev('refund.otp_refused', at(15, 0), { referenceId: '55555555555', ackNo: '10', code: 'rejected', bosMessage: 'Transaction not found or already refunded' }),
  ...sale('f', 50_000, at(18, 30), [['sale.qr_issued', at(18, 30), { txnRef: 'T-F' }]]),
  ...sale('g', 7_500, at(23, 59), [['sale.qr_issued', at(23, 59), { txnRef: 'T-G' }], ['sale.paid', at(0, 1, 1), { utr: '222222222222' }]]),
  ev('settings.changed', at(19, 0), { fields: ['terminalName'] }),
];

const rows = historyRows(events, { from: DAY, to: DAY }, { resolvable: new Set(['f']), liveSaleId: null });
const saleRow = (saleId: string) => rows.find((r): r is SaleHistoryRow => r.kind === 'sale' && r.id === saleId)!;

describe('History from the journal', () => {
  it('lists the day\'s sales and refunds in time order, each with its state, reference and UTR', () => {
    expect(rows.map((r) => [r.id, r.state])).toEqual([
      ['a', 'paid'], ['b', 'paid'], ['c', 'cancelled'], ['d', 'expired'], ['e', 'failed'],
      ['12345678926/127', 'claimed'], ['55555555555/10', 'otp_refused'], ['f', 'unresolved'], ['g', 'paid'],
    ]);
    expect(saleRow('a')).toMatchObject({ bosReference: 'T-A', utr: '111111111111', terminal: 'Till 1', canResolve: false });
    expect(saleRow('b')).toMatchObject({ paidAfterExpiry: true });
    expect(saleRow('e')).toMatchObject({ note: 'BOS turned the request down.', noteCode: 'rejected' });
    expect(rows.find((r) => r.id === '55555555555/10')).toMatchObject({ note: 'Transaction not found or already refunded', noteCode: 'rejected' });
    expect(saleRow('a')).toMatchObject({ note: null, noteCode: null });
    expect(saleRow('f')).toMatchObject({ state: 'unresolved', canResolve: true });
  });

  it('a sale on screen right now is showing, not unresolved', () => {
    const live = historyRows(events, { from: DAY, to: DAY }, { resolvable: new Set(['f']), liveSaleId: 'f' });
    expect(live.find((r) => r.id === 'f')).toMatchObject({ state: 'showing', canResolve: true });
  });

  it('a sale rung up before midnight and paid after belongs to the day it was rung up', () => {
    expect(rows.some((r) => r.id === 'h')).toBe(false);
    const before = historyRows(events, { from: '2026-11-22', to: '2026-11-22' }, { resolvable: new Set(), liveSaleId: null });
    expect(before.map((r) => [r.id, r.state])).toEqual([['h', 'paid']]);
  });

  it('an answer whose sale was rung up on another day is not this day\'s row, nor its takings', () => {
    const answerOnly = historyRows([ev('sale.paid', at(10, 0), { saleId: 'older', amountPaise: 9_900, afterRestart: true })], { from: DAY, to: DAY }, { resolvable: new Set(), liveSaleId: null });
    expect(answerOnly).toEqual([]);
  });

  it('the summary matches the day worked out by hand', () => {
    const summary = summarize(rows);
    // Paid: a ₹250 + b ₹99.50 + g ₹75 = ₹424.50.
    expect(summary.collectedPaise).toBe(42_450);
    expect(summary.sales.paid).toEqual({ count: 3, paise: 42_450 });
    expect(summary.sales.cancelled).toEqual({ count: 1, paise: 100_000 });
    expect(summary.sales.expired).toEqual({ count: 1, paise: 1_000 });
    expect(summary.sales.failed).toEqual({ count: 1, paise: 104 });
    expect(summary.sales.unresolved).toEqual({ count: 1, paise: 50_000 });
    expect(summary.sales.showing).toEqual({ count: 0, paise: 0 });
    expect(summary.paidAfterExpiry).toBe(1);
    expect(summary.refundsClaimed).toBe(1);
    expect(summary.refundsRefused).toBe(1);
    const byHour = Object.fromEntries(summary.collectedByHour.map((p, h) => [h, p]).filter(([, p]) => p !== 0));
    expect(byHour).toEqual({ 9: 34_950, 23: 7_500 });
  });
});

describe('what History says about how a sale was paid and what to do about a refusal', () => {
  const day = historyRows(
    [
      ...sale('bos', 20_000, at(10, 0), [['sale.qr_issued', at(10, 0), { txnRef: 'T-1', payeeName: 'Shop', payeeVpa: 'shop@okaxis' }], ['sale.payment_confirmed', at(10, 1), { utr: '333333333333', via: 'hub' }]]),
      ...sale('hand', 5_000, at(10, 5), [['sale.qr_issued', at(10, 5), { txnRef: 'T-2' }], ['sale.paid', at(10, 7), { utr: null }], ['sale.payment_confirmed', at(10, 9), { afterPaid: true }]]),
      ...sale('byhand', 1_000, at(10, 10), [['sale.qr_issued', at(10, 10), { txnRef: 'T-3' }], ['sale.paid', at(10, 11), { utr: null }]]),
      ...sale('net', 198, at(11, 0), [['sale.qr_refused', at(11, 0), { code: 'network', message: 'Cannot reach BOS.' }]]),
      ...sale('payee', 2_500, at(11, 5), [['sale.qr_refused', at(11, 5), { code: 'payee_changed', message: 'This QR would pay someone else.' }]]),
      ...sale('other', 2_500, at(11, 6), [['sale.qr_refused', at(11, 6), { code: 'rejected', message: 'BOS said no.', bosCode: '400', bosMessage: 'Amount limit exceeded' }]]),
    ],
    { from: DAY, to: DAY },
    { resolvable: new Set(), liveSaleId: null },
  );
  const row = (saleId: string) => day.find((r): r is SaleHistoryRow => r.kind === 'sale' && r.id === saleId)!;

  it('a paid row keeps when it was first paid and for whom its QR was', () => {
    expect(row('bos')).toMatchObject({ confirmedBy: 'bos', paidAt: at(10, 1), payeeName: 'Shop', payeeVpa: 'shop@okaxis' });
    // BOS's word after a person's keeps the first paid time.
    expect(row('hand')).toMatchObject({ confirmedBy: 'bos', paidAt: at(10, 7) });
    expect(row('byhand')).toMatchObject({ confirmedBy: 'person', paidAt: at(10, 11) });
  });

  it('the summary counts paid sales BOS confirmed apart from those marked by hand', () => {
    expect(summarize(day)).toMatchObject({ paidByBos: 2, paidByHand: 1 });
  });

  it('a refused row names its next step by code, and by BOS\'s words for the VPA refusal', () => {
    expect(saleRow('e').nextStep).toBe('fix_vpa');
    expect(row('net').nextStep).toBe('check_internet');
    expect(row('payee').nextStep).toBe('accept_payee');
    expect(row('other').nextStep).toBe('ask_bos');
    expect(row('bos').nextStep).toBeNull();
    expect(rows.find((r) => r.id === '55555555555/10')?.nextStep).toBe('ask_bos');
  });
});

describe('CSV export', () => {
  const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

  it('parsed back by a CSV library, it equals the journal\'s rows', () => {
    const csv = historyCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parse(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
    expect(parsed.data).toHaveLength(rows.length);
    parsed.data.forEach((line, i) => {
      const row: HistoryRow = rows[i]!;
      expect(line.ID).toBe(row.id);
      expect(line.State).toBe(row.kind === 'sale' ? SALE_STATE_WORDS[row.state] : REFUND_STATE_WORDS[row.state]);
      expect(line.Counter).toBe(row.terminal);
      if (row.kind === 'sale') {
        expect(line.Type).toBe('Sale');
        expect(rupeesToPaise(line['Amount (₹)']!)).toBe(row.amountPaise);
        expect(line['BOS reference']).toBe(row.bosReference ?? '');
        expect(line.UTR).toBe(row.utr ?? '');
      } else {
        expect(line.Type).toBe('Refund');
        expect(line['Reference ID']).toBe(row.referenceId);
        expect(line['Ack No']).toBe(row.ackNo);
      }
    });
  });

  it('writes ISO days, ISO 8601 local times with their offset and rupees with two decimals', () => {
    const [a, b] = parse(historyCsv(rows)).data;
    expect(a).toMatchObject({ Date: '2026-11-23', 'Amount (₹)': '250.00' });
    expect(a!.Time).toMatch(/^2026-11-23T09:05:00[+-]\d\d:\d\d$/);
    expect(b).toMatchObject({ 'Amount (₹)': '99.50', 'Paid after expiry': 'yes' });
  });

  it('quotes commas and quotes, and defuses text a spreadsheet would run as a formula', () => {
    const hostile = historyRows(
      [ev('sale.requested', at(10, 0), { saleId: 'x', amountPaise: 100 }, '=HYPERLINK("http://x","Till, 2")'), ev('sale.qr_refused', at(10, 0), { saleId: 'x', amountPaise: 100, code: 'rejected', message: '"Bad", said BOS' })],
      { from: DAY, to: DAY },
      { resolvable: new Set(), liveSaleId: null },
    );
    const [line] = parse(historyCsv(hostile)).data;
    expect(line!.Counter).toBe('\'=HYPERLINK("http://x","Till, 2")');
    expect(line!.Note).toBe('"Bad", said BOS');
  });

  it('an empty day is a header row alone', () => {
    expect(historyCsv([])).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
    expect(CSV_HEADER.every((header) => !/[",]/.test(header))).toBe(true);
  });
});
