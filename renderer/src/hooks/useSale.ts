import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { PosError, SaleView } from '../../../electron/contract';
import { initialSaleState, saleReducer, type SalePhase } from '../state/saleReducer';
import { follow } from './follow';
import { callPos } from './usePos';
import { useSingleFlight } from './useSingleFlight';

const STILL_OPEN: ReadonlySet<SaleView['state']> = new Set(['creating', 'showing', 'unresolved']);

/** Warnings main asks a person to answer before marking paid; each "anyway" is journaled by main. */
export type PaidOverride = 'utr_reused' | 'not_confirmed';
const QUESTIONS: ReadonlySet<string> = new Set<PaidOverride>(['utr_reused', 'not_confirmed']);

/** What a person typed and answered when marking paid: the UTR, and the warnings they said "mark paid anyway" to. */
export interface PaidAnswer {
  utr?: string | undefined;
  overrides?: readonly PaidOverride[];
}

/** A warning main raised instead of marking paid: the screen asks, then calls again with the override. */
export type PaidQuestion = PosError & { code: PaidOverride };
export const isPaidQuestion = (error: PosError): error is PaidQuestion => QUESTIONS.has(error.code);

export interface SaleControls {
  phase: SalePhase;
  /** A call to main is under way; every sale button is disabled meanwhile. */
  busy: boolean;
  create(amountPaise: number): void;
  cancel(): void;
  /** Gives up while BOS is still being asked: main cancels the sale and keeps its late answer off screen; Show QR works again at once. */
  abandon(): void;
  /** Resolves to main's question (utr_reused, not_confirmed) when it asked one, else null (paid, or an error now on screen). */
  markPaid(answer: PaidAnswer): Promise<PaidQuestion | null>;
  /** Answers an unresolved sale from before a restart (paid: with the same questions as markPaid), then shows the next one if any. */
  resolve(paid: boolean, answer?: PaidAnswer): Promise<PaidQuestion | null>;
  expiredLocally(saleId: string): void;
  /** Drops the error or notice shown at the amount field (the cashier is typing again). */
  clearError(): void;
  /** From the paid confirmation back to the amount field, or to the next unresolved sale. */
  nextSale(): void;
}

const paidInput = (saleId: string, answer: PaidAnswer) => ({
  saleId,
  ...(answer.utr ? { utr: answer.utr } : {}),
  ...(answer.overrides && answer.overrides.length > 0 ? { overrides: [...answer.overrides] } : {}),
});

/** The Sell screen's one sale, kept in step with main: own answers, pushed changes, and a sale resumed on mount. */
export function useSale(): SaleControls {
  const [state, dispatch] = useReducer(saleReducer, initialSaleState);
  const { busy, run, release } = useSingleFlight();
  const phase = useRef(state.phase);
  // Each Show QR is an attempt; an abandoned one's answer, whenever it comes, changes nothing here.
  const attempt = useRef(0);
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
        const mine = ++attempt.current;
        dispatch({ type: 'creating', amountPaise });
        const result = await callPos(() => window.pos.createSale({ amountPaise }));
        if (mine !== attempt.current) return;
        if (result.ok) return showView(result.value, true);
        if (result.error.code === 'busy') {
          // Main already has a sale open (another window, a lost answer): show that one rather than a dead end.
          const current = await callPos(() => window.pos.currentSale());
          if (mine !== attempt.current) return;
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
        if (now.expired && result.error.code === 'not_allowed') return dispatch({ type: 'entry', notice: { kind: 'cancelled', amountPaise: now.sale.amountPaise } });
        dispatch({ type: 'error', error: result.error });
      }),
    [run, showView],
  );

  // Not behind the single flight: the create it abandons is the call in flight.
  const abandon = useCallback(() => {
    const now = phase.current;
    if (now.kind !== 'creating' || !now.saleId) return;
    const { saleId, amountPaise } = now;
    const mine = attempt.current;
    void callPos(() => window.pos.cancelSale({ saleId })).then((result) => {
      // If BOS answered first, that answer (QR or error) is already on its way to the screen.
      if (!result.ok || result.value.state !== 'cancelled' || mine !== attempt.current) return;
      // Main journals BOS's late answer and never shows it: the screen need not wait for it either.
      attempt.current += 1;
      release();
      dispatch({ type: 'entry', notice: { kind: 'abandoned', amountPaise } });
    });
  }, [release]);

  /** Marks paid through `call`; main's questions come back to the caller, other refusals go on screen. */
  const pay = useCallback(
    async (call: () => Promise<{ ok: true; value: SaleView } | { ok: false; error: PosError }>): Promise<PaidQuestion | null> => {
      const result = await callPos(call);
      if (result.ok) {
        showView(result.value, true);
        return null;
      }
      if (isPaidQuestion(result.error)) return result.error;
      dispatch({ type: 'error', error: result.error });
      return null;
    },
    [showView],
  );

  const markPaid = useCallback(
    async (answer: PaidAnswer) =>
      (await run(async () => {
        const now = phase.current;
        if (now.kind !== 'showing') return null;
        return pay(() => window.pos.markPaid(paidInput(now.sale.saleId, answer)));
      })) ?? null,
    [run, pay],
  );

  const resolve = useCallback(
    async (paid: boolean, answer: PaidAnswer = {}) =>
      (await run(async () => {
        const now = phase.current;
        if (now.kind !== 'unresolved') return null;
        const { saleId } = now.sale;
        // Paid shows the same green confirmation as any sale.
        if (paid) return pay(() => window.pos.markPaid(paidInput(saleId, answer)));
        const result = await callPos(() => window.pos.cancelSale({ saleId }));
        if (!result.ok) {
          dispatch({ type: 'error', error: result.error });
          return null;
        }
        // Cancelled goes straight on to the next one.
        dispatch({ type: 'entry' });
        await showNextUnresolved();
        return null;
      })) ?? null,
    [run, pay, showNextUnresolved],
  );

  const expiredLocally = useCallback((saleId: string) => dispatch({ type: 'expiredLocally', saleId }), []);
  const clearError = useCallback(() => {
    const now = phase.current;
    if (now.kind === 'entry' && (now.error || now.notice)) dispatch({ type: 'entry' });
  }, []);
  const nextSale = useCallback(() => {
    dispatch({ type: 'entry' });
    void showNextUnresolved();
  }, [showNextUnresolved]);

  return { phase: state.phase, busy, create, cancel, abandon, markPaid, resolve, expiredLocally, clearError, nextSale };
}
