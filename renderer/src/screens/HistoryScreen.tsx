import { useCallback, useEffect, useState } from 'react';
import type { HistoryView, PosError, SaleHistoryRow } from '../../../electron/contract';
import { localDay, shiftDay } from '../../../electron/contract/days';
import { ErrorBox } from '../components/ErrorBox';
import { callPos } from '../hooks/usePos';
import { useSingleFlight } from '../hooks/useSingleFlight';
import { t } from '../i18n';
import { formatDay } from '../i18n/dates';
import { DaySummaryPanel } from './history/DaySummaryPanel';
import { ExportPanel } from './history/ExportPanel';
import { HistoryTable } from './history/HistoryTable';
import { filterRows, HISTORY_FILTERS, type HistoryFilter } from './history/rowFilter';


/** A day's sales and refunds from the journal: summary, table, search, resolve, export. */
export function HistoryScreen() {
  const [day, setDay] = useState(() => localDay(new Date()));
  const [view, setView] = useState<HistoryView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const [filter, setFilter] = useState<HistoryFilter>('all');
  const [query, setQuery] = useState('');
  const resolving = useSingleFlight();

  const load = useCallback(async () => {
    const result = await callPos(() => window.pos.dayHistory({ day }));
    if (result.ok) {
      setView(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [day]);

  // Fresh on opening the tab (it mounts then), on changing day, and whenever a sale changes anywhere.
  useEffect(() => {
    void load();
    return window.pos.onSaleChanged(() => void load());
  }, [load]);

  const resolve = (row: SaleHistoryRow, paid: boolean) =>
    void resolving.run(async () => {
      const result = await callPos(() => (paid ? window.pos.markPaid({ saleId: row.id }) : window.pos.cancelSale({ saleId: row.id })));
      if (!result.ok) setError(result.error);
      await load();
    });

  const shown = view && view.day === day ? filterRows(view.rows, filter, query) : [];
  const title = formatDay(day);
  const today = localDay(new Date());

  return (
    <div className="history">
      <div className="history-bar no-print">
        <h1 className="screen-title">{t.history.title}</h1>
        <div className="day-picker">
          <button type="button" onClick={() => setDay(shiftDay(day, -1))}>{t.history.previousDay}</button>
          <label htmlFor="history-day" className="visually-hidden">{t.history.day}</label>
          <input id="history-day" type="date" value={day} max={today} onChange={(e) => e.target.value && setDay(e.target.value)} />
          <button type="button" disabled={day >= today} onClick={() => setDay(shiftDay(day, 1))}>{t.history.nextDay}</button>
          <button type="button" disabled={day === today} onClick={() => setDay(today)}>{t.history.today}</button>
        </div>
        <button type="button" onClick={() => window.print()}>{t.history.print}</button>
      </div>

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
            <HistoryTable day={title} rows={shown} busy={resolving.busy} onResolve={resolve} />
          )}
          <div className="no-print">
            <ExportPanel day={day} />
          </div>
        </>
      )}
    </div>
  );
}
