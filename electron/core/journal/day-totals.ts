import type { SaleStateTotals } from '../../contract/hub';
import { foldSales } from './fold';
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
