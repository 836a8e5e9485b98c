import { language } from '../i18n';

/**
 * Times and dates on a slip follow the screens' rule (renderer/src/i18n/dates.ts): en-IN in every
 * language; English "2:35 pm" and "23 Nov 2026", Hindi a 24-hour clock and a numeric date, so no
 * English month name or am/pm is printed on a Hindi slip. Seconds are dropped (rounded down), so a
 * printed expiry is never later than the real one by the PC's clock.
 */
const TIME_12: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', hour12: true };
const TIME_24: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_NUMERIC: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** "2:35 pm" ("14:35" in Hindi). */
export const formatTime = (at: Date): string => at.toLocaleTimeString('en-IN', language() === 'en' ? TIME_12 : TIME_24);

/** "23 Nov 2026, 2:31 pm" ("23/11/2026, 14:31" in Hindi). */
export const formatDateTime = (at: Date): string => `${at.toLocaleDateString('en-IN', language() === 'en' ? DATE_LONG : DATE_NUMERIC)}, ${formatTime(at)}`;

export interface PrintedExpiry {
  /** Wall-clock time the QR stops working, by this PC's clock. */
  at: Date;
  /** Whole minutes left at printing (rounded down). */
  minutesLeft: number;
}

/**
 * When the QR on screen expires, for the slip. The time left comes from the countdown's own
 * deadline (performance.now() at BOS's answer + BOS's ExpireDateTime − CreatedDateTime), the
 * same number the screen counts down; only the last step, "now + time left", reads the PC's
 * calendar clock, because a printed time of day has to. `expiresAt` as BOS wrote it is not
 * used: it is on BOS's clock, it is absent when BOS gave no times, and the screen and the app
 * treat the QR as expired at the deadline, so the slip agrees with the screen.
 */
export function expiryForPrint(deadline: number, nowPerf: number = performance.now(), nowWall: number = Date.now()): PrintedExpiry {
  const leftMs = Math.max(0, deadline - nowPerf);
  return { at: new Date(nowWall + leftMs), minutesLeft: Math.floor(leftMs / 60_000) };
}
