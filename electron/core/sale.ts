import type { BosClient, BosError, DynamicQr } from './bos';
import type { PosError, PosResult } from '../contract/errors';
import type { SaleView } from '../contract/views';
import { formatPaise } from '../contract/money';
import { err, ok } from '../contract/result';
import type { FoldedSale } from './journal/fold';
import type { Journal } from './journal/types';
import type { PayeeCheck } from './payee';
import { newSale, qrTr, referenceOf, remainingMs, saleView, type Sale } from './sale-record';
import { notSaved } from './storage-errors';
import { counterTime, UtrBook, type MarkPaidOverride } from './utr-book';

export interface SaleDeskDeps {
  client: () => BosClient;
  journal: Journal;
  /** Monotonic milliseconds: expiry is timed by elapsed time, never by the PC's calendar clock. */
  now: () => number;
  newId: () => string;
  onChange: (view: SaleView | null) => void;
  /** Is this QR's payee the one this account's QRs pay? (PayeePins.) Absent: any payee. */
  checkPayee?: (payee: { vpa: string; name: string }) => PayeeCheck;
  /** Wall-clock time, for people (when a sale was rung up, when it was paid). */
  wallClock?: () => Date;
}

export function toPosError(error: BosError): PosError {
  const { code, message, bosCode, bosMessage } = error;
  return { code, message, ...(bosCode !== undefined ? { bosCode } : {}), ...(bosMessage !== undefined ? { bosMessage } : {}) };
}

export interface MarkPaidInput {
  utr?: string | undefined;
  /** Warnings the person has seen and answered "mark paid anyway". */
  overrides?: readonly MarkPaidOverride[] | undefined;
}

/**
 * One sale at a time per terminal: creating → showing → paid | cancelled | expired,
 * or failed. A BOS answer that arrives after the sale was cancelled is journaled and
 * never shown.
 */
export class SaleDesk {
  private sale: Sale | null = null;
  /** Sales left open when the app last stopped, oldest first; each needs a person's answer. */
  private unresolved: Sale[] = [];
  /** Cancelled sales of the restore window and this session: "the customer paid after all" can still be recorded. */
  private readonly cancelled = new Map<string, Sale>();
  private readonly utrs = new UtrBook();
  /** Outcomes that happened but could not be written down; surfaced to the owner. */
  journalFailures = 0;

  constructor(private readonly deps: SaleDeskDeps) {}

  /** The sale that still needs the cashier (creating, showing, or unresolved from before a restart), if any. */
  active(): SaleView | null {
    if (this.sale && this.isOpen(this.sale)) return this.view(this.sale);
    const first = this.unresolved[0];
    return first ? this.view(first) : null;
  }

  /** Sales a person can still answer paid or cancelled, which one is on screen now, and the cancelled ones that can still be paid after all. */
  resolvable(): { liveSaleId: string | null; ids: Set<string>; paidAfterAll: Set<string> } {
    const live = this.sale && this.sale.state !== 'paid' && this.sale.state !== 'cancelled' && this.sale.state !== 'failed' ? this.sale : null;
    const ids = new Set(this.unresolved.map((s) => s.id));
    if (live) ids.add(live.id);
    return { liveSaleId: live && this.isOpen(live) ? live.id : null, ids, paidAfterAll: new Set(this.cancelled.keys()) };
  }

  /** Takes the restore window's sales: open ones come back unresolved (never silently expired); UTRs and cancelled sales are remembered. */
  restore(sales: readonly FoldedSale[]): void {
    for (const s of sales) {
      if (s.utr) this.utrs.record(s.utr, { saleId: s.saleId, amountPaise: s.amountPaise, at: s.requestedAt });
      if (s.state !== 'cancelled' && s.state !== 'showing' && s.state !== 'creating') continue;
      const sale: Sale = { ...newSale(s.saleId, s.amountPaise, s.requestedAt), state: s.state === 'cancelled' ? 'cancelled' : 'unresolved' };
      if (s.txnRef) sale.reference = { txnRef: s.txnRef, payeeName: s.payeeName ?? '', payeeVpa: s.payeeVpa ?? '' };
      if (sale.state === 'cancelled') this.cancelled.set(sale.id, sale);
      else this.unresolved.push(sale);
    }
  }

  async create(amountPaise: number): Promise<PosResult<SaleView>> {
    if (this.sale && this.isOpen(this.sale)) {
      return err({ code: 'busy', message: 'A QR is already on screen. Mark it paid or cancel it first.' });
    }
    if (this.unresolved.length > 0) {
      return err({ code: 'busy', message: 'A sale from before Counter closed needs an answer first: did the customer pay?' });
    }
    const sale = newSale(this.deps.newId(), amountPaise, this.wallNow());
    this.sale = sale;
    try {
      await this.deps.journal.append('sale.requested', { saleId: sale.id, amountPaise });
    } catch (error) {
      sale.state = 'failed';
      sale.error = notSaved(error, 'No QR was requested.');
      this.emit();
      return err(sale.error);
    }
    // Cancelled while the request was being written down: BOS is not asked at all.
    if (this.sale !== sale || sale.state !== 'creating') return ok(this.view(sale));
    this.emit();

    const answer = await this.deps.client().createDynamicQr({ amountPaise });
    const stillWanted = this.sale === sale && sale.state === 'creating';
    if (!answer.ok) return this.refused(sale, toPosError(answer.error), stillWanted);
    const qr = answer.value;
    const payee = this.deps.checkPayee?.({ vpa: qr.payeeVpa, name: qr.payeeName }) ?? { ok: true };
    if (!payee.ok) return this.refused(sale, payeeChanged(qr, payee.pinned), stillWanted, { payeeVpa: qr.payeeVpa, payeeName: qr.payeeName, qrId: qr.qrId });
    await this.record(stillWanted ? 'sale.qr_issued' : 'sale.late_answer', {
      saleId: sale.id, amountPaise, qrId: qr.qrId, txnRef: qr.txnRefranceID, tr: qrTr(qr), ttlMs: qr.ttlMs, expiresAt: qr.expiresAt, payeeVpa: qr.payeeVpa, payeeName: qr.payeeName,
    });
    if (!stillWanted) return ok(this.view(sale));
    sale.qr = qr;
    sale.reference = referenceOf(qr);
    sale.state = 'showing';
    this.scheduleExpiry(sale);
    this.emit();
    return ok(this.view(sale));
  }

  async cancel(saleId: string): Promise<PosResult<SaleView>> {
    const sale = this.find(saleId);
    if (!sale.ok) return sale;
    if (!this.isOpen(sale.value) && sale.value.state !== 'unresolved') return this.notOpen(sale.value);
    const afterRestart = this.settleUnresolved(sale.value);
    this.finish(sale.value, 'cancelled');
    this.cancelled.set(sale.value.id, sale.value);
    await this.record('sale.cancelled', { saleId, amountPaise: sale.value.amountPaise, ...(afterRestart ? { afterRestart } : {}) });
    this.emit();
    return ok(this.view(sale.value));
  }

  async markPaid(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    const found = this.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    // Late payments happen: a customer may pay an expired QR, so paid-after-expiry is allowed and recorded.
    if (sale.state !== 'showing' && sale.state !== 'expired' && sale.state !== 'unresolved') return this.notOpen(sale);
    return this.pay(sale, input, {});
  }

  /** "The customer paid after all": a cancelled sale of this session or the restore window, marked paid, on record as such. */
  async markPaidAfterCancel(saleId: string, input: MarkPaidInput = {}): Promise<PosResult<SaleView>> {
    const sale = this.cancelled.get(saleId);
    if (!sale) return err({ code: 'not_found', message: 'That cancelled sale is not one this counter can still mark paid (older than a week, or from another counter).' });
    return this.pay(sale, input, { afterCancel: true });
  }

  dispose(): void {
    if (this.sale?.expiryTimer) clearTimeout(this.sale.expiryTimer);
  }

  private async pay(sale: Sale, input: MarkPaidInput, extra: { afterCancel?: true }): Promise<PosResult<SaleView>> {
    const utr = input.utr ?? null;
    const earlier = utr ? this.utrs.earlierUse(utr, sale.id) : null;
    if (earlier && !input.overrides?.includes('utr_reused')) {
      return err({
        code: 'utr_reused',
        message: `This UPI reference (UTR) was already recorded for a ${formatPaise(earlier.amountPaise)} sale rung up at ${counterTime(earlier.at)}. An old success screen may have been shown again: check the payment before marking this sale paid.`,
        related: earlier,
      });
    }
    if (earlier) await this.record('sale.override', { saleId: sale.id, amountPaise: sale.amountPaise, reason: 'utr_reused', utr, earlierSaleId: earlier.saleId });
    const afterRestart = this.settleUnresolved(sale);
    const afterExpiry = sale.state === 'expired' || (!afterRestart && !extra.afterCancel && remainingMs(sale, this.deps.now()) === 0);
    if (extra.afterCancel) {
      this.cancelled.delete(sale.id);
      this.sale = sale;
    }
    sale.utr = utr;
    sale.paidAt = this.wallNow();
    sale.paidAfterExpiry = afterExpiry;
    sale.paidAfterCancel = extra.afterCancel === true;
    this.finish(sale, 'paid');
    if (utr) this.utrs.record(utr, { saleId: sale.id, amountPaise: sale.amountPaise, at: sale.requestedAt });
    await this.record('sale.paid', { saleId: sale.id, amountPaise: sale.amountPaise, utr, afterExpiry, txnRef: sale.reference?.txnRef, ...(afterRestart ? { afterRestart } : {}), ...extra });
    this.emit();
    return ok(this.view(sale));
  }

  private async refused(sale: Sale, error: PosError, stillWanted: boolean, extra: Record<string, unknown> = {}): Promise<PosResult<SaleView>> {
    await this.record('sale.qr_refused', { saleId: sale.id, amountPaise: sale.amountPaise, code: error.code, message: error.message, bosCode: error.bosCode, bosMessage: error.bosMessage, late: !stillWanted, ...extra });
    if (!stillWanted) return ok(this.view(sale));
    sale.state = 'failed';
    sale.error = error;
    this.emit();
    return err(error);
  }

  private isOpen(sale: Sale): boolean {
    return sale.state === 'creating' || sale.state === 'showing';
  }

  private find(saleId: string): PosResult<Sale> {
    const sale = this.sale?.id === saleId ? this.sale : this.unresolved.find((s) => s.id === saleId);
    if (!sale) return err({ code: 'not_found', message: 'That sale is no longer on this counter.' });
    return ok(sale);
  }

  /** Takes an unresolved sale off the waiting list; true when it was one. */
  private settleUnresolved(sale: Sale): boolean {
    if (sale.state !== 'unresolved') return false;
    this.unresolved = this.unresolved.filter((s) => s !== sale);
    this.sale = sale;
    return true;
  }

  private notOpen(sale: Sale): PosResult<never> {
    return err({ code: 'not_allowed', message: `This sale is already ${sale.state}.` });
  }

  private finish(sale: Sale, state: 'paid' | 'cancelled' | 'expired'): void {
    if (sale.expiryTimer) clearTimeout(sale.expiryTimer);
    sale.expiryTimer = null;
    sale.state = state;
  }

  private scheduleExpiry(sale: Sale): void {
    sale.expiryTimer = setTimeout(() => {
      if (sale.state !== 'showing') return;
      this.finish(sale, 'expired');
      this.emit();
      void this.record('sale.expired', { saleId: sale.id, amountPaise: sale.amountPaise });
    }, remainingMs(sale, this.deps.now()));
    sale.expiryTimer.unref?.();
  }

  /** Journals an outcome. A failed write after the fact must not hide the outcome from the cashier. */
  private async record(type: Parameters<Journal['append']>[0], data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.journal.append(type, data);
    } catch {
      // The outcome stands (the customer may have paid); not being able to write it is counted, not hidden.
      this.journalFailures += 1;
    }
  }

  private wallNow(): string {
    return (this.deps.wallClock?.() ?? new Date()).toISOString();
  }

  private emit(): void {
    this.deps.onChange(this.sale ? this.view(this.sale) : this.active());
  }

  private view(sale: Sale): SaleView {
    return saleView(sale, this.deps.now());
  }
}

function payeeChanged(qr: DynamicQr, pinned: { vpa: string; name: string }): PosError {
  return {
    code: 'payee_changed',
    message: `BOS made this QR to pay ${qr.payeeName || 'someone'} (${qr.payeeVpa}), not ${pinned.name || 'your shop'} (${pinned.vpa}) as this account's QRs always have. It was not shown. The owner must check it, and accept the new payee in Settings if it is right.`,
  };
}
