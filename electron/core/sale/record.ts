import type { PosError } from '../../contract/errors';
import type { BosPaymentView, ReportedPaymentView, SaleView } from '../../contract/views';
import type { DynamicQr } from '../bos';

/** One sale as the desk holds it in memory. */
export interface Sale {
  id: string;
  amountPaise: number;
  state: SaleView['state'];
  /** Wall-clock ISO time the sale was rung up (for people: History, the unresolved-sale card). */
  requestedAt: string;
  qr: DynamicQr | null;
  /** Kept after the QR is gone (and restored after a restart) so a receipt and an unresolved sale can say which QR it was. */
  reference: SaleView['reference'];
  utr: string | null;
  paidAt: string | null;
  paidAfterExpiry: boolean;
  /** Marked paid after it had been cancelled ("the customer paid after all"). */
  paidAfterCancel: boolean;
  /** BOS's QR id (kept after a restart, when `qr` is gone): a payment must be for this QR. */
  qrId: string | null;
  confirmedBy: SaleView['confirmedBy'];
  payment: BosPaymentView | null;
  reported: ReportedPaymentView | null;
  error: PosError | null;
  expiryTimer: ReturnType<typeof setTimeout> | null;
}

export function newSale(id: string, amountPaise: number, requestedAt: string): Sale {
  return { id, amountPaise, state: 'creating', requestedAt, qr: null, reference: null, utr: null, paidAt: null, paidAfterExpiry: false, paidAfterCancel: false, qrId: null, confirmedBy: null, payment: null, reported: null, error: null, expiryTimer: null };
}

export function remainingMs(sale: Sale, now: number): number {
  if (!sale.qr) return 0;
  return Math.max(0, sale.qr.ttlMs - (now - sale.qr.receivedAt));
}

export function referenceOf(qr: DynamicQr): NonNullable<SaleView['reference']> {
  return { txnRef: qr.txnRefranceID, payeeName: qr.payeeName, payeeVpa: qr.payeeVpa };
}

/** What the windows are shown: a QR only while the sale is showing, so no screen can draw one for a sale that is over. */
export function saleView(sale: Sale, now: number): SaleView {
  const qr = sale.state === 'showing' && sale.qr ? sale.qr : null;
  return {
    saleId: sale.id,
    state: sale.state,
    amountPaise: sale.amountPaise,
    requestedAt: sale.requestedAt,
    qr: qr && {
      intent: qr.intent,
      payeeName: qr.payeeName,
      payeeVpa: qr.payeeVpa,
      txnRef: qr.txnRefranceID,
      qrId: qr.qrId,
      remainingMs: remainingMs(sale, now),
      ttlMs: qr.ttlMs,
      expiryStated: qr.expiryStated,
      expiresAt: qr.expiresAt,
    },
    reference: sale.qr ? referenceOf(sale.qr) : sale.reference,
    utr: sale.utr,
    paidAt: sale.paidAt,
    paidAfterExpiry: sale.paidAfterExpiry,
    paidAfterCancel: sale.paidAfterCancel,
    confirmedBy: sale.confirmedBy,
    payment: sale.payment,
    reported: sale.reported,
    error: sale.error,
  };
}
