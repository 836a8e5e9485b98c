import type { AddressInfo } from 'node:net';
import type { OwnerKeyAnswer, OwnerKeyKind, PairingCodeAnswer, TerminalRole } from '../contract/hub';
import { buildHub, type BuildHubOptions } from './app';
import type { HubLogOptions } from './log';
import { makeOwnerKey, settleOperatorKey } from './owner-keys';
import { issuePairingCode, PAIRING_CODE_RULE } from './pairing';
import { pairingCodeFrom, validOperatorOwnerKey, WEBHOOK_SECRET_PATTERN } from './secrets';
import { openStore } from './store/open';
import type { HubStore, Shop } from './store/types';
import { DEFAULT_WEBHOOK_GRACE_MS, giveWebhookSecret, rotateWebhookSecret, webhookUrlOf, WEBHOOK_SECRET_RULE, type RotatedSecret } from './webhook/secret';

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
  /**
   * The webhook URL's secret segment, the operator's own: kept as its hash; a different one than last
   * time is a rotation (the one before works for the grace period). Without it, see keepWebhookSecret.
   */
  webhookSecret?: string | null;
  /**
   * True (the command line): keep whatever secret the store has, shown by nobody (`webhookUrl` null).
   * False or absent (the app's embedded hub, tests): a fresh secret each start, the one before ended
   * at once, its URL in `webhookUrl` in memory only (never logged).
   */
  keepWebhookSecret?: boolean;
  webhookHmacSecret?: string | null;
  journalQuota?: BuildHubOptions['journalQuota'];
  /** The operator's owner key for the default shop (kind owner; kept hashed): replaces the one given before; without it, none given before works. */
  ownerKey?: string | null;
  /** A pairing code to accept as a counter's for its first ten minutes (scripted set-ups); as `npm run hub -- pairing-code` prints them. */
  pairingCode?: string | null;
  /** The default shop's BOS registration id and name, set at first start or changed later. */
  registrationId?: string | null;
  shopName?: string | null;
  log?: HubLogOptions | false;
  clock?: () => number;
  pingMs?: number;
  trustProxy?: BuildHubOptions['trustProxy'];
  limits?: BuildHubOptions['limits'];
  connections?: BuildHubOptions['connections'];
  webhookSources?: string | null;
  webhookGraceMs?: number;
  publicUrl?: string | null;
}

export interface RunningHub<WebhookUrl extends string | null = string> {
  url: string;
  /** The URL to give BOS, when this start made or was given its secret; it holds the secret, so show it only to the owner. */
  webhookUrl: WebhookUrl;
  /** False while the shop has no webhook secret at all (BOS's webhooks find nothing until one is made). */
  hasWebhookSecret: boolean;
  shopId: string;
  shop: Shop;
  storeKind: HubStore['kind'];
  createPairingCode(role: TerminalRole, name?: string): Promise<PairingCodeAnswer>;
  /** A new owner key for the default shop (the owner's own, as the command line makes them; `read` unless asked), shown once. */
  createOwnerKey(label?: string, kind?: OwnerKeyKind): Promise<OwnerKeyAnswer>;
  /** A new webhook secret for the default shop, shown once; the one before works for the grace period. */
  rotateWebhookSecret(graceMs?: number): Promise<RotatedSecret>;
  close(): Promise<void>;
}

function checkOptions(options: Pick<StartHubOptions, 'webhookSecret' | 'pairingCode' | 'ownerKey'>): void {
  if (options.ownerKey && !validOperatorOwnerKey(options.ownerKey)) throw new RangeError('An owner key is 24 to 128 URL-safe characters (letters, digits, . _ ~ -), and does not start with hubt_.');
  if (options.webhookSecret && !WEBHOOK_SECRET_PATTERN.test(options.webhookSecret)) throw new RangeError(WEBHOOK_SECRET_RULE);
  if (options.pairingCode && pairingCodeFrom(options.pairingCode) === null) throw new RangeError(PAIRING_CODE_RULE);
}

/**
 * Opens the store, listens, and is ready: it waits for nothing else (Counter runs it in-process, in the
 * background). `close()` ends the streams, stops listening and closes the store.
 */
export async function startHub(options: StartHubOptions & { keepWebhookSecret: true }): Promise<RunningHub<null>>;
export async function startHub(options?: StartHubOptions): Promise<RunningHub>;
export async function startHub(options: StartHubOptions = {}): Promise<RunningHub<string | null>> {
  const clock = options.clock ?? Date.now;
  const graceMs = options.webhookGraceMs;
  // Refuse bad options before the store opens (PGlite's first start takes seconds).
  checkOptions(options);
  const store = await openStore({ databaseUrl: options.databaseUrl ?? null, dataDir: options.dataDir ?? null });
  let app: Awaited<ReturnType<typeof buildHub>> | null = null;
  try {
    const opened = await store.openDefaultShop({ registrationId: options.registrationId ?? null, name: options.shopName ?? null, now: clock() });
    const shop = opened.shop;
    let secret: string | null = null;
    if (options.webhookSecret) {
      await giveWebhookSecret(store, shop.id, options.webhookSecret, clock(), graceMs ?? DEFAULT_WEBHOOK_GRACE_MS);
      secret = options.webhookSecret;
    } else if (!options.keepWebhookSecret) {
      secret = (await rotateWebhookSecret(store, shop.id, clock(), 0)).secret;
    }
    await settleOperatorKey(store, shop.id, options.ownerKey ?? null, clock());
    if (options.pairingCode) await issuePairingCode(store, clock(), { shopId: shop.id, role: 'counter', fixedCode: options.pairingCode });
    app = await buildHub({
      store,
      clock,
      log: options.log ?? false,
      webhookHmacSecret: options.webhookHmacSecret ?? null,
      ...(options.journalQuota ? { journalQuota: options.journalQuota } : {}),
      ...(options.pingMs ? { pingMs: options.pingMs } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      ...(options.connections ? { connections: options.connections } : {}),
      ...(graceMs !== undefined ? { webhookGraceMs: graceMs } : {}),
      trustProxy: options.trustProxy ?? false,
      webhookSources: options.webhookSources ?? null,
      publicUrl: options.publicUrl ?? null,
    });
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}`;
    const running = app;
    return {
      url,
      webhookUrl: secret === null || options.keepWebhookSecret ? null : webhookUrlOf(url, secret),
      hasWebhookSecret: secret !== null || opened.hasWebhookSecret,
      shopId: shop.id,
      shop,
      storeKind: store.kind,
      createPairingCode: (role, name) => issuePairingCode(store, clock(), { shopId: shop.id, role, name: name ?? null }),
      createOwnerKey: (label, kind) => makeOwnerKey(store, { shopId: shop.id, label: label ?? null, kind: kind ?? 'read', origin: 'command', madeByTerminal: null }, clock()),
      rotateWebhookSecret: (grace) => rotateWebhookSecret(store, shop.id, clock(), grace ?? graceMs ?? DEFAULT_WEBHOOK_GRACE_MS),
      close: () => running.close(),
    };
  } catch (error) {
    if (app) await app.close().catch(() => {});
    else await store.close().catch(() => {});
    throw error;
  }
}
