import { BrowserWindow, session, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import type { Placement } from './customer-window';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * DevTools stay off unless the caller says so (unpackaged builds): in a packaged build they would let
 * anyone at the counter script `window.pos` from the cashier's window.
 */
export function hardenedWebPreferences(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
  return { preload, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, spellcheck: false, devTools: options.devTools === true };
}

/** The fields of Electron's before-input-event `Input` the DevTools check reads. */
export interface KeyInput {
  key: string;
  code?: string;
  control?: boolean;
  shift?: boolean;
  alt?: boolean;
  meta?: boolean;
}

/**
 * Chromium's DevTools keys: F12, Ctrl+Shift+I/J/C, and Cmd+Alt+I/J/C on macOS. The letter is read from the
 * physical key too, so a Hindi (InScript) layout, whose I key types a Devanagari letter, is caught as well.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.key === 'F12' || input.code === 'F12') return true;
  const letter = input.code && /^Key[A-Z]$/.test(input.code) ? input.code.slice(3).toLowerCase() : input.key.toLowerCase();
  if (!['i', 'j', 'c'].includes(letter)) return false;
  return (input.control === true && input.shift === true) || (input.meta === true && input.alt === true);
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

interface WindowSource {
  preload: string;
  rendererUrl: string;
  /** Unpackaged builds only (`!app.isPackaged`); absent means off. */
  devTools?: boolean;
}

/** The one window factory: sandboxed, isolated, no window.open, no navigation away. Every window of ours is made here. */
function createHardenedWindow(options: WindowSource, shape: WindowShape): BrowserWindow {
  hardenSession();
  const { showInactive, ...layout } = shape;
  const devTools = options.devTools === true;
  const window = new BrowserWindow({ ...layout, show: false, webPreferences: hardenedWebPreferences(options.preload, { devTools }) }); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- webPreferences come from hardenedWebPreferences() (sandbox and contextIsolation on, checked in test/unit/main-shell.test.ts), which the scanner cannot follow; middle-click opens go through setWindowOpenHandler, which denies every new window
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnRendererUrl(url, options.rendererUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', block);
  window.webContents.on('will-redirect', block);
  // devTools: false already keeps DevTools shut; this also stops their keys reaching any menu accelerator or the page.
  if (!devTools) {
    window.webContents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
  window.once('ready-to-show', () => (showInactive ? window.showInactive() : window.show()));
  return window;
}

/** The cashier's window. */
export function createAppWindow(options: WindowSource & { title: string }): BrowserWindow {
  return createHardenedWindow(options, { width: 1280, height: 860, minWidth: 1024, minHeight: 700, title: options.title });
}

export const CUSTOMER_WINDOW_TITLE = 'Counter: customer display';

/**
 * The customer display's window: the same hardening, its own preload (window.customer only).
 * Full screen on a second monitor it shows without taking focus, so the cashier keeps the keyboard.
 */
export function createCustomerWindow(options: WindowSource & { placement: Placement }): BrowserWindow {
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
