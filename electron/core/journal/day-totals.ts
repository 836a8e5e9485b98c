import { localDay } from '../../contract/days';
import type { SaleStateTotals } from '../../contract/hub';
import { foldSales } from './fold';
import { readRecent } from './recent';
import { inSpan, readSpan } from './span';

/** What this counter's journal says for one day: sales rung up that day, by state (as the hub folds them too). */
export async function dayTotals(dir: string, day: string): Promise<SaleStateTotals> {
  const totals: SaleStateTotals = { creating: { count: 0, paise: 0 }, showing: { count: 0, paise: 0 }, paid: { count: 0, paise: 0 }, cancelled: { count: 0, paise: 0 }, expired: { count: 0, paise: 0 }, failed: { count: 0, paise: 0 } };
  const span = { from: day, to: day };
  const read = await readSpan(dir, span);
  for (const sale of foldSales(read.events).values()) {
    if (!sale.requested || !inSpan(sale.requestedAt, span)) continue;
    totals[sale.state].count += 1;
    totals[sale.state].paise += sale.amountPaise;
  }
  return totals;
}

/**
 * The local day each of these sales was rung up on, from its `sale.requested` line in the recent files
 * (where a sale can still be answered): a later line of a sale changes that day's totals, not its own.
 */
export async function saleDays(dir: string, saleIds: readonly string[], now: Date = new Date()): Promise<Map<string, string>> {
  const wanted = new Set(saleIds);
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  for (const event of (await readRecent(dir, now)).events) {
    const saleId = event.data.saleId;
    if (event.type === 'sale.requested' && typeof saleId === 'string' && wanted.has(saleId)) found.set(saleId, localDay(new Date(event.at)));
  }
  return found;
}
