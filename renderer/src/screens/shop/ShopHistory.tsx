import { useEffect, useState } from 'react';
import type { ShopDayView } from '../../../../electron/contract';
import type { CounterDay, ShopTotals } from '../../../../electron/contract/hub';
import { MAX_SHOP_EXPORT_DAYS } from '../../../../electron/contract/days';
import { ErrorBox } from '../../components/ErrorBox';
import { useShopDay } from '../../hooks/useShopDay';
import { t } from '../../i18n';
import { ts } from '../../i18n/shop';
import { formatDateTime, formatDay } from '../../i18n/dates';
import { ExportPanel } from '../history/ExportPanel';
import { Reconciliation } from './Reconciliation';
import { LateList, UnmatchedList } from './ShopMoneyLists';
import { ShopSalesTable } from './ShopSalesTable';
import { ShopSummaryPanel } from './ShopSummaryPanel';
import './shop.css';

const ZERO = { count: 0, paise: 0 };
const NOTHING: ShopTotals = {
  sales: { creating: ZERO, showing: ZERO, paid: ZERO, cancelled: ZERO, expired: ZERO, failed: ZERO },
  collectedPaise: 0, confirmedByBos: 0, markedByHand: 0, claimedByCounter: 0, collectedByHour: Array.from({ length: 24 }, () => 0), latePayments: 0,
};

/**
 * The counters the filter offers: every one seen in any answer since History opened (a filtered
 * answer lists only its own), so the counter chosen stays in the list on a day it did not sell.
 */
function useKnownCounters(view: ShopDayView | null): { terminalId: string; name: string }[] {
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!view) return;
    setKnown((before) => {
      const fresh = view.counters.filter((c) => before.get(c.terminalId) !== c.name);
      if (fresh.length === 0) return before;
      const next = new Map(before);
      for (const c of fresh) next.set(c.terminalId, c.name);
      return next;
    });
  }, [view]);
  return [...known].map(([terminalId, name]) => ({ terminalId, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The hub cannot be reached: said plainly, with the time of the answer still shown (never as if current). */
function StaleNotice({ view, retry }: { view: ShopDayView | null; retry: () => void }) {
  return (
    <div className="warning-box shop-stale" role="alert" data-testid="shop-stale">
      <p className="notice-title">{view ? ts().shop.stale(formatDateTime(view.fetchedAt)) : ts().shop.unreachable}</p>
      <button type="button" onClick={retry}>{ts().shop.tryAgain}</button>
    </div>
  );
}

/**
 * The owner's Counter: the whole shop's day as the hub holds it, all counters or one, kept live as
 * counters send their journals; each counter's own totals against the hub's; money no QR asked for;
 * payments after cancel or expiry; export across counters and days.
 */
export function ShopHistory({ day, today }: { day: string; today: string }) {
  const [terminalId, setTerminalId] = useState<string | null>(null);
  const { view, error, retry } = useShopDay(day, terminalId);
  const counters = useKnownCounters(view);
  const shown = view && view.day === day ? view : null;
  const stale = error !== null;
  const chosen: CounterDay | undefined = terminalId ? shown?.counters.find((c) => c.terminalId === terminalId) : undefined;
  const chosenName = terminalId ? (chosen?.name ?? counters.find((c) => c.terminalId === terminalId)?.name ?? '') : null;
  const title = formatDay(day);

  return (
    <div className={stale ? 'shop-history stale' : 'shop-history'} data-testid="shop-history">
      <div className="history-filters no-print">
        <div className="field shop-filter">
          <label htmlFor="shop-counter">{ts().shop.counterFilter}</label>
          <select id="shop-counter" value={terminalId ?? ''} onChange={(e) => setTerminalId(e.target.value || null)}>
            <option value="">{ts().shop.allCounters}</option>
            {counters.map((c) => <option key={c.terminalId} value={c.terminalId}>{c.name}</option>)}
          </select>
        </div>
        {shown && !stale && <p className="hint shop-as-of" data-testid="shop-as-of">{ts().shop.asOf(formatDateTime(shown.fetchedAt))}</p>}
      </div>
      {stale && <StaleNotice view={shown} retry={retry} />}
      {stale && <ErrorBox error={error} />}
      {!shown ? (
        !stale && <p role="status">{t.history.shopLoading}</p>
      ) : (
        <>
          <ShopSummaryPanel title={chosenName ? ts().shop.counterSummaryTitle(chosenName, title) : ts().shop.summaryTitle(title)} totals={terminalId ? (chosen?.totals ?? NOTHING) : shown.all} stale={stale} />
          <Reconciliation counters={shown.counters} />
          <LateList sales={shown.sales} />
          <UnmatchedList payments={shown.unmatched} />
          <h2 className="shop-sales-title">{ts().shop.salesTitle(chosenName ?? ts().shop.allCounters)}</h2>
          <ShopSalesTable day={title} sales={shown.sales} />
        </>
      )}
      <div className="no-print">
        <ExportPanel day={day} today={today} shop={{ terminalId, title: ts().shop.exportTitle(chosenName ?? ts().shop.allCounters), tooLong: ts().shop.exportTooLong(MAX_SHOP_EXPORT_DAYS) }} />
      </div>
    </div>
  );
}
