import { createHmac, randomBytes } from 'node:crypto';
import { paiseToBosRupees } from '../contract/money';
import { formatIst } from './ist';
import type { WebhookTarget } from './types';

/** What one webhook says about a payment (after any fault has bent it). */
export interface WebhookFacts {
  paymentId: string;
  qrId: string;
  txnRefranceID: string;
  /** The amount the webhook reports, in paise. */
  amountPaise: number;
  /** The QR's own amount, in paise. */
  qrAmountPaise: number;
  rrn: string;
  payerVpa: string;
  paidAtMs: number;
  qrCreatedMs: number;
  qrCloseByMs: number;
  ackNo: number;
}

export const SANDBOX_ACCOUNT_ID = 'acc_SandboxCounter01';
const unix = (ms: number) => Math.floor(ms / 1000);

/** Razorpay's `qr_code.credited`, every field BOS's callback model carries. */
export function razorpayCredited(f: WebhookFacts, payeeName: string): Record<string, unknown> {
  const payment = {
    id: f.paymentId,
    entity: 'payment',
    amount: f.amountPaise,
    currency: 'INR',
    status: 'captured',
    order_id: null,
    invoice_id: null,
    international: false,
    method: 'upi',
    amount_refunded: 0,
    refund_status: null,
    captured: true,
    description: 'QRv2 Payment',
    card_id: null,
    bank: null,
    wallet: null,
    vpa: f.payerVpa,
    email: 'void@razorpay.com',
    contact: '+919999999999',
    customer_id: null,
    notes: { Branch: payeeName },
    fee: 0,
    tax: 0,
    error_code: null,
    error_description: null,
    error_source: null,
    error_step: null,
    error_reason: null,
    acquirer_data: { rrn: f.rrn },
    created_at: unix(f.paidAtMs),
  };
  const qrCode = {
    id: f.qrId,
    entity: 'qr_code',
    created_at: unix(f.qrCreatedMs),
    name: payeeName,
    usage: 'single_use',
    type: 'upi_qr',
    image_url: `https://sandbox.invalid/qr/${f.qrId}.png`,
    payment_amount: f.qrAmountPaise,
    status: 'closed',
    description: null,
    fixed_amount: true,
    payments_amount_received: f.amountPaise,
    payments_count_received: 1,
    notes: [],
    customer_id: null,
    close_by: unix(f.qrCloseByMs),
    closed_at: unix(f.paidAtMs),
    close_reason: 'paid',
  };
  return {
    entity: 'event',
    account_id: SANDBOX_ACCOUNT_ID,
    event: 'qr_code.credited',
    contains: ['payment', 'qr_code'],
    payload: { payment: { entity: payment }, qr_code: { entity: qrCode } },
    created_at: unix(f.paidAtMs),
  };
}

/** PaySprint's `UPIQR_SUCCESS` as BOS may forward it: amount in rupees, `refid` = txnRefranceID. */
export function upiqrSuccess(f: WebhookFacts, payeeName: string): Record<string, unknown> {
  return {
    event: 'UPIQR_SUCCESS',
    param: {
      status: true,
      response_code: 1,
      txnstatus: 1,
      message: 'Transaction Successful',
      ackno: f.ackNo,
      amount: paiseToBosRupees(f.amountPaise),
      refid: f.txnRefranceID,
      ttype: 'UPI',
      api_type: 'UPI_QR',
      upi_txn_id: f.rrn,
      txn_completion_date: formatIst(f.paidAtMs).slice(0, 19).replace('T', ' '),
      customer_virtual_address: f.payerVpa,
      customer_mobile_number: '9999999999',
      customer_account_name: `Payer of ${payeeName}`,
    },
    param_enc: randomBytes(48).toString('base64'),
  };
}

export interface EncodedWebhook {
  body: string;
  contentType: string;
  signature: string | null;
}

/** JSON as is, or form-encoded with the JSON in one `payload` field; signed over the exact bytes sent. */
export function encodeWebhook(value: Record<string, unknown>, encoding: WebhookTarget['encoding'], hmacSecret: string | undefined): EncodedWebhook {
  const json = JSON.stringify(value);
  const body = encoding === 'form' ? new URLSearchParams({ payload: json }).toString() : json;
  return {
    body,
    contentType: encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
    signature: hmacSecret === undefined ? null : createHmac('sha256', hmacSecret).update(body).digest('hex'),
  };
}
