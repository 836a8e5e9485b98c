// Journal events as a counter writes them, made at random from a seed, for the fold and intake suites.
import type { JournalEvent, JournalEventType } from '../../electron/contract/journal';
import type { FoldedSale } from '../../electron/contract/sale-fold';
import type { ShopSale } from '../../electron/contract/hub';

/** mulberry32: small, fast, and the same sequence for the same seed (a failure names its seed). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const maybe = <T>(rnd: () => number, x: T): T | undefined => (rnd() < 0.5 ? x : undefined);

/** 23:00 IST on 1 December 2026: sales either side of the shop's midnight. */
export const EVENING = Date.parse('2026-12-01T17:30:00Z');

type Step = { type: JournalEventType; data: Record<string, unknown> };

function saleStep(rnd: () => number, saleId: string, amountPaise: number): Step {
  const type = pick<JournalEventType>(rnd, ['sale.qr_issued', 'sale.qr_refused', 'sale.late_answer', 'sale.payment_reported', 'sale.payment_reported', 'sale.override', 'sale.paid', 'sale.payment_confirmed', 'sale.cancelled', 'sale.expired', 'sale.requested']);
  // Mostly the sale's own amount, as the counter writes it; sometimes none or another (the first line's counts).
  const amount = rnd() < 0.85 ? { amountPaise } : rnd() < 0.5 ? {} : { amountPaise: amountPaise + 100 };
  const utr = rnd() < 0.7 ? { utr: `UTR${Math.floor(rnd() * 1e6)}` } : rnd() < 0.5 ? { utr: null } : {};
  const data: Record<string, unknown> = { saleId, ...amount };
  switch (type) {
    case 'sale.qr_issued':
      Object.assign(data, { qrId: `qr_${saleId}`, txnRef: maybe(rnd, `TXN_${saleId}`), payeeVpa: maybe(rnd, 'shop@upi'), payeeName: maybe(rnd, 'Sharma Stores') });
      break;
    case 'sale.qr_refused':
      Object.assign(data, { code: maybe(rnd, pick(rnd, ['bos_refused', 'network'])), message: maybe(rnd, 'BOS said no'), bosCode: maybe(rnd, 'E42'), bosMessage: maybe(rnd, 'Invalid VPA'), late: rnd() < 0.3 });
      break;
    case 'sale.payment_reported':
      Object.assign(data, { reason: pick(rnd, ['after_cancel', 'after_expiry', 'ignored', 'other_amount', 'unknown_sale']), reportedPaise: maybe(rnd, amountPaise), ...utr });
      break;
    case 'sale.override':
      Object.assign(data, { reason: pick(rnd, ['late_payment_refunded', 'utr_reused', 'no_confirmation']) });
      break;
    case 'sale.paid':
      Object.assign(data, { ...utr, afterExpiry: rnd() < 0.2, ...(rnd() < 0.2 ? { afterCancel: true } : {}) });
      break;
    case 'sale.payment_confirmed':
      Object.assign(data, { ...utr, paymentId: `pay_${saleId}`, afterExpiry: rnd() < 0.2, ...(rnd() < 0.2 ? { afterCancel: true } : {}) });
      break;
    default:
      break;
  }
  return { type, data };
}

export interface Sequence {
  events: JournalEvent[];
  seed: number;
}

/**
 * A counter's journal: a few sales interleaved, each usually opened by its request, with any of the
 * lines that can follow in any order, and lines of no sale between. Ids rise with gaps; times wander
 * across the shop's midnight, and now and then go back (a PC clock set wrong).
 */
export function randomJournal(seed: number, o: { sales?: number; steps?: number; terminal?: string } = {}): Sequence {
  const rnd = random(seed);
  const saleCount = o.sales ?? 1 + Math.floor(rnd() * 6);
  const sales = Array.from({ length: saleCount }, (_, i) => ({ saleId: `sale-${seed}-${i}`, amountPaise: 100 * (1 + Math.floor(rnd() * 5_000)), opened: rnd() < 0.15 }));
  const events: JournalEvent[] = [];
  let id = 1_796_000_000_000_000 + Math.floor(rnd() * 1e6);
  let at = EVENING + Math.floor(rnd() * 3_600_000);
  const push = (step: Step) => {
    id += 1 + Math.floor(rnd() * 1_000);
    at += rnd() < 0.05 ? -Math.floor(rnd() * 7_200_000) : Math.floor(rnd() * 600_000);
    events.push({ id, type: step.type, at: new Date(at).toISOString(), terminal: o.terminal ?? 'Counter 1', role: 'staff', data: step.data });
  };
  const steps = o.steps ?? 4 + Math.floor(rnd() * 30);
  for (let i = 0; i < steps; i += 1) {
    if (rnd() < 0.1) {
      push(pick(rnd, [{ type: 'refund.otp_requested', data: { referenceId: 'R1', ackNo: 'A1' } }, { type: 'settings.changed', data: { fields: ['language'] } }] as const));
      continue;
    }
    const sale = pick(rnd, sales);
    if (!sale.opened) {
      sale.opened = true;
      push({ type: 'sale.requested', data: { saleId: sale.saleId, amountPaise: sale.amountPaise } });
    } else push(saleStep(rnd, sale.saleId, sale.amountPaise));
  }
  return { events, seed };
}

/** What a fold says of a sale, but the counter's name (the hub's lines carry none). */
export function comparable(s: FoldedSale): Omit<FoldedSale, 'terminal'> {
  const { terminal: _terminal, ...rest } = s;
  return rest;
}

/**
 * What the owner's sales list must say of a sale the counter folded (the list has the requested ones),
 * when no payment for it reached the hub: what the counter says BOS confirmed is only its claim.
 */
export function expectedShopSale(s: FoldedSale, terminalId: string, terminalName: string): Omit<ShopSale, 'paidAt'> {
  return {
    terminalId,
    terminalName,
    saleId: s.saleId,
    requestedAt: s.requestedAt,
    amountPaise: s.amountPaise,
    state: s.state,
    confirmedBy: s.confirmedBy === 'bos' ? 'counter_claim' : s.confirmedBy,
    bosReference: s.txnRef,
    utr: s.utr,
    paidAfterExpiry: s.paidAfterExpiry,
    paidAfterCancel: s.paidAfterCancel,
    latePayment: s.latePayment,
    errorCode: s.error && s.error.code !== 'unknown' ? s.error.code : null,
    bosMessage: s.error?.bosMessage ?? null,
  };
}

/** The IST day of an ISO time. */
export const istDayOf = (at: string) => new Date(Date.parse(at) + 330 * 60_000).toISOString().slice(0, 10);
