import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './errors';
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
import type { HubStore } from './store/types';

export interface BuildHubOptions {
  store: HubStore;
  /** Epoch milliseconds; tests move it to expire pairing codes and rate-limit windows. */
  clock?: () => number;
  /** False or absent: silent. */
  log?: HubLogOptions | false;
  /** When set, a webhook without a valid `X-Razorpay-Signature` is refused (401) and quarantined. */
  webhookHmacSecret?: string | null;
  /** How often an open stream gets `: ping` (and re-reads the store). Default 15 s. */
  pingMs?: number;
  limits?: Partial<HubLimits>;
  /** Behind a reverse proxy, take the client's address from X-Forwarded-For (rate limits are per address). */
  trustProxy?: boolean;
}

const TOUCH_EVERY_MS = 30_000;
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
  const touchedAt = new Map<string, number>();
  const deps: HubDeps = {
    store: options.store,
    now,
    limiters: {
      pairingPerAddress: new FailureLimiter(limits.pairingPerAddress, now),
      pairingTotal: new FailureLimiter(limits.pairingTotal, now),
      credentialPerAddress: new FailureLimiter(limits.credentialPerAddress, now),
    },
    webhookHmacSecret: options.webhookHmacSecret ?? null,
    streams: new StreamRegistry(),
    pingMs: options.pingMs ?? 15_000,
    touch: async (terminalId) => {
      const at = now();
      if (at - (touchedAt.get(terminalId) ?? -Infinity) < TOUCH_EVERY_MS) return;
      touchedAt.set(terminalId, at);
      // Last-seen is for the owner's list; failing to write it never fails the call.
      await options.store.touchTerminal(terminalId, at).catch(() => touchedAt.delete(terminalId));
    },
  };

  const app = Fastify({
    ...loggerOptions(options.log),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    forceCloseConnections: 'idle',
    requestTimeout: 30_000,
    return503OnClosing: true,
    // Types are checked, never coerced: "12" is not a number of paise, and extra fields are dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: false } },
    frameworkErrors,
    clientErrorHandler,
  });
  installErrorHandling(app);
  endUnusedConnectionsOnClose(app);

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
    await callerScope.register(shopStreamPlugin, deps);
  });
  return app;
}
