import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { HUB_ROUTES } from '../../contract/hub';
import { streamSchema } from '../schemas';
import type { StoreSignal } from '../store/sql';
import { ownerOf } from './auth';
import { CursorStream, type CursorStreamDeps } from './cursor-stream';
import type { HubDeps } from './deps';
import { addCapped } from './stream-registry';

export const SHOP_STREAM_EVENT = 'journal';
interface ShopStreamDeps extends CursorStreamDeps {
  onEnd: (stream: ShopStream) => void;
}

/**
 * One owner's open SSE response for a shop: `event: journal`, `id: <the shop's change number>`,
 * `data: ShopChange`. As the payment stream, a lost notification costs one ping's delay, never a change.
 */
class ShopStream extends CursorStream {
  /** Whose stream it is (an owner terminal's id or an owner key's): at most a few each. */
  readonly credential: string;

  constructor(
    res: ServerResponse,
    readonly shopId: string,
    /** The owner terminal streaming, or null for an owner key. */
    terminalId: string | null,
    /** The owner key streaming, or null for a terminal: every read first checks it still works. */
    keyId: string | null,
    cursor: number,
    deps: ShopStreamDeps,
  ) {
    const self: { stream: ShopStream | null } = { stream: null };
    super(
      res,
      terminalId,
      cursor,
      {
        event: SHOP_STREAM_EVENT,
        what: 'shop stream',
        logFields: { shopId },
        page: async (after, limit) => {
          // A revoked key (or one whose owner terminal was revoked) ends its stream at the next read, a ping at most away.
          if (keyId !== null && !(await deps.store.ownerKeyActive(keyId))) {
            self.stream?.end();
            return [];
          }
          return (await deps.store.shopChangesAfter(shopId, after, limit)).map((item) => ({ cursor: item.cursor, data: item.change }));
        },
      },
      deps,
      (stream) => deps.onEnd(stream as ShopStream),
    );
    self.stream = this;
    this.credential = terminalId ?? keyId ?? 'unknown';
  }
}

/** This process's open shop streams: a shop's signal wakes its streams, a revocation ends its terminal's. */
class ShopStreamRegistry {
  private readonly byShop = new Map<string, Set<ShopStream>>();

  add(stream: ShopStream): void {
    const set = this.byShop.get(stream.shopId) ?? new Set();
    this.byShop.set(stream.shopId, set);
    set.add(stream);
    const own = new Set([...set].filter((s) => s.credential === stream.credential));
    addCapped(own, stream);
  }

  remove(stream: ShopStream): void {
    const set = this.byShop.get(stream.shopId);
    set?.delete(stream);
    if (set?.size === 0) this.byShop.delete(stream.shopId);
  }

  signal(signal: StoreSignal): void {
    if (signal.kind === 'shop') {
      for (const stream of [...(this.byShop.get(signal.shopId) ?? [])]) stream.wake();
      return;
    }
    if (signal.kind === 'delivery') return;
    const all = [...this.byShop.values()].flatMap((set) => [...set]);
    if (signal.kind === 'resync') for (const stream of all) stream.wake();
    else for (const stream of all.filter((s) => s.terminalId === signal.terminalId)) stream.end();
  }

  endAll(): void {
    for (const set of [...this.byShop.values()]) for (const stream of [...set]) stream.end();
  }
}

/** GET /v1/shop/stream (owner): the shop's journal changes as server-sent events, from now or from a cursor. */
export async function shopStreamPlugin(app: FastifyInstance, deps: HubDeps): Promise<void> {
  const streams = new ShopStreamRegistry();
  const unsubscribe = deps.store.subscribe((signal) => streams.signal(signal));
  app.addHook('preClose', async () => {
    unsubscribe();
    streams.endAll();
  });

  app.get<{ Querystring: { after?: string } }>(HUB_ROUTES.shopStream, { schema: streamSchema, exposeHeadRoute: false, config: { access: 'owner' } }, async (request, reply) => {
    const owner = ownerOf(request);
    const header = request.headers['last-event-id'];
    const given = (typeof header === 'string' ? header : undefined) ?? request.query.after;
    // Without a cursor the stream starts at the shop's latest change: the screen has just read the figures.
    const cursor = given !== undefined ? Number(given) : await deps.store.latestShopChange(owner.shop.id);
    reply.hijack();
    const stream = new ShopStream(reply.raw, owner.shop.id, owner.terminalId, owner.key?.id ?? null, cursor, { store: deps.store, pingMs: deps.pingMs, touch: deps.touch, log: request.log, onEnd: (s) => streams.remove(s) });
    streams.add(stream);
    stream.start();
  });
}
