import type { PairingCodeAnswer, TerminalRole } from '../contract/hub';
import { StoreError } from './store/errors';
import type { HubStore } from './store/types';
import { hashSecret, newPairingCode, PAIRING_CODE_PATTERN } from './secrets';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
const ATTEMPTS = 20;

export interface IssueOptions {
  shopId: string;
  role: TerminalRole;
  name?: string | null;
  /** The operator's own six digits (`--pairing-code`); random otherwise. */
  fixedCode?: string;
}

/** A one-time code for the shop, valid ten minutes; only its hash is stored. */
export async function issuePairingCode(store: HubStore, now: number, options: IssueOptions): Promise<PairingCodeAnswer> {
  if (options.fixedCode !== undefined && !PAIRING_CODE_PATTERN.test(options.fixedCode)) throw new RangeError('A pairing code is six digits.');
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const code = options.fixedCode ?? newPairingCode();
    const made = await store.createPairingCode({ shopId: options.shopId, role: options.role, name: options.name ?? null, codeHash: hashSecret(code), now, expiresAt, ifLive: options.fixedCode ? 'renew' : 'refuse' });
    if (made) return { code, role: options.role, expiresAt: new Date(expiresAt).toISOString() };
    if (options.fixedCode) throw new StoreError('That pairing code is live for another shop; choose other digits.');
  }
  throw new StoreError('Could not find a free pairing code; too many are live.');
}
