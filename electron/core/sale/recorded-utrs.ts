import type { FoldedSale } from '../journal';

export interface UtrUse {
  saleId: string;
  amountPaise: number;
  /** When that sale was rung up (ISO 8601). */
  at: string;
}

/**
 * UTRs already recorded against sales (the restore window's and this session's). A UTR typed for a
 * second sale is the classic sign of an old success screen shown again.
 */
export class RecordedUtrs {
  private readonly uses = new Map<string, UtrUse>();

  restore(sales: readonly FoldedSale[]): void {
    for (const s of sales) if (s.utr) this.record(s.utr, { saleId: s.saleId, amountPaise: s.amountPaise, at: s.requestedAt });
  }

  record(utr: string, use: UtrUse): void {
    if (!this.uses.has(utr)) this.uses.set(utr, use);
  }

  /** The earlier sale this UTR was recorded for, if it was another one. */
  earlierUse(utr: string, saleId: string): UtrUse | null {
    const use = this.uses.get(utr);
    return use && use.saleId !== saleId ? use : null;
  }
}
