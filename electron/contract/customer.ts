import type { PosResult } from './errors';
import type { SaleView, SettingsView } from './views';

/**
 * Everything the customer display may know: the sale as main pushes it, and how to greet and
 * draw it. Nothing else crosses to that window (no settings, no history, no operations).
 */
export interface CustomerView {
  /** The sale as main last told it (creating, showing, paid, expired …), or null when there is none. */
  sale: SaleView | null;
  /** '' when the owner has not set one: the display then shows a generic welcome. */
  shopName: string;
  language: SettingsView['language'];
  theme: SettingsView['theme'];
  /** True on the sandbox: the display says no real money moves. */
  training: boolean;
}

/** Where the customer display is after `customer.open`. */
export interface CustomerDisplayStatus {
  /**
   * `fullscreen`: full screen on a second monitor; `window`: an ordinary window on this screen;
   * `browser`: the browser preview, where the display is the page at `path` (open it in another tab).
   */
  placement: 'fullscreen' | 'window' | 'browser';
  /** The monitor's id for `fullscreen`, otherwise null. */
  displayId: string | null;
  /** Browser preview only: the page that shows the customer display. */
  path: string | null;
}

/** The customer window's own IPC channels: never `pos:*`, which main refuses from that window. */
export const CUSTOMER_CHANNELS = {
  view: 'customer:view',
  changed: 'customer:changed',
} as const;

/** The customer display's `window.customer`: read the view, follow its changes. No other power. */
export interface CustomerApi {
  view(): Promise<PosResult<CustomerView>>;
  onChange(listener: (view: CustomerView) => void): () => void;
}

/**
 * The browser preview's routes and page for the customer display (see electron/web/server.ts).
 * They are served on the preview's second origin (its own loopback port) with the display's own
 * token, sent in the `X-Counter-Token` header only; on the cashier's origin `page` redirects there.
 */
export const CUSTOMER_PREVIEW = {
  page: '/customer.html',
  view: '/customer/view',
  events: '/customer-events',
  tokenMeta: 'counter-customer-token',
} as const;
