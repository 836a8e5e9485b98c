import type { PosError, PosResult } from '../../../../electron/contract/errors';

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const WINDOW_TIMERS: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

export interface ShopFetcher {
  /** Reads now (opening, the owner's Try again). */
  now(): void;
  /** Reads once the changes stop arriving for `debounceMs` (a burst of batches from busy counters is one read). */
  soon(): void;
  /** Nothing asked before this is applied any more (another day or counter is shown, or the screen closed). */
  dispose(): void;
}

/**
 * Reads of the whole shop's day, one answer applied at a time: each read gets a number, and an
 * answer is applied only when no later read was asked for meanwhile. Answers come back in any order
 * (a slow hub answers the first read after the second); an older one must never overwrite a newer one.
 */
export function shopFetcher<T>(options: { load: () => Promise<PosResult<T>>; apply: (answer: PosResult<T>) => void; debounceMs: number; broken: PosError; timers?: Timers }): ShopFetcher {
  const timers = options.timers ?? WINDOW_TIMERS;
  let asked = 0;
  let live = true;
  let pending: unknown = null;
  const read = () => {
    if (!live) return;
    if (pending !== null) timers.clear(pending);
    pending = null;
    const mine = ++asked;
    const done = (answer: PosResult<T>) => {
      if (live && mine === asked) options.apply(answer);
    };
    let call: Promise<PosResult<T>>;
    try {
      call = options.load();
    } catch (error) {
      call = Promise.reject(error);
    }
    call.then(done, () => done({ ok: false, error: options.broken }));
  };
  return {
    now: read,
    soon() {
      if (!live) return;
      if (pending !== null) timers.clear(pending);
      pending = timers.set(() => {
        pending = null;
        read();
      }, options.debounceMs);
    },
    dispose() {
      live = false;
      if (pending !== null) timers.clear(pending);
      pending = null;
    },
  };
}
