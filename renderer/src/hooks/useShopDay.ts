import { useCallback, useEffect, useRef, useState } from 'react';
import type { PosError, ShopDayView } from '../../../electron/contract';
import { t } from '../i18n';
import { shopFetcher, type ShopFetcher } from '../screens/shop/shopFetch';
import { callPos } from './usePos';

/** A burst of batches from busy counters is one read; a sale still shows within a second. */
const DEBOUNCE_MS = 200;
/** While the hub cannot be reached, it is asked again this often (its own push stream is down too). */
const RETRY_MS = 5_000;
/** Read again this often anyway: a payment no QR asked for reaches the hub with no counter's batch to announce it. */
const REFRESH_MS = 30_000;

export interface ShopDayState {
  /** The last good answer for this day and counter, or null before the first. */
  view: ShopDayView | null;
  /** Set when the latest read failed: `view`, if any, is then out of date. */
  error: PosError | null;
  /** Reads again now (the owner's Try again). */
  retry: () => void;
}

/**
 * The whole shop's day from the hub, kept current: read on opening, again ~200 ms after the hub
 * says a counter sent lines for this day, and every few seconds while the hub is out of reach.
 */
export function useShopDay(day: string, terminalId: string | null): ShopDayState {
  const [view, setView] = useState<ShopDayView | null>(null);
  const [error, setError] = useState<PosError | null>(null);
  const fetcher = useRef<ShopFetcher | null>(null);

  useEffect(() => {
    setView(null);
    setError(null);
    const current = shopFetcher<ShopDayView>({
      load: () => callPos(() => window.pos.shopDay({ day, ...(terminalId ? { terminalId } : {}) })),
      apply: (answer) => {
        if (answer.ok) {
          setView(answer.value);
          setError(null);
        } else {
          setError(answer.error);
        }
      },
      debounceMs: DEBOUNCE_MS,
      broken: { code: 'internal', message: t.app.notConnected },
    });
    fetcher.current = current;
    current.now();
    const offShop = window.pos.onShopChanged((change) => {
      if (change.days.includes(day)) current.soon();
    });
    // The link to the hub changed: gone, the screen must say so now (not at the next change, which
    // cannot come); back, what was missed meanwhile never comes as a change.
    const offHub = window.pos.onHubChanged(() => current.soon());
    return () => {
      current.dispose();
      offShop();
      offHub();
    };
  }, [day, terminalId]);

  const failing = error !== null;
  useEffect(() => {
    const timer = setInterval(() => fetcher.current?.now(), failing ? RETRY_MS : REFRESH_MS);
    return () => clearInterval(timer);
  }, [failing, day, terminalId]);

  const retry = useCallback(() => fetcher.current?.now(), []);
  return { view, error, retry };
}
