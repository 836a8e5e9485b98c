import type { OwnerKeyAnswer } from '../contract/hub';
import { hashSecret, newOwnerKey } from './secrets';
import type { HubStore } from './store/types';

const DEFAULT_LABEL = 'Owner key';

/** A new owner key for a shop (an owner terminal's, the CLI's `owner-key`): shown once, kept as its hash. */
export async function makeOwnerKey(store: HubStore, shopId: string, label: string | null, now: number): Promise<OwnerKeyAnswer> {
  const key = newOwnerKey();
  const made = await store.createOwnerKey({ shopId, keyHash: hashSecret(key), label: label?.trim() || DEFAULT_LABEL, origin: 'made', now });
  return { key, label: made.label, createdAt: made.createdAt };
}
