import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleHistoryRow } from '../../electron/contract/views';
import { shiftDay } from '../../electron/contract/days';
import { historyRows, summarize, type DaySpan } from '../../electron/core/history/rows';
import { readSpan } from '../../electron/core/journal/span';
import type { JournalEventType } from '../../electron/core/journal/types';
import { faultyFiles } from '../support/faulty-files';
import { openSale, writeLines } from '../support/journal-lines';

let dir: string;
const D = '2026-11-23';
const span: DaySpan = { from: D, to: D };
const noneOpen = { resolvable: new Set<string>(), liveSaleId: null };
const rowsOf = async (s: DaySpan) => historyRows((await readSpan(dir, s)).events, s, noneOpen) as SaleHistoryRow[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-journal-span-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('History for a span sees answers written days later', () => {
  it('a sale rung up on a day and answered three days later is that day\'s, and not counted on the day of the answer', async () => {
    openSale(dir, D, 'late', 7_700);
    writeLines(dir, shiftDay(D, 3), [['sale.paid', { saleId: 'late', amountPaise: 7_700, utr: '123456789012', afterRestart: true }]]);
    const then = await rowsOf(span);
    expect(then.map((r) => [r.id, r.state, r.utr])).toEqual([['late', 'paid', '123456789012']]);
    expect(summarize(then).collectedPaise).toBe(7_700);
    const answerDay = { from: shiftDay(D, 3), to: shiftDay(D, 3) };
    expect(await rowsOf(answerDay)).toEqual([]);
    expect(summarize(await rowsOf(answerDay)).collectedPaise).toBe(0);
  });

  it('finds answers up to the restore window after the span, and in the next day files when the shop was shut', async () => {
    openSale(dir, D, 'week', 100);
    openSale(dir, D, 'shut', 200);
    writeLines(dir, shiftDay(D, 7), [['sale.cancelled', { saleId: 'week', amountPaise: 100, afterRestart: true }]]);
    writeLines(dir, shiftDay(D, 30), [['sale.paid', { saleId: 'shut', amountPaise: 200, afterRestart: true }]]);
    expect((await rowsOf(span)).map((r) => [r.id, r.state])).toEqual([['week', 'cancelled'], ['shut', 'paid']]);
  });

  it('a paid-after-expiry answer days later turns the expired sale paid', async () => {
    openSale(dir, D, 'exp', 300);
    writeLines(dir, D, [['sale.expired', { saleId: 'exp', amountPaise: 300 }, 6]]);
    writeLines(dir, shiftDay(D, 2), [['sale.paid', { saleId: 'exp', amountPaise: 300, afterExpiry: true }]]);
    expect(await rowsOf(span)).toEqual([expect.objectContaining({ id: 'exp', state: 'paid', paidAfterExpiry: true })]);
  });

  it('takes from later files only the lines of the span\'s own open sales', async () => {
    openSale(dir, D, 'mine', 100);
    writeLines(dir, shiftDay(D, 2), [
      ['sale.requested', { saleId: 'other', amountPaise: 999 }],
      ['sale.paid', { saleId: 'other', amountPaise: 999, note: { saleId: 'mine' } }, 1],
      ['sale.paid', { saleId: 'mine', amountPaise: 100 }, 2],
    ]);
    const { events } = await readSpan(dir, span);
    expect(events.filter((e) => e.at > `${shiftDay(D, 2)}`).map((e) => e.data.saleId)).toEqual(['mine']);
  });

  it('finds every answer when a day left many sales open (more than it searches for one by one)', async () => {
    const ids = Array.from({ length: 20 }, (_, n) => `crash${n}`);
    for (const saleId of ids) openSale(dir, D, saleId, 100);
    writeLines(dir, shiftDay(D, 4), [
      ['sale.paid', { saleId: 'elsewhere', amountPaise: 1, note: { saleId: 'crash0' } }],
      ...ids.map((saleId, n): [JournalEventType, Record<string, unknown>, number] => [n % 2 ? 'sale.paid' : 'sale.cancelled', { saleId, amountPaise: 100 }, n + 1]),
    ]);
    const rows = await rowsOf(span);
    expect(rows.map((r) => r.state)).toEqual(ids.map((_, n) => (n % 2 ? 'paid' : 'cancelled')));
    expect(summarize(rows).collectedPaise).toBe(10 * 100);
  });

  it('stops reading later files once every open sale of the span is settled', async () => {
    openSale(dir, D, 'crash', 100);
    for (let n = 2; n <= 7; n += 1) writeLines(dir, shiftDay(D, n), [['settings.changed', {}]]);
    writeLines(dir, shiftDay(D, 3), [['sale.paid', { saleId: 'crash', amountPaise: 100, afterRestart: true }, 5]]);
    const layer = faultyFiles();
    const { events } = await readSpan(dir, span, layer.files);
    expect(events.at(-1)).toMatchObject({ type: 'sale.paid', data: { saleId: 'crash' } });
    expect(layer.calls).toEqual([0, 2, 3].map((n) => `read ${shiftDay(D, n)}.jsonl`));
  });

  it('reads no file beyond the day after when every sale of the span is settled', async () => {
    writeLines(dir, D, [['sale.requested', { saleId: 'a', amountPaise: 100 }], ['sale.paid', { saleId: 'a', amountPaise: 100 }, 1]]);
    for (let n = -2; n <= 8; n += 1) if (n !== 0) writeLines(dir, shiftDay(D, n), [['settings.changed', {}]]);
    const layer = faultyFiles();
    await readSpan(dir, span, layer.files);
    expect(layer.calls).toEqual([shiftDay(D, -1), D, shiftDay(D, 1)].map((d) => `read ${d}.jsonl`));
  });
});
