/** Every code an operation can fail with. BOS codes come first, then the app's own. */
export const ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'rejected',
  'server_error',
  'invalid_response',
  'amount_mismatch',
  'invalid_intent',
  'invalid_input',
  'busy',
  'not_found',
  'not_allowed',
  /** The owner's PIN is needed (Settings, refund claims, exports, Live). */
  'owner_required',
  'wrong_pin',
  'locked_out',
  /** Counter could not write to its data folder (disk full, read-only): nothing that needed writing down happened. */
  'not_saved',
  /** BOS made a QR for a payee other than the one this account's QRs have always paid; the owner must accept it first. */
  'payee_changed',
  /** The UTR typed was already recorded for another sale (an old success screen shown again?). */
  'utr_reused',
  /** First start: the owner has not set up this counter (owner PIN) yet. */
  'not_set_up',
  /** A hub is connected and BOS has not confirmed this payment yet: mark paid by hand only after a second look. */
  'not_confirmed',
  /** The shop hub refused or could not be reached (pairing, a revoked counter). */
  'hub_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PosError {
  code: ErrorCode;
  /** Plain words for the cashier. */
  message: string;
  /** BOS's own code and message when BOS said no. */
  bosCode?: string;
  bosMessage?: string;
  /** wrong_pin: tries left before the PIN locks; locked_out: whole minutes until it opens again (so each language can say it). */
  count?: number;
  /** invalid_input about one field of a form (a settings key such as `registrationId`): the screen shows it there. */
  field?: string;
  /** utr_reused: the earlier sale the UTR was recorded for (the renderer shows it, in the language in use). */
  related?: { saleId: string; amountPaise: number; at: string };
}

export type PosResult<T> = { ok: true; value: T } | { ok: false; error: PosError };
