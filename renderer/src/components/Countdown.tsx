import { useEffect, useState } from 'react';
import { t } from '../i18n/en';

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Counts down from the server's ttl by this machine's monotonic clock; the calendar clock plays no part. */
export function Countdown({ deadline, stated, onExpired }: { deadline: number; stated: boolean; onExpired: () => void }) {
  const [left, setLeft] = useState(() => Math.max(0, deadline - performance.now()));
  useEffect(() => {
    const timer = setInterval(() => {
      const remaining = Math.max(0, deadline - performance.now());
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onExpired();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [deadline, onExpired]);
  const seconds = Math.ceil(left / 1000);
  const announce = seconds <= 10 && seconds > 0 ? t.sell.announceTen : seconds <= 60 && seconds > 50 ? t.sell.announceMinute : '';
  return (
    <div className="countdown">
      <span className="label">{t.sell.timeLeft}</span>
      <span className={`value${seconds <= 30 ? ' urgent' : ''}`} data-testid="countdown" aria-live="off">
        {stated ? '' : `${t.sell.expiresAbout} `}
        {mmss(left)}
      </span>
      <span className="visually-hidden" aria-live="polite">{announce}</span>
    </div>
  );
}
