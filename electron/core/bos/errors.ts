import type { PosError } from '../../contract/errors';

export type BosErrorCode =
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'rejected'
  | 'server_error'
  | 'invalid_response'
  | 'amount_mismatch'
  | 'invalid_intent'
  | 'invalid_input';

/**
 * Why an answer was refused, when the code alone does not say it: a stable word for
 * tests, the journal and the fault table, beside the cashier's sentence.
 * - redirected: BOS answered with a redirect (3xx), which Counter never follows.
 * - contradictory: the answer says two things at once (success and a failure code, two amounts…).
 * - unconfirmed: the answer does not say in a documented way that the QR was made.
 */
export type BosErrorReason = 'redirected' | 'contradictory' | 'unconfirmed';

export interface BosError {
  code: BosErrorCode;
  /** Plain words for the cashier. Never a stack trace, header or token. */
  message: string;
  /** BOS's own code (`subCode` or `response_code`) when it said no. */
  bosCode?: string;
  /** BOS's own message, verbatim, when it said no. */
  bosMessage?: string;
  httpStatus?: number;
  reason?: BosErrorReason;
  /**
   * False only when the request certainly never reached BOS (bad input, refused
   * connection, unknown host). When true, a create or claim may have happened,
   * so it must not be sent again automatically.
   */
  mayHaveReached: boolean;
}

export const bosError = (code: BosErrorCode, message: string, extra: Partial<BosError> = {}): BosError => ({
  code,
  message,
  mayHaveReached: true,
  ...extra,
});

/** A BOS failure as the windows are told it: the cashier's words, and BOS's own code and message when it said no. */
export function toPosError(error: BosError): PosError {
  const { code, message, bosCode, bosMessage } = error;
  return { code, message, ...(bosCode !== undefined ? { bosCode } : {}), ...(bosMessage !== undefined ? { bosMessage } : {}) };
}
