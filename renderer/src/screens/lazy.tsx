import { lazy } from 'react';

// History and Settings (with the export and the owner's shop view) load apart from Sell, so the
// cashier's window starts on the smaller bundle; they are fetched right after, before anyone asks.
const loadHistory = () => import('./HistoryScreen');
const loadSettings = () => import('./SettingsScreen');

export const HistoryScreen = lazy(() => loadHistory().then((m) => ({ default: m.HistoryScreen })));
export const SettingsScreen = lazy(() => loadSettings().then((m) => ({ default: m.SettingsScreen })));

/** Called once Sell is on screen, so F6 and F9 open at once. */
export function prefetchScreens(): void {
  void loadHistory();
  void loadSettings();
}
