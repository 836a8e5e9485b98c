import type { PosError, QrView, SaleView } from '../../../electron/contract';
import { ERROR_CODES, type ErrorCode } from '../../../electron/contract/errors';

/** What the Sell screen shows. A QR exists only in `showing`, so an error can never leave a stale QR up. */
export type SalePhase =
  | { kind: 'entry'; error: PosError | null; notice: EntryNotice | null }
  | { kind: 'creating'; saleId: string | null; amountPaise: number }
  /** `deadline` is performance.now() at receipt + the server's remaining time; the calendar clock plays no part. */
  | { kind: 'showing'; sale: SaleView; qr: QrView; deadline: number; expired: boolean }
  | { kind: 'paid'; sale: SaleView }
  /** Left open when Counter last stopped: a person must say whether it was paid. */
  | { kind: 'unresolved'; sale: SaleView; error: PosError | null };

/** What the amount field says about the sale just ended: cancelled by the cashier, or the wait for BOS given up. */
export type EntryNotice = { kind: 'cancelled' | 'abandoned'; amountPaise: number };

export interface SaleState {
  phase: SalePhase;
  /** Sales this screen has seen end; a late push about one of them is ignored. */
  retired: readonly string[];
}

export type SaleAction =
  | { type: 'creating'; amountPaise: number }
  /** A view from our own call's answer (`own`) or pushed by main / read on mount (not own). */
  | { type: 'view'; view: SaleView | null; now: number; own: boolean }
  | { type: 'error'; error: PosError }
  | { type: 'expiredLocally'; saleId: string }
  /** Back to the amount field with no error: cancelled, next sale, an unresolved sale answered. */
  | { type: 'entry'; notice?: EntryNotice };

export const initialSaleState: SaleState = { phase: { kind: 'entry', error: null, notice: null }, retired: [] };

const RETIRED_KEPT = 20;
const ERROR_CODE_SET: ReadonlySet<string> = new Set(ERROR_CODES);

/** A sale view's error carries a plain string code; anything unknown is shown as internal. */
function asPosError(error: NonNullable<SaleView['error']>): PosError {
  return { ...error, code: ERROR_CODE_SET.has(error.code) ? (error.code as ErrorCode) : 'internal' };
}
const OPEN_STATES: ReadonlySet<SaleView['state']> = new Set(['creating', 'showing', 'unresolved']);

export function currentSaleId(phase: SalePhase): string | null {
  switch (phase.kind) {
    case 'entry':
      return null;
    case 'creating':
      return phase.saleId;
    default:
      return phase.sale.saleId;
  }
}

function retire(state: SaleState, saleId: string): readonly string[] {
  return state.retired.includes(saleId) ? state.retired : [...state.retired, saleId].slice(-RETIRED_KEPT);
}

function applyView(state: SaleState, view: SaleView, now: number, own: boolean): SaleState {
  const { phase } = state;
  const currentId = currentSaleId(phase);
  if (state.retired.includes(view.saleId)) return state;
  if (!own) {
    // A push about another sale is ignored while this screen has one of its own.
    if (currentId !== null && currentId !== view.saleId) return state;
    // With no sale of our own, only a sale still needing the cashier is taken up (a resumed sale).
    if (currentId === null && phase.kind !== 'creating' && !OPEN_STATES.has(view.state)) return state;
    // An unresolved sale answered elsewhere (History, another window) ends here as it would by its own buttons.
    if (phase.kind === 'unresolved' && OPEN_STATES.has(view.state)) return state;
  }
  const sameSale = currentId === view.saleId;
  switch (view.state) {
    case 'creating':
      return phase.kind === 'entry' || phase.kind === 'creating' ? { ...state, phase: { kind: 'creating', saleId: view.saleId, amountPaise: view.amountPaise } } : state;
    case 'showing': {
      if (!view.qr) return state;
      const deadline = now + Math.max(0, view.qr.remainingMs);
      if (phase.kind === 'showing' && sameSale) {
        // Two answers about the same QR: keep the earlier deadline so the countdown never jumps up.
        return { ...state, phase: { ...phase, sale: view, qr: view.qr, deadline: Math.min(phase.deadline, deadline) } };
      }
      return { ...state, phase: { kind: 'showing', sale: view, qr: view.qr, deadline, expired: view.qr.remainingMs <= 0 } };
    }
    case 'expired':
      return phase.kind === 'showing' && sameSale ? { ...state, phase: { ...phase, sale: view, expired: true } } : state;
    case 'paid':
      return { phase: { kind: 'paid', sale: view }, retired: retire(state, view.saleId) };
    case 'cancelled': {
      // The QR this screen showed: say so, so the cashier knows the key did something.
      const notice: EntryNotice | null = sameSale && phase.kind === 'showing' ? { kind: 'cancelled', amountPaise: view.amountPaise } : null;
      return { phase: { kind: 'entry', error: null, notice }, retired: retire(state, view.saleId) };
    }
    case 'failed':
      return { phase: { kind: 'entry', error: view.error ? asPosError(view.error) : null, notice: null }, retired: retire(state, view.saleId) };
    case 'unresolved':
      return { ...state, phase: { kind: 'unresolved', sale: view, error: null } };
  }
}

export function saleReducer(state: SaleState, action: SaleAction): SaleState {
  switch (action.type) {
    case 'creating':
      return { ...state, phase: { kind: 'creating', saleId: null, amountPaise: action.amountPaise } };
    case 'view':
      return action.view ? applyView(state, action.view, action.now, action.own) : state;
    case 'error':
      // An unresolved sale stays on screen with the reason; anything else goes back to the amount, QR gone.
      return state.phase.kind === 'unresolved'
        ? { ...state, phase: { ...state.phase, error: action.error } }
        : { ...state, phase: { kind: 'entry', error: action.error, notice: null } };
    case 'expiredLocally': {
      const { phase } = state;
      return phase.kind === 'showing' && phase.sale.saleId === action.saleId && !phase.expired ? { ...state, phase: { ...phase, expired: true } } : state;
    }
    case 'entry': {
      const id = currentSaleId(state.phase);
      return { phase: { kind: 'entry', error: null, notice: action.notice ?? null }, retired: id ? retire(state, id) : state.retired };
    }
  }
}
