import type { BosLink, SandboxLink } from '../bos/link';
import type { EventHub } from '../events';
import type { Journal } from '../journal/types';
import type { RefundDesk } from '../refund/refunds';
import type { SaleDesk } from '../sale/sales';
import type { SecretBox, SettingsStore, StoredSettings } from './stored';
import type { OwnerSession } from '../owner/handlers';
import type { PayeePins } from '../sale/payee';

/** The settings in force and the token, kept together: every handler reads them, only Settings changes them. */
export class SettingsHolder {
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

/** What the domain handlers share: built once by createCounterServices. */
export interface CounterContext<S extends SandboxLink = SandboxLink> {
  settings: SettingsHolder;
  secretBox: SecretBox;
  events: EventHub;
  owner: OwnerSession;
  journal: Journal;
  journalDir: string;
  bos: BosLink<S>;
  sales: SaleDesk;
  refunds: RefundDesk;
  payees: PayeePins;
  /** Sandbox ↔ Live: the hub link looks again at which hub (embedded or the shop's) applies. */
  environmentChanged: () => void;
}
