import { BrowserWindow, session, type WebPreferences } from 'electron';

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

/** The one window factory: sandboxed, isolated, no window.open, no navigation away. */
export function createAppWindow(options: { preload: string; rendererUrl: string; title: string }): BrowserWindow {
  hardenSession();
  const window = new BrowserWindow({ width: 1280, height: 860, minWidth: 1024, minHeight: 700, title: options.title, show: false, webPreferences: hardenedWebPreferences(options.preload) }); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- webPreferences come from hardenedWebPreferences() (sandbox and contextIsolation on, checked in test/unit/main-shell.test.ts), which the scanner cannot follow; middle-click opens go through setWindowOpenHandler, which denies every new window
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnRendererUrl(url, options.rendererUrl)) event.preventDefault();
  };
  window.webContents.on('will-navigate', block);
  window.webContents.on('will-redirect', block);
  window.once('ready-to-show', () => window.show());
  return window;
}
