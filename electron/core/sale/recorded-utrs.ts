/** Warnings a person can answer "mark paid anyway" to; each override is journaled. */
export type MarkPaidOverride = 'utr_reused' | 'not_confirmed';

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
export class UtrBook {
  private readonly uses = new Map<string, UtrUse>();

  record(utr: string, use: UtrUse): void {
    if (!this.uses.has(utr)) this.uses.set(utr, use);
  }

  /** The earlier sale this UTR was recorded for, if it was another one. */
  earlierUse(utr: string, saleId: string): UtrUse | null {
    const use = this.uses.get(utr);
    return use && use.saleId !== saleId ? use : null;
  }
}

/** dd/mm/yyyy hh:mm on this PC's clock, as Indian counters write it. */
export function counterTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())} on ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}
