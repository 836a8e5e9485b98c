import type { JournalEvent } from './types';

export type FoldedSaleState = 'creating' | 'showing' | 'paid' | 'cancelled' | 'expired' | 'failed';

export interface FoldedSale {
  saleId: string;
  amountPaise: number;
  state: FoldedSaleState;
  /** When the sale was rung up (its `sale.requested` line); the first line seen when that line was not among the events. */
  requestedAt: string;
  /** Whether its `sale.requested` line was among the events: an answer read without it belongs to another day's sale. */
  requested: boolean;
  terminal: string;
  qrId: string | null;
  txnRef: string | null;
  payeeVpa: string | null;
  payeeName: string | null;
  utr: string | null;
  /** When its paid line was written (the first one: a BOS confirmation after a person's mark does not move it). */
  paidAt: string | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  /** Who said it was paid: BOS (its payment, checked), or a person. */
  confirmedBy: 'bos' | 'person' | null;
  error: { code: string; message: string; bosCode?: string; bosMessage?: string } | null;
  /** BOS reported a payment after the sale was cancelled or had expired, and nobody has kept or refunded it yet. */
  latePayment: { amountPaise: number; utr: string | null; reason: 'after_cancel' | 'after_expiry' } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The state of each sale is the fold of its events, in journal order. */
export function foldSales(events: readonly JournalEvent[]): Map<string, FoldedSale> {
  const sales = new Map<string, FoldedSale>();
  for (const event of events) {
    if (!event.type.startsWith('sale.')) continue;
    const saleId = str(event.data.saleId);
    if (!saleId) continue;
    const amountPaise = typeof event.data.amountPaise === 'number' ? event.data.amountPaise : 0;
    let sale = sales.get(saleId);
    if (!sale) {
      sale = { saleId, amountPaise, state: 'creating', requestedAt: event.at, requested: false, terminal: event.terminal, qrId: null, txnRef: null, payeeVpa: null, payeeName: null, utr: null, paidAt: null, paidAfterExpiry: false, paidAfterCancel: false, confirmedBy: null, error: null, latePayment: null };
      sales.set(saleId, sale);
    }
    switch (event.type) {
      case 'sale.requested':
        sale.requested = true;
        sale.requestedAt = event.at;
        sale.terminal = event.terminal;
        break;
      case 'sale.qr_issued':
        sale.state = 'showing';
        sale.qrId = str(event.data.qrId);
        sale.txnRef = str(event.data.txnRef);
        sale.payeeVpa = str(event.data.payeeVpa);
        sale.payeeName = str(event.data.payeeName);
        break;
      case 'sale.qr_refused':
        if (event.data.late !== true) {
          sale.state = 'failed';
          const bosCode = str(event.data.bosCode);
          const bosMessage = str(event.data.bosMessage);
          sale.error = { code: str(event.data.code) ?? 'unknown', message: str(event.data.message) ?? '', ...(bosCode ? { bosCode } : {}), ...(bosMessage ? { bosMessage } : {}) };
        }
        break;
      case 'sale.payment_reported': {
        const reason = event.data.reason;
        if ((reason === 'after_cancel' || reason === 'after_expiry') && sale.state !== 'paid') {
          sale.latePayment = { amountPaise: typeof event.data.reportedPaise === 'number' ? event.data.reportedPaise : 0, utr: str(event.data.utr), reason };
        }
        break;
      }
      case 'sale.override':
        if (event.data.reason === 'late_payment_refunded') sale.latePayment = null;
        break;
      case 'sale.paid':
        sale.latePayment = null;
        sale.state = 'paid';
        sale.paidAt ??= event.at;
        sale.utr = str(event.data.utr);
        sale.paidAfterExpiry = event.data.afterExpiry === true;
        sale.paidAfterCancel = event.data.afterCancel === true;
        sale.confirmedBy ??= 'person';
        break;
      case 'sale.payment_confirmed':
        sale.latePayment = null;
        if (sale.state !== 'paid') {
          sale.paidAfterExpiry = event.data.afterExpiry === true;
          sale.paidAfterCancel = event.data.afterCancel === true;
        }
        sale.state = 'paid';
        sale.paidAt ??= event.at;
        sale.utr = str(event.data.utr) ?? sale.utr;
        sale.confirmedBy = 'bos';
        break;
      case 'sale.cancelled':
        sale.state = 'cancelled';
        break;
      case 'sale.expired':
        sale.state = 'expired';
        break;
      default:
        break;
    }
  }
  return sales;
}

/** A sale whose state no later line can change: paid, cancelled, or refused by BOS. Open and expired ones may still be answered (paid after expiry). */
export function isSettled(sale: FoldedSale): boolean {
  return sale.state === 'paid' || sale.state === 'cancelled' || sale.state === 'failed';
}
