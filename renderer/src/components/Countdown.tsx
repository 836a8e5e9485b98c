import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';

const TICK_MS = 250;

/** 4:59, 0:09: minutes and two-digit seconds, rounded up so 0:00 means really over. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The announcement due when the count crosses from `before` to `after` seconds, or null. */
export function announcementFor(before: number, after: number): string | null {
  if (before > 10 && after <= 10 && after > 0) return t.sell.announceTen;
  if (before > 60 && after <= 60 && after > 10) return t.sell.announceMinute;
  return null;
}

/**
 * Counts down to `deadline` (a performance.now() value) by the monotonic clock; the PC's
 * calendar clock plays no part. The visible text is not live (it would chatter every
 * second); a separate polite region speaks only at one minute and at ten seconds.
 */
export function Countdown({ deadline, stated, onExpired }: { deadline: number; stated: boolean; onExpired: () => void }) {
  const [left, setLeft] = useState(() => Math.max(0, deadline - performance.now()));
  const [announcement, setAnnouncement] = useState('');
  const lastSeconds = useRef(Math.ceil(left / 1000));
  const expiredCallback = useRef(onExpired);
  useEffect(() => {
    expiredCallback.current = onExpired;
  });

  useEffect(() => {
    const tick = () => {
      const remaining = Math.max(0, deadline - performance.now());
      const seconds = Math.ceil(remaining / 1000);
      const due = announcementFor(lastSeconds.current, seconds);
      if (due) setAnnouncement(due);
      lastSeconds.current = seconds;
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        expiredCallback.current();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    tick();
    return () => clearInterval(timer);
  }, [deadline]);

  const seconds = Math.ceil(left / 1000);
  return (
    <div className="countdown">
      <span className="countdown-label">{t.sell.timeLeft}</span>
      <span className={seconds <= 30 ? 'countdown-value urgent' : 'countdown-value'} data-testid="countdown" aria-live="off">
        {stated ? '' : `${t.sell.timeAbout} `}
        {formatTimeLeft(left)}
      </span>
      <span className="visually-hidden" aria-live="polite">{announcement}</span>
    </div>
  );
}
