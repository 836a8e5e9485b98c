import type { LatePaymentView } from '../../contract/views';
import type { JournalEvent } from '../journal';

/**
 * Money BOS reported for a sale that had ended (cancelled, or its QR expired) that nobody has kept or
 * refunded yet: the list a person works through. Each change is told to `onChange`.
 */
export class LatePayments {
  private readonly late = new Map<string, LatePaymentView>();

  constructor(private readonly onChange: (late: LatePaymentView[]) => void = () => undefined) {}

  /** From the restore window's journal: reported and not yet paid or refunded. `saleOf` knows the restored sales. */
  restore(events: readonly JournalEvent[], saleOf: (saleId: string) => { amountPaise: number; requestedAt: string } | null): void {
    for (const event of events) {
      const saleId = event.data.saleId;
      if (typeof saleId !== 'string') continue;
      if (event.type === 'sale.payment_reported') {
        const late = lateFromEvent(event, saleOf(saleId));
        if (late) this.late.set(saleId, late);
      }
      if (event.type === 'sale.paid' || (event.type === 'sale.override' && event.data.reason === 'late_payment_refunded')) this.late.delete(saleId);
    }
  }

  add(late: LatePaymentView): void {
    this.late.set(late.saleId, late);
    this.onChange(this.list());
  }

  /** Off the list (kept as paid, or refunded); true when it was on it. */
  settle(saleId: string): boolean {
    const settled = this.late.delete(saleId);
    if (settled) this.onChange(this.list());
    return settled;
  }

  list(): LatePaymentView[] {
    return [...this.late.values()];
  }

  of(saleId: string): LatePaymentView | null {
    return this.late.get(saleId) ?? null;
  }
}

function lateFromEvent(event: JournalEvent, sale: { amountPaise: number; requestedAt: string } | null): LatePaymentView | null {
  const d = event.data;
  if (d.reason !== 'after_cancel' && d.reason !== 'after_expiry') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    saleId: String(d.saleId),
    saleAmountPaise: typeof d.saleAmountPaise === 'number' ? d.saleAmountPaise : (sale?.amountPaise ?? 0),
    requestedAt: sale?.requestedAt ?? event.at,
    paymentId: String(d.paymentId ?? ''),
    amountPaise: typeof d.reportedPaise === 'number' ? d.reportedPaise : 0,
    utr: text(d.utr),
    payerVpa: text(d.payerVpa),
    via: d.via === 'status' ? 'status' : 'hub',
    at: event.at,
    reason: d.reason,
  };
}
