import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { SaleView } from '../../../electron/contract';
import { initialSaleState, saleReducer, type SalePhase } from '../state/saleReducer';
import { follow } from './follow';
import { callPos } from './usePos';
import { useSingleFlight } from './useSingleFlight';

const STILL_OPEN: ReadonlySet<SaleView['state']> = new Set(['creating', 'showing', 'unresolved']);

export interface SaleControls {
  phase: SalePhase;
  /** A call to main is under way; every sale button is disabled meanwhile. */
  busy: boolean;
  create(amountPaise: number): void;
  cancel(): void;
  /** Gives up while BOS is still being asked: main cancels the sale and keeps its late answer off screen. */
  abandon(): void;
  markPaid(utr: string | undefined): void;
  /** Answers an unresolved sale from before a restart, then shows the next one if any. */
  resolve(paid: boolean): void;
  expiredLocally(saleId: string): void;
  /** Drops the error shown at the amount field (the cashier is typing again). */
  clearError(): void;
  /** From the paid confirmation back to the amount field, or to the next unresolved sale. */
  nextSale(): void;
}

/** The Sell screen's one sale, kept in step with main: own answers, pushed changes, and a sale resumed on mount. */
export function useSale(): SaleControls {
  const [state, dispatch] = useReducer(saleReducer, initialSaleState);
  const { busy, run } = useSingleFlight();
  const phase = useRef(state.phase);
  useEffect(() => {
    phase.current = state.phase;
  }, [state.phase]);

  const showView = useCallback((view: SaleView | null, own: boolean) => dispatch({ type: 'view', view, now: performance.now(), own }), []);

  // Several sales can be left open by a crash; each is asked about in turn.
  const showNextUnresolved = useCallback(async () => {
    const next = await callPos(() => window.pos.currentSale());
    if (next.ok && next.value?.state === 'unresolved') showView(next.value, true);
  }, [showView]);

  useEffect(
    () =>
      follow(
        () => window.pos.currentSale(),
        window.pos.onSaleChanged,
        (view) => {
          const now = phase.current;
          showView(view, false);
          // Cancelled from History: ask about the next sale left open, as the screen's own button would.
          if (now.kind === 'unresolved' && view?.saleId === now.sale.saleId && view.state === 'cancelled') void showNextUnresolved();
        },
      ),
    [showView, showNextUnresolved],
  );

  const create = useCallback(
    (amountPaise: number) =>
      void run(async () => {
        dispatch({ type: 'creating' });
        const result = await callPos(() => window.pos.createSale({ amountPaise }));
        if (result.ok) return showView(result.value, true);
        if (result.error.code === 'busy') {
          // Main already has a sale open (another window, a lost answer): show that one rather than a dead end.
          const current = await callPos(() => window.pos.currentSale());
          if (current.ok && current.value && STILL_OPEN.has(current.value.state)) return showView(current.value, true);
        }
        dispatch({ type: 'error', error: result.error });
      }),
    [run, showView],
  );

  const cancel = useCallback(
    () =>
      void run(async () => {
        const now = phase.current;
        if (now.kind !== 'showing') return;
        const result = await callPos(() => window.pos.cancelSale({ saleId: now.sale.saleId }));
        if (result.ok) return showView(result.value, true);
        // Main had already closed an expired QR: nothing left to cancel.
        if (now.expired && result.error.code === 'not_allowed') return dispatch({ type: 'entry' });
        dispatch({ type: 'error', error: result.error });
      }),
    [run, showView],
  );

  // Not behind the single flight: the create it abandons is the call in flight.
  const abandon = useCallback(() => {
    const now = phase.current;
    if (now.kind !== 'creating' || !now.saleId) return;
    const { saleId } = now;
    void callPos(() => window.pos.cancelSale({ saleId })).then((result) => {
      // If BOS answered first, that answer (QR or error) is already on its way to the screen.
      if (result.ok && result.value.state === 'cancelled') dispatch({ type: 'entry' });
    });
  }, []);

  const markPaid = useCallback(
    (utr: string | undefined) =>
      void run(async () => {
        const now = phase.current;
        if (now.kind !== 'showing') return;
        const result = await callPos(() => window.pos.markPaid({ saleId: now.sale.saleId, ...(utr ? { utr } : {}) }));
        if (result.ok) return showView(result.value, true);
        dispatch({ type: 'error', error: result.error });
      }),
    [run, showView],
  );

  const resolve = useCallback(
    (paid: boolean) =>
      void run(async () => {
        const now = phase.current;
        if (now.kind !== 'unresolved') return;
        const { saleId } = now.sale;
        const result = await callPos(() => (paid ? window.pos.markPaid({ saleId }) : window.pos.cancelSale({ saleId })));
        if (!result.ok) return dispatch({ type: 'error', error: result.error });
        // Paid shows the same green confirmation as any sale; cancelled goes straight on to the next one.
        if (paid) return showView(result.value, true);
        dispatch({ type: 'entry' });
        await showNextUnresolved();
      }),
    [run, showView, showNextUnresolved],
  );

  const expiredLocally = useCallback((saleId: string) => dispatch({ type: 'expiredLocally', saleId }), []);
  const clearError = useCallback(() => {
    if (phase.current.kind === 'entry') dispatch({ type: 'entry' });
  }, []);
  const nextSale = useCallback(() => {
    dispatch({ type: 'entry' });
    void showNextUnresolved();
  }, [showNextUnresolved]);

  return { phase: state.phase, busy, create, cancel, abandon, markPaid, resolve, expiredLocally, clearError, nextSale };
}
