import type { PosError } from '../../contract/errors';
import type { BosPaymentView, ReportedPaymentView, SaleView } from '../../contract/views';
import type { DynamicQr } from '../bos';
import type { FoldedSale } from '../journal';

/** One sale as the counter holds it in memory. Its fields change only through the functions below. */
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

/** A sale of the restore window as its journal lines left it (an open one comes back unresolved). */
export function restoredSale(folded: FoldedSale): Sale {
  const open = folded.state === 'showing' || folded.state === 'creating';
  const sale: Sale = { ...newSale(folded.saleId, folded.amountPaise, folded.requestedAt), state: open ? 'unresolved' : folded.state, qrId: folded.qrId, utr: open ? null : folded.utr };
  if (folded.txnRef) sale.reference = { txnRef: folded.txnRef, payeeName: folded.payeeName ?? '', payeeVpa: folded.payeeVpa ?? '' };
  return sale;
}

/** Being made or shown: the cashier is busy with it. */
export function isOpen(sale: Sale): boolean {
  return sale.state === 'creating' || sale.state === 'showing';
}

export function remainingMs(sale: Sale, now: number): number {
  if (!sale.qr) return 0;
  return Math.max(0, sale.qr.ttlMs - (now - sale.qr.receivedAt));
}

export function referenceOf(qr: DynamicQr): NonNullable<SaleView['reference']> {
  return { txnRef: qr.txnRefranceID, payeeName: qr.payeeName, payeeVpa: qr.payeeVpa };
}

/** BOS's QR, its intent verified, goes on screen; `expired` runs when its time is up. */
export function showQr(sale: Sale, qr: DynamicQr, now: number, expired: () => void): void {
  sale.qr = qr;
  sale.qrId = qr.qrId;
  sale.reference = referenceOf(qr);
  sale.state = 'showing';
  sale.expiryTimer = setTimeout(expired, remainingMs(sale, now));
  sale.expiryTimer.unref?.();
}

export function failSale(sale: Sale, error: PosError): void {
  sale.state = 'failed';
  sale.error = error;
}

export function endSale(sale: Sale, state: 'paid' | 'cancelled' | 'expired'): void {
  if (sale.expiryTimer) clearTimeout(sale.expiryTimer);
  sale.expiryTimer = null;
  sale.state = state;
}

/** How a sale was paid: who said so, with which UTR, and whether its QR had expired or the sale was cancelled. */
export interface PaidHow {
  confirmedBy: 'bos' | 'person';
  /** BOS's payment, when BOS said so. */
  payment: BosPaymentView | null;
  utr: string | null;
  paidAt: string;
  afterExpiry: boolean;
  afterCancel: boolean;
}

export function paySale(sale: Sale, how: PaidHow): void {
  sale.confirmedBy = how.confirmedBy;
  if (how.payment) {
    sale.payment = how.payment;
    sale.reported = null;
  }
  sale.utr = how.utr;
  sale.paidAt = how.paidAt;
  sale.paidAfterExpiry = how.afterExpiry;
  sale.paidAfterCancel = how.afterCancel;
  endSale(sale, 'paid');
}

/** BOS confirms a sale a person had already marked paid: the record now says BOS, with its payment. */
export function confirmPaidSale(sale: Sale, payment: BosPaymentView): void {
  sale.confirmedBy = 'bos';
  sale.payment = payment;
}

/** BOS reported money this sale cannot take as paid (another amount, a sale already over): shown to a person. */
export function reportPayment(sale: Sale, reported: ReportedPaymentView): void {
  sale.reported = reported;
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
