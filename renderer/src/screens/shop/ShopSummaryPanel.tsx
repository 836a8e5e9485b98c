import type { ShopTotals } from '../../../../electron/contract/hub';
import { formatPaise } from '../../../../electron/contract/money';
import { HourChart } from '../../components/HourChart';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';

const STATES = ['paid', 'showing', 'creating', 'cancelled', 'expired', 'failed'] as const;

/** The whole shop's (or one counter's) day as the hub holds it: collected, by whom, each state, by hour. */
export function ShopSummaryPanel({ title, totals, stale }: { title: string; totals: ShopTotals; stale: boolean }) {
  return (
    <section className={stale ? 'day-summary shop-summary stale print-area' : 'day-summary shop-summary print-area'} aria-labelledby="shop-summary-title" data-testid="shop-summary">
      <h2 id="shop-summary-title">
        {title}
        {stale && (
          <>
            {' · '}
            <span className="stale-tag">{ts().shop.outOfDate}</span>
          </>
        )}
      </h2>
      <div className="summary-grid">
        <div className="summary-collected">
          <div className="summary-label">{t.history.collected}</div>
          <div className="summary-big" data-testid="shop-collected">{formatPaise(totals.collectedPaise)}</div>
          <div>{t.history.paidCount(totals.sales.paid.count)}</div>
          {totals.sales.paid.count > 0 && (
            <ul className="summary-confirmed">
              <li><span aria-hidden="true">✓ </span>{t.history.byBos(totals.confirmedByBos)}</li>
              <li><span aria-hidden="true">✍ </span>{t.history.byHand(totals.markedByHand)}</li>
              {totals.claimedByCounter > 0 && <li className="confirmed-claim" data-testid="shop-claimed"><span aria-hidden="true">? </span>{ts().shop.claimedByCounter(totals.claimedByCounter)}</li>}
            </ul>
          )}
          {totals.latePayments > 0 && <div className="shop-late-count">{ts().shop.lateOpenCount(totals.latePayments)}</div>}
        </div>
        <dl className="summary-states">
          {STATES.filter((s) => s === 'paid' || totals.sales[s].count > 0).map((state) => (
            <div key={state} className={`summary-state state-${state}`}>
              <dt>{t.history.saleStates[state]}</dt>
              <dd data-testid={`shop-total-${state}`}>{t.history.stateTotal(totals.sales[state].count, formatPaise(totals.sales[state].paise))}</dd>
            </div>
          ))}
        </dl>
        <HourChart byHour={totals.collectedByHour} />
      </div>
    </section>
  );
}
