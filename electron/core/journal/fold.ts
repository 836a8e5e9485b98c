import { foldSales, type FoldedSale } from '../../contract/sale-fold';
import type { JournalEvent } from './types';

export { foldSales, isSettled, type FoldedSale, type SaleState as FoldedSaleState } from '../../contract/sale-fold';

/**
 * Sales the app stopped in the middle of: a QR that was showing, or a request
 * that never got its answer. On reopening they must be confirmed paid or
 * cancelled by a person, never silently expired.
 */
export function unresolvedSales(events: readonly JournalEvent[]): FoldedSale[] {
  return [...foldSales(events).values()].filter((s) => s.state === 'showing' || s.state === 'creating');
}
