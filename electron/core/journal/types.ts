/** Every journal line. OTPs and tokens never enter it. */
export type JournalEventType =
  | 'sale.requested'
  | 'sale.qr_issued'
  | 'sale.qr_refused'
  | 'sale.late_answer'
  | 'sale.paid'
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
  | 'owner.pin_refused';

export interface JournalEvent {
  id: number;
  type: JournalEventType;
  /** Wall-clock ISO time of this PC (for people; ordering uses `id`). */
  at: string;
  terminal: string;
  role: 'staff' | 'owner';
  data: Record<string, unknown>;
}

export interface Journal {
  /** Resolves once the line is on disk (fsync). Rejects if it could not be written. */
  append(type: JournalEventType, data: Record<string, unknown>): Promise<JournalEvent>;
  close(): Promise<void>;
}
