// Money at the edges and inside: both sides (main and the renderer) parse and format by these rules.
import { err, ok, type Result } from './result';

/** Money inside the app is integer paise. Rupee strings exist only at the edges. */
export const PAISE_PER_RUPEE = 100;
export const MIN_AMOUNT_PAISE = 1 * PAISE_PER_RUPEE;
/** UPI P2M payments are commonly capped at ₹1,00,000; the cap is a setting. */
export const DEFAULT_CAP_PAISE = 100_000 * PAISE_PER_RUPEE;

export type AmountErrorCode =
  | 'empty'
  | 'negative'
  | 'zero'
  | 'exponent'
  | 'too_many_decimals'
  | 'bad_grouping'
  | 'not_a_number'
  | 'below_minimum'
  | 'above_cap';

export interface AmountError {
  code: AmountErrorCode;
  message: string;
}

export interface ParseAmountOptions {
  capPaise?: number;
}

const DEVANAGARI_ZERO = 0x0966;

function toAsciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - DEVANAGARI_ZERO));
}

function stripCurrency(text: string): string {
  return text.replace(/^(₹|rs\.?|inr)\s*/i, '').trim();
}

// Indian (1,00,000) or international (100,000) grouping, nothing else: "10,5" must
// not silently become ₹105.
const GROUPED_INTEGER = /^(\d{1,2}(,\d{2})*,\d{3}|\d{1,3}(,\d{3})+)$/;

const amountError = (code: AmountErrorCode, message: string) => err<AmountError>({ code, message });

/** Parse what a cashier typed ("10", "10.5", "1,00,000", "₹ 250") into integer paise. */
export function parseAmount(input: string, options: ParseAmountOptions = {}): Result<number, AmountError> {
  const capPaise = options.capPaise ?? DEFAULT_CAP_PAISE;
  const text = stripCurrency(toAsciiDigits(String(input ?? '')).trim());
  if (text === '') return amountError('empty', 'Enter the amount.');
  if (/^[-−]/.test(text)) return amountError('negative', 'The amount cannot be negative.');
  if (/^[\d.,]*e/i.test(text) && /\d/.test(text)) {
    return amountError('exponent', 'Type the amount in plain digits, like 1000.');
  }
  const match = /^([\d,]+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return amountError('not_a_number', 'Use digits only, like 250 or 250.50.');
  const integerPart = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (integerPart.includes(',') && !GROUPED_INTEGER.test(integerPart)) {
    return amountError('bad_grouping', 'Commas must group thousands, like 1,00,000 or 100,000.');
  }
  if (fraction.length > 2) return amountError('too_many_decimals', 'Use at most two digits after the point (paise).');
  const digits = integerPart.replace(/,/g, '') || '0';
  if (digits.length > 12) return amountError('above_cap', `The most one QR can collect is ${formatPaise(capPaise)}.`);
  const paise = Number(digits) * PAISE_PER_RUPEE + Number(fraction.padEnd(2, '0'));
  if (paise === 0) return amountError('zero', 'The amount must be more than zero.');
  if (paise < MIN_AMOUNT_PAISE) return amountError('below_minimum', `The smallest amount is ${formatPaise(MIN_AMOUNT_PAISE)}.`);
  if (paise > capPaise) return amountError('above_cap', `The most one QR can collect is ${formatPaise(capPaise)}.`);
  return ok(paise);
}

function groupIndian(integerDigits: string): string {
  if (integerDigits.length <= 3) return integerDigits;
  const lastThree = integerDigits.slice(-3);
  const rest = integerDigits.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ',');
  return `${rest},${lastThree}`;
}

function assertPaise(paise: number): void {
  if (!Number.isSafeInteger(paise)) throw new RangeError(`paise must be a safe integer, got ${paise}`);
}

/** ₹1,00,000.00: en-IN grouping, always two decimals. */
export function formatPaise(paise: number): string {
  assertPaise(paise);
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  const rupees = Math.floor(abs / PAISE_PER_RUPEE);
  const rest = String(abs % PAISE_PER_RUPEE).padStart(2, '0');
  return `${sign}₹${groupIndian(String(rupees))}.${rest}`;
}

/** Plain rupees with two decimals and no symbol or grouping (CSV, logs): 1250.00 */
export function paiseToPlainRupees(paise: number): string {
  assertPaise(paise);
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}${Math.floor(abs / PAISE_PER_RUPEE)}.${String(abs % PAISE_PER_RUPEE).padStart(2, '0')}`;
}

/** The rupee string BOS expects: trailing zeros dropped as in the documented example ("10", "10.5", "10.05"). */
export function paiseToBosRupees(paise: number): string {
  assertPaise(paise);
  if (paise < 0) throw new RangeError('BOS amounts are never negative');
  const rupees = Math.floor(paise / PAISE_PER_RUPEE);
  const rest = paise % PAISE_PER_RUPEE;
  if (rest === 0) return String(rupees);
  return `${rupees}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * Strict reading of a machine-written rupee amount (a UPI intent's `am`, a BOS
 * `PaymentAmount`): plain digits, at most two decimals. Returns null otherwise.
 */
export function rupeesToPaise(value: string | number): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * PAISE_PER_RUPEE + Number((match[2] ?? '').padEnd(2, '0'));
}
