import type { OwnerKeyAnswer, OwnerKeyKind } from '../contract/hub';
import { hashSecret, newOwnerKey } from './secrets';
import type { HubStore, NewOwnerKey } from './store/types';

const DEFAULT_LABEL: Record<OwnerKeyKind, string> = { owner: 'Owner key', read: 'Read-only key', payments: 'Payments key' };

export interface OwnerKeyOrder {
  shopId: string;
  label: string | null;
  kind: OwnerKeyKind;
  /** `terminal` with the owner terminal's id (the key dies with it), or `command` (the hub's command line: the owner's own). */
  origin: Extract<NewOwnerKey['origin'], 'terminal' | 'command'>;
  madeByTerminal: string | null;
}

/** A new owner key for a shop: shown once, kept as its hash. */
export async function makeOwnerKey(store: HubStore, order: OwnerKeyOrder, now: number): Promise<OwnerKeyAnswer> {
  const key = newOwnerKey();
  const made = await store.createOwnerKey({ shopId: order.shopId, keyHash: hashSecret(key), label: order.label?.trim() || DEFAULT_LABEL[order.kind], kind: order.kind, origin: order.origin, madeByTerminal: order.madeByTerminal, now });
  return { key, keyId: made.keyId, label: made.label, kind: made.kind, createdAt: made.createdAt };
}

/**
 * The operator's `--owner-key` (an `owner` key): the one given now is the shop's start key, any other
 * start key stops working; started without one, none works. Kept as its hash, like every key.
 */
export async function settleOperatorKey(store: HubStore, shopId: string, key: string | null, now: number): Promise<void> {
  const hash = key === null ? null : hashSecret(key);
  await store.revokeStartKeys(shopId, hash, now);
  if (hash !== null) await store.createOwnerKey({ shopId, keyHash: hash, label: 'Given at start (--owner-key)', kind: 'owner', origin: 'start', madeByTerminal: null, now });
}
