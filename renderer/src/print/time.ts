/** Slips print times with the screens' own formats (renderer/src/i18n/dates.ts). */

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
