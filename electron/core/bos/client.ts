import { paiseToBosRupees, rupeesToPaise } from '../../contract/money';
import { err, ok, type Result } from '../../contract/result';
import { verifyUpiIntent } from '../upi';
import { bosError, type BosError } from './errors';
import { httpFailure, postJson, readJson, type HttpAnswer } from './http';
import { AUTH_RESPONSE_CODES, explainRefundCode } from '../../contract/refund-codes';
import { ackResponseSchema, dynamicQrResponseSchema, qrErrorSchema } from './schemas';
import type { BosAck, BosClientOptions, BosCredentials, DynamicQr } from './types';
import { digitsForWire, jsonBodyFromLiterals } from './wire';

export const BOS_PATHS = {
  dynamicQr: '/api/BOS/V4/DynamicQRCode',
  refundOtp: '/api/BOS/RefundOTP',
  claimRefund: '/api/BOS/ClaimRefund',
  transactStatus: '/api/BOS/TransactStatus',
} as const;

const DEFAULT_TIMEOUT_MS = 15_000;
/** The vendor documents QR codes as valid for about five minutes. */
const DOCUMENTED_QR_TTL_MS = 5 * 60_000;
const MAX_TTL_MS = 24 * 60 * 60_000;

export interface BosClient {
  createDynamicQr(input: { amountPaise: number }): Promise<Result<DynamicQr, BosError>>;
  requestRefundOtp(input: { referenceId: string; ackNo: string }): Promise<Result<BosAck, BosError>>;
  claimRefund(input: { referenceId: string; ackNo: string; otp: string }): Promise<Result<BosAck, BosError>>;
  checkConnection(): Promise<Result<BosAck, BosError>>;
}

function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`BOS base URL must be http(s): ${baseUrl}`);
  return url.toString().replace(/\/+$/, '');
}

const notSent = (message: string) => err(bosError('invalid_input', message, { mayHaveReached: false }));

export function createBosClient(options: BosClientOptions): BosClient {
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
      return err(rejected(refusal.data.message, refusal.data.subCode ?? String(answer.status), answer.status));
    }

    const parsed = dynamicQrResponseSchema.safeParse(json.value);
    if (!parsed.success) return err(bosError('invalid_response', 'BOS sent a QR answer Counter cannot read. No QR is shown; try again.', { httpStatus: 200 }));
    const data = parsed.data;
    const statusWord = String(data.status ?? '').toLowerCase();
    const statusFlag = String(data.Status ?? '').toLowerCase();
    if (statusWord === 'error' || statusWord === 'false' || statusFlag === 'false') {
      return err(rejected(data.message ?? 'QR not generated', data.subCode ?? '', 200));
    }

    const intentText = data.UPIIntend ?? data.qrCode;
    if (!intentText) return err(bosError('invalid_response', 'BOS answered without a payment code. No QR is shown; try again.', { httpStatus: 200 }));
    const verified = verifyUpiIntent(intentText, { amountPaise });
    if (!verified.ok) {
      const code = verified.error.code === 'amount_mismatch' ? 'amount_mismatch' : 'invalid_intent';
      return err(bosError(code, verified.error.message, { httpStatus: 200 }));
    }
    if (data.PaymentAmount !== undefined && rupeesToPaise(data.PaymentAmount) !== amountPaise) {
      return err(bosError('amount_mismatch', 'BOS confirmed a different amount than the one typed. No QR is shown.', { httpStatus: 200 }));
    }

    const expiry = statedTtl(data.CreatedDateTime, data.ExpireDateTime);
    if (!expiry.ok) return expiry;
    const intent = verified.value;
    return ok({
      intent: intentText,
      qrId: data.id ?? '',
      txnRefranceID: data.txnRefranceID ?? intent.transactionRef ?? '',
      amountPaise,
      payeeVpa: intent.payeeVpa,
      payeeName: intent.payeeName,
      createdAt: data.CreatedDateTime ?? null,
      expiresAt: data.ExpireDateTime ?? null,
      ttlMs: expiry.value.ttlMs,
      expiryStated: expiry.value.stated,
      receivedAt,
    });
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

  return { createDynamicQr, requestRefundOtp, claimRefund, checkConnection };
}

function rejected(bosMessage: string, bosCode: string, httpStatus: number): BosError {
  return bosError('rejected', 'BOS refused to make this QR. No QR is shown; its reason is below.', { bosCode, bosMessage, httpStatus });
}

function statedTtl(created: string | undefined, expires: string | undefined): Result<{ ttlMs: number; stated: boolean }, BosError> {
  if (created === undefined && expires === undefined) return ok({ ttlMs: DOCUMENTED_QR_TTL_MS, stated: false });
  const ttlMs = Date.parse(expires ?? '') - Date.parse(created ?? '');
  if (!Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL_MS) {
    return err(bosError('invalid_response', 'BOS sent a QR with an impossible expiry time. No QR is shown; try again.', { httpStatus: 200 }));
  }
  return ok({ ttlMs, stated: true });
}

function readAck(answer: HttpAnswer): Result<BosAck, BosError> {
  const json = readJson(answer);
  const parsed = json.ok ? ackResponseSchema.safeParse(json.value) : null;
  const data = parsed?.success ? parsed.data : null;
  const responseCode = data ? (data.response_code ?? data.responsecode ?? '') : '';
  const bosMessage = data?.message ?? '';
  const explanation = explainRefundCode(responseCode, bosMessage);

  if (answer.status === 401 || answer.status === 403 || (data && !data.status && AUTH_RESPONSE_CODES.has(responseCode))) {
    const failure = httpFailure({ ...answer, status: 401 });
    return err({ ...(failure ?? bosError('unauthorized', explanation)), httpStatus: answer.status, ...(data ? { bosCode: responseCode, bosMessage } : {}) });
  }
  const failure = httpFailure(answer);
  if (failure) return err(failure);
  if (!json.ok) return json;
  if (!data) return err(bosError('invalid_response', 'BOS sent an answer Counter cannot read. Counter did not act on it; try again.', { httpStatus: answer.status }));
  if (data.status && answer.status === 200) return ok({ responseCode, message: bosMessage, explanation });
  if (data.status) {
    return err(bosError('invalid_response', `BOS answered HTTP ${answer.status} but said it succeeded. Check before trying again.`, { httpStatus: answer.status }));
  }
  return err(bosError('rejected', explanation, { bosCode: responseCode, bosMessage, httpStatus: answer.status }));
}
