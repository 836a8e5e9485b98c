import type { HubPayment } from '../../contract/hub';
import type { BosPaymentView, ReportedPaymentView } from '../../contract/views';
import type { Sale } from './record';

/** A payment BOS reported for one of this counter's sales: from the hub's webhook push, or the status call. */
export interface BosPayment {
  paymentId: string;
  saleId: string;
  /** The QR it paid, when the source says (the status call is asked about one QR, so it is that one). */
  qrId: string | null;
  amountPaise: number;
  currency: string;
  utr: string | null;
  payerVpa: string | null;
  via: BosPaymentView['via'];
}

/** A payment the hub pushed (BOS's webhook, matched to this counter's QR), as the sale judges it. */
export function paymentFromHub(payment: HubPayment): BosPayment {
  const { paymentId, saleId, qrId, amountPaise, currency, utr, payerVpa } = payment;
  return { paymentId, saleId, qrId, amountPaise, currency, utr, payerVpa, via: 'hub' };
}

/**
 * What a payment means for its sale. `confirm`: the sale is paid, BOS said so. `report`: shown to a
 * person, who decides (another amount; a sale already over). `ignore`: not this sale's QR.
 */
export type PaymentJudgement =
  | { kind: 'confirm' }
  | { kind: 'report'; reason: ReportedPaymentView['reason'] }
  | { kind: 'already_paid' }
  | { kind: 'ignore'; why: string };

/** `onScreen`: the sale is the one the cashier is looking at (an expired QR still on screen counts). */
export function judgePayment(sale: Sale, payment: BosPayment, onScreen: boolean): PaymentJudgement {
  const qrId = sale.qr?.qrId ?? sale.qrId;
  if (payment.qrId && qrId && payment.qrId !== qrId) return { kind: 'ignore', why: `for QR ${payment.qrId}, not this sale's ${qrId}` };
  if (payment.currency.toUpperCase() !== 'INR') return { kind: 'ignore', why: `in ${payment.currency}, not INR` };
  if (sale.state === 'paid') return { kind: 'already_paid' };
  if (payment.amountPaise !== sale.amountPaise) return { kind: 'report', reason: 'other_amount' };
  if (sale.state === 'cancelled') return { kind: 'report', reason: 'after_cancel' };
  if (sale.state === 'expired' && !onScreen) return { kind: 'report', reason: 'after_expiry' };
  if (sale.state === 'failed') return { kind: 'ignore', why: 'for a sale whose QR was never shown' };
  return { kind: 'confirm' };
}

export function paymentView(payment: BosPayment, at: string): BosPaymentView {
  return { paymentId: payment.paymentId, amountPaise: payment.amountPaise, utr: payment.utr, payerVpa: payment.payerVpa, via: payment.via, at };
}
