import { BrowserWindow, session, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import type { Placement } from './customer-window';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function hardenedWebPreferences(preload: string): WebPreferences {
  return { preload, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false };
}

/** Only our own renderer: same origin for the dev server, the same file for a packaged build. */
export function isOwnRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererUrl);
    if (own.protocol === 'file:') return target.protocol === 'file:' && target.pathname === own.pathname;
    return target.origin === own.origin;
  } catch {
    return false;
  }
}

let sessionHardened = false;
function hardenSession(): void {
  if (sessionHardened) return;
  sessionHardened = true;
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

/** How a window is laid out; everything about its safety comes from the factory and is the same for all. */
type WindowShape = Omit<BrowserWindowConstructorOptions, 'webPreferences' | 'show'> & { showInactive?: boolean };

/** The one window factory: sandboxed, isolated, no window.open, no navigation away. Every window of ours is made here. */
function createHardenedWindow(options: { preload: string; rendererUrl: string }, shape: WindowShape): BrowserWindow {
  hardenSession();
  const { showInactive, ...layout } = shape;
  const window = new BrowserWindow({ ...layout, show: false, webPreferences: hardenedWebPreferences(options.preload) }); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- webPreferences come from hardenedWebPreferences() (sandbox and contextIsolation on, checked in test/unit/main-shell.test.ts), which the scanner cannot follow; middle-click opens go through setWindowOpenHandler, which denies every new window
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnRendererUrl(url, options.rendererUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', block);
  window.webContents.on('will-redirect', block);
  window.once('ready-to-show', () => (showInactive ? window.showInactive() : window.show()));
  return window;
}

/** The cashier's window. */
export function createAppWindow(options: { preload: string; rendererUrl: string; title: string }): BrowserWindow {
  return createHardenedWindow(options, { width: 1280, height: 860, minWidth: 1024, minHeight: 700, title: options.title });
}

export const CUSTOMER_WINDOW_TITLE = 'Counter: customer display';

/**
 * The customer display's window: the same hardening, its own preload (window.customer only).
 * Full screen on a second monitor it shows without taking focus, so the cashier keeps the keyboard.
 */
export function createCustomerWindow(options: { preload: string; rendererUrl: string; placement: Placement }): BrowserWindow {
  const common = { title: CUSTOMER_WINDOW_TITLE, autoHideMenuBar: true, backgroundColor: '#ffffff' };
  if (options.placement.kind === 'fullscreen') {
    return createHardenedWindow(options, { ...common, ...options.placement.bounds, fullscreen: true, frame: false, showInactive: true });
  }
  return createHardenedWindow(options, { ...common, width: 1024, height: 640, minWidth: 480, minHeight: 360 });
}

/** Moves the customer window to a placement (full screen elsewhere, or back to a window). */
export function placeCustomerWindow(window: BrowserWindow, placement: Placement): void {
  if (window.isFullScreen()) window.setFullScreen(false);
  if (placement.kind === 'fullscreen') {
    window.setBounds(placement.bounds);
    window.setFullScreen(true);
  }
}
