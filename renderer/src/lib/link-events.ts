/**
 * Told on a page's window by the browser preview's link (lib/preview-link.ts): its server stopped
 * answering, and it is back. The Electron app never loses main, so there these never fire.
 */
export const LINK_LOST_EVENT = 'counter-preview:lost';
export const LINK_RECONNECTED_EVENT = 'counter-preview:reconnected';
