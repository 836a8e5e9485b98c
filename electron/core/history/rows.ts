import type { DaySummary, HistoryRefundState, HistoryRow, HistorySaleState, RefundHistoryRow, SaleHistoryRow } from '../../contract/views';
import { foldSales, inSpan, type DaySpan, type JournalEvent, type JournalEventType } from '../journal';
import { nextStepFor } from './next-step';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const REFUND_STEP: Partial<Record<JournalEventType, HistoryRefundState>> = {
  'refund.otp_requested': 'otp_requested',
  'refund.otp_sent': 'otp_sent',
  'refund.otp_refused': 'otp_refused',
  'refund.claim_requested': 'claim_requested',
  'refund.claimed': 'claimed',
  'refund.claim_refused': 'claim_refused',
};

/** One row per refund (reference id + ack no): its last step; once claimed it stays claimed. */
function foldRefunds(events: readonly JournalEvent[]): RefundHistoryRow[] {
  const refunds = new Map<string, RefundHistoryRow>();
  for (const event of events) {
    const step = REFUND_STEP[event.type];
    const referenceId = str(event.data.referenceId);
    const ackNo = str(event.data.ackNo);
    if (!step || !referenceId || !ackNo) continue;
    const id = `${referenceId}/${ackNo}`;
    let row = refunds.get(id);
    if (!row) {
      row = { kind: 'refund', id, at: event.at, terminal: event.terminal, note: null, noteCode: null, nextStep: null, state: step, referenceId, ackNo };
      refunds.set(id, row);
    }
    if (row.state === 'claimed') continue;
    row.state = step;
    const refused = step === 'otp_refused' || step === 'claim_refused';
    row.note = refused ? (str(event.data.bosMessage) ?? str(event.data.code)) : null;
    row.noteCode = refused ? (str(event.data.code) ?? null) : null;
    row.nextStep = refused ? nextStepFor(row.noteCode, str(event.data.bosMessage)) : null;
  }
  return [...refunds.values()];
}

export interface HistoryOptions {
  /** Sales this counter can still resolve (the one on screen and those left open by a restart). */
  resolvable: ReadonlySet<string>;
  /** The sale on screen right now, whose open state is live rather than left over. */
  liveSaleId: string | null;
  /** Cancelled or expired sales this counter can still mark paid after all (the restore window's and this session's). */
  paidLate?: ReadonlySet<string>;
}

export type { DaySpan } from '../journal';

/**
 * Every sale rung up in the span (local days) and every refund whose first event falls in it,
 * oldest first. Give it what readSpan reads: a sale belongs to the day it was rung up, with its
 * answer wherever that was written (after midnight, or days later after a crash). An answer whose
 * sale was rung up outside the span is not one of its rows.
 */
export function historyRows(events: readonly JournalEvent[], span: DaySpan, options: HistoryOptions): HistoryRow[] {
  const onDay = (at: string) => inSpan(at, span);
  const sales: SaleHistoryRow[] = [...foldSales(events).values()].filter((s) => s.requested && onDay(s.requestedAt)).map((s) => {
    const open = s.state === 'creating' || s.state === 'showing';
    const state: HistorySaleState = open && s.saleId !== options.liveSaleId ? 'unresolved' : s.state;
    return {
      kind: 'sale',
      id: s.saleId,
      at: s.requestedAt,
      terminal: s.terminal,
      note: s.error ? s.error.message : null,
      noteCode: s.error && s.error.code !== 'unknown' ? s.error.code : null,
      nextStep: s.error ? nextStepFor(s.error.code, s.error.bosMessage ?? null) : null,
      state,
      amountPaise: s.amountPaise,
      bosReference: s.txnRef,
      utr: s.utr,
      paidAt: s.paidAt,
      payeeName: s.payeeName,
      payeeVpa: s.payeeVpa,
      paidAfterExpiry: s.paidAfterExpiry,
      paidAfterCancel: s.paidAfterCancel,
      confirmedBy: s.confirmedBy,
      canResolve: (open || s.state === 'expired') && options.resolvable.has(s.saleId),
      canMarkPaidLate: (s.state === 'cancelled' || s.state === 'expired') && !options.resolvable.has(s.saleId) && (options.paidLate?.has(s.saleId) ?? false),
      latePayment: s.latePayment,
      bosCode: s.error?.bosCode ?? null,
      bosMessage: s.error?.bosMessage ?? null,
    };
  });
  const refunds = foldRefunds(events).filter((r) => onDay(r.at));
  return [...sales, ...refunds].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const SALE_STATES: readonly HistorySaleState[] = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed', 'unresolved'];

/** Totals for the rows of a day (or any span): what was collected, what is open, what was refunded. */
export function summarize(rows: readonly HistoryRow[]): DaySummary {
  const summary: DaySummary = {
    collectedPaise: 0,
    sales: Object.fromEntries(SALE_STATES.map((s) => [s, { count: 0, paise: 0 }])) as DaySummary['sales'],
    paidAfterExpiry: 0,
    paidByBos: 0,
    paidByHand: 0,
    refundsClaimed: 0,
    refundsRefused: 0,
    collectedByHour: Array.from({ length: 24 }, () => 0),
  };
  for (const row of rows) {
    if (row.kind === 'refund') {
      if (row.state === 'claimed') summary.refundsClaimed += 1;
      if (row.state === 'otp_refused' || row.state === 'claim_refused') summary.refundsRefused += 1;
      continue;
    }
    const total = summary.sales[row.state];
    total.count += 1;
    total.paise += row.amountPaise;
    if (row.state !== 'paid') continue;
    summary.collectedPaise += row.amountPaise;
    summary.collectedByHour[new Date(row.at).getHours()]! += row.amountPaise;
    if (row.paidAfterExpiry) summary.paidAfterExpiry += 1;
    if (row.confirmedBy === 'bos') summary.paidByBos += 1;
    else summary.paidByHand += 1;
  }
  return summary;
}
