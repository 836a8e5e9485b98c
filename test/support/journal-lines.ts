// Writes journal day files by hand, as the app would have written them on another day (or under another clock).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { JournalEvent, JournalEventType } from '../../electron/core/journal/types';

/** Noon, local time, on a YYYY-MM-DD day: safely inside that local day. */
export function noonOf(day: string, minute = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, minute);
}

/** Appends lines to `<dir>/<day>.jsonl`, with ids from the time as the journal takes them. */
export function writeLines(dir: string, day: string, lines: Array<[JournalEventType, Record<string, unknown>, number?]>): JournalEvent[] {
  mkdirSync(dir, { recursive: true });
  const events = lines.map(([type, data, minute = 0]) => {
    const at = noonOf(day, minute);
    return { id: at.getTime() * 1000 + minute, type, at: at.toISOString(), terminal: 'Till 1', role: 'staff' as const, data };
  });
  appendFileSync(join(dir, `${day}.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return events;
}

/** A sale rung up and shown as a QR on that day, then left open (the app stopped). */
export function openSale(dir: string, day: string, saleId: string, amountPaise: number): JournalEvent[] {
  return writeLines(dir, day, [
    ['sale.requested', { saleId, amountPaise }],
    ['sale.qr_issued', { saleId, amountPaise, qrId: `qr_${saleId}`, txnRef: `T_${saleId}`, ttlMs: 300_000 }, 1],
  ]);
}
