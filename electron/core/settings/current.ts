import type { SettingsStore, StoredSettings } from './stored';

/** The settings in force and the BOS token, kept together: every domain reads them, only Settings changes them. */
export class CurrentSettings {
  constructor(
    private readonly store: SettingsStore,
    private current: StoredSettings,
    private secret: string | null,
  ) {}

  get(): StoredSettings {
    return this.current;
  }

  /** Writes to disk first: memory changes only once the store has taken it (a read-only folder throws here). */
  save(next: StoredSettings): void {
    this.store.write(next);
    this.current = next;
  }

  token(): string | null {
    return this.secret;
  }

  setToken(token: string | null): void {
    this.secret = token;
  }
}
