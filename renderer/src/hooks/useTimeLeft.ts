import { useEffect, useRef, useState } from 'react';

const TICK_MS = 250;

/** 4:59, 0:09: minutes and two-digit seconds, rounded up so 0:00 means really over. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Which announcement is due when the count crosses from `before` to `after` seconds: one minute, ten seconds, or none. */
export function announcementDue(before: number, after: number): 'minute' | 'ten' | null {
  if (before > 10 && after <= 10 && after > 0) return 'ten';
  if (before > 60 && after <= 60 && after > 10) return 'minute';
  return null;
}

/**
 * Milliseconds left until `deadline` (a performance.now() value), by the monotonic clock; the PC's
 * calendar clock plays no part. Calls `onCross` when the count crosses one minute or ten seconds
 * (for a polite announcement, never every second) and `onZero` once when it reaches 0.
 */
export function useTimeLeft(deadline: number, on: { onCross?: (mark: 'minute' | 'ten') => void; onZero?: () => void }): number {
  const [left, setLeft] = useState(() => Math.max(0, deadline - performance.now()));
  const lastSeconds = useRef(Math.ceil(left / 1000));
  const callbacks = useRef(on);
  useEffect(() => {
    callbacks.current = on;
  });
  useEffect(() => {
    const tick = () => {
      const remaining = Math.max(0, deadline - performance.now());
      const seconds = Math.ceil(remaining / 1000);
      const due = announcementDue(lastSeconds.current, seconds);
      if (due) callbacks.current.onCross?.(due);
      lastSeconds.current = seconds;
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        callbacks.current.onZero?.();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    tick();
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}
