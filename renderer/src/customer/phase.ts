import type { CustomerView } from '../../../electron/contract/customer';
import type { QrView, SaleView } from '../../../electron/contract/views';

/** What the customer display shows for a view. */
export type Phase =
  | { kind: 'idle' }
  | { kind: 'creating'; sale: SaleView }
  | { kind: 'showing'; sale: SaleView; qr: QrView }
  | { kind: 'paid'; sale: SaleView }
  | { kind: 'expired'; sale: SaleView };

/** The key a paid or expired screen is held and dismissed by. */
export const holdKey = (sale: SaleView): string => `${sale.saleId}:${sale.state}`;

/**
 * The phase for a sale. A QR appears only while the sale is showing and has one; a failed,
 * cancelled or unresolved sale is the cashier's business, so the customer sees the welcome.
 * `dismissed` is the hold key of a paid or expired screen whose hold is over.
 */
export function phaseOf(view: CustomerView | null, dismissed: string | null = null): Phase {
  const sale = view?.sale;
  if (!sale) return { kind: 'idle' };
  switch (sale.state) {
    case 'creating':
      return { kind: 'creating', sale };
    case 'showing':
      return sale.qr ? { kind: 'showing', sale, qr: sale.qr } : { kind: 'creating', sale };
    case 'paid':
    case 'expired':
      return dismissed === holdKey(sale) ? { kind: 'idle' } : { kind: sale.state, sale };
    default:
      return { kind: 'idle' };
  }
}
