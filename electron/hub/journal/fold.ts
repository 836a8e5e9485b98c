import type { SaleStateTotals } from '../../contract/hub';

// The hub's fold of one sale, with the meaning of the counter's (electron/core/journal/fold.ts, which the
// hub may not import): test/hub/journal-fold.test.ts runs both on the same random events and compares.
// Applied event by event in id order, so a stored sale plus its later events is the fold of them all.

export type SaleState = keyof SaleStateTotals;

export interface FoldEvent {
  id: number;
  type: string;
  /** ISO 8601 as the hub stores it. */
  at: string;
  data: Record<string, unknown>;
}

export interface SaleError {
  code: string;
  message: string;
  bosCode?: string;
  bosMessage?: string;
}

export interface LatePayment {
  amountPaise: number;
  utr: string | null;
  reason: 'after_cancel' | 'after_expiry';
}

export interface HubSale {
  saleId: string;
  amountPaise: number;
  state: SaleState;
  /** The `sale.requested` line's time; the first line's when that line is not held. */
  requestedAt: string;
  requested: boolean;
  qrId: string | null;
  txnRef: string | null;
  payeeVpa: string | null;
  payeeName: string | null;
  utr: string | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  confirmedBy: 'bos' | 'person' | null;
  error: SaleError | null;
  latePayment: LatePayment | null;
  /** When the line that made it paid was written; null while it is not paid. */
  paidAt: string | null;
  /** The highest event id folded in: an event below it means folding the sale again from all its events. */
  lastEventId: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The sale an event names, as the counter reads it: a `sale.*` line with a non-empty string saleId. */
export function saleIdOf(type: string, data: Record<string, unknown>): string | null {
  if (!type.startsWith('sale.')) return null;
  return str(data.saleId) || null;
}

export function newSale(saleId: string, first: FoldEvent): HubSale {
  return {
    saleId,
    amountPaise: typeof first.data.amountPaise === 'number' ? first.data.amountPaise : 0,
    state: 'creating',
    requestedAt: first.at,
    requested: false,
    qrId: null,
    txnRef: null,
    payeeVpa: null,
    payeeName: null,
    utr: null,
    paidAfterExpiry: false,
    paidAfterCancel: false,
    confirmedBy: null,
    error: null,
    latePayment: null,
    paidAt: null,
    lastEventId: 0,
  };
}

function becomePaid(sale: HubSale, at: string): void {
  if (sale.state !== 'paid') sale.paidAt = at;
  sale.state = 'paid';
}

function leave(sale: HubSale, state: SaleState): void {
  sale.state = state;
  sale.paidAt = null;
}

/** One event on the sale, in place; events must come in rising id order. */
export function applySaleEvent(sale: HubSale, event: FoldEvent): void {
  const { data } = event;
  sale.lastEventId = Math.max(sale.lastEventId, event.id);
  switch (event.type) {
    case 'sale.requested':
      sale.requested = true;
      sale.requestedAt = event.at;
      break;
    case 'sale.qr_issued':
      leave(sale, 'showing');
      sale.qrId = str(data.qrId);
      sale.txnRef = str(data.txnRef);
      sale.payeeVpa = str(data.payeeVpa);
      sale.payeeName = str(data.payeeName);
      break;
    case 'sale.qr_refused':
      if (data.late !== true) {
        leave(sale, 'failed');
        const bosCode = str(data.bosCode);
        const bosMessage = str(data.bosMessage);
        sale.error = { code: str(data.code) ?? 'unknown', message: str(data.message) ?? '', ...(bosCode ? { bosCode } : {}), ...(bosMessage ? { bosMessage } : {}) };
      }
      break;
    case 'sale.payment_reported': {
      const reason = data.reason;
      if ((reason === 'after_cancel' || reason === 'after_expiry') && sale.state !== 'paid') {
        sale.latePayment = { amountPaise: typeof data.reportedPaise === 'number' ? data.reportedPaise : 0, utr: str(data.utr), reason };
      }
      break;
    }
    case 'sale.override':
      if (data.reason === 'late_payment_refunded') sale.latePayment = null;
      break;
    case 'sale.paid':
      sale.latePayment = null;
      becomePaid(sale, event.at);
      sale.utr = str(data.utr);
      sale.paidAfterExpiry = data.afterExpiry === true;
      sale.paidAfterCancel = data.afterCancel === true;
      sale.confirmedBy ??= 'person';
      break;
    case 'sale.payment_confirmed':
      sale.latePayment = null;
      if (sale.state !== 'paid') {
        sale.paidAfterExpiry = data.afterExpiry === true;
        sale.paidAfterCancel = data.afterCancel === true;
      }
      becomePaid(sale, event.at);
      sale.utr = str(data.utr) ?? sale.utr;
      sale.confirmedBy = 'bos';
      break;
    case 'sale.cancelled':
      leave(sale, 'cancelled');
      break;
    case 'sale.expired':
      leave(sale, 'expired');
      break;
    default:
      break;
  }
}

/** A sale folded from all of its events (any order: they are sorted by id first). */
export function foldSale(saleId: string, events: readonly FoldEvent[]): HubSale | null {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const [first] = sorted;
  if (!first) return null;
  const sale = newSale(saleId, first);
  for (const event of sorted) applySaleEvent(sale, event);
  return sale;
}
