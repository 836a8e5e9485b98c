import type { ExpectationRequest, HubPayment, OwnerKeyKind, OwnerKeyListing, OwnerKeyOrigin, ShopChange, ShopSale, TerminalListing, TerminalRole, UnmatchedPayment } from '../../contract/hub';
import type { IntakeEvent, IntakeReport } from '../journal/validate';
import type { JournalQuota } from '../journal/quota';
import type { DayFigures } from '../journal/summary';
import type { StoreSignal } from './sql';

/** Everything is keyed by shop: one hub process may serve many shops (a partner's). */
export interface Shop {
  id: string;
  registrationId: string;
  name: string;
}

export interface Terminal {
  id: string;
  shopId: string;
  name: string;
  role: TerminalRole;
  revoked: boolean;
}

export interface AuthenticatedTerminal extends Terminal {
  shop: Shop;
}

/** A payment as read from one webhook body, before it is stored. */
export interface IncomingPayment {
  paymentId: string;
  event: HubPayment['event'];
  /** Only an explicit success (Razorpay `captured`, UPIQR `txnstatus` 1) is ever pushed as paid. */
  succeeded: boolean;
  /** The payload's own status words, kept for the record. */
  status: string | null;
  qrId: string | null;
  txnRef: string | null;
  tr: string | null;
  /** Null only for a payment that did not succeed and said no amount. */
  amountPaise: number | null;
  currency: string;
  utr: string | null;
  payerVpa: string | null;
}

/** The raw delivery, kept byte for byte (signatures are over these bytes). */
export interface RawWebhook {
  shopId: string;
  receivedAt: number;
  contentType: string | null;
  body: Uint8Array;
  signature: string | null;
}

export interface QuarantinedWebhook extends Omit<RawWebhook, 'shopId'> {
  shopId: string | null;
  reason: string;
}

export interface WebhookOutcome {
  /** `upgraded`: this payment id was held as failed and now says it succeeded. */
  kind: 'new' | 'duplicate' | 'upgraded';
  /** The terminal it was delivered to, or null (failed, unmatched, or a duplicate). */
  deliveredTo: string | null;
}

export interface StreamItem {
  cursor: number;
  payment: HubPayment;
}

export interface DefaultShopInput {
  registrationId: string | null;
  name: string | null;
  now: number;
}

export interface NewShop {
  registrationId: string;
  name: string;
  webhookSecretHash: string;
  now: number;
}

export interface DefaultShop {
  shop: Shop;
  /** False until a webhook secret was made or given for it: BOS's webhooks then find no shop (404). */
  hasWebhookSecret: boolean;
}

/** A new webhook secret for a shop; the one before it stays valid until `previousUntil` (null: ended now). */
export interface WebhookSecretChange {
  shopId: string;
  hash: string;
  previousUntil: number | null;
  now: number;
}

export interface NewPairingCode {
  shopId: string;
  role: TerminalRole;
  name: string | null;
  codeHash: string;
  now: number;
  expiresAt: number;
  /** A code the operator fixed (`--pairing-code`) may be made again while it is live; a random one may not. */
  ifLive: 'refuse' | 'renew';
  /** The most codes one shop may have waiting to be used. */
  maxLive: number;
}

/** `taken`: those digits are live already; `full`: the shop has `maxLive` codes waiting, the first expiring at `retryAt`. */
export type PairingCodeResult = { kind: 'made' } | { kind: 'taken' } | { kind: 'full'; retryAt: number };

export interface Redemption {
  codeHash: string;
  terminalId: string;
  terminalName: string;
  credentialHash: string;
  now: number;
}

/** `conflict`: this sale was announced with another QR; `claimed_elsewhere`: its QR id or reference is another claim's (refused, kept as such). */
export type ExpectationResult = 'created' | 'repeat' | 'conflict' | 'claimed_elsewhere';

export interface StoreCounts {
  webhooks: number;
  quarantined: number;
  payments: number;
  deliveries: number;
  expectations: number;
  /** Codes not yet used or cleaned (a spent code's row goes at once, an expired one at the next code made). */
  pairingCodes: number;
}

export interface QuarantineEntry {
  shopId: string | null;
  reason: string;
  contentType: string | null;
  body: Uint8Array;
  receivedAt: string;
}

export interface JournalIntake {
  kind: 'kept';
  accepted: number;
  duplicates: number;
  lastId: number | null;
  /** The shop days whose figures this batch changed (its sales' days, a sale's old day, reported days). */
  days: string[];
}

/** A batch that does not fit the terminal's quota now: nothing of it was kept. */
export interface OverQuota {
  kind: 'over_quota';
  over: 'events_per_minute' | 'bytes_per_day';
  retryAfterMs: number;
}

export interface ShopChangeItem {
  cursor: number;
  change: ShopChange;
}

export interface NewOwnerKey {
  shopId: string;
  keyHash: string;
  label: string;
  kind: OwnerKeyKind;
  /** `start`: the key given with --owner-key, which replaces the shop's previous start key. */
  origin: Exclude<OwnerKeyOrigin, 'earlier'>;
  /** The owner terminal making it (origin `terminal`): the key dies with it. */
  madeByTerminal: string | null;
  now: number;
}

/** A live owner key presented to the hub: not revoked, and its maker (if a terminal) not revoked either. */
export interface AuthenticatedOwnerKey {
  id: string;
  kind: OwnerKeyKind;
  shop: Shop;
}

/** What the hub needs from its database. Times in are epoch milliseconds from the hub's clock; times out are ISO 8601. */
export interface HubStore {
  readonly kind: 'pglite' | 'postgresql';
  ping(): Promise<void>;

  openDefaultShop(input: DefaultShopInput): Promise<DefaultShop>;
  /** Another shop on the same hub (a partner's): its own terminals, QRs and payments. */
  createShop(input: NewShop): Promise<Shop>;
  /** A partner's `shop-add`: null when a shop with this registration id is on the hub already. */
  addShop(input: NewShop): Promise<Shop | null>;
  shopByRegistrationId(registrationId: string): Promise<Shop | null>;
  /** The shop whose current webhook secret, or previous one within its grace period, has this hash. */
  shopByWebhookSecretHash(hash: string, now: number): Promise<Shop | null>;
  /** The shop's new webhook secret (hash); the current one becomes the previous, valid until the time answered (null: none is). */
  changeWebhookSecret(change: WebhookSecretChange): Promise<string | null>;

  /** One transaction: the raw body, the payment (deduplicated by id), and its delivery if it matches an expectation. */
  recordWebhook(raw: RawWebhook, payment: IncomingPayment): Promise<WebhookOutcome>;
  quarantineWebhook(entry: QuarantinedWebhook): Promise<void>;
  quarantined(limit: number): Promise<QuarantineEntry[]>;

  /** Cleans spent and expired codes, then makes this one unless its digits are live or the shop is full. */
  createPairingCode(code: NewPairingCode): Promise<PairingCodeResult>;
  /** Uses the code up (its row goes) and pairs the terminal, or null (unknown, used, expired). */
  redeemPairingCode(redemption: Redemption): Promise<{ terminal: Terminal; shop: Shop } | null>;
  terminalByCredentialHash(hash: string): Promise<AuthenticatedTerminal | null>;
  terminalActive(terminalId: string): Promise<boolean>;
  touchTerminal(terminalId: string, now: number): Promise<void>;
  listTerminals(shopId: string): Promise<TerminalListing[]>;
  /** Revokes the terminal and every owner key it made, in one transaction. */
  revokeTerminal(shopId: string, terminalId: string, now: number): Promise<TerminalListing | null>;

  /** Idempotent by (terminal, saleId); delivers any unmatched payment it matches. */
  registerExpectation(terminal: Terminal, expectation: ExpectationRequest, now: number): Promise<ExpectationResult>;
  paymentsAfter(terminalId: string, cursor: number, limit: number): Promise<StreamItem[]>;
  unmatchedPayments(shopId: string, limit: number): Promise<UnmatchedPayment[]>;

  /**
   * One transaction: the events this terminal's batch brings that the hub does not hold yet, the sales
   * they fold into, the reports, and a change for the owner's stream. A batch sent again changes nothing.
   */
  recordJournal(terminal: Terminal, events: readonly IntakeEvent[], reported: readonly IntakeReport[], now: number, quota: JournalQuota): Promise<JournalIntake | OverQuota>;
  /** A batch of this terminal's the hub failed to keep (a 5xx of its own): the owner sees the journal stuck once that goes on. */
  noteJournalFailure(terminal: Terminal, now: number, reason: string): Promise<void>;
  journalCursor(terminalId: string): Promise<number | null>;
  /** The shop's change log for its owner's stream, after a cursor; `latestShopChange` is where a new stream starts. */
  shopChangesAfter(shopId: string, cursor: number, limit: number): Promise<ShopChangeItem[]>;
  latestShopChange(shopId: string): Promise<number>;
  createOwnerKey(key: NewOwnerKey): Promise<OwnerKeyListing>;
  ownerKeyByHash(hash: string): Promise<AuthenticatedOwnerKey | null>;
  /** Not revoked, and its maker (if a terminal) not revoked either. */
  ownerKeyActive(keyId: string): Promise<boolean>;
  listOwnerKeys(shopId: string): Promise<OwnerKeyListing[]>;
  /** Null when the shop has no key with this id. */
  revokeOwnerKey(shopId: string, keyId: string, now: number): Promise<OwnerKeyListing | null>;
  /** The shop's --owner-key keys (origin `start`) other than `keepHash` stop working. */
  revokeStartKeys(shopId: string, keepHash: string | null, now: number): Promise<number>;
  touchOwnerKey(keyId: string, now: number): Promise<void>;
  /** The sales and reports of one shop day, for the summary (day-summary.ts adds them up). */
  dayFigures(shopId: string, day: string): Promise<DayFigures>;
  daySales(shopId: string, day: string, terminalId: string | null): Promise<ShopSale[]>;

  /** Deliveries and revocations, from this process and (PostgreSQL) every other on the same database. */
  subscribe(listener: (signal: StoreSignal) => void): () => void;
  counts(): Promise<StoreCounts>;
  close(): Promise<void>;
}
