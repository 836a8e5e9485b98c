/**
 * Readers for values from BOS's ASP.NET servers: `null` for absent, numbers where strings are
 * documented and the reverse, JSON nested as a string. Each returns null rather than guess.
 */
export type Fields = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object, or a string holding one (`"payload": "{…}"`). */
export function object(value: unknown): Fields | null {
  if (isPlainObject(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      return isPlainObject(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** A non-empty trimmed string, from a string or a finite number. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Own properties only: a body's `__proto__` or `constructor` is data, never a path into Object. */
export function field(from: Fields | null, key: string): unknown {
  return from && Object.hasOwn(from, key) ? from[key] : undefined;
}

/** The first of several spellings that holds a value. */
export function firstText(from: Fields | null, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = text(field(from, key));
    if (value !== null) return value;
  }
  return null;
}

/** Whole paise: a safe non-negative integer, or a string of digits. "10.0" and 1e3 are refused. */
export function wholePaise(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** An id BOS or Razorpay gave: printable ASCII, no spaces, at most 128 characters. */
export function identifier(value: unknown): string | null {
  const t = text(value);
  return t !== null && /^[\x21-\x7e]{1,128}$/.test(t) ? t : null;
}
