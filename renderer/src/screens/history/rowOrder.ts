import type { HistoryRow } from '../../../../electron/contract';

export type RowOrder = 'newest' | 'oldest';
export const ROW_ORDERS: readonly RowOrder[] = ['newest', 'oldest'];

/** Main lists rows oldest first; the screen shows the sale just made at the top unless asked otherwise. */
export function orderRows(rows: readonly HistoryRow[], order: RowOrder): HistoryRow[] {
  const oldest = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return order === 'oldest' ? oldest : oldest.reverse();
}
