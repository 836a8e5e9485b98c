import type { FailureLimiter } from '../rate-limit';
import type { HubStore } from '../store/types';
import type { StreamRegistry } from './stream-registry';

/** What every plugin is handed by buildHub; nothing is reached through globals or decorators but the request's terminal. */
export interface HubDeps {
  store: HubStore;
  now: () => number;
  limiters: {
    pairingPerAddress: FailureLimiter;
    pairingTotal: FailureLimiter;
    credentialPerAddress: FailureLimiter;
  };
  webhookHmacSecret: string | null;
  streams: StreamRegistry;
  pingMs: number;
  /** Records a terminal's activity, at most one write per terminal per half minute. */
  touch: (terminalId: string) => Promise<void>;
}
