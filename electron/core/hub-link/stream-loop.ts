import { failureOf } from './client';
import { readSse, type SseEvent } from './sse';

export type StreamState = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface StreamLoopOptions {
  fetch: typeof fetch;
  /** Where to connect now (the cursor may have moved since the last try), with which credential; null: nothing to open. */
  target: () => { url: string; credential: string; lastEventId: string | null } | null;
  /** Resolves once the event is taken; the next is read only then. */
  onEvent: (event: SseEvent) => Promise<void>;
  onOpen?: () => void;
  onState: (state: StreamState, problem: string | null) => void;
  /** Said when the hub refuses the credential (the loop stops then). */
  refusedMessage: string;
  backoff?: { firstMs: number; factor: number; maxMs: number };
  /** No byte (not even a ping) for this long: the stream is taken as dead and reopened. */
  silenceMs?: number;
}

/**
 * One server-sent-event stream from the hub, kept open: reopened with backoff (and jitter) whenever it
 * drops or falls silent, stopped for good when the hub refuses the credential.
 */
export class StreamLoop {
  private abort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private generation = 0;

  constructor(private readonly options: StreamLoopOptions) {}

  start(): void {
    this.stop();
    this.attempt = 0;
    void this.open(this.generation);
  }

  stop(): void {
    this.generation += 1;
    this.abort?.abort();
    this.abort = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async open(generation: number): Promise<void> {
    const target = this.options.target();
    if (!target || generation !== this.generation) return;
    this.options.onState(this.attempt === 0 ? 'connecting' : 'reconnecting', null);
    const abort = new AbortController();
    this.abort = abort;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const alive = () => {
      clearTimeout(silence);
      silence = setTimeout(() => abort.abort(), this.options.silenceMs ?? 45_000);
      silence.unref?.();
    };
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', Authorization: `Bearer ${target.credential}` };
      if (target.lastEventId) headers['Last-Event-ID'] = target.lastEventId;
      alive();
      const response = await this.options.fetch(target.url, { headers, signal: abort.signal, redirect: 'error' });
      if (!response.ok || !response.body) {
        const failure = failureOf(response, await response.json().catch(() => null));
        if (failure.kind === 'unauthorized') {
          this.options.onState('refused', this.options.refusedMessage);
          return;
        }
        throw Object.assign(new Error(failure.message), { retryAfterMs: failure.retryAfterMs });
      }
      this.attempt = 0;
      this.options.onState('connected', null);
      this.options.onOpen?.();
      for await (const event of readSse(response.body, alive)) {
        alive();
        if (generation !== this.generation) return;
        await this.options.onEvent(event);
      }
      throw new Error('The shop hub closed the connection.');
    } catch (error) {
      if (generation !== this.generation) return;
      this.retry(generation, error);
    } finally {
      clearTimeout(silence);
    }
  }

  private retry(generation: number, error: unknown): void {
    const { firstMs, factor, maxMs } = this.options.backoff ?? { firstMs: 500, factor: 2, maxMs: 30_000 };
    const hinted = (error as { retryAfterMs?: number } | null)?.retryAfterMs;
    const delay = hinted ?? Math.min(maxMs, firstMs * factor ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    const message = error instanceof Error && error.message && !/abort/i.test(error.message) ? error.message : 'The connection to the shop hub dropped.';
    this.options.onState('reconnecting', `${message} Trying again in ${Math.max(1, Math.round(delay / 1000))} s.`);
    this.retryTimer = setTimeout(() => void this.open(generation), delay);
    this.retryTimer.unref?.();
  }
}
