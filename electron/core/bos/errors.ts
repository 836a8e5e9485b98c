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

export interface BosError {
  code: BosErrorCode;
  /** Plain words for the cashier. Never a stack trace, header or token. */
  message: string;
  /** BOS's own code (`subCode` or `response_code`) when it said no. */
  bosCode?: string;
  /** BOS's own message, verbatim, when it said no. */
  bosMessage?: string;
  httpStatus?: number;
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
