import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import { HUB_STREAM_EVENT } from '../../contract/hub';
import type { HubStore } from '../store/types';

const PAGE = 100;
// A terminal that stops reading is cut off rather than buffered without end; it resumes from its cursor.
const MAX_BUFFERED_BYTES = 1 << 20;

export interface TerminalStreamDeps {
  store: HubStore;
  pingMs: number;
  touch: (terminalId: string) => Promise<void>;
  log: FastifyBaseLogger;
  onEnd: (stream: TerminalStream) => void;
}

/**
 * One open SSE response. Every wake-up (a delivery, a ping, a resync) re-reads the store after the
 * cursor, so a lost notification costs at most one ping's delay and never a payment. Reads run one at
 * a time; a wake-up during a read runs one more read after it. The cursor only moves after a write.
 */
export class TerminalStream {
  private reading = false;
  private again = false;
  private ended = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly res: ServerResponse,
    readonly terminalId: string,
    private cursor: number,
    private readonly deps: TerminalStreamDeps,
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

  /** Something may have arrived for this terminal: read after the cursor. */
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
    void this.deps.touch(this.terminalId);
    void this.deps.store.terminalActive(this.terminalId).then(
      (active) => (active ? this.wake() : this.end()),
      () => this.wake(),
    );
  }

  private write(chunk: string): boolean {
    if (this.ended || this.res.writableEnded) return false;
    if (this.res.writableLength > MAX_BUFFERED_BYTES) {
      this.deps.log.warn({ terminalId: this.terminalId }, 'stream reader too slow; closing it (it resumes from its cursor)');
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
          page = await this.deps.store.paymentsAfter(this.terminalId, this.cursor, PAGE);
          for (const item of page) {
            if (!this.write(`id: ${item.cursor}\nevent: ${HUB_STREAM_EVENT}\ndata: ${JSON.stringify(item.payment)}\n\n`)) return;
            this.cursor = item.cursor;
          }
        } while (page.length === PAGE && !this.ended);
      } while (this.again && !this.ended);
    } catch (error) {
      // The store is down: the stream stays open and the next ping reads again.
      this.deps.log.warn({ err: error, terminalId: this.terminalId }, 'stream read failed; retrying at the next ping');
    } finally {
      this.reading = false;
    }
  }
}
