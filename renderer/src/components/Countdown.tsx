import { useState } from 'react';
import { formatTimeLeft, useTimeLeft } from '../hooks/useTimeLeft';
import { t } from '../i18n';

/**
 * Counts down to `deadline` (a performance.now() value) by the monotonic clock. The visible text
 * is not live (it would chatter every second); a separate polite region speaks only at one minute
 * and at ten seconds. `paused`: Counter's engine is not answering, so no time is shown as if all
 * were well (the QR's real end is still counted, and shows again once the engine is back).
 */
export function Countdown({ deadline, stated, paused = false, onExpired }: { deadline: number; stated: boolean; paused?: boolean; onExpired: () => void }) {
  const [announcement, setAnnouncement] = useState('');
  const left = useTimeLeft(deadline, { onCross: (mark) => setAnnouncement(mark === 'ten' ? t.sell.announceTen : t.sell.announceMinute), onZero: onExpired });
  const seconds = Math.ceil(left / 1000);
  return (
    <div className="countdown">
      <span className="countdown-label">{t.sell.timeLeft}</span>
      {paused ? (
        <span className="countdown-value urgent" data-testid="countdown">{t.sell.notAnswering}</span>
      ) : (
        <span className={seconds <= 30 ? 'countdown-value urgent' : 'countdown-value'} data-testid="countdown" aria-live="off">
          {stated ? '' : `${t.sell.timeAbout} `}
          {formatTimeLeft(left)}
        </span>
      )}
      <span className="visually-hidden" aria-live="polite">{paused ? '' : announcement}</span>
    </div>
  );
}
