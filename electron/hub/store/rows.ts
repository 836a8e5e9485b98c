import type { SqlRow } from './sql';

/** Readers for driver rows: pg gives int8 as a string and PGlite as a number; both give timestamptz as a Date. */
export const iso = (ms: number): string => new Date(ms).toISOString();

export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const isoOf = (value: unknown): string => isoOrNull(value) ?? new Date(0).toISOString();

export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number from the database, got ${String(value)}`);
  return n;
}

export const intOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : int(value));
export const text = (value: unknown): string => String(value);
export const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new TypeError('expected bytes from the database');
}

export const first = (rows: SqlRow[]): SqlRow | undefined => rows[0];

// Columns named, never `*`: a statement prepared on a connection must keep its result shape when another
// hub process adds a column (an additive migration during a rolling upgrade).
export const SHOP_COLUMNS = 'id, registration_id, name, webhook_secret_hash';
export const TERMINAL_COLUMNS = 'id, shop_id, name, role, paired_at, last_seen_at, revoked_at';
export const PAYMENT_COLUMNS = 'payment_id, qr_id, txn_ref, tr, amount_paise, currency, utr, payer_vpa, event, received_at';
