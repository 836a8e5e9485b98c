import type { LatePaymentView } from '../../contract/views';
import type { FoldedSale, JournalEvent } from '../journal';
import { newSale, type Sale } from './record';
import { UtrBook } from './recorded-utrs';

/** Ended sales kept for late payments: a busy week of one counter, with room to spare. */
const ENDED_KEPT = 20_000;

/**
 * What the sale desk remembers beyond the sale on screen: sales that ended (a payment can still
 * arrive for one), the UTRs already recorded, the BOS payment ids already taken (a webhook is
 * delivered more than once), and the late payments a person has not yet decided about.
 */
export class SaleLedger {
  readonly utrs = new UtrBook();
  private readonly ended = new Map<string, Sale>();
  private readonly paymentIds = new Set<string>();
  private readonly late = new Map<string, LatePaymentView>();

  /** From the restore window's journal: ended sales, UTRs, payment ids, and late payments still open. */
  restore(sales: readonly FoldedSale[], events: readonly JournalEvent[]): void {
    for (const s of sales) {
      if (s.utr) this.utrs.record(s.utr, { saleId: s.saleId, amountPaise: s.amountPaise, at: s.requestedAt });
      if (s.state === 'cancelled' || s.state === 'expired' || s.state === 'paid') {
        const sale: Sale = { ...newSale(s.saleId, s.amountPaise, s.requestedAt), state: s.state, qrId: s.qrId, utr: s.utr };
        if (s.txnRef) sale.reference = { txnRef: s.txnRef, payeeName: s.payeeName ?? '', payeeVpa: s.payeeVpa ?? '' };
        this.ended.set(sale.id, sale);
      }
    }
    for (const event of events) {
      const { paymentId, saleId } = event.data as { paymentId?: unknown; saleId?: unknown };
      if (typeof paymentId === 'string') this.paymentIds.add(paymentId);
      if (typeof saleId !== 'string') continue;
      if (event.type === 'sale.payment_reported') {
        const late = lateFromEvent(event, this.ended.get(saleId));
        if (late) this.late.set(saleId, late);
      }
      if (event.type === 'sale.paid' || (event.type === 'sale.override' && event.data.reason === 'late_payment_refunded')) this.late.delete(saleId);
    }
  }

  remember(sale: Sale): void {
    this.ended.delete(sale.id);
    this.ended.set(sale.id, sale);
    if (this.ended.size > ENDED_KEPT) this.ended.delete(this.ended.keys().next().value!);
  }

  forget(saleId: string): void {
    this.ended.delete(saleId);
  }

  endedSale(saleId: string): Sale | null {
    return this.ended.get(saleId) ?? null;
  }

  /** Cancelled or expired sales that can still be marked paid after all. */
  latePayable(): Set<string> {
    return new Set([...this.ended.values()].filter((s) => s.state === 'cancelled' || s.state === 'expired').map((s) => s.id));
  }

  /** True the first time a BOS payment id is seen. */
  firstSight(paymentId: string): boolean {
    if (this.paymentIds.has(paymentId)) return false;
    this.paymentIds.add(paymentId);
    return true;
  }

  addLate(late: LatePaymentView): void {
    this.late.set(late.saleId, late);
  }

  settleLate(saleId: string): boolean {
    return this.late.delete(saleId);
  }

  latePayments(): LatePaymentView[] {
    return [...this.late.values()];
  }

  lateFor(saleId: string): LatePaymentView | null {
    return this.late.get(saleId) ?? null;
  }
}

function lateFromEvent(event: JournalEvent, sale: Sale | undefined): LatePaymentView | null {
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
