import type { CounterDay, CounterJournal, DaySummaryAnswer, SaleStateTotals, ShopTotals, TerminalListing } from '../../contract/hub';
import type { SaleState } from './fold';

/** What the summary needs of one sale of the day. */
export interface SaleFigure {
  terminalId: string;
  state: SaleState;
  amountPaise: number;
  confirmedBy: 'bos' | 'person' | null;
  /** The IST hour it was rung up. */
  hour: number;
  late: boolean;
}

export interface DayFigures {
  /** Each as its counter folded it: `confirmedBy: 'bos'` is the counter's word. */
  sales: SaleFigure[];
  reports: { terminalId: string; sales: SaleStateTotals }[];
  /** Per terminal, how many of its paid sales it says BOS confirmed the hub holds no payment for. */
  claims?: { terminalId: string; count: number }[];
  /** Per terminal, its journal that day and whether the hub is failing to keep it now. */
  journals?: ({ terminalId: string } & CounterJournal)[];
}

const STATES: readonly SaleState[] = ['creating', 'showing', 'paid', 'cancelled', 'expired', 'failed'];

const emptyTotals = (): ShopTotals => ({
  sales: Object.fromEntries(STATES.map((s) => [s, { count: 0, paise: 0 }])) as SaleStateTotals,
  collectedPaise: 0,
  confirmedByBos: 0,
  markedByHand: 0,
  claimedByCounter: 0,
  collectedByHour: Array.from({ length: 24 }, () => 0),
  latePayments: 0,
});

/** Adds a sale as the counter's day summary does: by state, and what was collected by the hour it was rung up. */
function add(totals: ShopTotals, sale: SaleFigure): void {
  const byState = totals.sales[sale.state];
  byState.count += 1;
  byState.paise += sale.amountPaise;
  if (sale.late) totals.latePayments += 1;
  if (sale.state !== 'paid') return;
  totals.collectedPaise += sale.amountPaise;
  totals.collectedByHour[sale.hour] = (totals.collectedByHour[sale.hour] ?? 0) + sale.amountPaise;
  if (sale.confirmedBy === 'bos') totals.confirmedByBos += 1;
  else totals.markedByHand += 1;
}

/** Of the sales the counter says BOS confirmed, these the hub holds no payment for: its word, not BOS's. */
function takeClaims(totals: ShopTotals, claimed: number): void {
  totals.confirmedByBos -= claimed;
  totals.claimedByCounter += claimed;
}

const NO_JOURNAL: CounterJournal = { bytes: 0, bytesQuota: null, stuckSince: null };

/** Any state whose count or sum the counter reported otherwise than the hub holds. */
export const totalsDiffer = (reported: SaleStateTotals, held: SaleStateTotals): boolean =>
  STATES.some((s) => reported[s].count !== held[s].count || reported[s].paise !== held[s].paise);

// The owner's Counter sends its journal too (pairing, settings), with a report of no sales for the day:
// that alone must not list it beside the counters.
const soldOn = (reported: SaleStateTotals | undefined): boolean => reported !== undefined && STATES.some((s) => reported[s].count > 0);

/**
 * The shop's day: in all, and per counter with its reconciliation line. Counters listed are the shop's
 * unrevoked counters and any other terminal (an owner's, a revoked one) that sold that day or reported sales for it.
 */
export function daySummary(day: string, shop: { id: string; name: string }, terminals: readonly TerminalListing[], figures: DayFigures): DaySummaryAnswer {
  const all = emptyTotals();
  const perTerminal = new Map<string, ShopTotals>();
  for (const sale of figures.sales) {
    add(all, sale);
    let totals = perTerminal.get(sale.terminalId);
    if (!totals) perTerminal.set(sale.terminalId, (totals = emptyTotals()));
    add(totals, sale);
  }
  for (const { terminalId, count } of figures.claims ?? []) {
    takeClaims(all, count);
    const totals = perTerminal.get(terminalId);
    if (totals) takeClaims(totals, count);
  }
  const reports = new Map(figures.reports.map((r) => [r.terminalId, r.sales]));
  const journals = new Map((figures.journals ?? []).map(({ terminalId, ...journal }) => [terminalId, journal]));
  const counters: CounterDay[] = [...terminals]
    // By name as people read them ("Counter 2" before "Counter 10"), then id: the same order every time.
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }) || (a.terminalId < b.terminalId ? -1 : 1))
    .filter((t) => (t.role === 'counter' && !t.revoked) || perTerminal.has(t.terminalId) || soldOn(reports.get(t.terminalId)) || journals.get(t.terminalId)?.stuckSince)
    .map((t) => {
      const totals = perTerminal.get(t.terminalId) ?? emptyTotals();
      const reported = reports.get(t.terminalId) ?? null;
      const journal = journals.get(t.terminalId) ?? NO_JOURNAL;
      return { terminalId: t.terminalId, name: t.name, totals, reported, differs: reported !== null && totalsDiffer(reported, totals.sales), lastContactAt: t.lastSeenAt, journal };
    });
  return { day, shop: { id: shop.id, name: shop.name }, all, counters };
}
