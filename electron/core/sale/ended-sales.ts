import type { Sale } from './record';

/** Ended sales kept for late payments: a busy week of one counter, with room to spare. */
const ENDED_KEPT = 20_000;

/** Sales that ended (paid, cancelled, expired) this session or in the restore window: a payment can still arrive for one. */
export class EndedSales {
  private readonly ended = new Map<string, Sale>();

  remember(sale: Sale): void {
    this.ended.delete(sale.id);
    this.ended.set(sale.id, sale);
    if (this.ended.size > ENDED_KEPT) this.ended.delete(this.ended.keys().next().value!);
  }

  forget(saleId: string): void {
    this.ended.delete(saleId);
  }

  get(saleId: string): Sale | null {
    return this.ended.get(saleId) ?? null;
  }

  /** Cancelled or expired sales that can still be marked paid after all. */
  latePayable(): Set<string> {
    return new Set([...this.ended.values()].filter((s) => s.state === 'cancelled' || s.state === 'expired').map((s) => s.id));
  }
}
