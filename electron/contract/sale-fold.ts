/**
 * A sale's state as the fold of its journal lines: one fold for the counter (History, restore, day
 * totals) and the hub (its `sales` table, the owner's day), so the two can never disagree.
 *
 * Applied line by line in rising id order (`applySaleEvent`), so a stored sale plus its later lines is
 * the fold of them all; a line below the stored fold means folding again from all of them (`foldSale`).
 */

export const SALE_STATES = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed'] as const;
export type SaleState = (typeof SALE_STATES)[number];

export interface FoldEvent {
  id: number;
  type: string;
  /** ISO 8601 as the line was written. */
  at: string;
  /** The counter's name on the line, where the caller has it. */
  terminal?: string;
  data: Record<string, unknown>;
}

export interface SaleError {
  code: string;
  message: string;
  bosCode?: string;
  bosMessage?: string;
}

/** BOS reported a payment after the sale was cancelled or had expired, and nobody has kept or refunded it yet. */
export interface LatePayment {
  amountPaise: number;
  utr: string | null;
  reason: 'after_cancel' | 'after_expiry';
}

export interface FoldedSale {
  saleId: string;
  amountPaise: number;
  state: SaleState;
  /** When the sale was rung up (its `sale.requested` line); the first line's time while that line is not among the events. */
  requestedAt: string;
  /** Whether its `sale.requested` line was among the events: an answer read without it belongs to another day's sale. */
  requested: boolean;
  /** The counter that rang it up, as its lines name it ('' when the caller's lines carry no name). */
  terminal: string;
  /** The shop's own bill number and note, as the sale was started with them (cashier or billing software). */
  billNo: string | null;
  note: string | null;
  qrId: string | null;
  txnRef: string | null;
  payeeVpa: string | null;
  payeeName: string | null;
  utr: string | null;
  /** When the line that made it paid was written; null while it is not paid. */
  paidAt: string | null;
  paidAfterExpiry: boolean;
  paidAfterCancel: boolean;
  /** Who said it was paid: BOS (its payment, checked), or a person. */
  confirmedBy: 'bos' | 'person' | null;
  error: SaleError | null;
  latePayment: LatePayment | null;
  /** The highest line id folded in. */
  lastEventId: number;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const paise = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The sale a line names: a `sale.*` line with a non-empty string saleId. */
export function saleIdOf(type: string, data: Record<string, unknown>): string | null {
  if (!type.startsWith('sale.')) return null;
  return str(data.saleId) || null;
}

/** A sale before any line is applied; its amount is its first line's. */
export function newFoldedSale(saleId: string, first: FoldEvent): FoldedSale {
  return {
    saleId,
    amountPaise: paise(first.data.amountPaise),
    state: 'creating',
    requestedAt: first.at,
    requested: false,
    terminal: first.terminal ?? '',
    billNo: null,
    note: null,
    qrId: null,
    txnRef: null,
    payeeVpa: null,
    payeeName: null,
    utr: null,
    paidAt: null,
    paidAfterExpiry: false,
    paidAfterCancel: false,
    confirmedBy: null,
    error: null,
    latePayment: null,
    lastEventId: 0,
  };
}

function becomePaid(sale: FoldedSale, at: string): void {
  if (sale.state !== 'paid') sale.paidAt = at;
  sale.state = 'paid';
}

function leave(sale: FoldedSale, state: SaleState): void {
  sale.state = state;
  sale.paidAt = null;
}

/** One line on the sale, in place. */
export function applySaleEvent(sale: FoldedSale, event: FoldEvent): void {
  const { data } = event;
  sale.lastEventId = Math.max(sale.lastEventId, event.id);
  switch (event.type) {
    case 'sale.requested':
      sale.requested = true;
      sale.requestedAt = event.at;
      if (event.terminal !== undefined) sale.terminal = event.terminal;
      sale.billNo = str(data.billNo);
      sale.note = str(data.note);
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
        sale.latePayment = { amountPaise: paise(data.reportedPaise), utr: str(data.utr), reason };
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

/** One sale folded from all of its lines, in any order (sorted by id first); null without lines. */
export function foldSale(saleId: string, events: readonly FoldEvent[]): FoldedSale | null {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  const [first] = sorted;
  if (!first) return null;
  const sale = newFoldedSale(saleId, first);
  for (const event of sorted) applySaleEvent(sale, event);
  return sale;
}

/** Every sale of a journal, in the journal's order (lines of no sale are passed over). */
export function foldSales(events: readonly FoldEvent[]): Map<string, FoldedSale> {
  const sales = new Map<string, FoldedSale>();
  for (const event of events) {
    const saleId = saleIdOf(event.type, event.data);
    if (!saleId) continue;
    let sale = sales.get(saleId);
    if (!sale) {
      sale = newFoldedSale(saleId, event);
      sales.set(saleId, sale);
    }
    applySaleEvent(sale, event);
  }
  return sales;
}

/** A sale whose state no later line can change: paid, cancelled, or refused by BOS. Open and expired ones may still be answered (paid after expiry). */
export function isSettled(sale: FoldedSale): boolean {
  return sale.state === 'paid' || sale.state === 'cancelled' || sale.state === 'failed';
}
