import { randomBytes, randomInt } from 'node:crypto';
import { paiseToBosRupees } from '../contract/money';
import { err, ok, type Result } from '../contract/result';
import type { NormalizedWebhookFault } from './control-input';
import { formatIst } from './ist';
import type { IssuedQr, PayError, PayRequest, SandboxPayment } from './types';
import type { WebhookFacts } from './webhook-shapes';

/** A QR the sandbox issued, with what paying it needs. */
export interface QrRecord {
  qr: IssuedQr;
  amountPaise: number;
  createdMs: number;
  expiresMs: number;
  payment: SandboxPayment | null;
}

export const DEMO_PAYER_VPA = 'customer.demo@okaxis';
/** At most ₹1,00,00,00,000: plenty for training, and safe for every sum the sandbox does. */
const MAX_PAY_PAISE = 100_000_000_000;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const VPA = /^[A-Za-z0-9._-]{1,64}@[A-Za-z0-9.-]{1,64}$/;

const alnum = (n: number) => randomBytes(n * 2).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, n).padEnd(n, 'x');
const digits = (n: number) => Array.from({ length: n }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join('');
const invalid = (message: string) => err<PayError>({ code: 'invalid_input', message });

/** A pay request from untrusted input (HTTP or a test): an object of known, well-formed fields. */
export function parsePayRequest(value: unknown): Result<PayRequest, PayError> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('the body must be a JSON object');
  const fields = value as Record<string, unknown>;
  const extra = Object.keys(fields).filter((k) => !['qrId', 'txnRefranceID', 'amountPaise', 'payerVpa'].includes(k));
  if (extra.length) return invalid(`unknown field(s): ${extra.slice(0, 5).join(', ')}`);
  const { qrId, txnRefranceID, amountPaise, payerVpa } = fields;
  if (qrId === undefined && txnRefranceID === undefined) return invalid('name the QR: qrId or txnRefranceID');
  if (qrId !== undefined && (typeof qrId !== 'string' || !ID.test(qrId))) return invalid('qrId must be an id like qr_…');
  if (txnRefranceID !== undefined && (typeof txnRefranceID !== 'string' || !ID.test(txnRefranceID))) return invalid('txnRefranceID must be an id of letters and digits');
  if (amountPaise !== undefined && (typeof amountPaise !== 'number' || !Number.isSafeInteger(amountPaise) || amountPaise < 1 || amountPaise > MAX_PAY_PAISE)) {
    return invalid(`amountPaise must be a whole number of paise from 1 to ${MAX_PAY_PAISE}`);
  }
  if (payerVpa !== undefined && (typeof payerVpa !== 'string' || !VPA.test(payerVpa))) return invalid('payerVpa must look like name@bank');
  return ok({
    ...(qrId !== undefined ? { qrId: qrId as string } : {}),
    ...(txnRefranceID !== undefined ? { txnRefranceID: txnRefranceID as string } : {}),
    ...(amountPaise !== undefined ? { amountPaise: amountPaise as number } : {}),
    ...(payerVpa !== undefined ? { payerVpa: payerVpa as string } : {}),
  });
}

/** What a payment made yields: the payment itself and what its webhook will say. */
export interface MadePayment {
  payment: SandboxPayment;
  facts: WebhookFacts;
}

/** The QRs the sandbox issued and the payments made to them. */
export class PaymentBook {
  private qrs: QrRecord[] = [];
  private made: SandboxPayment[] = [];
  private ackNo = 1000;

  constructor(private readonly clock: () => number) {}

  issue(record: Omit<QrRecord, 'payment'>): void {
    this.qrs.push({ ...record, payment: null });
  }

  issued(): ReadonlyArray<IssuedQr> {
    return this.qrs.map((r) => r.qr);
  }

  payments(): ReadonlyArray<SandboxPayment> {
    return this.made;
  }

  byTxnRef(txnRefranceID: string): QrRecord | undefined {
    return this.qrs.find((r) => r.qr.txnRefranceID === txnRefranceID);
  }

  reset(): void {
    this.qrs = [];
    this.made = [];
  }

  private find(request: PayRequest): Result<QrRecord | null, PayError> {
    const byId = request.qrId === undefined ? undefined : this.qrs.find((r) => r.qr.id === request.qrId);
    const byRef = request.txnRefranceID === undefined ? undefined : this.byTxnRef(request.txnRefranceID);
    if (request.qrId !== undefined && request.txnRefranceID !== undefined && byId !== byRef) {
      return byId || byRef ? invalid('qrId and txnRefranceID name different QRs') : ok(null);
    }
    return ok(byId ?? byRef ?? null);
  }

  /** The customer pays; `fault` bends what the webhook will report (other_amount, unknown_qr). */
  pay(request: PayRequest, fault: NormalizedWebhookFault | null): Result<MadePayment, PayError> {
    const found = this.find(request);
    if (!found.ok) return found;
    const record = found.value;
    const now = this.clock();
    const unknownQr = fault?.fault === 'unknown_qr';
    if (!unknownQr) {
      if (!record) return err({ code: 'not_found', message: 'No QR with that id or txnRefranceID was issued.' });
      if (record.payment) return err({ code: 'already_paid', message: `That QR was already paid (${record.payment.id}).` });
      if (now >= record.expiresMs) return err({ code: 'expired', message: 'That QR has expired; a payer app can no longer pay it.' });
    }
    const amountPaise = request.amountPaise ?? record?.amountPaise;
    if (amountPaise === undefined) return invalid('amountPaise is needed to pay a QR nobody issued');
    // unknown_qr: a QR nobody issued, the one named if it is unknown, else made up.
    const qrId = unknownQr && (record || request.qrId === undefined) ? `qr_${alnum(14)}` : (request.qrId ?? record!.qr.id);
    const txnRefranceID = unknownQr && (record || request.txnRefranceID === undefined) ? `SBX554X${digits(6)}` : (request.txnRefranceID ?? record!.qr.txnRefranceID);
    const payment: SandboxPayment = {
      id: `pay_${alnum(14)}`,
      qrId,
      txnRefranceID,
      amountPaise,
      rrn: digits(12),
      payerVpa: request.payerVpa ?? DEMO_PAYER_VPA,
      paidAt: formatIst(now),
    };
    if (!unknownQr) record!.payment = payment;
    this.made.push(payment);
    this.ackNo += 1;
    const reported = fault?.fault === 'other_amount' ? (amountPaise > 100 ? amountPaise - 100 : amountPaise + 100) : amountPaise;
    const facts: WebhookFacts = {
      paymentId: payment.id,
      qrId,
      txnRefranceID,
      amountPaise: reported,
      qrAmountPaise: unknownQr ? amountPaise : record!.amountPaise,
      rrn: payment.rrn,
      payerVpa: payment.payerVpa,
      paidAtMs: now,
      qrCreatedMs: unknownQr ? now : record!.createdMs,
      qrCloseByMs: unknownQr ? now : record!.expiresMs,
      ackNo: this.ackNo,
    };
    return ok({ payment, facts });
  }

  /** The answer to `V4/DynamicQRCodeStatus`: SUCCESS once paid, PENDING before; null for a reference nobody issued. */
  status(txnRefranceID: string): Record<string, string> | null {
    const record = this.byTxnRef(txnRefranceID);
    if (!record) return null;
    const paid = record.payment;
    return paid
      ? { status: 'SUCCESS', txnRefranceID, amount: paiseToBosRupees(paid.amountPaise), utr: paid.rrn, payerVpa: paid.payerVpa, message: 'Payment received' }
      : { status: 'PENDING', txnRefranceID, message: 'Payment pending' };
  }
}
