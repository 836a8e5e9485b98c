import type { PosResult } from '../../contract/errors';
import type { LatePaymentView, SaleView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import type { BosClient, DynamicQr } from '../bos';
import type { Journal, JournalEventType } from '../journal';
import type { PayeeCheck } from './payee';
import { SaleLedger } from './ended-sales';
import { saleView, type Sale } from './record';

export interface SaleDeskDeps {
  client: () => BosClient;
  journal: Journal;
  /** Monotonic milliseconds: expiry is timed by elapsed time, never by the PC's calendar clock. */
  now: () => number;
  newId: () => string;
  onChange: (view: SaleView | null) => void;
  /** Is this QR's payee the one this account's QRs pay? (PayeePins.) Absent: any payee. */
  checkPayee?: (payee: { vpa: string; name: string }) => PayeeCheck;
  /** A QR went on screen: BOS's payment for it is to be watched for (the hub is told). */
  onQrShown?: (sale: SaleView, qr: DynamicQr) => void;
  /** The late payments waiting for a person changed. */
  onLateChange?: (late: LatePaymentView[]) => void;
  /** True while BOS's own confirmation can be expected (a hub connected, or the status call on): a hand mark then asks once. */
  confirmationExpected?: () => boolean;
  /** Wall-clock time, for people (when a sale was rung up, when it was paid). */
  wallClock?: () => Date;
}

/**
 * The sales one counter holds, shared by the desk's lifecycle (create, cancel, expire) and its
 * paying (by hand, or from BOS): the sale on screen, those left open by a restart, and the ledger.
 */
export class SaleBoard {
  sale: Sale | null = null;
  /** Sales left open when the app last stopped, oldest first; each needs a person's answer. */
  unresolved: Sale[] = [];
  readonly ledger = new SaleLedger();
  /** Outcomes that happened but could not be written down; surfaced to the owner. */
  journalFailures = 0;

  constructor(readonly deps: SaleDeskDeps) {}

  isOpen(sale: Sale): boolean {
    return sale.state === 'creating' || sale.state === 'showing';
  }

  /** The sale on screen or one left open by a restart. */
  find(saleId: string): PosResult<Sale> {
    const sale = this.sale?.id === saleId ? this.sale : this.unresolved.find((s) => s.id === saleId);
    if (!sale) return err({ code: 'not_found', message: 'That sale is no longer on this counter.' });
    return ok(sale);
  }

  /** Any sale this counter still knows: on screen, unresolved, or ended within the restore window. */
  lookup(saleId: string): Sale | null {
    if (this.sale?.id === saleId) return this.sale;
    return this.unresolved.find((s) => s.id === saleId) ?? this.ledger.endedSale(saleId);
  }

  /** Takes an unresolved sale off the waiting list; true when it was one. */
  settleUnresolved(sale: Sale): boolean {
    if (sale.state !== 'unresolved') return false;
    this.unresolved = this.unresolved.filter((s) => s !== sale);
    this.replaceOnScreen(sale);
    return true;
  }

  /** A sale from the ledger answered now comes back on screen (its receipt can be printed), unless the cashier is busy with another. */
  takeOnScreen(sale: Sale): void {
    if (this.sale === sale || this.unresolved.includes(sale)) return;
    if (this.sale && this.isOpen(this.sale)) return;
    this.ledger.forget(sale.id);
    this.replaceOnScreen(sale);
  }

  replaceOnScreen(sale: Sale): void {
    if (this.sale && this.sale !== sale) this.ledger.remember(this.sale);
    this.sale = sale;
  }

  notOpen(sale: Sale): PosResult<never> {
    return err({ code: 'not_allowed', message: `This sale is already ${sale.state}.` });
  }

  finish(sale: Sale, state: 'paid' | 'cancelled' | 'expired'): void {
    if (sale.expiryTimer) clearTimeout(sale.expiryTimer);
    sale.expiryTimer = null;
    sale.state = state;
  }

  /** Journals an outcome. A failed write after the fact must not hide the outcome from the cashier. */
  async record(type: JournalEventType, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.journal.append(type, data);
    } catch {
      // The outcome stands (the customer may have paid); not being able to write it is counted, not hidden.
      this.journalFailures += 1;
    }
  }

  wallNow(): string {
    return (this.deps.wallClock?.() ?? new Date()).toISOString();
  }

  lateChanged(): void {
    this.deps.onLateChange?.(this.ledger.latePayments());
  }

  emit(): void {
    this.deps.onChange(this.sale ? this.view(this.sale) : this.active());
  }

  active(): SaleView | null {
    if (this.sale && this.isOpen(this.sale)) return this.view(this.sale);
    const first = this.unresolved[0];
    return first ? this.view(first) : null;
  }

  view(sale: Sale): SaleView {
    return saleView(sale, this.deps.now());
  }
}
