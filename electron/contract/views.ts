import type { CounterDay, ShopSale, ShopTotals, TerminalListing, UnmatchedPayment } from './hub';
import type { Language } from './languages';

/** What the renderer is shown. Nothing secret is ever in here. */

/** `unresolved`: the app stopped while this sale was open; a person must say whether it was paid. */
export type SaleState = 'creating' | 'showing' | 'paid' | 'cancelled' | 'expired' | 'failed' | 'unresolved';

export interface QrView {
  /** The UPI intent exactly as BOS sent it. */
  intent: string;
  payeeName: string;
  payeeVpa: string;
  txnRef: string;
  qrId: string;
  /** Milliseconds left when this view was made; the renderer counts down from its own receipt time. */
  remainingMs: number;
  ttlMs: number;
  /** False when BOS gave no expiry and the documented five minutes is assumed. */
  expiryStated: boolean;
  /** As BOS stated it (ISO 8601 with offset), or null. */
  expiresAt: string | null;
}

/** Who the QR was for and BOS's reference: kept after the QR itself is gone, for a receipt. */
export interface SaleReference {
  txnRef: string;
  payeeName: string;
  payeeVpa: string;
}

export interface SaleView {
  saleId: string;
  state: SaleState;
  amountPaise: number;
  /** When the sale was rung up (ISO 8601, this PC's clock): tells two open sales of one amount apart. */
  requestedAt: string;
  /** Only while the sale is showing: no screen can draw a QR for a sale that is over. */
  qr: QrView | null;
  /** From the QR BOS issued, in every state after it (null when no QR was issued, or after a restart). */
  reference: SaleReference | null;
  /** When the sale was marked paid (ISO 8601), else null. */
  paidAt: string | null;
  utr: string | null;
  paidAfterExpiry: boolean;
  /** Marked paid after it had been cancelled: the customer paid after all. */
  paidAfterCancel: boolean;
  /** Who said it was paid: BOS (a webhook through the hub, or the status call), a person, or nobody yet. */
  confirmedBy: 'bos' | 'person' | null;
  /** BOS's payment when BOS confirmed it (or reported one this sale did not take). */
  payment: BosPaymentView | null;
  /** BOS reported a payment for this QR that was not taken as paid (another amount): the cashier decides. */
  reported: ReportedPaymentView | null;
  error: { code: string; message: string; bosCode?: string; bosMessage?: string } | null;
}

/** A payment as BOS reported it (hub webhook or status call). */
export interface BosPaymentView {
  paymentId: string;
  amountPaise: number;
  utr: string | null;
  payerVpa: string | null;
  /** How Counter learnt it. */
  via: 'hub' | 'status';
  /** When Counter learnt it (ISO 8601). */
  at: string;
}

/** BOS reported a payment for a sale that Counter did not take as paid by itself. */
export interface ReportedPaymentView extends BosPaymentView {
  /** other_amount: not the sale's amount; after_cancel / after_expiry: the sale had ended. */
  reason: 'other_amount' | 'after_cancel' | 'after_expiry';
}

/** A payment that arrived for a sale already cancelled: shown at once (banner), never dropped; the owner refunds or keeps it. */
export interface LatePaymentView extends ReportedPaymentView {
  saleId: string;
  saleAmountPaise: number;
  requestedAt: string;
}

/** The counter's link to the shop hub, as the top bar and Settings show it. */
export interface HubView {
  /** Paired with a hub (address and credential kept). */
  paired: boolean;
  /** The hub's address (no credential in it), or null. */
  url: string | null;
  state: 'off' | 'connecting' | 'connected' | 'reconnecting' | 'refused';
  /** This terminal's role at the hub: a counter, or the owner's (the whole shop). */
  role: 'counter' | 'owner' | null;
  shopName: string | null;
  /** The in-process hub of the embedded default (sandbox), not a shop's own. */
  embedded: boolean;
  /** The last payment the hub pushed (ISO 8601), or null. */
  lastPaymentAt: string | null;
  /** Since when the state is what it is (ISO 8601). */
  since: string;
  /** Why it is reconnecting or refused, in plain words; null when connected. */
  problem: string | null;
  /**
   * QRs shown on this counter in the last minutes that the hub has not taken: it cannot push their
   * payments, so they will not turn green by themselves. `refused`: the hub said no (another counter
   * announced that QR first) and it is not sent again; otherwise it is being sent again.
   */
  qrsNotKnown: { saleId: string; refused: boolean }[];
  /** Since when (ISO 8601) the hub has refused this counter's journal, once that went on long enough to be stuck: the owner's view of this counter is behind. Null while it keeps up. */
  journalStuckSince: string | null;
}

/** The payee this BOS account's QRs pay, and one BOS offered instead (a QR that was refused for it). */
export interface PayeeView {
  pinned: { vpa: string; name: string; since: string } | null;
  offered: { vpa: string; name: string; seenAt: string } | null;
}

export interface RefundAckView {
  responseCode: string;
  /** BOS's message, verbatim. */
  message: string;
  /** What it means, in plain words. */
  explanation: string;
}

export type Environment = 'sandbox' | 'live';

export interface SettingsView {
  /** encrypted (OS keyring), session_only (no keyring: forgotten when Counter closes), plain (owner accepted). */
  tokenStorage: 'encrypted' | 'session_only' | 'plain';
  environment: Environment;
  liveBaseUrl: string;
  /** Masked: "BOS-•••4". */
  registrationIdHint: string | null;
  tokenConfigured: boolean;
  /** Last four characters only. */
  tokenLast4: string | null;
  terminalName: string;
  capPaise: number;
  /** Shown to customers on the customer display and printed slips ('' when not set). */
  shopName: string;
  language: Language;
  theme: 'light' | 'high-contrast';
  /** 'off', 'auto' (a second display when there is one) or 'display:<id>'. */
  customerDisplay: string;
  paperWidth: '58mm' | '80mm' | 'a4';
  /** 0–100. */
  soundVolume: number;
  soundMuted: boolean;
  /** Live: BOS's QR status call is asked too (the sandbox always answers it). */
  statusCallLive: boolean;
  payee: PayeeView;
}

export interface AppInfo {
  version: string;
  environment: Environment;
  /** True when no real money can move (sandbox). */
  sandbox: boolean;
  /** Where BOS calls go, shown to the owner. Never carries credentials. */
  bosHost: string;
  shell: 'electron' | 'web-preview';
  /** Things the owner should know from start-up (a settings file set aside, say). */
  notices: string[];
}

/** A sale's state in History: `unresolved` is a sale the app stopped in the middle of and a person must answer. */
export type HistorySaleState = 'creating' | 'showing' | 'paid' | 'cancelled' | 'expired' | 'failed' | 'unresolved';
/**
 * What to do about a refused row, in plain words by its error: chosen in main from the code (and,
 * for BOS's VPA refusal, its words), said by each screen in its language and by the export in English.
 */
export type NextStep = 'fix_vpa' | 'ask_bos' | 'check_internet' | 'check_credentials' | 'wait_and_retry' | 'retry_then_bos' | 'accept_payee' | 'free_disk';

/** A refund's last step: the OTP asked for, sent or refused; the claim sent, done or refused. */
export type HistoryRefundState = 'otp_requested' | 'otp_sent' | 'otp_refused' | 'claim_requested' | 'claimed' | 'claim_refused';

interface HistoryRowBase {
  /** The sale id, or `referenceId/ackNo` for a refund. */
  id: string;
  /** ISO time of the row's first event. */
  at: string;
  terminal: string;
  /** BOS's words or ours when something was refused; null otherwise. */
  note: string | null;
  /** The error code behind `note` (network, rejected …) when the journal has one: the renderer says it in the language in use. */
  noteCode: string | null;
  /** What to do about the refusal in `note`, or null when nothing was refused. */
  nextStep: NextStep | null;
}

export interface SaleHistoryRow extends HistoryRowBase {
  kind: 'sale';
  state: HistorySaleState;
  amountPaise: number;
  /** BOS's transaction reference (txnRefranceID) once a QR was issued. */
  bosReference: string | null;
  utr: string | null;
  /** When it was marked or confirmed paid (ISO 8601), else null. */
  paidAt: string | null;
  /** Who the QR was for, as BOS's QR named them (null when no QR was issued): a reprinted receipt names it. */
  payeeName: string | null;
  payeeVpa: string | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  /** Who said it was paid: BOS (its payment, checked against the sale) or a person; null until paid. */
  confirmedBy: 'bos' | 'person' | null;
  /** True when this counter can still take a paid/cancelled answer for it (Sell or History). */
  canResolve: boolean;
  /** Cancelled or expired, and this counter can still record "the customer paid after all". */
  canMarkPaidLate: boolean;
  /** BOS reported money for it after it was cancelled or had expired: refund or keep. */
  latePayment: { amountPaise: number; utr: string | null; reason: 'after_cancel' | 'after_expiry' } | null;
  /** When BOS refused the QR: BOS's own code and words. */
  bosCode: string | null;
  bosMessage: string | null;
}

export interface RefundHistoryRow extends HistoryRowBase {
  kind: 'refund';
  state: HistoryRefundState;
  referenceId: string;
  ackNo: string;
}

export type HistoryRow = SaleHistoryRow | RefundHistoryRow;

export interface StateTotal {
  count: number;
  paise: number;
}

export interface DaySummary {
  /** Sum of paid sales. */
  collectedPaise: number;
  sales: Record<HistorySaleState, StateTotal>;
  paidAfterExpiry: number;
  /** Paid sales BOS confirmed (its payment, checked), and those a person marked paid. */
  paidByBos: number;
  paidByHand: number;
  refundsClaimed: number;
  refundsRefused: number;
  /** Paise collected in each local hour 0–23, by the hour the sale was rung up. */
  collectedByHour: number[];
}

export interface HistoryView {
  day: string;
  rows: HistoryRow[];
  summary: DaySummary;
  /** Damaged journal lines that were skipped, in plain words. */
  warnings: string[];
}

/** CSV for other programs (ISO dates, plain numbers); Excel for people (text ids, ₹ amounts, real dates). */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * `saved`: main wrote the file where the owner chose. `download`: the browser preview hands the file
 * to the browser: CSV as text (`utf8`), an Excel workbook as its bytes in base64.
 */
export type ExportView =
  | { kind: 'saved'; path: string; rows: number }
  | { kind: 'download'; fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string; rows: number }
  | { kind: 'cancelled' };

/** A monitor the customer display could open on. */
export interface DisplayView {
  id: string;
  label: string;
  primary: boolean;
}

/** The owner PIN as the renderer may know it: never the PIN or its hash. */
export interface OwnerView {
  pinSet: boolean;
  /** The owner typed the PIN recently: Settings, refund claims, exports and Live are open. */
  unlocked: boolean;
  /** Five wrong PINs lock it for five minutes: the time left, or 0. */
  lockedForMs: number;
  triesLeft: number;
}

export interface ConnectionTestView {
  outcome: 'reachable' | 'unauthorized' | 'unreachable' | 'server_error';
  /** Plain words for the owner. */
  message: string;
  host: string;
  /** True when the test went to the embedded sandbox (its `host` is only a label then, in English). */
  sandbox: boolean;
}

/** A terminal paired to the shop, as the owner's Settings list it: this Counter itself is marked (it must not revoke itself by mistake). */
export interface TerminalView extends TerminalListing {
  thisCounter: boolean;
}

/** The whole shop, for the owner's Counter (paired as the owner's): read from the hub, never from this PC's journal. */
export interface ShopDayView {
  day: string;
  shopName: string;
  all: ShopTotals;
  counters: CounterDay[];
  /** Every sale rung up that day at any counter (or at the one asked for), oldest first. */
  sales: ShopSale[];
  /** Payments BOS reported that match no QR of this shop; null when the hub did not give them this time (never shown as "none"). */
  unmatched: UnmatchedPayment[] | null;
  /** When the hub answered (ISO 8601). */
  fetchedAt: string;
}
