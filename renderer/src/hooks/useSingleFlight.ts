import { useCallback, useRef, useState } from 'react';

/**
 * Runs one call at a time. The ref is checked synchronously, so two presses in the
 * same frame (before React re-renders and disables the button) still make one call.
 */
export function useSingleFlight(): { busy: boolean; run: <T>(call: () => Promise<T>) => Promise<T | undefined> } {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setBusy(true);
    try {
      return await call();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
