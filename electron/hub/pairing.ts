import type { PairingCodeAnswer, TerminalRole } from '../contract/hub';
import { PAIRING_CODE_LENGTH } from '../contract/pairing-code';
import { HubHttpError } from './errors';
import { StoreError } from './store/errors';
import type { HubStore } from './store/types';
import { hashSecret, newPairingCode, pairingCodeFrom } from './secrets';

export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** Codes one shop may have waiting: enough to set up a row of counters, too few to crowd the code space. */
export const MAX_LIVE_CODES_PER_SHOP = 10;
const ATTEMPTS = 20;

export const PAIRING_CODE_RULE = `A pairing code is ${PAIRING_CODE_LENGTH} digits whose last one checks (as npm run hub -- pairing-code prints them).`;

export interface IssueOptions {
  shopId: string;
  role: TerminalRole;
  name?: string | null;
  /** The operator's own code (`--pairing-code`); random otherwise. */
  fixedCode?: string;
}

/** A one-time code for the shop, valid ten minutes; only its hash is stored. A shop with ten waiting is told to use one first (429). */
export async function issuePairingCode(store: HubStore, now: number, options: IssueOptions): Promise<PairingCodeAnswer> {
  const fixed = options.fixedCode === undefined ? null : pairingCodeFrom(options.fixedCode);
  if (options.fixedCode !== undefined && fixed === null) throw new RangeError(PAIRING_CODE_RULE);
  const expiresAt = now + PAIRING_CODE_TTL_MS;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const code = fixed ?? newPairingCode();
    const made = await store.createPairingCode({ shopId: options.shopId, role: options.role, name: options.name ?? null, codeHash: hashSecret(code), now, expiresAt, ifLive: fixed ? 'renew' : 'refuse', maxLive: MAX_LIVE_CODES_PER_SHOP });
    if (made.kind === 'made') return { code, role: options.role, expiresAt: new Date(expiresAt).toISOString() };
    if (made.kind === 'full') {
      const seconds = Math.max(1, Math.ceil((made.retryAt - now) / 1000));
      throw new HubHttpError(429, 'rate_limited', `This shop has ${MAX_LIVE_CODES_PER_SHOP} pairing codes waiting to be used: use one, or wait until one expires.`, seconds);
    }
    if (fixed) throw new StoreError('That pairing code is live for another shop; choose other digits.');
  }
  throw new StoreError('Could not find a free pairing code; too many are live.');
}
