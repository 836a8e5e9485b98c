import type { HistoryRow } from '../../../../electron/contract';
import { parseAmount } from '../../../../electron/contract/money';

export type HistoryFilter = 'all' | 'paid' | 'open' | 'cancelled' | 'expired' | 'failed' | 'refunds';
export const HISTORY_FILTERS: readonly HistoryFilter[] = ['all', 'paid', 'open', 'cancelled', 'expired', 'failed', 'refunds'];

function byFilter(row: HistoryRow, filter: HistoryFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'refunds') return row.kind === 'refund';
  if (row.kind !== 'sale') return false;
  if (filter === 'open') return row.state === 'unresolved' || row.state === 'showing' || row.state === 'creating';
  return row.state === filter;
}

/** An amount ("250", "₹1,250.50") matches that exact amount; anything else matches part of a reference. */
function bySearch(row: HistoryRow, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  const amount = parseAmount(q, { capPaise: Number.MAX_SAFE_INTEGER });
  if (amount.ok && row.kind === 'sale' && row.amountPaise === amount.value) return true;
  const needle = q.toLowerCase();
  const references = row.kind === 'sale' ? [row.bosReference, row.utr, row.id] : [row.referenceId, row.ackNo];
  return references.some((ref) => ref?.toLowerCase().includes(needle));
}

export const filterRows = (rows: readonly HistoryRow[], filter: HistoryFilter, query: string): HistoryRow[] =>
  rows.filter((row) => byFilter(row, filter) && bySearch(row, query));
