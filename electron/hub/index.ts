import type { AddressInfo } from 'node:net';
import { HUB_ROUTES, type OwnerKeyAnswer, type PairingCodeAnswer, type TerminalRole } from '../contract/hub';
import { buildHub, type BuildHubOptions } from './app';
import type { HubLogOptions } from './log';
import { makeOwnerKey } from './owner-keys';
import { issuePairingCode } from './pairing';
import { hashSecret, newWebhookSecret, PAIRING_CODE_PATTERN, validOperatorOwnerKey, WEBHOOK_SECRET_PATTERN } from './secrets';
import { openStore } from './store/open';
import type { HubStore, Shop } from './store/types';

export { buildHub, type BuildHubOptions } from './app';
export { openStore, type StoreLocation } from './store/open';
export { makeOwnerKey } from './owner-keys';
export type { HubStore } from './store/types';
export type { HubLogOptions } from './log';

export interface StartHubOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) takes a free port. */
  port?: number;
  /** PGlite's directory (one process). */
  dataDir?: string | null;
  /** PostgreSQL; wins over dataDir. Several hub processes may share it. */
  databaseUrl?: string | null;
  /** The webhook URL's secret segment; without it one is generated at first start and kept in the store. */
  webhookSecret?: string | null;
  webhookHmacSecret?: string | null;
  /** An owner key for the default shop's read API and scripts (kept hashed; another one given later replaces it). */
  ownerKey?: string | null;
  /** Six digits to accept as a counter pairing code for the first ten minutes (scripted set-ups). */
  pairingCode?: string | null;
  /** The default shop's BOS registration id and name, set at first start or changed later. */
  registrationId?: string | null;
  shopName?: string | null;
  log?: HubLogOptions | false;
  clock?: () => number;
  pingMs?: number;
  trustProxy?: boolean;
  limits?: BuildHubOptions['limits'];
}

export interface RunningHub {
  url: string;
  /** The URL to give BOS; it holds the secret, so show it only to the owner. */
  webhookUrl: string;
  shopId: string;
  shop: Shop;
  storeKind: HubStore['kind'];
  createPairingCode(role: TerminalRole, name?: string): Promise<PairingCodeAnswer>;
  /** A new owner key for the default shop, shown once. */
  createOwnerKey(label?: string): Promise<OwnerKeyAnswer>;
  close(): Promise<void>;
}

function checkOptions(options: Pick<StartHubOptions, 'webhookSecret' | 'pairingCode' | 'ownerKey'>): void {
  if (options.ownerKey && !validOperatorOwnerKey(options.ownerKey)) throw new RangeError('An owner key is 24 to 128 URL-safe characters (letters, digits, . _ ~ -), and does not start with hubt_.');
  if (options.webhookSecret && !WEBHOOK_SECRET_PATTERN.test(options.webhookSecret)) throw new RangeError('A webhook secret is 24 to 128 URL-safe characters (letters, digits, . _ ~ -).');
  if (options.pairingCode && !PAIRING_CODE_PATTERN.test(options.pairingCode)) throw new RangeError('A pairing code is six digits.');
}

/** The default shop and the webhook secret to show, made on first start and the same ever after. */
export async function openDefaultShop(store: HubStore, options: Pick<StartHubOptions, 'webhookSecret' | 'registrationId' | 'shopName'>, now: number): Promise<{ shop: Shop; webhookSecret: string }> {
  const given = options.webhookSecret ?? null;
  checkOptions(options);
  const generated = newWebhookSecret();
  const opened = await store.openDefaultShop({
    registrationId: options.registrationId ?? null,
    name: options.shopName ?? null,
    givenSecretHash: given === null ? null : hashSecret(given),
    generated: { secret: generated, hash: hashSecret(generated) },
    now,
  });
  const webhookSecret = given ?? opened.storedSecret;
  if (webhookSecret === null) throw new Error('This hub was started with --webhook-secret before and keeps only its hash: give the same --webhook-secret again.');
  return { shop: opened.shop, webhookSecret };
}

/**
 * Opens the store, listens, and is ready: it waits for nothing else (Counter runs it in-process, in the
 * background). `close()` ends the streams, stops listening and closes the store.
 */
export async function startHub(options: StartHubOptions = {}): Promise<RunningHub> {
  const clock = options.clock ?? Date.now;
  // Refuse bad options before the store opens (PGlite's first start takes seconds).
  checkOptions(options);
  const store = await openStore({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir ?? null });
  let app: Awaited<ReturnType<typeof buildHub>> | null = null;
  try {
    const { shop, webhookSecret } = await openDefaultShop(store, options, clock());
    if (options.ownerKey) await store.createOwnerKey({ shopId: shop.id, keyHash: hashSecret(options.ownerKey), label: 'Given at start (--owner-key)', origin: 'start', now: clock() });
    if (options.pairingCode) await issuePairingCode(store, clock(), { shopId: shop.id, role: 'counter', fixedCode: options.pairingCode });
    app = await buildHub({
      store,
      clock,
      log: options.log ?? false,
      webhookHmacSecret: options.webhookHmacSecret ?? null,
      ...(options.pingMs ? { pingMs: options.pingMs } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      trustProxy: options.trustProxy ?? false,
    });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    const running = app;
    return {
      url,
      webhookUrl: `${url}${HUB_ROUTES.webhookPrefix}${webhookSecret}`,
      shopId: shop.id,
      shop,
      storeKind: store.kind,
      createPairingCode: (role, name) => issuePairingCode(store, clock(), { shopId: shop.id, role, name: name ?? null }),
      createOwnerKey: (label) => makeOwnerKey(store, shop.id, label ?? null, clock()),
      close: () => running.close(),
    };
  } catch (error) {
    if (app) await app.close().catch(() => {});
    else await store.close().catch(() => {});
    throw error;
  }
}
