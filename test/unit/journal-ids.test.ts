import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shiftDay } from '../../electron/contract/days';
import { createFileJournal, localDay } from '../../electron/core/journal/append';
import { readRange } from '../../electron/core/journal/read';
import { recentDays } from '../../electron/core/journal/recent';

let dir: string;
const DAY_MS = 86_400_000;
const start = new Date(2026, 10, 23, 10, 0).getTime();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'counter-journal-ids-'));
  // The PC clock, as every part of the app sees it (Date.now and new Date).
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function run(clock: number, sales: number) {
  vi.setSystemTime(clock);
  const journal = createFileJournal({ dir, terminal: () => 'Counter 1' });
  const ids: number[] = [];
  for (let n = 0; n < sales; n += 1) ids.push((await journal.append('sale.requested', { saleId: `s${clock}_${n}`, amountPaise: 100 })).id);
  await journal.close();
  return ids;
}

describe('event ids when the PC clock goes back', () => {
  it.each([
    ['a day', DAY_MS],
    ['a year', 365 * DAY_MS],
  ])('rise strictly across restarts when the clock goes back %s', async (_name, back) => {
    const before = await run(start, 3);
    const after = await run(start - back, 3);
    const again = await run(start - back + 60_000, 2);
    const all = [...before, ...after, ...again];
    expect(all.every((id, i) => i === 0 || id > all[i - 1]!)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([`${localDay(new Date(start - back))}.jsonl`, `${localDay(new Date(start))}.jsonl`]);
  });

  it('rise above every id in the newest files, whatever their dates, even with an older file for today', async () => {
    const today = localDay(new Date(start));
    const line = (id: number) => `${JSON.stringify({ id, type: 'sale.requested', at: new Date(start).toISOString(), terminal: 'T', role: 'staff', data: {} })}\n`;
    writeFileSync(join(dir, `${today}.jsonl`), line(start * 1000));
    writeFileSync(join(dir, `${shiftDay(today, 1)}.jsonl`), line(start * 1000 + 5 * 10 ** 9) + line(start * 1000 + 10 ** 9));
    writeFileSync(join(dir, `${shiftDay(today, 400)}.jsonl`), line(start * 1000 + 10 ** 10));
    const [id] = await run(start, 1);
    expect(id).toBe(start * 1000 + 10 ** 10 + 1);
  });

  it('a damaged line claiming an enormous id does not stop them rising as whole numbers', async () => {
    const today = localDay(new Date(start));
    writeFileSync(join(dir, `${today}.jsonl`), '{"id":1e400,"type":"sale.requested","at":"x","terminal":"T","role":"staff","data":{}}\n{"id":99999999999999999999,"type":"sale.requested","at":"x","terminal":"T","role":"staff","data":{}}\n');
    const ids = await run(start, 2);
    expect(ids.every(Number.isSafeInteger)).toBe(true);
    expect(ids[1]).toBeGreaterThan(ids[0]!);
    const { events } = await readRange(dir, today, today);
    expect(events.slice(-2).map((e) => e.id)).toEqual(ids);
  });
});

describe('the newest day files', () => {
  it('are the newest eight by name, and every file dated in the seven days up to today', () => {
    const days = ['2025-01-01', '2026-11-10', '2026-11-16', '2026-11-20', '2026-11-23', '2026-11-24', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06'];
    expect(recentDays(days, '2026-11-23', 7)).toEqual(['2026-11-16', '2026-11-20', '2026-11-23', '2026-11-24', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04', '2027-01-05', '2027-01-06']);
    // A shop shut for a month: its last days are still the newest, so a sale left open then is still found.
    expect(recentDays(['2026-09-01', '2026-10-01', '2026-10-02'], '2026-11-23', 7)).toEqual(['2026-09-01', '2026-10-01', '2026-10-02']);
  });
});
