/**
 * The journal's lines: what a counter writes, and what it sends to the shop's hub. OTPs, tokens
 * and PINs never enter it. Shared by core (which writes it) and the hub (which keeps every counter's).
 */
export type JournalEventType =
  | 'sale.requested'
  | 'sale.qr_issued'
  | 'sale.qr_refused'
  | 'sale.late_answer'
  | 'sale.paid'
  /** BOS said the money arrived (hub webhook or status call): QR id, amount and currency checked. */
  | 'sale.payment_confirmed'
  /** BOS reported a payment for this sale's QR that Counter did not take as paid (another amount, or after cancel/expiry). */
  | 'sale.payment_reported'
  /** A person overrode a warning (a repeated UTR, no BOS confirmation yet, a QR for a new payee). */
  | 'sale.override'
  | 'sale.cancelled'
  | 'sale.expired'
  | 'refund.otp_requested'
  | 'refund.otp_sent'
  | 'refund.otp_refused'
  | 'refund.claim_requested'
  | 'refund.claimed'
  | 'refund.claim_refused'
  | 'settings.changed'
  | 'owner.pin_set'
  | 'owner.pin_refused'
  | 'payee.accepted'
  | 'hub.paired'
  | 'hub.unpaired';

export interface JournalEvent {
  /** Rises with every line a counter writes, across days and restarts: the hub deduplicates by (terminal, id). */
  id: number;
  type: JournalEventType;
  /** Wall-clock ISO time of this PC (for people; ordering uses `id`). */
  at: string;
  terminal: string;
  role: 'staff' | 'owner';
  data: Record<string, unknown>;
}
