import { rupeesToPaise } from '../../contract/money';
import type { IncomingPayment } from '../store/types';
import { field, firstText, identifier, object, text, wholePaise, type Fields } from './fields';

export type WebhookReading = { ok: true; payment: IncomingPayment } | { ok: false; reason: string };

const fail = (reason: string): WebhookReading => ({ ok: false, reason });

// Where a Razorpay-shaped payload may carry BOS's txnRefranceID and the intent's tr: the payment's or the QR's notes.
const TXN_REF_NOTES = ['txnRefranceID', 'txnRefranceId', 'TxnRefranceID', 'txnRef', 'txn_ref', 'refid', 'reference_id'];
const TR_NOTES = ['tr', 'TR', 'transaction_ref'];

/** `qr_code.credited`: Razorpay's payload as BOS forwards it. Paid only when the payment says `captured`. */
function readRazorpay(root: Fields): WebhookReading {
  const payload = object(field(root, 'payload'));
  const payment = object(field(object(field(payload, 'payment')), 'entity'));
  if (!payment) return fail('qr_code.credited without payload.payment.entity');
  const qr = object(field(object(field(payload, 'qr_code')), 'entity'));
  const paymentId = identifier(field(payment, 'id'));
  if (!paymentId) return fail('qr_code.credited without a usable payment id');
  const status = text(field(payment, 'status'));
  const succeeded = status?.toLowerCase() === 'captured';
  const amountPaise = wholePaise(field(payment, 'amount'));
  if (succeeded && (amountPaise === null || amountPaise <= 0)) return fail('a captured payment without an amount in whole paise');
  const notes = [object(field(payment, 'notes')), object(field(qr, 'notes'))];
  const fromNotes = (keys: readonly string[]) => notes.map((n) => firstText(n, keys)).find((v) => v !== null) ?? null;
  return {
    ok: true,
    payment: {
      paymentId,
      event: 'qr_code.credited',
      succeeded,
      status,
      qrId: identifier(field(qr, 'id')),
      txnRef: fromNotes(TXN_REF_NOTES),
      tr: fromNotes(TR_NOTES),
      amountPaise,
      // A UPI payment is in rupees; Razorpay always says so, an ASP.NET null does not make it another currency.
      currency: text(field(payment, 'currency'))?.toUpperCase() ?? 'INR',
      utr: text(field(object(field(payment, 'acquirer_data')), 'rrn')),
      payerVpa: text(field(payment, 'vpa')),
    },
  };
}

const SUCCESS_WORDS = new Set(['true', 'success', 'successful', 'succeeded', '1']);
const FAILURE_WORDS = new Set(['false', 'failed', 'failure', 'fail', 'error', '0', 'pending']);
const word = (value: unknown): string | null => (typeof value === 'boolean' ? String(value) : text(value)?.toLowerCase() ?? null);

/**
 * UPIQR_SUCCESS says success by `txnstatus` 1; without a txnstatus, by `status` true or "success".
 * A failure word in `status` wins over everything: the name of the event is not evidence.
 */
function upiqrSucceeded(param: Fields): boolean {
  const status = word(field(param, 'status'));
  if (status !== null && FAILURE_WORDS.has(status)) return false;
  const txnstatus = word(field(param, 'txnstatus'));
  if (txnstatus !== null) return txnstatus === '1';
  return status !== null && SUCCESS_WORDS.has(status);
}

/** UPIQR_SUCCESS: PaySprint's auto-collect shape. `param` is an object, a JSON string, or (form) the top-level fields. */
function readUpiqr(root: Fields): WebhookReading {
  const param = object(field(root, 'param')) ?? (field(root, 'param') === undefined ? root : null);
  if (!param) return fail('UPIQR_SUCCESS with a param that is not an object');
  const utr = identifier(field(param, 'upi_txn_id'));
  const paymentId = utr ?? identifier(field(param, 'ackno'));
  if (!paymentId) return fail('UPIQR_SUCCESS without upi_txn_id or ackno');
  const succeeded = upiqrSucceeded(param);
  const rawAmount = field(param, 'amount');
  const amountPaise = typeof rawAmount === 'string' || typeof rawAmount === 'number' ? rupeesToPaise(rawAmount) : null;
  if (succeeded && (amountPaise === null || amountPaise <= 0)) return fail('a successful UPIQR_SUCCESS without an amount in rupees');
  const refid = text(field(param, 'refid'));
  const status = [text(field(param, 'status')) ?? word(field(param, 'status')), text(field(param, 'txnstatus'))].filter(Boolean).join(' / ') || null;
  return {
    ok: true,
    payment: {
      paymentId,
      event: 'UPIQR_SUCCESS',
      succeeded,
      status,
      qrId: null,
      // The merchant reference: BOS's txnRefranceID, and in the UPI intent it is `tr`; tried as both.
      txnRef: refid,
      tr: refid,
      amountPaise,
      currency: 'INR',
      utr,
      payerVpa: text(field(param, 'customer_virtual_address')),
    },
  };
}

/** The payment one webhook reports, or why the hub cannot take it (the caller quarantines it). */
export function readWebhook(root: Fields): WebhookReading {
  const event = text(field(root, 'event'));
  if (event === null) return fail('no event name');
  if (event === 'qr_code.credited') return readRazorpay(root);
  if (event.toUpperCase() === 'UPIQR_SUCCESS') return readUpiqr(root);
  return fail(`unknown event "${event.slice(0, 60)}"`);
}
