import type { DaySummary } from '../../../../electron/contract';
import { formatPaise } from '../../../../electron/contract/money';
import { HourChart } from '../../components/HourChart';
import { t } from '../../i18n';

const STATES = ['paid', 'unresolved', 'showing', 'cancelled', 'expired', 'failed'] as const;

/** What the counter collected, what is still open and what was refunded; the part that prints. */
export function DaySummaryPanel({ day, summary }: { day: string; summary: DaySummary }) {
  return (
    <section className="day-summary print-area" aria-labelledby="day-summary-title">
      <h2 id="day-summary-title">{t.history.summaryTitle(day)}</h2>
      <div className="summary-grid">
        <div className="summary-collected">
          <div className="summary-label">{t.history.collected}</div>
          <div className="summary-big" data-testid="collected">{formatPaise(summary.collectedPaise)}</div>
          <div>{t.history.paidCount(summary.sales.paid.count)}</div>
          {summary.sales.paid.count > 0 && (
            <ul className="summary-confirmed">
              <li data-testid="paid-by-bos"><span aria-hidden="true">✓ </span>{t.history.byBos(summary.paidByBos)}</li>
              <li data-testid="paid-by-hand"><span aria-hidden="true">✍ </span>{t.history.byHand(summary.paidByHand)}</li>
            </ul>
          )}
          {summary.paidAfterExpiry > 0 && <div>{t.history.paidLate(summary.paidAfterExpiry)}</div>}
        </div>
        <dl className="summary-states">
          {STATES.filter((s) => s === 'paid' || summary.sales[s].count > 0).map((state) => (
            <div key={state} className={`summary-state state-${state}`}>
              <dt>{t.history.saleStates[state]}</dt>
              <dd data-testid={`total-${state}`}>{t.history.stateTotal(summary.sales[state].count, formatPaise(summary.sales[state].paise))}</dd>
            </div>
          ))}
          <div className="summary-state">
            <dt>{t.history.refundsClaimed}</dt>
            <dd data-testid="refunds-claimed">{summary.refundsClaimed}</dd>
          </div>
          {summary.refundsRefused > 0 && (
            <div className="summary-state">
              <dt>{t.history.refundsRefused}</dt>
              <dd>{summary.refundsRefused}</dd>
            </div>
          )}
        </dl>
        <HourChart byHour={summary.collectedByHour} />
      </div>
    </section>
  );
}
