import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { HubStore } from '../store/types';

const PAGE = 100;
// A reader that stops reading is cut off rather than buffered without end; it resumes from its cursor.
const MAX_BUFFERED_BYTES = 1 << 20;

export interface CursorStreamDeps {
  store: HubStore;
  pingMs: number;
  touch: (terminalId: string) => Promise<void>;
  log: FastifyBaseLogger;
}

/** What one kind of stream reads: its SSE event name, a page of items after a cursor, and how its log lines name it. */
export interface CursorSource {
  event: string;
  /** Items after `cursor`, oldest first, at most `limit`; each with its own cursor and the JSON it sends. */
  page(cursor: number, limit: number): Promise<Array<{ cursor: number; data: unknown }>>;
  logFields: Record<string, string | null>;
  what: string;
}

/**
 * One open SSE response read from the store after a cursor: `id: <cursor>`, `event: <name>`,
 * `data: <JSON>`. Every wake-up (a NOTIFY, a ping, a resync) re-reads after the cursor, so a lost
 * notification costs at most one ping's delay and never an item. Reads run one at a time; a wake-up
 * during a read runs one more read after it. The cursor only moves after a write. Each ping touches
 * the terminal streaming (null: an owner key) and ends the stream once that terminal is revoked.
 */
export class CursorStream {
  private reading = false;
  private again = false;
  private ended = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly res: ServerResponse,
    readonly terminalId: string | null,
    private cursor: number,
    private readonly source: CursorSource,
    private readonly deps: CursorStreamDeps,
    private readonly onEnd: (stream: CursorStream) => void,
  ) {}

  start(): void {
    this.res.on('close', () => this.end());
    this.res.on('error', () => this.end());
    this.res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx and its kin would otherwise hold events back in a buffer
      'X-Accel-Buffering': 'no',
    });
    this.write(': ping\n\n');
    this.timer = setInterval(() => this.tick(), this.deps.pingMs);
    this.timer.unref();
    this.wake();
  }

  /** Something may have arrived: read after the cursor. */
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
    this.onEnd(this);
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
      this.deps.log.warn(this.source.logFields, `${this.source.what} reader too slow; closing it (it resumes from its cursor)`);
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
          page = await this.source.page(this.cursor, PAGE);
          for (const item of page) {
            if (!this.write(`id: ${item.cursor}\nevent: ${this.source.event}\ndata: ${JSON.stringify(item.data)}\n\n`)) return;
            this.cursor = item.cursor;
          }
        } while (page.length === PAGE && !this.ended);
      } while (this.again && !this.ended);
    } catch (error) {
      // The store is down: the stream stays open and the next ping reads again.
      this.deps.log.warn({ err: error, ...this.source.logFields }, `${this.source.what} read failed; retrying at the next ping`);
    } finally {
      this.reading = false;
    }
  }
}
