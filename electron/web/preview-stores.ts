import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretBox, SettingsStore, StoredSettings } from '../core/settings';

/** The preview keeps settings in a JSON file (0600); an unreadable file is set aside, never fatal. */
export function createJsonFileSettingsStore(file: string, onNotice: (message: string) => void = () => undefined): SettingsStore {
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        return {};
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        const aside = `${file}.corrupt-${Date.now()}`;
        renameSync(file, aside);
        onNotice(`Settings file was unreadable; moved to ${aside} and started on defaults.`);
        return {};
      }
    },
    write(settings: StoredSettings) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    },
  };
}

/** The preview never writes a token to disk: it lives for this run only. */
export function createMemorySecretBox(initial: string | null = null): SecretBox {
  let secret = initial;
  return {
    async load() {
      return secret;
    },
    async save(next) {
      secret = next;
    },
    async protection() {
      return 'session_only';
    },
    async allowPlainStorage() {},
  };
}

export function createMemorySettingsStore(initial: unknown = {}): SettingsStore & { saved: StoredSettings | null } {
  let value = initial;
  const store = {
    saved: null as StoredSettings | null,
    read: () => value,
    write(settings: StoredSettings) {
      value = settings;
      store.saved = settings;
    },
  };
  return store;
}
