import { shiftDay } from '../../contract/days';
import type { SaleStateTotals } from '../../contract/hub';
import { foldSales, readRecent, readSpan } from '../journal';

const IST_OFFSET_MS = 330 * 60_000;

/**
 * The shop's day of an instant: IST (UTC+05:30 all year), as the hub counts days for the owner
 * (electron/hub/journal/days.ts, which core may not import). The same as History's on a PC that keeps
 * IST; a PC set to another zone still reports the days the owner sees.
 */
export function shopDay(at: string): string | null {
  const ms = Date.parse(at);
  return Number.isFinite(ms) ? new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10) : null;
}

/** What this counter's journal says for one shop day: sales rung up that day, by state (as the hub folds them too). */
export async function dayTotals(dir: string, day: string): Promise<SaleStateTotals> {
  const totals: SaleStateTotals = { creating: { count: 0, paise: 0 }, showing: { count: 0, paise: 0 }, paid: { count: 0, paise: 0 }, cancelled: { count: 0, paise: 0 }, expired: { count: 0, paise: 0 }, failed: { count: 0, paise: 0 } };
  // The PC's day files around it: an IST day lies within the local days either side of it in any zone.
  const read = await readSpan(dir, { from: shiftDay(day, -1), to: shiftDay(day, 1) });
  for (const sale of foldSales(read.events).values()) {
    if (!sale.requested || shopDay(sale.requestedAt) !== day) continue;
    totals[sale.state].count += 1;
    totals[sale.state].paise += sale.amountPaise;
  }
  return totals;
}

/**
 * The shop day each of these sales was rung up on, from its `sale.requested` line in the recent files
 * (where a sale can still be answered): a later line of a sale changes that day's totals, not its own.
 */
export async function saleDays(dir: string, saleIds: readonly string[], now: Date = new Date()): Promise<Map<string, string>> {
  const wanted = new Set(saleIds);
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  for (const event of (await readRecent(dir, now)).events) {
    const saleId = event.data.saleId;
    const day = shopDay(event.at);
    if (event.type === 'sale.requested' && typeof saleId === 'string' && wanted.has(saleId) && day !== null) found.set(saleId, day);
  }
  return found;
}
