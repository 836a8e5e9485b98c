import { screen, type Display } from 'electron';
import type { ScreenInfo, ScreensPort } from '../customer-window';

/** "DELL P2419H (1920×1080)", or "Display 2 (1920×1080)" where the OS gives no name. */
export function displayLabel(display: Pick<Display, 'label' | 'size'>, index: number): string {
  const name = display.label.trim() || `Display ${index + 1}`;
  return `${name} (${display.size.width}×${display.size.height})`;
}

/** Electron's `screen` as a ScreensPort (call only after the app is ready). */
export function createElectronScreens(): ScreensPort {
  return {
    list(): ScreenInfo[] {
      const primaryId = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((display, index) => ({
        id: String(display.id),
        label: displayLabel(display, index),
        primary: display.id === primaryId,
        bounds: { ...display.bounds },
      }));
    },
    onChange(listener) {
      const handler = () => listener();
      screen.on('display-added', handler);
      screen.on('display-removed', handler);
      screen.on('display-metrics-changed', handler);
      return () => {
        screen.removeListener('display-added', handler);
        screen.removeListener('display-removed', handler);
        screen.removeListener('display-metrics-changed', handler);
      };
    },
  };
}
