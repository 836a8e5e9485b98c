import type { JournalEvent } from './journal';

/**
 * The shop hub's wire protocol: what a counter (electron/core/hub-link) and the hub (electron/hub)
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
  journal: '/v1/journal',
  journalCursor: '/v1/journal/cursor',
  /** POST makes one (owner terminal), GET lists the shop's (owner terminal), DELETE `/v1/owner-keys/<keyId>` revokes one. */
  ownerKeys: '/v1/owner-keys',
  /** POST (owner terminal): a new webhook secret, its URL shown once; the one before works for a grace period. */
  webhookSecret: '/v1/webhook-secret',
  shopStream: '/v1/shop/stream',
  /** `/v1/days/<YYYY-MM-DD>/summary` and `/v1/days/<YYYY-MM-DD>/sales`: the owner's read API. */
  daysPrefix: '/v1/days/',
} as const;

export type HubErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'rate_limited' | 'too_large' | 'conflict' | 'unavailable' | 'internal';

export interface HubErrorBody {
  error: { code: HubErrorCode; message: string };
}

/**
 * POST /v1/pair, no credential: a one-time pairing code for a new terminal (sixteen digits, the last
 * a check digit: contract/pairing-code.ts; valid ten minutes; spaces and dashes between groups are
 * ignored). Wrong codes are limited per client address (IPv6: per /64), never hub-wide.
 */
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
 * A QR id or reference (txnRefranceID or `tr`, one namespace) belongs to the first terminal and sale
 * that announced it: a later claim on it answers 409 `conflict` and is kept as refused, and a payment
 * two claims match (the first and a refused one, or two sales) is held for the owner, pushed to neither.
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

/**
 * POST /v1/pairing-codes: a code for another terminal of the same shop. A counter's code: an owner
 * terminal or an owner key of kind `owner`; an owner's code: an owner terminal only. A shop has at
 * most ten codes waiting to be used (429 with Retry-After beyond that).
 */
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

/**
 * GET /v1/payments/unmatched (owner): successful payments BOS reported that no counter was given: none
 * claimed their QR (yet), or two did and the hub held them for the owner. Newest first, at most 500.
 */
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
  /** `unclaimed`: no counter announced its QR (yet); `claimed_twice`: two claims match it (a counter announced another's QR id or reference), so the hub gave it to neither. */
  reason: 'unclaimed' | 'claimed_twice';
  /** For `claimed_twice`: the names of the terminals whose claims match it, the first and the refused; empty otherwise. */
  claimedBy: string[];
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

// ---------------------------------------------------------------------------------------------
// The whole shop: every counter's journal at the hub, and the owner's view of it.
// ---------------------------------------------------------------------------------------------

/** Totals by sale state, in paise. */
export type SaleStateTotals = Record<'creating' | 'showing' | 'paid' | 'cancelled' | 'expired' | 'failed', { count: number; paise: number }>;

/**
 * POST /v1/journal (terminal): a batch of this terminal's journal events, in id order, within `JOURNAL_BATCH`.
 * The hub keeps each (terminal, event id) once: a batch sent again (the counter was killed before it
 * heard the answer) changes nothing. `reported` is what the counter's own journal says for a day it
 * sold on (for the owner's reconciliation line).
 */
export const JOURNAL_BATCH = { maxEvents: 500, maxReportedDays: 100 } as const;
/**
 * The most paise a journal line may state in any top-level `…Paise` field: the highest cap a counter may
 * set for one QR (₹10 crore). A day's sum of such amounts stays an exact JavaScript number for 900,000
 * sales; a line with more (or with an amount that is not whole paise) is refused and goes as its stand-in.
 */
export const MAX_LINE_PAISE = 100_000_000_00;
/**
 * When a counter's journal counts as stuck: its batches failed (a 5xx, or a 429 that went on) this many
 * times in a row, or for this long. The counter then tells its cashier, and the hub its owner.
 */
export const JOURNAL_STUCK = { failures: 6, afterMs: 2 * 60_000 } as const;
export interface JournalBatch {
  events: JournalEvent[];
  reported?: { day: string; sales: SaleStateTotals }[];
}

export interface JournalBatchAnswer {
  /** New events kept. */
  accepted: number;
  /** Events the hub already held. */
  duplicates: number;
  /** The highest event id the hub now holds for this terminal. */
  lastId: number | null;
}

/** GET /v1/journal/cursor (terminal): where to resume sending after a restart. */
export interface JournalCursorAnswer {
  lastId: number | null;
}

// Owner keys (kinds, makers, listing) and the webhook secret's rotation: contract/hub-keys.ts.
export type { OwnerKeyAnswer, OwnerKeyKind, OwnerKeyListing, OwnerKeyOrigin, OwnerKeyRequest, OwnerKeysAnswer, WebhookSecretAnswer, WebhookSecretRequest } from './hub-keys';

/**
 * The owner's read API, authorised by an owner key of kind `owner` or `read` or an owner terminal's
 * credential. Days are the shop's local days (IST).
 * GET /v1/days/<day>/summary:
 */
export interface DaySummaryAnswer {
  day: string;
  shop: { id: string; name: string };
  /** The whole shop, from the events the hub holds. */
  all: ShopTotals;
  counters: CounterDay[];
}

export interface ShopTotals {
  sales: SaleStateTotals;
  collectedPaise: number;
  /** Paid sales BOS confirmed (the hub holds the payment it delivered to the sale, for its amount and QR) / a person marked. */
  confirmedByBos: number;
  markedByHand: number;
  /** Paid sales the counter says BOS confirmed, for which the hub holds no such payment: the counter's word only. */
  claimedByCounter: number;
  /** Paise collected in each local hour 0–23, by the hour the sale was rung up. */
  collectedByHour: number[];
  /** Money BOS reported for sales already cancelled or expired, not yet kept or refunded. */
  latePayments: number;
}

export interface CounterDay {
  terminalId: string;
  name: string;
  totals: ShopTotals;
  /** What the counter's own journal said for this day when it last reported (null: never reported). */
  reported: SaleStateTotals | null;
  /** True when `reported` differs from what the hub holds (count or sum of any state). */
  differs: boolean;
  /** The counter's last call to the hub (ISO 8601), or null. */
  lastContactAt: string | null;
  journal: CounterJournal;
}

/** A counter's journal at the hub: what it sent that shop day against its quota, and whether the hub has been failing to keep it. */
export interface CounterJournal {
  /** Bytes of journal lines the hub kept from it on that shop day (counted when they arrived). */
  bytes: number;
  /** Its quota of bytes a day when it last sent that day; null when it sent nothing that day. */
  bytesQuota: number | null;
  /** Since when (ISO 8601) the hub has failed to keep its batches, once that went on long enough to be stuck; null while they are kept. Now, whatever the day asked. */
  stuckSince: string | null;
}

/** GET /v1/days/<day>/sales[?terminal=<id>]: every sale rung up that day, per counter, oldest first. */
export interface DaySalesAnswer {
  day: string;
  sales: ShopSale[];
}

export interface ShopSale {
  terminalId: string;
  terminalName: string;
  saleId: string;
  requestedAt: string;
  amountPaise: number;
  state: keyof SaleStateTotals;
  /** `bos`: the hub holds BOS's payment for it; `counter_claim`: the counter says BOS confirmed it, the hub holds no such payment; `person`: marked paid by hand. */
  confirmedBy: 'bos' | 'counter_claim' | 'person' | null;
  bosReference: string | null;
  utr: string | null;
  paidAt: string | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  latePayment: { amountPaise: number; utr: string | null; reason: 'after_cancel' | 'after_expiry' } | null;
  /** The refusal's code and BOS's words, for a failed sale. */
  errorCode: string | null;
  bosMessage: string | null;
}

/**
 * GET /v1/shop/stream (owner terminal): server-sent events `event: journal`, `data: ShopChange`,
 * one per batch of events a counter sent, so the owner's screen refreshes within a second.
 * Comment pings as on /v1/stream.
 */
export interface ShopChange {
  terminalId: string;
  days: string[];
}
