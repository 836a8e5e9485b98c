/** Sizing and timing for the customer display: plain functions, so they are tested without a browser. */

/** Never under this share of the screen's height: a phone reads it from across the counter. */
const MIN_HEIGHT_SHARE = 0.6;
/** As large as the screen allows beside the amount, up to this share of its height. */
const PREFERRED_HEIGHT_SHARE = 0.8;
/** Room the amount, payee and time left need beside the QR (the amount wraps after a comma group when it must). */
const DETAILS_PX = 410;
/** Gaps around and between the QR and the details (the page's side padding and the gap between them). */
const MARGIN_PX = 104;
/** Below a stacked QR: the amount, payee and time left, which the customer must always see. */
const STACKED_DETAILS_PX = 320;

/**
 * The QR's side in CSS pixels (a whole number of pixels per module of `modules`, quiet zone
 * included) and whether the details fit beside it. At least 60% of the height, about 80% where
 * the width leaves room; when the details do not fit beside a QR that large they go below it,
 * and the QR is then never so tall that they fall off the screen.
 */
export function customerQrLayout(modules: number, viewport: { width: number; height: number }): { px: number; sideBySide: boolean } {
  const minPer = Math.max(1, Math.ceil((viewport.height * MIN_HEIGHT_SHARE) / modules));
  const preferredPer = Math.floor((viewport.height * PREFERRED_HEIGHT_SHARE) / modules);
  const sideRoom = viewport.width - DETAILS_PX - MARGIN_PX;
  const sideBySide = viewport.width >= viewport.height && sideRoom >= minPer * modules;
  const widthPer = Math.floor((sideBySide ? sideRoom : viewport.width - 32) / modules);
  // Stacked, the amount goes under the QR: the QR leaves it room rather than push it off the screen.
  const heightPer = sideBySide ? Number.MAX_SAFE_INTEGER : Math.floor((viewport.height - STACKED_DETAILS_PX) / modules);
  const per = Math.max(1, Math.min(Math.max(minPer, preferredPer), widthPer, heightPer));
  return { px: per * modules, sideBySide };
}

/** How long "Paid" or "QR expired" stays up before the display greets the next customer. */
export const DEFAULT_HOLD_MS = 8000;

/**
 * The hold, from the page's `?hold=` (milliseconds). It can only shorten the default (tests use
 * it); anything else (missing, not a number, longer) keeps the default.
 */
export function holdFromQuery(search: string): number {
  const raw = new URLSearchParams(search).get('hold');
  if (raw === null || !/^\d{1,6}$/.test(raw)) return DEFAULT_HOLD_MS;
  return Math.min(DEFAULT_HOLD_MS, Number(raw));
}

