// Shop-local days and hours. Indian shops keep one time: IST, UTC+05:30 all year (no daylight saving),
// so the day is the UTC date of the instant moved on by five and a half hours. Never the server's zone.
const IST_OFFSET_MS = 330 * 60_000;

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The IST calendar day (YYYY-MM-DD) of an instant, in epoch milliseconds. */
export const istDay = (ms: number): string => new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);

/** The IST hour (0–23) of an instant. */
export const istHour = (ms: number): number => new Date(ms + IST_OFFSET_MS).getUTCHours();

/** YYYY-MM-DD naming a day the calendar has (not 2026-02-30), in years 1–9999. */
export function isRealDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day && day >= '0001-01-01';
}

/** Milliseconds from an instant to the next IST midnight (when a shop day's quotas start again). */
export function msToNextIstDay(ms: number): number {
  const sinceMidnight = (ms + IST_OFFSET_MS) % 86_400_000;
  return 86_400_000 - sinceMidnight;
}
