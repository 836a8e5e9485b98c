import { QUIET_ZONE } from '../../components/qr-path';

/** At this window width and above the QR sits left of the details; below it they stack (matches styles.css). */
export const SIDE_BY_SIDE_MIN_WIDTH = 1000;
const MIN_HEIGHT_SHARE = 0.6;
/** Bigger scans better from across a counter, when the window has the room. */
const PREFERRED_HEIGHT_SHARE = 0.7;
/** Room the details column and the gap need beside the QR. */
const DETAILS_PX = 440;

/**
 * Target side for the QR in CSS pixels, a whole number of pixels per module. Side by side: as tall
 * as the Sell screen's own box allows (so the banners, tabs and key help above and below it stay in
 * view), about 70% of the window's height where that fits, never wider than the box leaves beside
 * the details. Stacked (a narrow window, which may scroll): at least 60% of the window's height.
 */
export function qrTargetPx(moduleCount: number, viewport: { width: number; height: number }, room: { width: number; height: number }): number {
  const modules = moduleCount + QUIET_ZONE * 2;
  const preferred = viewport.height * PREFERRED_HEIGHT_SHARE;
  if (viewport.width >= SIDE_BY_SIDE_MIN_WIDTH) {
    const side = Math.min(preferred, room.height, room.width - DETAILS_PX);
    return Math.max(modules, Math.floor(side / modules) * modules);
  }
  const atLeast = Math.ceil((viewport.height * MIN_HEIGHT_SHARE) / modules) * modules;
  return Math.max(modules, Math.min(Math.max(atLeast, Math.floor(preferred / modules) * modules), room.width));
}
