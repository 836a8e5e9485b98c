import type { BosClient, BosError, DynamicQr } from './bos';
import type { PosError, PosResult } from '../contract/errors';
import type { SaleView } from '../contract/views';
import type { FoldedSale } from './journal/fold';
import type { Journal } from './journal/types';
import { err, ok } from '../contract/result';

export interface SaleDeskDeps {
  client: () => BosClient;
  journal: Journal;
  /** Monotonic milliseconds: expiry is timed by elapsed time, never by the PC's calendar clock. */
  now: () => number;
  newId: () => string;
  onChange: (view: SaleView | null) => void;
}

interface Sale {
  id: string;
  amountPaise: number;
  state: SaleView['state'];
  qr: DynamicQr | null;
  utr: string | null;
  paidAt: string | null;
  paidAfterExpiry: boolean;
  error: PosError | null;
  expiryTimer: ReturnType<typeof setTimeout> | null;
}

const JOURNAL_FAILED: PosError = {
  code: 'internal',
  message: 'Counter could not write its record of this sale (is the disk full?). No QR was requested.',
};

export function toPosError(error: BosError): PosError {
  const { code, message, bosCode, bosMessage } = error;
  return { code, message, ...(bosCode !== undefined ? { bosCode } : {}), ...(bosMessage !== undefined ? { bosMessage } : {}) };
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
  /** Outcomes that happened but could not be written down; surfaced to the owner. */
  journalFailures = 0;

  constructor(private readonly deps: SaleDeskDeps) {}

  /** The sale that still needs the cashier (creating, showing, or unresolved from before a restart), if any. */
  active(): SaleView | null {
    if (this.sale && this.isOpen(this.sale)) return this.view(this.sale);
    const first = this.unresolved[0];
    return first ? this.view(first) : null;
  }

  /** Sales a person can still answer paid or cancelled, and which one is on screen now. */
  resolvable(): { liveSaleId: string | null; ids: Set<string> } {
    const live = this.sale && this.sale.state !== 'paid' && this.sale.state !== 'cancelled' && this.sale.state !== 'failed' ? this.sale : null;
    const ids = new Set(this.unresolved.map((s) => s.id));
    if (live) ids.add(live.id);
    return { liveSaleId: live && this.isOpen(live) ? live.id : null, ids };
  }

  /** Reopens sales the app stopped in the middle of, as unresolved: never silently expired. */
  restore(sales: readonly FoldedSale[]): void {
    this.unresolved = sales.map((s) => ({ id: s.saleId, amountPaise: s.amountPaise, state: 'unresolved', qr: null, utr: null, paidAt: null, paidAfterExpiry: false, error: null, expiryTimer: null }));
  }

  async create(amountPaise: number): Promise<PosResult<SaleView>> {
    if (this.sale && this.isOpen(this.sale)) {
      return err({ code: 'busy', message: 'A QR is already on screen. Mark it paid or cancel it first.' });
    }
    if (this.unresolved.length > 0) {
      return err({ code: 'busy', message: 'A sale from before Counter closed needs an answer first: did the customer pay?' });
    }
    const sale: Sale = { id: this.deps.newId(), amountPaise, state: 'creating', qr: null, utr: null, paidAt: null, paidAfterExpiry: false, error: null, expiryTimer: null };
    this.sale = sale;
    try {
      await this.deps.journal.append('sale.requested', { saleId: sale.id, amountPaise });
    } catch {
      sale.state = 'failed';
      sale.error = JOURNAL_FAILED;
      this.emit();
      return err(JOURNAL_FAILED);
    }
    this.emit();

    const answer = await this.deps.client().createDynamicQr({ amountPaise });
    const stillWanted = this.sale === sale && sale.state === 'creating';
    if (answer.ok) {
      const qr = answer.value;
      await this.record(stillWanted ? 'sale.qr_issued' : 'sale.late_answer', {
        saleId: sale.id, amountPaise, qrId: qr.qrId, txnRef: qr.txnRefranceID, tr: qrTr(qr), ttlMs: qr.ttlMs, expiresAt: qr.expiresAt,
      });
      if (!stillWanted) return ok(this.view(sale));
      sale.qr = qr;
      sale.state = 'showing';
      this.scheduleExpiry(sale);
    } else {
      const error = toPosError(answer.error);
      await this.record('sale.qr_refused', { saleId: sale.id, amountPaise, code: error.code, message: error.message, bosCode: error.bosCode, bosMessage: error.bosMessage, late: !stillWanted });
      if (!stillWanted) return ok(this.view(sale));
      sale.state = 'failed';
      sale.error = error;
      this.emit();
      return err(error);
    }
    this.emit();
    return ok(this.view(sale));
  }

  async cancel(saleId: string): Promise<PosResult<SaleView>> {
    const sale = this.find(saleId);
    if (!sale.ok) return sale;
    if (!this.isOpen(sale.value) && sale.value.state !== 'unresolved') return this.notOpen(sale.value);
    const afterRestart = this.settleUnresolved(sale.value);
    this.finish(sale.value, 'cancelled');
    await this.record('sale.cancelled', { saleId, amountPaise: sale.value.amountPaise, ...(afterRestart ? { afterRestart } : {}) });
    this.emit();
    return ok(this.view(sale.value));
  }

  async markPaid(saleId: string, utr: string | undefined): Promise<PosResult<SaleView>> {
    const found = this.find(saleId);
    if (!found.ok) return found;
    const sale = found.value;
    // Late payments happen: a customer may pay an expired QR, so paid-after-expiry is allowed and recorded.
    if (sale.state !== 'showing' && sale.state !== 'expired' && sale.state !== 'unresolved') return this.notOpen(sale);
    const afterRestart = this.settleUnresolved(sale);
    const afterExpiry = sale.state === 'expired' || (!afterRestart && this.remainingMs(sale) === 0);
    sale.utr = utr ?? null;
    sale.paidAt = new Date().toISOString();
    sale.paidAfterExpiry = afterExpiry;
    this.finish(sale, 'paid');
    await this.record('sale.paid', { saleId, amountPaise: sale.amountPaise, utr: sale.utr, afterExpiry, txnRef: sale.qr?.txnRefranceID, ...(afterRestart ? { afterRestart } : {}) });
    this.emit();
    return ok(this.view(sale));
  }

  dispose(): void {
    if (this.sale?.expiryTimer) clearTimeout(this.sale.expiryTimer);
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

  private remainingMs(sale: Sale): number {
    if (!sale.qr) return 0;
    return Math.max(0, sale.qr.ttlMs - (this.deps.now() - sale.qr.receivedAt));
  }

  private scheduleExpiry(sale: Sale): void {
    sale.expiryTimer = setTimeout(() => {
      if (sale.state !== 'showing') return;
      this.finish(sale, 'expired');
      this.emit();
      void this.record('sale.expired', { saleId: sale.id, amountPaise: sale.amountPaise });
    }, this.remainingMs(sale));
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

  private emit(): void {
    this.deps.onChange(this.sale ? this.view(this.sale) : this.active());
  }

  private view(sale: Sale): SaleView {
    const qr = sale.state === 'showing' && sale.qr ? sale.qr : null;
    return {
      saleId: sale.id,
      state: sale.state,
      amountPaise: sale.amountPaise,
      qr: qr && {
        intent: qr.intent,
        payeeName: qr.payeeName,
        payeeVpa: qr.payeeVpa,
        txnRef: qr.txnRefranceID,
        qrId: qr.qrId,
        remainingMs: this.remainingMs(sale),
        ttlMs: qr.ttlMs,
        expiryStated: qr.expiryStated,
        expiresAt: qr.expiresAt,
      },
      reference: sale.qr && { txnRef: sale.qr.txnRefranceID, payeeName: sale.qr.payeeName, payeeVpa: sale.qr.payeeVpa },
      utr: sale.utr,
      paidAt: sale.paidAt,
      paidAfterExpiry: sale.paidAfterExpiry,
      error: sale.error,
    };
  }
}

function qrTr(qr: DynamicQr): string | null {
  const match = /[?&]tr=([^&]*)/.exec(qr.intent);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
