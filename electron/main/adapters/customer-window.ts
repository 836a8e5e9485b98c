import type { WebContents } from 'electron';
import type { CustomerWindowPort, OpenCustomerWindow } from '../customer-window';
import { createCustomerWindow, placeCustomerWindow } from '../window';

/**
 * Opens the customer display as a hardened BrowserWindow with the customer preload, registers its
 * WebContents as the 'customer' sender (which may read the customer view and nothing else) and loads it.
 */
export function electronCustomerWindows(options: { preload: string; rendererUrl: string; trust: (contents: WebContents) => void }): OpenCustomerWindow {
  return (placement) => {
    const window = createCustomerWindow({ preload: options.preload, rendererUrl: options.rendererUrl, placement });
    options.trust(window.webContents);
    void window.loadURL(options.rendererUrl).catch(() => undefined);
    const port: CustomerWindowPort = {
      place: (next) => {
        if (!window.isDestroyed()) placeCustomerWindow(window, next);
      },
      focus: () => {
        if (!window.isDestroyed()) window.focus();
      },
      close: () => {
        if (!window.isDestroyed()) window.close();
      },
      onClosed: (listener) => {
        window.once('closed', listener);
      },
    };
    return port;
  };
}
