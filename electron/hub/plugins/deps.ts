import type { JournalQuota } from '../journal/quota';
import type { FailureLimiter } from '../rate-limit';
import type { HubStore } from '../store/types';
import type { AddressList } from '../address-list';
import type { StreamRegistry } from './stream-registry';

/** What every plugin is handed by buildHub; nothing is reached through globals or decorators but the request's terminal. */

export interface HubDeps {
  store: HubStore;
  now: () => number;
  limiters: {
    pairingPerAddress: FailureLimiter;
    credentialFailures: FailureLimiter;
  };
  webhookHmacSecret: string | null;
  /** What one terminal's journal may cost: events a minute, bytes a shop day. */
  journalQuota: JournalQuota;
  /** BOS's source addresses when the operator listed them; null: any address (the secret still decides). */
  webhookSources: AddressList | null;
  /** How long a rotated webhook secret keeps working. */
  webhookGraceMs: number;
  /** The hub's public address for the webhook URL it shows (`--public-url`); null: the address the request came to. */
  publicUrl: string | null;
  streams: StreamRegistry;
  pingMs: number;
  /** Records a terminal's activity, at most one write per terminal per half minute. */
  touch: (terminalId: string) => Promise<void>;
  /** Records an owner key's use, at most one write per key per half minute. */
  touchKey: (keyId: string) => Promise<void>;
}
