import { useCallback, useRef, useState } from 'react';

export interface SingleFlight {
  busy: boolean;
  /** Runs `call` unless one is under way (then nothing runs and the answer is undefined). */
  run: <T>(call: () => Promise<T>) => Promise<T | undefined>;
  /**
   * Lets the next call start now although the one under way has not answered (the cashier gave
   * up on it). Whatever the abandoned call does when it does answer leaves `busy` alone.
   */
  release: () => void;
}

/**
 * Runs one call at a time. The ref is checked synchronously, so two presses in the
 * same frame (before React re-renders and disables the button) still make one call.
 */
export function useSingleFlight(): SingleFlight {
  const flight = useRef(0);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    const mine = ++flight.current;
    inFlight.current = true;
    setBusy(true);
    try {
      return await call();
    } finally {
      if (flight.current === mine) {
        inFlight.current = false;
        setBusy(false);
      }
    }
  }, []);
  const release = useCallback(() => {
    flight.current += 1;
    inFlight.current = false;
    setBusy(false);
  }, []);
  return { busy, run, release };
}
