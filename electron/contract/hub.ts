/**
 * The shop hub's wire protocol: what a counter (electron/core/shop-link) and the hub (electron/hub)
 * say to each other over HTTP. Types and route names only; both sides import this file.
 *
 * Every answer is JSON. Every error answer is `HubErrorBody` with a 4xx/5xx status; a 429
 * (`rate_limited`) carries `Retry-After` in seconds.
 * Terminal calls carry `Authorization: Bearer <credential>` (from pairing).
 */

export type TerminalRole = 'counter' | 'owner';

export const HUB_ROUTES = {
  health: '/health',
  /** POST `/bos/webhook/<secret>`: BOS's payment webhooks (JSON or form-encoded). */
  webhookPrefix: '/bos/webhook/',
  pair: '/v1/pair',
  me: '/v1/me',
  expectations: '/v1/expectations',
  stream: '/v1/stream',
  pairingCodes: '/v1/pairing-codes',
  terminals: '/v1/terminals',
  unmatched: '/v1/payments/unmatched',
} as const;

export type HubErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'too_large' | 'conflict' | 'unavailable' | 'internal';

export interface HubErrorBody {
  error: { code: HubErrorCode; message: string };
}

/** POST /v1/pair, no credential: a one-time pairing code (six digits, valid ten minutes) for a new terminal. */
export interface PairRequest {
  code: string;
  /** The terminal's name as the owner will see it ("Counter 2"). */
  name: string;
}

export interface PairAnswer {
  terminalId: string;
  /** Long-lived, shown once: the terminal keeps it in its SecretBox; the hub keeps only its hash. */
  credential: string;
  role: TerminalRole;
  shop: { id: string; name: string };
}

/** GET /v1/me: the credential still works; who it is. */
export interface MeAnswer {
  terminalId: string;
  name: string;
  role: TerminalRole;
  shop: { id: string; name: string };
}

/**
 * POST /v1/expectations: the QR on this terminal's screen, so BOS's payment for it is pushed here.
 * Idempotent by saleId (per terminal): the same request again answers 200 with `created: false`; the
 * same saleId with another QR, amount or reference answers 409 `conflict` (a new QR is a new sale).
 * A payment the hub already holds unmatched for this QR is delivered on the stream right away.
 */
export interface ExpectationRequest {
  saleId: string;
  /** BOS's QR id (`qr_…`), matched first. */
  qrId: string;
  /** BOS's txnRefranceID, matched second (UPIQR_SUCCESS's `refid`). */
  txnRef: string;
  /** The intent's `tr`, matched third. */
  tr: string | null;
  /** Positive whole paise. */
  amountPaise: number;
  /** As BOS stated it (ISO 8601), or null. */
  expiresAt: string | null;
}

export interface ExpectationAnswer {
  saleId: string;
  /** False when this saleId was already registered with the same QR (a retry). */
  created: boolean;
}

/** A payment BOS reported by webhook, as the hub pushes it to the terminal whose QR it pays. */
export interface HubPayment {
  /** BOS's (Razorpay's) payment id, or for UPIQR_SUCCESS its UPI transaction id: one payment, one id. */
  paymentId: string;
  /** The sale whose expectation it matched. */
  saleId: string;
  qrId: string | null;
  /** Razorpay shape: from the payment's or QR's `notes` (txnRefranceID); UPIQR_SUCCESS: `refid`. */
  txnRef: string | null;
  /** Razorpay shape: `notes.tr`; UPIQR_SUCCESS: `refid` too (the merchant reference is the intent's `tr`). */
  tr: string | null;
  /** What BOS says was paid, in paise. The counter compares it with the sale's own amount. */
  amountPaise: number;
  currency: string;
  /** The UPI reference (Razorpay `acquirer_data.rrn`, UPIQR_SUCCESS `upi_txn_id`). */
  utr: string | null;
  payerVpa: string | null;
  event: 'qr_code.credited' | 'UPIQR_SUCCESS';
  /** When the hub stored the webhook (ISO 8601). */
  receivedAt: string;
}

/**
 * GET /v1/stream: server-sent events for this terminal. `event: payment`, `id: <cursor>`,
 * `data: HubPayment`. Resumable: with `Last-Event-ID: <cursor>` (or `?after=<cursor>`; the header
 * wins when both are sent) the hub first sends every payment after it, none twice. The cursor is
 * this terminal's own (1, 2, 3, …, rising, never reused); a cursor is decimal digits, anything else
 * answers 400. A comment line (`: ping`) when the stream opens and at least every 15 s.
 */
export const HUB_STREAM_EVENT = 'payment';

/** POST /v1/pairing-codes (owner terminal): a code for another terminal of the same shop. */
export interface PairingCodeRequest {
  role: TerminalRole;
  name?: string;
}

export interface PairingCodeAnswer {
  code: string;
  role: TerminalRole;
  /** ISO 8601. */
  expiresAt: string;
}

/**
 * GET /v1/terminals (owner): every terminal paired to this shop, as `TerminalsAnswer`.
 * DELETE /v1/terminals/<id> (owner) revokes one and answers its `TerminalListing`; its credential
 * stops working at once and its open streams end. Another shop's terminal id answers 404.
 */
export interface TerminalListing {
  terminalId: string;
  name: string;
  role: TerminalRole;
  pairedAt: string;
  /** Last call or stream activity, ISO 8601, or null. */
  lastSeenAt: string | null;
  revoked: boolean;
}

export interface TerminalsAnswer {
  terminals: TerminalListing[];
}

/** GET /v1/payments/unmatched (owner): successful payments BOS reported that match no QR of this shop (yet), newest first, at most 500. */
export interface UnmatchedPayment {
  paymentId: string;
  qrId: string | null;
  txnRef: string | null;
  tr: string | null;
  amountPaise: number;
  currency: string;
  utr: string | null;
  payerVpa: string | null;
  event: HubPayment['event'];
  receivedAt: string;
}

export interface UnmatchedAnswer {
  payments: UnmatchedPayment[];
}

/** GET /health, no credential: the hub answers and its store does (503 `unavailable` otherwise). */
export interface HealthAnswer {
  ok: true;
}

/** What the hub answers BOS on an accepted webhook (200), a new payment or a repeat of one it holds. */
export interface WebhookAnswer {
  status: '200';
  message: string;
  duplicate: boolean;
}
