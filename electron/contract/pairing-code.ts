/**
 * A pairing code as a person reads it off one screen and types it on another: sixteen digits, shown
 * in four groups of four, the last a check digit (Damm's), so a mistyped digit or two neighbours
 * swapped are caught before the code is sent, and never pair a counter with another shop's code.
 * Fifteen random digits make guessing hopeless without a hub-wide limit that a stranger could trip.
 * No Node API: the renderer checks what the owner types with the same rules.
 */
export const PAIRING_CODE_LENGTH = 16;

// Damm's quasigroup of order 10: every single-digit error and every swap of two neighbouring digits changes the check.
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function dammOf(digits: string): number {
  let interim = 0;
  for (const digit of digits) interim = DAMM[interim]![Number(digit)]!;
  return interim;
}

/** The digits alone: the spaces and dashes a person types between the groups dropped. */
export const pairingCodeDigits = (typed: string): string => typed.replace(/[\s-]/g, '');

/** Fifteen digits and their check digit. */
export function withCheckDigit(body: string): string {
  if (!/^\d+$/.test(body)) throw new RangeError('A pairing code is digits only.');
  return `${body}${dammOf(body)}`;
}

export type PairingCodeProblem = 'length' | 'typo';

/** Null when `digits` is a whole pairing code; else what is wrong with it. */
export function pairingCodeProblem(digits: string): PairingCodeProblem | null {
  if (!new RegExp(`^\\d{${PAIRING_CODE_LENGTH}}$`).test(digits)) return 'length';
  return dammOf(digits) === 0 ? null : 'typo';
}

/** "4829 1307 5562 0184": how a code is shown, and how it may be typed. */
export const groupedPairingCode = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
