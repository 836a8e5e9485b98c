import { rupeesToPaise } from '../../contract/money';
import { err, ok, type Result } from '../../contract/result';
import { payeeKey, verifyUpiIntent } from '../upi';
import { bosError, type BosError } from './errors';
import { dynamicQrResponseSchema } from './schemas';
import type { DynamicQr } from './types';

/** The vendor documents QR codes as valid for about five minutes. */
export const DOCUMENTED_QR_TTL_MS = 5 * 60_000;
/** With only one of BOS's two times, the QR's life is a guess: cut it short rather than show a dead QR. */
export const ESTIMATE_MARGIN_MS = 30_000;
const MAX_TTL_MS = 24 * 60 * 60_000;

/**
 * Status words that say the QR was made. The example shape says `status: "active"`
 * and `Status: "True"`; the field-list shape's `status` pairs `"ERROR"` on failure with
 * `"SUCCESS"` on success (a JSON `true` read the same). Every status the answer carries
 * must be one of these, and at least one must be there: both documented shapes always
 * carry one, so an answer with none is not a documented success.
 */
const SAYS_MADE: ReadonlySet<string> = new Set(['active', 'true', 'success']);
/** Words that say it was not: BOS's reason is shown as a refusal. */
const SAYS_NOT_MADE: ReadonlySet<string> = new Set([
  'error', 'false', 'failed', 'failure', 'fail', 'inactive', 'closed', 'expired', 'rejected', 'declined', 'cancelled',
]);

const NO_QR = 'No QR is shown';

function statusWord(value: string | boolean | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value).trim().toLowerCase();
}

export function rejected(bosMessage: string, bosCode: string, httpStatus: number): BosError {
  // BOS's code only when it gave one: an empty code would read "(code )" on screen and in the journal.
  return bosError('rejected', `BOS refused to make this QR. ${NO_QR}; its reason is below.`, { ...(bosCode ? { bosCode } : {}), bosMessage, httpStatus });
}

const unreadable = (message: string, reason?: BosError['reason']) => err(bosError('invalid_response', message, { httpStatus: 200, ...(reason ? { reason } : {}) }));

function qrLifetime(created: string | undefined, expires: string | undefined): Result<{ ttlMs: number; stated: boolean }, BosError> {
  const impossible = unreadable(`BOS sent a QR with an impossible expiry time. ${NO_QR}; try again.`);
  if (created === undefined && expires === undefined) return ok({ ttlMs: DOCUMENTED_QR_TTL_MS, stated: false });
  if (created === undefined || expires === undefined) {
    // One time alone cannot be measured against the counter's clock, which is often wrong.
    const given = Date.parse(created ?? expires ?? '');
    return Number.isFinite(given) ? ok({ ttlMs: DOCUMENTED_QR_TTL_MS - ESTIMATE_MARGIN_MS, stated: false }) : impossible;
  }
  const ttlMs = Date.parse(expires) - Date.parse(created);
  if (!Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL_MS) return impossible;
  return ok({ ttlMs, stated: true });
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined);

/**
 * The gate between a 200 from the Dynamic QR call and a QR on screen: a documented
 * success, one intent verified for the amount asked, no second amount, intent or payee
 * that says otherwise, and a lifetime that makes sense.
 */
export function readQrAnswer(json: unknown, amountPaise: number, receivedAt: number): Result<DynamicQr, BosError> {
  const parsed = dynamicQrResponseSchema.safeParse(json);
  if (!parsed.success) return unreadable(`BOS sent a QR answer Counter cannot read. ${NO_QR}; try again.`);
  const data = parsed.data;

  const words = [statusWord(data.status), statusWord(data.Status)].filter((word): word is string => word !== undefined);
  if (words.some((word) => SAYS_NOT_MADE.has(word))) return err(rejected(data.message ?? 'QR not generated', data.subCode ?? '', 200));
  if (words.length === 0 || !words.every((word) => SAYS_MADE.has(word))) {
    const said = words.length === 0 ? 'no status' : `status "${words.map((word) => word.replace(/[^a-z0-9 _-]/g, '').slice(0, 24)).join('", "')}"`;
    return unreadable(`BOS answered without saying the QR was made (${said}). ${NO_QR}; try again.`, 'unconfirmed');
  }

  const upiIntend = nonEmpty(data.UPIIntend);
  const qrCode = nonEmpty(data.qrCode);
  // `qrCode` may be an image rather than an intent; two intents that differ cannot both be shown.
  if (upiIntend && qrCode && /^upi:/i.test(qrCode) && qrCode !== upiIntend) {
    return unreadable(`BOS sent two different payment codes in one answer. ${NO_QR}; try again.`, 'contradictory');
  }
  const intentText = upiIntend ?? qrCode;
  if (!intentText) return unreadable(`BOS answered without a payment code. ${NO_QR}; try again.`);
  const verified = verifyUpiIntent(intentText, { amountPaise });
  if (!verified.ok) {
    const code = verified.error.code === 'amount_mismatch' ? 'amount_mismatch' : 'invalid_intent';
    return err(bosError(code, verified.error.message, { httpStatus: 200 }));
  }
  const intent = verified.value;
  if (data.PaymentAmount !== undefined && rupeesToPaise(data.PaymentAmount) !== amountPaise) {
    return err(bosError('amount_mismatch', `BOS confirmed a different amount than the one typed. ${NO_QR}.`, { httpStatus: 200 }));
  }
  const virtualVpa = nonEmpty(data.virtualVPA);
  if (virtualVpa && payeeKey(virtualVpa) !== payeeKey(intent.payeeVpa)) {
    return unreadable(`BOS named two different payees in one answer. ${NO_QR}.`, 'contradictory');
  }

  const lifetime = qrLifetime(data.CreatedDateTime, data.ExpireDateTime);
  if (!lifetime.ok) return lifetime;
  return ok({
    intent: intentText,
    qrId: data.id ?? '',
    txnRefranceID: data.txnRefranceID ?? intent.transactionRef ?? '',
    amountPaise,
    payeeVpa: intent.payeeVpa,
    payeeName: intent.payeeName,
    createdAt: data.CreatedDateTime ?? null,
    expiresAt: data.ExpireDateTime ?? null,
    ttlMs: lifetime.value.ttlMs,
    expiryStated: lifetime.value.stated,
    receivedAt,
  });
}
