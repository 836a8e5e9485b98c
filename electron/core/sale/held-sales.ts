import type { PosResult } from '../../contract/errors';
import type { SaleView } from '../../contract/views';
import { err, ok } from '../../contract/result';
import type { FoldedSale } from '../journal';
import { EndedSales } from './ended-sales';
import { isOpen, restoredSale, saleView, type Sale } from './record';

/** What History needs to know of the sales in memory: which rows a person can still answer, and how. */
export interface ResolvableSales {
  /** The sale on screen now, while it is open. */
  liveSaleId: string | null;
  /** Sales a person can still answer paid or cancelled. */
  ids: Set<string>;
  /** Ended sales that can still be marked paid after all. */
  paidLate: Set<string>;
}

export interface HeldSalesDeps {
  /** Monotonic milliseconds: a view's time left is counted on them. */
  now: () => number;
  onChange: (view: SaleView | null) => void;
}

/**
 * The sales one counter holds in memory: the one on screen, those a restart left open (each needs a
 * person's answer), and the ended ones a payment can still arrive for.
 */
export class HeldSales {
  private screen: Sale | null = null;
  /** Left open when the app last stopped, oldest first. */
  private unresolved: Sale[] = [];
  private readonly ended = new EndedSales();

  constructor(private readonly deps: HeldSalesDeps) {}

  onScreen(): Sale | null {
    return this.screen;
  }

  /** The sale on screen is being made or shown: the cashier is busy with it. */
  busy(): boolean {
    return this.screen !== null && isOpen(this.screen);
  }

  hasUnresolved(): boolean {
    return this.unresolved.length > 0;
  }

  /** The sale on screen or one left open by a restart. */
  find(saleId: string): PosResult<Sale> {
    const sale = this.screen?.id === saleId ? this.screen : this.unresolved.find((s) => s.id === saleId);
    if (!sale) return err({ code: 'not_found', message: 'That sale is no longer on this counter.' });
    return ok(sale);
  }

  /** Any sale this counter still knows: on screen, unresolved, or ended within the restore window. */
  lookup(saleId: string): Sale | null {
    if (this.screen?.id === saleId) return this.screen;
    return this.unresolved.find((s) => s.id === saleId) ?? this.ended.get(saleId);
  }

  /** A new sale goes on screen; the one it replaces is remembered as ended. */
  putOnScreen(sale: Sale): void {
    if (this.screen && this.screen !== sale) this.ended.remember(this.screen);
    this.screen = sale;
  }

  /** Takes an unresolved sale off the waiting list, onto the screen; true when it was one. */
  settleUnresolved(sale: Sale): boolean {
    if (sale.state !== 'unresolved') return false;
    this.unresolved = this.unresolved.filter((s) => s !== sale);
    this.putOnScreen(sale);
    return true;
  }

  /** An ended sale answered now comes back on screen (its receipt can be printed), unless the cashier is busy with another. */
  takeOnScreen(sale: Sale): void {
    if (this.screen === sale || this.unresolved.includes(sale) || this.busy()) return;
    this.ended.forget(sale.id);
    this.putOnScreen(sale);
  }

  /** The restore window's sales: open ones come back unresolved (never silently expired); ended ones are remembered. */
  restore(sales: readonly FoldedSale[]): void {
    for (const folded of sales) {
      if (folded.state === 'failed') continue;
      const sale = restoredSale(folded);
      if (sale.state === 'unresolved') this.unresolved.push(sale);
      else this.ended.remember(sale);
    }
  }

  resolvable(): ResolvableSales {
    const sale = this.screen;
    const live = sale && sale.state !== 'paid' && sale.state !== 'cancelled' && sale.state !== 'failed' ? sale : null;
    const ids = new Set(this.unresolved.map((s) => s.id));
    if (live) ids.add(live.id);
    const paidLate = this.ended.latePayable();
    if (sale && (sale.state === 'cancelled' || sale.state === 'expired') && !live) paidLate.add(sale.id);
    if (live) paidLate.delete(live.id);
    return { liveSaleId: live && isOpen(live) ? live.id : null, ids, paidLate };
  }

  /** The sale that still needs the cashier (being made, showing, or unresolved from before a restart), if any. */
  active(): SaleView | null {
    if (this.screen && isOpen(this.screen)) return this.view(this.screen);
    const first = this.unresolved[0];
    return first ? this.view(first) : null;
  }

  view(sale: Sale): SaleView {
    return saleView(sale, this.deps.now());
  }

  /** Tells the windows what they show now. */
  changed(): void {
    this.deps.onChange(this.screen ? this.view(this.screen) : this.active());
  }

  dispose(): void {
    if (this.screen?.expiryTimer) clearTimeout(this.screen.expiryTimer);
  }
}
