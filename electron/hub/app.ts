import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors';
import { DEFAULT_JOURNAL_QUOTA, type JournalQuota } from './journal/quota';
import { loggerOptions, type HubLogOptions } from './log';
import { installAuth } from './plugins/auth';
import type { HubDeps } from './plugins/deps';
import { expectationsPlugin } from './plugins/expectations';
import { journalPlugin } from './plugins/journal';
import { ownerPlugin } from './plugins/owner';
import { pairingPlugin } from './plugins/pairing';
import { storePlugin } from './plugins/store';
import { shopStreamPlugin } from './plugins/shop-stream';
import { StreamRegistry } from './plugins/stream-registry';
import { streamPlugin } from './plugins/stream';
import { terminalsPlugin } from './plugins/terminals';
import { webhookPlugin } from './plugins/webhook';
import { DEFAULT_LIMITS, FailureLimiter, type HubLimits } from './rate-limit';
import { addressList, type AddressList } from './address-list';
import { ConnectionGuard, DEFAULT_CONNECTION_LIMITS, serverTimeouts, type ConnectionLimits } from './connections';
import { ownerKeysPlugin } from './plugins/owner-keys';
import { DEFAULT_WEBHOOK_GRACE_MS } from './webhook/secret';
import type { HubStore } from './store/types';

export interface BuildHubOptions {
  store: HubStore;
  /** Epoch milliseconds; tests move it to expire pairing codes and rate-limit windows. */
  clock?: () => number;
  /** False or absent: silent. */
  log?: HubLogOptions | false;
  /** When set, a webhook without a valid `X-Razorpay-Signature` is refused (401) and quarantined. */
  webhookHmacSecret?: string | null;
  /** What one terminal's journal may cost (default `DEFAULT_JOURNAL_QUOTA`). */
  journalQuota?: Partial<JournalQuota>;
  /** How often an open stream gets `: ping` (and re-reads the store). Default 15 s. */
  pingMs?: number;
  limits?: Partial<HubLimits>;
  /**
   * Behind a reverse proxy: `true` for one on this machine (loopback), or its addresses (`10.0.0.5,
   * 10.1.0.0/16`). From those peers only, the client is the right-most X-Forwarded-For entry, the one
   * the proxy appended: whatever a client wrote to the left of it is not believed.
   */
  trustProxy?: boolean | string;
  /** Only these addresses may deliver webhooks (BOS's; `203.0.113.0/24, …`); others find nothing (404). */
  webhookSources?: string | null;
  /** How long a rotated webhook secret keeps working. Default 24 h. */
  webhookGraceMs?: number;
  /** The hub's public address, for the webhook URL an owner's rotation shows. */
  publicUrl?: string | null;
  connections?: Partial<ConnectionLimits>;
}

const LOOPBACK = '127.0.0.0/8, ::1/128';

/** The proxy's addresses as a Fastify trust function: only the hop the proxy itself made is believed. */
function proxyTrust(trustProxy: BuildHubOptions['trustProxy']): { trust: false | ((address: string, hop: number) => boolean); proxies: AddressList | null } {
  if (!trustProxy) return { trust: false, proxies: null };
  const proxies = addressList(trustProxy === true ? LOOPBACK : trustProxy);
  return { trust: (address, hop) => hop === 0 && proxies.allows(address), proxies };
}

const TOUCH_EVERY_MS = 30_000;

function throttled(now: () => number, write: (id: string, at: number) => Promise<void>): (id: string) => Promise<void> {
  const lastAt = new Map<string, number>();
  return async (id) => {
    const at = now();
    if (at - (lastAt.get(id) ?? -Infinity) < TOUCH_EVERY_MS) return;
    if (lastAt.size > 100_000) lastAt.clear();
    lastAt.set(id, at);
    await write(id, at).catch(() => lastAt.delete(id));
  };
}
// Inbound request bodies outside the webhook scope are small JSON; anything bigger is refused (413).
const BODY_LIMIT = 16 * 1024;

/**
 * Node's close waits for every connection that is not idle, and one that never carried a request is not
 * idle to it: fetch leaves such a spare connection after a counter aborts its stream, and the hub's close
 * (Counter's quit, with the embedded hub) waited for the client to drop it. On close they are ended.
 */
function endUnusedConnectionsOnClose(app: FastifyInstance): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  app.addHook('preClose', async () => {
    for (const socket of unused) socket.destroy();
    unused.clear();
  });
}

/** The hub as a Fastify app without a port: one plugin a concern, every route schema-checked, every failure JSON. */
export async function buildHub(options: BuildHubOptions): Promise<FastifyInstance> {
  const now = options.clock ?? Date.now;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const connectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connections };
  const { trust, proxies } = proxyTrust(options.trustProxy);
  const deps: HubDeps = {
    store: options.store,
    now,
    limiters: {
      pairingPerAddress: new FailureLimiter(limits.pairingPerAddress, now),
      credentialFailures: new FailureLimiter(limits.credentialFailures, now),
    },
    webhookHmacSecret: options.webhookHmacSecret ?? null,
    journalQuota: { ...DEFAULT_JOURNAL_QUOTA, ...options.journalQuota },
    webhookSources: options.webhookSources ? addressList(options.webhookSources) : null,
    webhookGraceMs: options.webhookGraceMs ?? DEFAULT_WEBHOOK_GRACE_MS,
    publicUrl: options.publicUrl?.replace(/\/+$/, '') ?? null,
    streams: new StreamRegistry(),
    pingMs: options.pingMs ?? 15_000,
    // Last seen is for the owner's list: at most one write a terminal or key per half minute, and failing to write it never fails the call.
    touch: throttled(now, (terminalId, at) => options.store.touchTerminal(terminalId, at)),
    touchKey: throttled(now, (keyId, at) => options.store.touchOwnerKey(keyId, at)),
  };

  const app = Fastify({
    ...loggerOptions(options.log),
    bodyLimit: BODY_LIMIT,
    trustProxy: trust,
    forceCloseConnections: 'idle',
    ...serverTimeouts(connectionLimits),
    return503OnClosing: true,
    // Types are checked, never coerced: "12" is not a number of paise, and extra fields are dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: false } },
    frameworkErrors,
    clientErrorHandler,
  });
  installErrorHandling(app);
  endUnusedConnectionsOnClose(app);
  // The proxy carries everyone's requests, and BOS's listed addresses are never squeezed out.
  new ConnectionGuard(connectionLimits, (ip) => (proxies?.allows(ip) ?? false) || (deps.webhookSources?.allows(ip) ?? false)).attach(app.server);

  await app.register(storePlugin, deps);
  await app.register(webhookPlugin, deps);
  await app.register(pairingPlugin, deps);
  // Every route in here names who may call it (config.access: a terminal by default, or an owner).
  await app.register(async (callerScope) => {
    installAuth(callerScope, deps);
    await callerScope.register(terminalsPlugin, deps);
    await callerScope.register(expectationsPlugin, deps);
    await callerScope.register(streamPlugin, deps);
    await callerScope.register(journalPlugin, deps);
    await callerScope.register(ownerPlugin, deps);
    await callerScope.register(ownerKeysPlugin, deps);
    await callerScope.register(shopStreamPlugin, deps);
  });
  return app;
}
