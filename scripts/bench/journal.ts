// Journal figures: append latency with fsync, and opening + summarising a day and a year.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDay, shiftDay } from '../../electron/contract/days';
import { createFileJournal } from '../../electron/core/journal/append';
import { historyRows, summarize, type DaySpan } from '../../electron/core/history/rows';
import { readRange } from '../../electron/core/journal/read';
import type { JournalEvent } from '../../electron/core/journal/types';
import { quantile, ms, timeIt, timedRow, type Row } from './stats';

/** A day file of `events` lines: sales of three events each (requested, QR issued, then paid or cancelled). */
function writeDay(dir: string, day: string, events: number, firstId: number): void {
  const lines: string[] = [];
  const base = Date.parse(`${day}T03:30:00Z`);
  for (let i = 0; lines.length < events; i += 1) {
    const saleId = `s${day}_${i}`;
    const amountPaise = 100 + ((i * 7919) % 500_000);
    const at = (k: number) => new Date(base + i * 20_000 + k * 1_000).toISOString();
    const make = (type: JournalEvent['type'], k: number, data: Record<string, unknown>): JournalEvent => ({ id: firstId + lines.length, type, at: at(k), terminal: 'bench', role: 'staff', data: { saleId, amountPaise, ...data } });
    lines.push(JSON.stringify(make('sale.requested', 0, {})));
    lines.push(JSON.stringify(make('sale.qr_issued', 1, { qrId: `qr_${i}`, txnRef: `T${i}`, ttlMs: 300_000 })));
    lines.push(JSON.stringify(i % 5 === 4 ? make('sale.cancelled', 2, {}) : make('sale.paid', 2, { utr: i % 2 ? '123456789012' : null })));
  }
  writeFileSync(join(dir, `${day}.jsonl`), `${lines.slice(0, events).join('\n')}\n`);
}

const noneOpen = { resolvable: new Set<string>(), liveSaleId: null };
async function openAndSummarise(dir: string, span: DaySpan): Promise<number> {
  const read = await readRange(dir, shiftDay(span.from, -1), shiftDay(span.to, 1));
  return summarize(historyRows(read.events, span, noneOpen)).collectedPaise;
}

export async function journalFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  try {
    const journal = createFileJournal({ dir: join(dir, 'appends'), terminal: () => 'bench' });
    const appends = await timeIt(2_000, () => journal.append('sale.requested', { saleId: 's', amountPaise: 1000 }));
    await journal.close();
    rows.push({ figure: 'journal append with fsync (2,000)', target: 'p99 < 10 ms', median: ms(quantile(appends, 0.5)), p95: `${ms(quantile(appends, 0.95))}; p99 ${ms(quantile(appends, 0.99))}` });

    const dayDir = join(dir, 'day');
    mkdirSync(dayDir);
    const today = localDay(new Date());
    writeDay(dayDir, today, 10_000, 1);
    rows.push(timedRow('open + summarise a day of 10,000 events', '—', await timeIt(7, () => openAndSummarise(dayDir, { from: today, to: today }))));

    const yearDir = join(dir, 'year');
    mkdirSync(yearDir);
    const first = shiftDay(today, -364);
    for (let d = 0; d < 365; d += 1) writeDay(yearDir, shiftDay(first, d), d < 365 - (100_000 % 365) ? Math.floor(100_000 / 365) : Math.ceil(100_000 / 365), d * 1_000 + 1);
    rows.push(timedRow('open + summarise a year of 100,000 events (365 files)', '< 1 s', await timeIt(5, () => openAndSummarise(yearDir, { from: first, to: today }))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
