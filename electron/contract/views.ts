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

export interface SaleView {
  saleId: string;
  state: SaleState;
  amountPaise: number;
  qr: QrView | null;
  utr: string | null;
  paidAfterExpiry: boolean;
  error: { code: string; message: string; bosCode?: string; bosMessage?: string } | null;
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
  environment: Environment;
  liveBaseUrl: string;
  /** Masked: "BOS-•••4". */
  registrationIdHint: string | null;
  tokenConfigured: boolean;
  /** Last four characters only. */
  tokenLast4: string | null;
  terminalName: string;
  capPaise: number;
}

export interface AppInfo {
  version: string;
  environment: Environment;
  /** True when no real money can move (sandbox). */
  sandbox: boolean;
  /** Where BOS calls go, shown to the owner. Never carries credentials. */
  bosHost: string;
  shell: 'electron' | 'web-preview';
}
