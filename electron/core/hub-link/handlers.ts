import type { HandlersFor } from '../dispatch';
import type { HistoryDeps } from '../history';
import { shopHandlers } from './owner-calls';
import type { HubRuntime } from './runtime';

type HubLinkOperations = 'hub.status' | 'hub.connect' | 'hub.disconnect' | 'hub.pairingCode' | 'hub.ownerKey' | 'hub.ownerKeys' | 'hub.revokeOwnerKey' | 'hub.terminals' | 'hub.revoke' | 'shop.day' | 'shop.export';

/** The hub link's share of the operations: this counter's pairing, and the owner's calls to the hub about the whole shop. */
export function hubLinkHandlers(hub: HubRuntime, deps: HistoryDeps): HandlersFor<HubLinkOperations> {
  return { ...hub.handlers, ...shopHandlers(hub, deps) };
}
