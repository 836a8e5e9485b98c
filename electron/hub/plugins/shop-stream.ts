import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { HUB_ROUTES } from '../../contract/hub';
import { streamSchema } from '../schemas';
import type { StoreSignal } from '../store/sql';
import type { HubStore } from '../store/types';
import { ownerOf } from './auth';
import type { HubDeps } from './deps';

export const SHOP_STREAM_EVENT = 'journal';
const PAGE = 100;
const MAX_BUFFERED_BYTES = 1 << 20;

interface ShopStreamDeps {
  store: HubStore;
  pingMs: number;
  touch: (terminalId: string) => Promise<void>;
  log: FastifyBaseLogger;
  onEnd: (stream: ShopStream) => void;
}

/**
 * One owner's open SSE response for a shop: `event: journal`, `id: <the shop's change number>`,
 * `data: ShopChange`. As the payment stream: every wake-up (a NOTIFY, a ping, a resync) re-reads the
 * shop's changes after the cursor, so a lost notification costs one ping's delay, never a change.
 */
class ShopStream {
  private reading = false;
  private again = false;
  private ended = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly res: ServerResponse,
    readonly shopId: string,
    /** The owner terminal streaming, or null for an owner key. */
    readonly terminalId: string | null,
    private cursor: number,
    private readonly deps: ShopStreamDeps,
  ) {}

  start(): void {
    this.res.on('close', () => this.end());
    this.res.on('error', () => this.end());
    this.res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    this.write(': ping\n\n');
    this.timer = setInterval(() => this.tick(), this.deps.pingMs);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.ended) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.timer) clearInterval(this.timer);
    if (!this.res.writableEnded) this.res.end();
    this.deps.onEnd(this);
  }

  private tick(): void {
    if (!this.write(': ping\n\n')) return;
    const terminalId = this.terminalId;
    if (terminalId === null) return this.wake();
    void this.deps.touch(terminalId);
    void this.deps.store.terminalActive(terminalId).then(
      (active) => (active ? this.wake() : this.end()),
      () => this.wake(),
    );
  }

  private write(chunk: string): boolean {
    if (this.ended || this.res.writableEnded) return false;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.deps.log.warn({ shopId: this.shopId }, 'shop stream reader too slow; closing it (it resumes from its cursor)');
      this.res.destroy();
      this.end();
      return false;
    }
    this.res.write(chunk);
    return true;
  }

  private async drain(): Promise<void> {
    this.reading = true;
    try {
      do {
        this.again = false;
        let page;
        do {
          page = await this.deps.store.shopChangesAfter(this.shopId, this.cursor, PAGE);
          for (const item of page) {
            if (!this.write(`id: ${item.cursor}\nevent: ${SHOP_STREAM_EVENT}\ndata: ${JSON.stringify(item.change)}\n\n`)) return;
            this.cursor = item.cursor;
          }
        } while (page.length === PAGE && !this.ended);
      } while (this.again && !this.ended);
    } catch (error) {
      this.deps.log.warn({ err: error, shopId: this.shopId }, 'shop stream read failed; retrying at the next ping');
    } finally {
      this.reading = false;
    }
  }
}

/** This process's open shop streams: a shop's signal wakes its streams, a revocation ends its terminal's. */
class ShopStreamRegistry {
  private readonly byShop = new Map<string, Set<ShopStream>>();

  add(stream: ShopStream): void {
    const set = this.byShop.get(stream.shopId) ?? new Set();
    set.add(stream);
    this.byShop.set(stream.shopId, set);
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
    const stream = new ShopStream(reply.raw, owner.shop.id, owner.terminalId, cursor, { store: deps.store, pingMs: deps.pingMs, touch: deps.touch, log: request.log, onEnd: (s) => streams.remove(s) });
    streams.add(stream);
    stream.start();
  });
}
