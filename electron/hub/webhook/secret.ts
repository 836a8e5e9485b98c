import { HUB_ROUTES } from '../../contract/hub';
import { hashSecret, newWebhookSecret, WEBHOOK_SECRET_PATTERN } from '../secrets';
import type { HubStore } from '../store/types';

/** After a rotation the secret before it keeps working this long, so BOS's configuration can catch up. */
export const DEFAULT_WEBHOOK_GRACE_MS = 24 * 60 * 60_000;
/** At most a week: an old secret is not a second key for ever. */
export const MAX_WEBHOOK_GRACE_MS = 7 * 24 * 60 * 60_000;

export const WEBHOOK_SECRET_RULE = 'A webhook secret is 24 to 128 URL-safe characters (letters, digits, . _ ~ -).';

export interface RotatedSecret {
  secret: string;
  /** Until when the secret before it works (ISO 8601), or null when it ended at once (or there was none). */
  previousValidUntil: string | null;
}

const untilFor = (now: number, graceMs: number): number | null => (graceMs > 0 ? now + Math.min(graceMs, MAX_WEBHOOK_GRACE_MS) : null);

/** A new random secret for the shop's webhook URL; the hub keeps its hash, the caller shows it once. */
export async function rotateWebhookSecret(store: HubStore, shopId: string, now: number, graceMs: number): Promise<RotatedSecret> {
  const secret = newWebhookSecret();
  const previousValidUntil = await store.changeWebhookSecret({ shopId, hash: hashSecret(secret), previousUntil: untilFor(now, graceMs), now });
  return { secret, previousValidUntil };
}

/** The operator's own secret (`--webhook-secret`): kept as its hash; a different one than before is a rotation with grace. */
export async function giveWebhookSecret(store: HubStore, shopId: string, secret: string, now: number, graceMs: number): Promise<void> {
  if (!WEBHOOK_SECRET_PATTERN.test(secret)) throw new RangeError(WEBHOOK_SECRET_RULE);
  await store.changeWebhookSecret({ shopId, hash: hashSecret(secret), previousUntil: untilFor(now, graceMs), now });
}

/** The URL to give BOS: the hub's public address and the path with the secret. */
export const webhookUrlOf = (base: string, secret: string): string => `${base.replace(/\/+$/, '')}${HUB_ROUTES.webhookPrefix}${secret}`;
