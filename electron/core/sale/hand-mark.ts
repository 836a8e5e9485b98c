import type { PosError } from '../../contract/errors';
import { formatPaise } from '../../contract/money';
import type { UtrUse } from './recorded-utrs';

/** Warnings a person can answer "mark paid anyway" to; each override is journaled. */
export type MarkPaidOverride = 'utr_reused' | 'not_confirmed';

/** A person says the customer paid. */
export interface MarkPaidInput {
  utr?: string | undefined;
  /** Warnings the person has seen and answered "mark paid anyway". */
  overrides?: readonly MarkPaidOverride[] | undefined;
}

/** dd/mm/yyyy hh:mm on this PC's clock, as Indian counters write it. */
export function counterTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())} on ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export const NOT_CONFIRMED: PosError = {
  code: 'not_confirmed',
  message: 'BOS has not confirmed this payment. Check the customer\'s phone and your UPI app before marking it paid anyway.',
};

export function utrReused(earlier: UtrUse): PosError {
  return {
    code: 'utr_reused',
    message: `This UPI reference (UTR) was already recorded for a ${formatPaise(earlier.amountPaise)} sale rung up at ${counterTime(earlier.at)}. An old success screen may have been shown again: check the payment before marking this sale paid.`,
    related: earlier,
  };
}
