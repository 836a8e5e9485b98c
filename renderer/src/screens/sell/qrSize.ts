import { QUIET_ZONE } from '../../components/qr-path';

/** At this width and above the QR sits left of the details; below it they stack (matches styles.css). */
export const SIDE_BY_SIDE_MIN_WIDTH = 1000;
const MIN_HEIGHT_SHARE = 0.6;
/** Bigger scans better from across a counter, when the window has the room. */
const PREFERRED_HEIGHT_SHARE = 0.7;
/** Banner, tabs, key help and padding above and below the QR. */
const CHROME_PX = 210;
/** Room the details column and the gaps need beside the QR. */
const DETAILS_PX = 470;
const MARGIN_PX = 48;

/**
 * Target side for the QR in CSS pixels, a whole number of pixels per module: about 70% of the
 * window's height where it fits, never under 60% (rounded up to the next whole module size),
 * and never wider than the window leaves beside the details.
 */
export function qrTargetPx(moduleCount: number, viewport: { width: number; height: number }): number {
  const modules = moduleCount + QUIET_ZONE * 2;
  const atLeast = Math.ceil((viewport.height * MIN_HEIGHT_SHARE) / modules);
  const preferred = Math.floor(Math.min(viewport.height * PREFERRED_HEIGHT_SHARE, viewport.height - CHROME_PX) / modules);
  const widthLimit = viewport.width >= SIDE_BY_SIDE_MIN_WIDTH ? viewport.width - DETAILS_PX - MARGIN_PX : viewport.width - MARGIN_PX;
  return Math.max(modules, Math.min(Math.max(atLeast, preferred) * modules, widthLimit));
}
