import type { ExpectationRequest } from '../../contract/hub';
import type { SaleView } from '../../contract/views';
import { intentTr } from '../upi';

/** What the hub is told to watch for while a QR shows: its id, BOS's reference, the intent's `tr`, the amount. */
export function expectationOf(sale: SaleView | null): ExpectationRequest | null {
  if (sale?.state !== 'showing' || !sale.qr) return null;
  const { qrId, txnRef, intent, expiresAt } = sale.qr;
  return { saleId: sale.saleId, qrId, txnRef, tr: intentTr(intent), amountPaise: sale.amountPaise, expiresAt };
}
