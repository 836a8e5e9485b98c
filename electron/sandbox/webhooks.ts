import { randomBytes } from 'node:crypto';
import type { NormalizedWebhookFault } from './control-input';
import type { ErrorLog } from '../http/safety';
import type { WebhookDelivery, WebhookTarget } from './types';
import { encodeWebhook, razorpayCredited, upiqrSuccess, type EncodedWebhook, type WebhookFacts } from './webhook-shapes';

export interface WebhookOptions {
  log: ErrorLog;
  payeeName: string;
  attempts: number;
  firstDelayMs: number;
  timeoutMs: number;
}

interface Job {
  target: WebhookTarget;
  paymentId: string;
  eventId: string;
  /** Encoded once: every copy and every retry of one event carries the same bytes. */
  encoded: EncodedWebhook;
  copies: number;
  delayMs: number;
}

/**
 * Plays BOS's side of payment webhooks: posts each payment to the one configured URL, bends it
 * by the next fault, and redelivers after a non-2xx or a network error (bounded, backing off),
 * as Razorpay does. Delivery never holds up the caller: everything runs on its own timers.
 */
export class WebhookSender {
  private target: WebhookTarget | null = null;
  private nextFault: NormalizedWebhookFault | null = null;
  private held: Job | null = null;
  private log: WebhookDelivery[] = [];
  private pending = 0;
  private waiters: Array<() => void> = [];
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private stop = new AbortController();

  constructor(private readonly options: WebhookOptions) {}

  configured(): WebhookTarget | null {
    return this.target;
  }

  setTarget(target: WebhookTarget | null): void {
    this.target = target;
  }

  fault(): NormalizedWebhookFault | null {
    return this.nextFault;
  }

  setNextFault(fault: NormalizedWebhookFault | null): void {
    this.nextFault = fault;
  }

  /** The next payment's fault, now spent. */
  takeFault(): NormalizedWebhookFault | null {
    const fault = this.nextFault;
    this.nextFault = null;
    return fault;
  }

  deliveries(): ReadonlyArray<WebhookDelivery> {
    return this.log;
  }

  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends the webhook for one payment (already bent by `other_amount` / `unknown_qr`), shaped by the target. */
  send(facts: WebhookFacts, fault: NormalizedWebhookFault | null): void {
    const earlier = this.held;
    this.held = null;
    if (!this.target) {
      if (earlier) this.start(earlier);
      return;
    }
    const target = this.target;
    const value = target.shape === 'razorpay' ? razorpayCredited(facts, this.options.payeeName) : upiqrSuccess(facts, this.options.payeeName);
    const job: Job = {
      target,
      paymentId: facts.paymentId,
      eventId: `evt_${randomBytes(7).toString('hex')}`,
      encoded: encodeWebhook(value, fault?.fault === 'form' ? 'form' : target.encoding, target.hmacSecret),
      copies: fault?.fault === 'duplicate' ? 2 : 1,
      delayMs: fault?.fault === 'delay' ? fault.delayMs : 0,
    };
    if (fault?.fault === 'out_of_order') {
      this.held = job;
      if (earlier) this.start(earlier);
      return;
    }
    this.start(job, earlier);
  }

  /** Drops the target, the fault, anything held or waiting, and the log. */
  reset(): void {
    this.cancelAll();
    this.target = null;
    this.nextFault = null;
    this.held = null;
    this.log = [];
  }

  close(): void {
    this.cancelAll();
    this.held = null;
  }

  private cancelAll(): void {
    this.stop.abort();
    this.stop = new AbortController();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending = 0;
    this.settle();
  }

  private settle(): void {
    if (this.pending > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        run();
      } catch (error) {
        this.options.log('webhook timer', error);
      }
    }, ms);
    this.timers.add(timer);
  }

  /** Runs a job's copies one after another; `after` (an out_of_order webhook) goes once the first attempt is done. */
  private start(job: Job, after: Job | null = null): void {
    const signal = this.stop.signal;
    this.pending += 1;
    const finish = () => {
      if (signal.aborted) return;
      this.pending -= 1;
      this.settle();
    };
    let released = after === null;
    const release = () => {
      if (released || signal.aborted) return;
      released = true;
      this.start(after!);
    };
    const copy = (n: number) => {
      if (n > job.copies) return finish();
      void this.attempt(job, n, 1, signal, release, () => copy(n + 1));
    };
    this.later(job.delayMs, () => copy(1));
  }

  private async attempt(job: Job, copy: number, attempt: number, signal: AbortSignal, firstDone: () => void, done: () => void): Promise<void> {
    let ended = false;
    const end = () => {
      ended = true;
      firstDone();
      done();
    };
    try {
      if (signal.aborted) return;
      // Only ever the URL configured now: a target changed or cleared meanwhile ends this delivery.
      if (this.target !== job.target) return end();
      const { status, error } = await this.post(job, signal);
      if (signal.aborted) return;
      this.log.push({ url: job.target.url, paymentId: job.paymentId, eventId: job.eventId, copy, attempt, status, error, contentType: job.encoded.contentType, body: job.encoded.body, signature: job.encoded.signature });
      const delivered = status !== null && status >= 200 && status < 300;
      if (delivered || attempt >= this.options.attempts) return end();
      firstDone();
      this.later(this.options.firstDelayMs * 2 ** (attempt - 1), () => void this.attempt(job, copy, attempt + 1, signal, firstDone, done));
    } catch (error) {
      this.options.log('webhook delivery', error);
      // Never left waiting: a delivery that broke counts as ended.
      if (!ended && !signal.aborted) end();
    }
  }

  /** One POST to the target: its status, or why there was none. Redirects are never followed. */
  private async post(job: Job, signal: AbortSignal): Promise<{ status: number | null; error: string | null }> {
    const headers: Record<string, string> = { 'Content-Type': job.encoded.contentType, 'User-Agent': 'Razorpay-Webhook/v1 (Counter sandbox)' };
    if (job.target.shape === 'razorpay') headers['X-Razorpay-Event-Id'] = job.eventId;
    if (job.encoded.signature) headers['X-Razorpay-Signature'] = job.encoded.signature;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(job.target.url, { method: 'POST', headers, body: job.encoded.body, redirect: 'manual', signal: AbortSignal.any([signal, timeout]) });
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status, error: null };
    } catch (error) {
      return { status: null, error: timeout.aborted ? `timed out after ${this.options.timeoutMs} ms` : describe(error) };
    }
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
