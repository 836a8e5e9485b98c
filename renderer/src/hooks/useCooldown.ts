import { useCallback, useEffect, useState } from 'react';

/** Whole seconds left on a cool-down, timed by the monotonic clock. */
export function useCooldown(): { secondsLeft: number; start: (seconds: number) => void; reset: () => void } {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  useEffect(() => {
    if (deadline === null) return undefined;
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) setDeadline(null);
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline]);
  const start = useCallback((seconds: number) => setDeadline(performance.now() + seconds * 1000), []);
  const reset = useCallback(() => {
    setDeadline(null);
    setSecondsLeft(0);
  }, []);
  return { secondsLeft, start, reset };
}
