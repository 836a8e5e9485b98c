import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { pairingCodeDigits, pairingCodeProblem, withCheckDigit } from '../contract/pairing-code';

/** The hub keeps hashes only. Credentials and webhook secrets are 256 random bits: a fast hash is enough. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Equal strings, in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A terminal's credential: 256 bits, URL-safe, with a prefix that says what it is when found in a file. */
export const newCredential = (): string => `hubt_${randomBytes(32).toString('base64url')}`;
export const CREDENTIAL_PATTERN = /^hubt_[A-Za-z0-9_-]{43}$/;

/** The webhook URL's secret segment: 256 bits, URL-safe. */
export const newWebhookSecret = (): string => randomBytes(32).toString('base64url');
/** What the operator may give with --webhook-secret: URL-safe, long enough not to be guessed. */
export const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9._~-]{24,128}$/;

/** Fifteen uniformly drawn digits (randomInt reaches 2^48, so in two draws) and their check digit. */
export const newPairingCode = (): string => withCheckDigit(`${String(randomInt(0, 100_000_000)).padStart(8, '0')}${String(randomInt(0, 10_000_000)).padStart(7, '0')}`);
/** A code as typed (groups and dashes allowed): its sixteen digits when they check, else null. */
export function pairingCodeFrom(typed: string): string | null {
  const digits = pairingCodeDigits(typed);
  return pairingCodeProblem(digits) === null ? digits : null;
}

/** Razorpay's `X-Razorpay-Signature`: hex HMAC-SHA256 of the raw body with the webhook secret. */
export function validSignature(hmacSecret: string, body: Uint8Array, signature: string | null): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature.trim())) return false;
  const expected = createHmac('sha256', hmacSecret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature.trim(), 'hex'));
}

/** An owner key for the read API and scripts: 256 bits, URL-safe, its prefix saying what it is. */
export const newOwnerKey = (): string => `hubo_${randomBytes(32).toString('base64url')}`;
/** Any owner key (made, or the operator's own `--owner-key`): URL-safe, long enough not to be guessed. */
export const OWNER_KEY_PATTERN = /^[A-Za-z0-9._~-]{24,128}$/;
/** What the operator may give with --owner-key: an owner key that cannot be taken for a terminal's credential. */
export const validOperatorOwnerKey = (key: string): boolean => OWNER_KEY_PATTERN.test(key) && !CREDENTIAL_PATTERN.test(key);
