import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { HistoryView, PosError } from '../../../electron/contract';
import { localDay, shiftDay } from '../../../electron/contract/days';
import { ErrorBox } from '../components/ErrorBox';
import { callPos, useSettings } from '../hooks/usePos';
import { useHub } from '../hooks/useShopFeed';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { t } from '../i18n';
import { formatDay } from '../i18n/dates';
import { DayField } from './history/DayField';
import { DaySummaryPanel } from './history/DaySummaryPanel';
import { ExportPanel } from './history/ExportPanel';
import { HistoryTable } from './history/HistoryTable';
import { orderRows, ROW_ORDERS, type RowOrder } from './history/rowOrder';
import { filterRows, HISTORY_FILTERS, type HistoryFilter } from './history/rowFilter';
import './history/history.css';

type Scope = 'counter' | 'shop';

// Only the owner's Counter shows the whole shop: its code loads when it is first shown, not with the cashier's window.
const ShopHistory = lazy(() => import('./shop/ShopHistory').then((m) => ({ default: m.ShopHistory })));

/**
 * History: a day chosen, then this counter's own journal, or on the owner's Counter (paired with the
 * shop hub as the owner's) the whole shop from the hub, which it opens on.
 */
export function HistoryScreen() {
  const [day, setDay] = useState(() => localDay(new Date()));
  const [chosen, setChosen] = useState<Scope | null>(null);
  const hub = useHub();
  const ownerOfShop = hub?.paired === true && hub.role === 'owner';
  const scope: Scope = ownerOfShop ? (chosen ?? 'shop') : 'counter';
  const today = localDay(new Date());
  return (
    <div className="history">
      <div className="history-bar no-print">
        <h1 className="screen-title">{t.history.title}</h1>
        <div className="day-picker">
          <button type="button" onClick={() => setDay(shiftDay(day, -1))}>{t.history.previousDay}</button>
          <DayField id="history-day" label={t.history.day} labelHidden value={day} max={today} onChange={setDay} />
          <button type="button" disabled={day >= today} onClick={() => setDay(shiftDay(day, 1))}>{t.history.nextDay}</button>
          <button type="button" disabled={day === today} onClick={() => setDay(today)}>{t.history.today}</button>
        </div>
        <button type="button" onClick={() => window.print()}>{t.history.print}</button>
      </div>
      {ownerOfShop && (
        <fieldset className="history-scope no-print">
          <legend className="visually-hidden">{t.history.scopeLabel}</legend>
          <span className="history-scope-label" aria-hidden="true">{t.history.scopeLabel}</span>
          {(['shop', 'counter'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="history-scope" value={s} checked={scope === s} onChange={() => setChosen(s)} />
              <span>{t.history.scopes[s]}</span>
            </label>
          ))}
        </fieldset>
      )}
      {scope === 'shop' ? (
        <Suspense fallback={<p role="status">{t.history.shopLoading}</p>}>
          <ShopHistory day={day} today={today} />
        </Suspense>
      ) : (
        <CounterHistory day={day} today={today} />
      )}
    </div>
  );
}

/** A day's sales and refunds from this counter's journal: summary, table (newest first), search, resolve, reprint, export. */
function CounterHistory({ day, today }: { day: string; today: string }) {
  const [view, setView] = useState<HistoryView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>('all');
  const [order, setOrder] = useState<RowOrder>('newest');
  const [query, setQuery] = useState('');
  const { settings } = useSettings();
  const acting = useSingleFlight();

  const load = useCallback(async () => {
    const result = await callPos(() => window.pos.dayHistory({ day }));
    if (result.ok) {
      setView(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [day]);

  // Fresh on opening the tab (it mounts then), on changing day, whenever a sale changes anywhere,
  // and when a late payment is kept or refunded (the sale itself may not change).
  useEffect(() => {
    void load();
    const offSale = window.pos.onSaleChanged(() => void load());
    const offLate = window.pos.onLatePaymentsChanged(() => void load());
    return () => {
      offSale();
      offLate();
    };
  }, [load]);

  const shown = view && view.day === day ? orderRows(filterRows(view.rows, filter, query), order) : [];
  const title = formatDay(day);

  return (
    <>
      {error && <ErrorBox error={error} />}
      {!view || view.day !== day ? (
        <p role="status">{t.history.loading}</p>
      ) : (
        <>
          <DaySummaryPanel day={title} summary={view.summary} />
          {view.warnings.length > 0 && (
            <div className="warning-box" role="alert">
              <p>{t.history.warnings}</p>
              <ul>{view.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
            </div>
          )}
          <div className="history-filters no-print">
            <div className="field">
              <label htmlFor="history-filter">{t.history.show}</label>
              <select id="history-filter" value={filter} onChange={(e) => setFilter(e.target.value as HistoryFilter)}>
                {HISTORY_FILTERS.map((f) => <option key={f} value={f}>{t.history.filters[f]}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="history-order">{t.history.order}</label>
              <select id="history-order" value={order} onChange={(e) => setOrder(e.target.value as RowOrder)}>
                {ROW_ORDERS.map((o) => <option key={o} value={o}>{t.history.orders[o]}</option>)}
              </select>
            </div>
            <div className="field history-search">
              <label htmlFor="history-search">{t.history.search}</label>
              <input id="history-search" type="search" value={query} aria-describedby="history-search-hint" onChange={(e) => setQuery(e.target.value)} />
              <p id="history-search-hint" className="hint">{t.history.searchHint}</p>
            </div>
            <p className="row-count" role="status">{t.history.count(shown.length, view.rows.length)}</p>
          </div>
          {view.rows.length === 0 ? (
            <p className="empty">{t.history.empty}</p>
          ) : shown.length === 0 ? (
            <p className="empty">{t.history.noMatch}</p>
          ) : (
            <HistoryTable day={title} rows={shown} busy={acting.busy} run={acting.run} onChanged={() => void load()} settings={settings} />
          )}
          <div className="no-print">
            <ExportPanel day={day} today={today} />
          </div>
        </>
      )}
    </>
  );
}
