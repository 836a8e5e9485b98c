import type { CounterDay, SaleStateTotals } from '../../../../electron/contract/hub';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { formatDayMonth, formatTime } from '../../i18n/dates';

const STATES = ['paid', 'showing', 'creating', 'cancelled', 'expired', 'failed'] as const;

/** "2 paid ₹400.00, 1 cancelled ₹40.00": the states either side has, so both sides list the same ones. */
function stateList(totals: SaleStateTotals, states: readonly (keyof SaleStateTotals)[]): string {
  if (states.length === 0) return t.shop.noSales;
  return states.map((s) => t.shop.stateCount(totals[s].count, t.history.saleStates[s], formatPaise(totals[s].paise))).join(', ');
}

function lastContact(at: string | null): string {
  return at ? t.shop.lastContact(formatTime(at), formatDayMonth(at)) : t.shop.neverContact;
}

/** One counter's line: what its own journal reported for the day against what the hub holds. */
function CounterLine({ counter }: { counter: CounterDay }) {
  const held = counter.totals.sales;
  const reported = counter.reported;
  const states = STATES.filter((s) => held[s].count > 0 || (reported?.[s].count ?? 0) > 0);
  const differs = counter.differs || reported === null;
  if (states.length === 0 && !differs) {
    return (
      <li className="reconcile reconcile-matches reconcile-quiet" data-testid={`reconcile-${counter.terminalId}`}>
        <strong>{counter.name}</strong> · {t.shop.noSales} · <span className="reconcile-verdict"><span aria-hidden="true">✓ </span>{t.shop.matches}</span>
      </li>
    );
  }
  return (
    <li className={counter.differs ? 'reconcile reconcile-differs' : reported === null ? 'reconcile reconcile-unknown' : 'reconcile reconcile-matches'} data-testid={`reconcile-${counter.terminalId}`}>
      <div className="reconcile-head">
        <strong>{counter.name}</strong> · {formatPaise(counter.totals.collectedPaise)}
        <span className="reconcile-verdict">
          {' · '}
          {counter.differs ? <><span aria-hidden="true">✗ </span>{t.shop.differs}</> : reported === null ? t.shop.notReported : <><span aria-hidden="true">✓ </span>{t.shop.matches}</>}
        </span>
      </div>
      <div className="reconcile-detail">
        {reported && <div>{t.shop.counterSays(stateList(reported, states))}</div>}
        <div>{t.shop.hubHolds(stateList(held, states))}</div>
        {differs && <div className="reconcile-contact">{lastContact(counter.lastContactAt)}</div>}
      </div>
    </li>
  );
}

/** Each counter's own day totals against what reached the hub: a quiet "matches", or red with the last contact. */
export function Reconciliation({ counters }: { counters: readonly CounterDay[] }) {
  return (
    <section className="shop-reconcile" aria-labelledby="shop-reconcile-title">
      <h2 id="shop-reconcile-title">{t.shop.reconcileTitle}</h2>
      {counters.length === 0 ? <p className="empty">{t.shop.noCounters}</p> : <ul className="reconcile-list">{counters.map((c) => <CounterLine key={c.terminalId} counter={c} />)}</ul>}
    </section>
  );
}
