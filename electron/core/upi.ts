import { formatPaise, rupeesToPaise } from '../contract/money';
import { err, ok, type Result } from '../contract/result';

/** A parsed `upi://pay?...` intent. `raw` is kept byte for byte: the QR encodes it, never a rebuilt copy. */
export interface UpiIntent {
  raw: string;
  params: Readonly<Record<string, string>>;
  payeeVpa: string;
  payeeName: string;
  amountPaise: number | null;
  /** `mam`: the least a payer app may let the customer pay. A counter QR carries none, or one equal to `am`. */
  minimumPaise: number | null;
  currency: string | null;
  transactionRef: string | null;
  note: string | null;
}

export type UpiErrorCode =
  | 'malformed'
  | 'not_upi_pay'
  | 'missing_payee'
  | 'missing_amount'
  | 'amount_mismatch'
  | 'minimum_amount'
  | 'currency_not_inr';

export interface UpiError {
  code: UpiErrorCode;
  message: string;
}

const MAX_INTENT_LENGTH = 2048;
const VPA = /^[A-Za-z0-9._-]{1,256}@[A-Za-z0-9.-]{2,64}$/;
/**
 * Keys that decide who is paid and how much. A payer app may read keys without
 * regard to case or stray spaces, so any spelling of these but the exact one is refused.
 */
const DECIDING_KEYS: ReadonlySet<string> = new Set(['pa', 'pn', 'am', 'mam', 'cu', 'tr']);

export const isVpa = (value: string): boolean => VPA.test(value);

/** The form two payee VPAs are compared in: UPI handles do not depend on case. */
export const payeeKey = (vpa: string): string => vpa.trim().toLowerCase();

/** The intent's `tr` as it stands in the string (the hub matches a payment by it), or null. */
export function intentTr(intent: string): string | null {
  const match = /[?&]tr=([^&]*)/.exec(intent);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

const upiError = (code: UpiErrorCode, message: string) => err<UpiError>({ code, message });

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

export function parseUpiIntent(raw: string): Result<UpiIntent, UpiError> {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_INTENT_LENGTH) {
    return upiError('malformed', 'The payment code from BOS is empty or too long.');
  }
  // Control characters or spaces mean the string was mangled on the way.
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(raw)) return upiError('malformed', 'The payment code from BOS contains invalid characters.');
  const queryStart = raw.indexOf('?');
  const head = queryStart === -1 ? raw : raw.slice(0, queryStart);
  if (head.toLowerCase() !== 'upi://pay') return upiError('not_upi_pay', 'The payment code from BOS is not a UPI payment request. It was not shown.');

  const params: Record<string, string> = Object.create(null);
  const query = queryStart === -1 ? '' : raw.slice(queryStart + 1);
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (key === null || value === null) return upiError('malformed', 'The payment code from BOS is badly encoded.');
    // A repeated key is ambiguous (which `am` would the payer's app use?), so refuse it,
    // also when it comes back in another case or with spaces.
    const folded = key.trim().toLowerCase();
    if (seen.has(folded)) return upiError('malformed', `The payment code from BOS repeats "${folded}".`);
    if (DECIDING_KEYS.has(folded) && key !== folded) {
      return upiError('malformed', `The payment code from BOS spells "${folded}" oddly ("${key}").`);
    }
    seen.add(folded);
    params[key] = value;
  }

  const payeeVpa = params.pa ?? '';
  if (!isVpa(payeeVpa)) return upiError('missing_payee', 'The payment code from BOS has no valid payee UPI ID.');
  const amountText = params.am;
  const amountPaise = amountText === undefined ? null : rupeesToPaise(amountText);
  if (amountText !== undefined && amountPaise === null) {
    return upiError('malformed', 'The payment code from BOS has an unreadable amount.');
  }
  const minimumText = params.mam;
  const minimumPaise = minimumText === undefined ? null : rupeesToPaise(minimumText);
  if (minimumText !== undefined && minimumPaise === null) {
    return upiError('malformed', 'The payment code from BOS has an unreadable minimum amount.');
  }
  return ok({
    raw,
    params,
    payeeVpa,
    payeeName: params.pn ?? '',
    amountPaise,
    minimumPaise,
    currency: params.cu ?? null,
    transactionRef: params.tr ?? null,
    note: params.tn ?? null,
  });
}

/**
 * The gate before any QR reaches a customer: a `upi://pay` intent whose amount is
 * exactly what the cashier asked for, that the payer cannot lower, in INR.
 */
export function verifyUpiIntent(raw: string, expected: { amountPaise: number }): Result<UpiIntent, UpiError> {
  const parsed = parseUpiIntent(raw);
  if (!parsed.ok) return parsed;
  const intent = parsed.value;
  if (intent.amountPaise === null) return upiError('missing_amount', 'The payment code from BOS has no amount.');
  if (intent.amountPaise !== expected.amountPaise) {
    return upiError(
      'amount_mismatch',
      `BOS made a code for ${formatPaise(intent.amountPaise)}, not ${formatPaise(expected.amountPaise)}. It was not shown.`,
    );
  }
  if (intent.minimumPaise !== null && intent.minimumPaise !== intent.amountPaise) {
    return upiError(
      'minimum_amount',
      `The payment code from BOS lets the customer pay as little as ${formatPaise(intent.minimumPaise)} instead of ${formatPaise(intent.amountPaise)}. It was not shown.`,
    );
  }
  if (intent.currency !== 'INR') {
    return upiError('currency_not_inr', 'The payment code from BOS is not in Indian rupees. It was not shown.');
  }
  return ok(intent);
}
