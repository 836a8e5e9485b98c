import type { CounterDay, CounterJournal, SaleStateTotals } from '../../../../electron/contract/hub';
import { formatPaise } from '../../../../electron/contract/money';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';
import { formatDayMonth, formatTime } from '../../i18n/dates';
import { formatBytes } from './journalSize';

const STATES = ['paid', 'showing', 'creating', 'cancelled', 'expired', 'failed'] as const;

/** "2 paid ₹400.00, 1 cancelled ₹40.00": the states either side has, so both sides list the same ones. */
function stateList(totals: SaleStateTotals, states: readonly (keyof SaleStateTotals)[]): string {
  if (states.length === 0) return ts().shop.noSales;
  return states.map((s) => ts().shop.stateCount(totals[s].count, t.history.saleStates[s], formatPaise(totals[s].paise))).join(', ');
}

function lastContact(at: string | null): string {
  return at ? ts().shop.lastContact(formatTime(at), formatDayMonth(at)) : ts().shop.neverContact;
}

// A hub older than this Counter says nothing of journals: nothing is shown of them then, rather than failing.
const NO_JOURNAL: CounterJournal = { bytes: 0, bytesQuota: null, stuckSince: null };
const journalOf = (counter: CounterDay): CounterJournal => (counter.journal as CounterJournal | undefined) ?? NO_JOURNAL;

/** What the hub makes of the counter's word: sales it says BOS confirmed that the hub has no payment for, and its journal (stuck, its size). */
function HubNotes({ counter }: { counter: CounterDay }) {
  const { claimedByCounter } = counter.totals;
  const { stuckSince, bytes, bytesQuota } = journalOf(counter);
  return (
    <>
      {claimedByCounter > 0 && <div className="reconcile-claims" data-testid="reconcile-claims">{ts().shop.claimedByCounter(claimedByCounter)}</div>}
      {stuckSince && <div className="reconcile-stuck" role="alert">{ts().shop.journalStuck(formatTime(stuckSince), formatDayMonth(stuckSince))}</div>}
      {bytesQuota !== null && <div className="reconcile-journal" data-testid="reconcile-journal">{ts().shop.journalSize(formatBytes(bytes), formatBytes(bytesQuota))}</div>}
    </>
  );
}

/** One counter's line: what its own journal reported for the day against what the hub holds. */
function CounterLine({ counter }: { counter: CounterDay }) {
  const held = counter.totals.sales;
  const reported = counter.reported;
  const states = STATES.filter((s) => held[s].count > 0 || (reported?.[s].count ?? 0) > 0);
  const differs = counter.differs || reported === null;
  const stuck = journalOf(counter).stuckSince !== null;
  if (states.length === 0 && !differs && !stuck) {
    return (
      <li className="reconcile reconcile-matches reconcile-quiet" data-testid={`reconcile-${counter.terminalId}`}>
        <strong>{counter.name}</strong> · {ts().shop.noSales} · <span className="reconcile-verdict"><span aria-hidden="true">✓ </span>{ts().shop.matches}</span>
        <div className="reconcile-detail"><HubNotes counter={counter} /></div>
      </li>
    );
  }
  return (
    <li className={counter.differs || stuck ? 'reconcile reconcile-differs' : reported === null ? 'reconcile reconcile-unknown' : 'reconcile reconcile-matches'} data-testid={`reconcile-${counter.terminalId}`}>
      <div className="reconcile-head">
        <strong>{counter.name}</strong> · {formatPaise(counter.totals.collectedPaise)}
        <span className="reconcile-verdict">
          {' · '}
          {counter.differs ? <><span aria-hidden="true">✗ </span>{ts().shop.differs}</> : reported === null ? ts().shop.notReported : <><span aria-hidden="true">✓ </span>{ts().shop.matches}</>}
        </span>
      </div>
      <div className="reconcile-detail">
        {reported && <div>{ts().shop.counterSays(stateList(reported, states))}</div>}
        <div>{ts().shop.hubHolds(stateList(held, states))}</div>
        <HubNotes counter={counter} />
        {(differs || stuck) && <div className="reconcile-contact">{lastContact(counter.lastContactAt)}</div>}
      </div>
    </li>
  );
}

/** Each counter's own day totals against what reached the hub: a quiet "matches", or red with the last contact. */
export function Reconciliation({ counters }: { counters: readonly CounterDay[] }) {
  return (
    <section className="shop-reconcile" aria-labelledby="shop-reconcile-title">
      <h2 id="shop-reconcile-title">{ts().shop.reconcileTitle}</h2>
      {counters.length === 0 ? <p className="empty">{ts().shop.noCounters}</p> : <ul className="reconcile-list">{counters.map((c) => <CounterLine key={c.terminalId} counter={c} />)}</ul>}
    </section>
  );
}
