import { err, ok, type Result } from '../../contract/result';
import { bosError, type BosError } from './errors';

const MAX_ID_DIGITS = 30;

/**
 * BOS wants reference ids and ack numbers as JSON numbers, and a reference id can
 * be longer than a double holds (19 digits). So the digits are written into the
 * body as they are, never through Number.
 */
export function digitsForWire(label: string, value: unknown): Result<string, BosError> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d+$/.test(text)) {
    return err(bosError('invalid_input', `${label} must be digits only.`, { mayHaveReached: false }));
  }
  // A JSON number cannot start with 0; the value is the same without them.
  const digits = text.replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(digits)) return err(bosError('invalid_input', `${label} cannot be zero.`, { mayHaveReached: false }));
  if (digits.length > MAX_ID_DIGITS) {
    return err(bosError('invalid_input', `${label} is too long (at most ${MAX_ID_DIGITS} digits).`, { mayHaveReached: false }));
  }
  return ok(digits);
}

/** A JSON object body whose values are already-valid JSON literals, written in order. */
export function jsonBodyFromLiterals(fields: ReadonlyArray<readonly [string, string]>): string {
  return `{${fields.map(([key, literal]) => `${JSON.stringify(key)}:${literal}`).join(',')}}`;
}
