import { paiseToBosRupees } from '../../contract/money';
import { err, ok, type Result } from '../../contract/result';
import { readAck } from './ack-answer';
import { bosError, type BosError } from './errors';
import { httpFailure, postJson, readJson, type HttpAnswer } from './http';
import { readQrAnswer, rejected } from './qr-answer';
import { readQrStatus, type QrPaymentStatus, type QrStatusQuestion } from './qr-status';
import { qrErrorSchema } from './schemas';
import type { BosAck, BosClientOptions, BosCredentials, DynamicQr } from './types';
import { digitsForWire, jsonBodyFromLiterals } from './wire';

export const BOS_PATHS = {
  dynamicQr: '/api/BOS/V4/DynamicQRCode',
  refundOtp: '/api/BOS/RefundOTP',
  claimRefund: '/api/BOS/ClaimRefund',
  transactStatus: '/api/BOS/TransactStatus',
  /** Documented only on BOS's sister platform (AOPAY); used once the owner turns it on. */
  statusQr: '/api/BOS/V4/DynamicQRCodeStatus',
} as const;

const DEFAULT_TIMEOUT_MS = 15_000;

export interface BosClient {
  createDynamicQr(input: { amountPaise: number }): Promise<Result<DynamicQr, BosError>>;
  requestRefundOtp(input: { referenceId: string; ackNo: string }): Promise<Result<BosAck, BosError>>;
  claimRefund(input: { referenceId: string; ackNo: string; otp: string }): Promise<Result<BosAck, BosError>>;
  checkConnection(): Promise<Result<BosAck, BosError>>;
}

/**
 * The QR status call, apart from BosClient: BOS does not document it, so it is a
 * capability an account may lack rather than part of every client. Never throws; only
 * `paid` (see qr-status.ts for exactly which answers) may mark a sale paid.
 */
export interface BosQrStatusClient {
  checkQrStatus(input: QrStatusQuestion): Promise<QrPaymentStatus>;
}

const MAX_REFERENCE_LENGTH = 64;

function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`BOS base URL must be http(s): ${baseUrl}`);
  return url.toString().replace(/\/+$/, '');
}

const notSent = (message: string) => err(bosError('invalid_input', message, { mayHaveReached: false }));

export function createBosClient(options: BosClientOptions): BosClient & BosQrStatusClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;

  async function credentials(): Promise<Result<BosCredentials, BosError>> {
    try {
      const creds = await options.credentials();
      if (!creds.registrationId?.trim()) {
        return err(bosError('unauthorized', 'The BOS registration ID is not set. Ask the owner to fill it in Settings.', { mayHaveReached: false }));
      }
      // A header value cannot hold spaces or line breaks; one that does would fail inside fetch as "cannot reach BOS".
      if (creds.token !== undefined && creds.token !== '' && !/^[\x21-\x7e]+$/.test(creds.token)) {
        return err(bosError('unauthorized', 'The BOS token in Settings has characters a token cannot have. Ask the owner to paste it again.', { mayHaveReached: false }));
      }
      return ok(creds);
    } catch {
      return err(bosError('unauthorized', 'Counter could not read its BOS credentials. Ask the owner to check Settings.', { mayHaveReached: false }));
    }
  }

  async function post(path: string, body: string, token: string | undefined, refusedNote: string): Promise<Result<HttpAnswer, BosError>> {
    return postJson({ fetch: fetchImpl, url: `${baseUrl}${path}`, body, token, timeoutMs, refusedNote });
  }

  async function createDynamicQr(input: { amountPaise: number }): Promise<Result<DynamicQr, BosError>> {
    const amountPaise = input?.amountPaise;
    if (!Number.isSafeInteger(amountPaise) || amountPaise <= 0) return notSent('The amount is not a whole number of paise above zero.');
    const creds = await credentials();
    if (!creds.ok) return creds;
    const body = JSON.stringify({ RegistrationID: creds.value.registrationId, amount: paiseToBosRupees(amountPaise) });
    const answered = await post(BOS_PATHS.dynamicQr, body, creds.value.token, 'No QR is shown.');
    if (!answered.ok) return answered;
    const receivedAt = now();
    const answer = answered.value;
    const failure = httpFailure(answer);
    if (failure) return err(failure);
    const json = readJson(answer);
    if (!json.ok) return json;

    if (answer.status !== 200) {
      const refusal = qrErrorSchema.safeParse(json.value);
      if (!refusal.success) {
        return err(bosError('invalid_response', `BOS refused the request (HTTP ${answer.status}) without saying why. No QR was made.`, { httpStatus: answer.status }));
      }
      return err(rejected(refusal.data.message, refusal.data.subCode || String(answer.status), answer.status));
    }

    return readQrAnswer(json.value, amountPaise, receivedAt);
  }

  async function ack(path: string, fields: Array<readonly [string, string]>): Promise<Result<BosAck, BosError>> {
    const creds = await credentials();
    if (!creds.ok) return creds;
    const answered = await post(path, jsonBodyFromLiterals(fields), creds.value.token, 'Nothing was confirmed: check with BOS before trying again.');
    if (!answered.ok) return answered;
    return readAck(answered.value);
  }

  async function requestRefundOtp(input: { referenceId: string; ackNo: string }): Promise<Result<BosAck, BosError>> {
    const referenceId = digitsForWire('Reference ID', input?.referenceId);
    if (!referenceId.ok) return referenceId;
    const ackNo = digitsForWire('Ack No', input?.ackNo);
    if (!ackNo.ok) return ackNo;
    return ack(BOS_PATHS.refundOtp, [['referenceid', referenceId.value], ['ackno', ackNo.value]]);
  }

  async function claimRefund(input: { referenceId: string; ackNo: string; otp: string }): Promise<Result<BosAck, BosError>> {
    const referenceId = digitsForWire('Reference ID', input?.referenceId);
    if (!referenceId.ok) return referenceId;
    const ackNo = digitsForWire('Ack No', input?.ackNo);
    if (!ackNo.ok) return ackNo;
    const otp = typeof input?.otp === 'string' ? input.otp.trim() : '';
    // The documented example sends the OTP as a number; one with a leading zero
    // would lose it that way, so that one alone travels as a string.
    if (!/^\d{4,8}$/.test(otp)) return notSent('The OTP is 4 to 8 digits, as read from the customer\'s phone.');
    const otpLiteral = otp.startsWith('0') ? JSON.stringify(otp) : otp;
    return ack(BOS_PATHS.claimRefund, [['referenceid', referenceId.value], ['ackno', ackNo.value], ['otp', otpLiteral]]);
  }

  /** A harmless call (status of reference id 0, which changes nothing) to see whether BOS answers and accepts the credentials. */
  async function checkConnection(): Promise<Result<BosAck, BosError>> {
    return ack(BOS_PATHS.transactStatus, [['referenceid', '0']]);
  }

  async function checkQrStatus(input: QrStatusQuestion): Promise<QrPaymentStatus> {
    try {
      const reference = typeof input?.txnRefranceID === 'string' ? input.txnRefranceID.trim() : '';
      // eslint-disable-next-line no-control-regex -- a reference with control characters is not one BOS gave
      if (reference === '' || reference.length > MAX_REFERENCE_LENGTH || /[\u0000-\u001f\u007f]/.test(reference)) {
        return { state: 'unknown', reason: 'Counter has no QR reference to ask BOS about.' };
      }
      const amountPaise = input.amountPaise;
      if (!Number.isSafeInteger(amountPaise) || amountPaise <= 0) return { state: 'unknown', reason: 'Counter has no amount to check the payment against.' };
      const creds = await credentials();
      if (!creds.ok) return { state: 'unknown', reason: creds.error.message };
      const body = JSON.stringify({ txnRefranceID: reference, RegistrationID: creds.value.registrationId });
      const answered = await post(BOS_PATHS.statusQr, body, creds.value.token, 'Counter cannot tell whether the QR was paid.');
      if (!answered.ok) return { state: 'unknown', reason: answered.error.message };
      return readQrStatus(answered.value, { txnRefranceID: reference, amountPaise });
    } catch {
      return { state: 'unknown', reason: 'Counter could not ask BOS whether the QR was paid.' };
    }
  }

  return { createDynamicQr, requestRefundOtp, claimRefund, checkConnection, checkQrStatus };
}
