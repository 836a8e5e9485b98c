import { renameSync } from 'node:fs';
import { join } from 'node:path';
import Store from 'electron-store';
import type { SettingsStore, StoredSettings } from '../../core/settings';

/** Settings in electron-store (file mode 0600). An unreadable file is set aside and the app starts on defaults. */
export function createElectronSettingsStore(dataDir: string, onNotice: (message: string) => void): SettingsStore {
  const open = () => new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir, configFileMode: 0o600, clearInvalidConfig: false });
  let store: Store<Record<string, unknown>>;
  try {
    store = open();
  } catch {
    const file = join(dataDir, 'settings.json');
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    onNotice(`The settings file could not be read; it was moved to ${aside} and Counter started on defaults.`);
    store = open();
  }
  return {
    read: () => store.store,
    write: (settings: StoredSettings) => {
      store.store = { ...settings };
    },
  };
}
