/** Calendar days as YYYY-MM-DD, shared by main (journal files) and the renderer (History's day picker). */

/** The local calendar day of this PC: the journal keeps one file a day. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** YYYY-MM-DD plus n calendar days. */
export function shiftDay(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Longest span one whole-shop export may cover: each day is one read from the hub. */
export const MAX_SHOP_EXPORT_DAYS = 31;

/** Calendar days from `from` to `to`, both counted (1 for the same day). */
export function daysInSpan(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
