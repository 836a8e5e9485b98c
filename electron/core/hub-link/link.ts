import { z } from 'zod';
import { HUB_ROUTES, HUB_STREAM_EVENT, type ExpectationRequest, type HubPayment } from '../../contract/hub';
import type { HubView } from '../../contract/views';
import { HubClient } from './client';
import { StreamLoop } from './stream-loop';

export interface HubLinkConfig {
  url: string;
  credential: string;
  role: 'counter' | 'owner';
  shopName: string;
  embedded: boolean;
}

export interface HubLinkDeps {
  fetch: typeof fetch;
  /** The pairing in force, or null when this counter has no hub. */
  config: () => HubLinkConfig | null;
  /** The last stream position taken (kept across restarts), and where to keep the next. */
  cursor: { get(): string | null; set(cursor: string): void };
  /** Handles one payment; resolves once it is on record, so the cursor moves only past what was taken. */
  onPayment: (payment: HubPayment) => Promise<void>;
  onChange: (view: HubView) => void;
  /** The stream is (again) connected: the hub may have restarted, even from a backup. */
  onConnected?: () => void;
  wallClock?: () => Date;
  /** Reconnect delays (ms): first, growth factor, cap. Tests shorten them. */
  backoff?: { firstMs: number; factor: number; maxMs: number };
  /** No byte (not even a ping) for this long: the stream is taken as dead and reopened. */
  silenceMs?: number;
}

const hubPayment = z.object({
  paymentId: z.string().min(1).max(200),
  saleId: z.string().min(1).max(200),
  qrId: z.string().max(200).nullable(),
  txnRef: z.string().max(200).nullable(),
  tr: z.string().max(200).nullable(),
  amountPaise: z.number().int().nonnegative(),
  currency: z.string().max(8),
  utr: z.string().max(100).nullable(),
  payerVpa: z.string().max(300).nullable(),
  event: z.enum(['qr_code.credited', 'UPIQR_SUCCESS']),
  receivedAt: z.string().max(40),
});

/** An expectation the hub did not take is sent again (with backoff, and after each reconnect) for this long. */
const EXPECTATION_KEPT_MS = 60 * 60_000;
/** More QRs than a counter shows in an hour: the oldest unsent are forgotten first. */
const MAX_PENDING_EXPECTATIONS = 500;
/** How long a QR stays on screen at most (BOS documents five minutes), for which QRs the cashier is told about. */
const QR_SHOWN_MS = 10 * 60_000;

/**
 * A QR told to the hub: `sending`, the first call under way (not shown: it takes a moment); `waiting`,
 * the hub has not taken it (away, busy, failing) and it is sent again; `refused`, the hub said it is
 * wrong as it is (a 4xx: another counter announced that QR first), never sent again, shown.
 */
interface Pending {
  expectation: ExpectationRequest;
  at: number;
  state: 'sending' | 'waiting' | 'refused';
}

/**
 * The counter's link to the shop hub: one resumable event stream (payments for this counter's QRs),
 * reopened with backoff whenever it drops, and the expectations (the QR on screen) told to the hub.
 * Selling never waits for it: everything here runs beside the sale path.
 */
export class HubLink {
  private state: HubView['state'] = 'off';
  private since: string;
  private problem: string | null = null;
  private lastPaymentAt: string | null = null;
  private readonly pending = new Map<string, Pending>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  private retryAt = 0;
  private journalStuckSince: string | null = null;
  private readonly loop: StreamLoop;

  constructor(private readonly deps: HubLinkDeps) {
    this.since = this.nowIso();
    this.loop = new StreamLoop({
      fetch: deps.fetch,
      target: () => {
        const config = deps.config();
        if (!config) return null;
        const cursor = deps.cursor.get();
        return { url: `${config.url}${HUB_ROUTES.stream}${cursor ? `?after=${encodeURIComponent(cursor)}` : ''}`, credential: config.credential, lastEventId: cursor };
      },
      onEvent: async (event) => {
        if (event.event === HUB_STREAM_EVENT) await this.take(event.data, event.id);
      },
      onOpen: () => {
        this.resendExpectations();
        deps.onConnected?.();
      },
      onState: (state, problem) => this.set(state, problem),
      refusedMessage: 'The shop hub no longer accepts this counter. The owner must pair it again in Settings.',
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      ...(deps.silenceMs ? { silenceMs: deps.silenceMs } : {}),
    });
  }

  view(): HubView {
    const config = this.deps.config();
    return {
      paired: config !== null,
      url: config?.url ?? null,
      state: config ? this.state : 'off',
      role: config?.role ?? null,
      shopName: config?.shopName ?? null,
      embedded: config?.embedded ?? false,
      lastPaymentAt: this.lastPaymentAt,
      since: this.since,
      problem: config ? this.problem : null,
      qrsNotKnown: config ? this.qrsNotKnown() : [],
      journalStuckSince: config ? this.journalStuckSince : null,
    };
  }

  /** The journal sender says the hub has refused this counter's journal since then (null: it keeps up again). */
  noteJournalStuck(since: string | null): void {
    if (since === this.journalStuckSince) return;
    this.journalStuckSince = since;
    this.emit();
  }

  /** True while the hub can be expected to confirm payments (connected now). */
  confirming(): boolean {
    return this.deps.config() !== null && this.state === 'connected';
  }

  /** (Re)opens the stream for the pairing in force; with none, goes off. */
  restart(): void {
    this.loop.stop();
    if (!this.deps.config()) {
      this.set('off', null);
      return;
    }
    this.loop.start();
  }

  stop(): void {
    this.loop.stop();
    this.clearRetry();
    this.set('off', null);
  }

  /** Tells the hub the QR on screen; kept and resent after a reconnect until it is an hour old. */
  expect(expectation: ExpectationRequest): void {
    this.dropOldExpectations();
    this.pending.delete(expectation.saleId);
    this.pending.set(expectation.saleId, { expectation, at: Date.now(), state: 'sending' });
    // Refused or away for a long time, a busy counter's list is bounded: the oldest go first.
    while (this.pending.size > MAX_PENDING_EXPECTATIONS) this.pending.delete(this.pending.keys().next().value!);
    void this.sendExpectation(expectation.saleId);
  }

  private dropOldExpectations(): void {
    for (const [saleId, { at }] of this.pending) if (Date.now() - at > EXPECTATION_KEPT_MS) this.pending.delete(saleId);
  }

  private async sendExpectation(saleId: string): Promise<void> {
    const config = this.deps.config();
    const entry = this.pending.get(saleId);
    if (!config || !entry || entry.state === 'refused') return;
    // Refused, the hub no longer takes this counter: a call would only count against its address there.
    if (this.state === 'refused') return this.mark(entry, 'waiting');
    const sent = await new HubClient(this.deps.fetch, config.url).expect(config.credential, entry.expectation);
    if (this.pending.get(saleId) !== entry) return;
    if (sent.ok) {
      this.pending.delete(saleId);
      this.retryAttempt = 0;
      if (entry.state !== 'sending') this.emit();
      return;
    }
    // Refused as it is (a 4xx): it would be refused again, so it is shown, not resent. Anything else
    // (away, busy, a failing hub) is tried again until the hub has it.
    if (sent.error.kind === 'refused') return this.mark(entry, 'refused');
    this.mark(entry, 'waiting');
    if (sent.error.kind !== 'unauthorized') this.scheduleRetry(sent.error.retryAfterMs ?? 0);
  }

  private mark(entry: Pending, state: Pending['state']): void {
    if (entry.state === state) return;
    entry.state = state;
    this.emit();
  }

  /** One timer for every QR waiting: backoff, never sooner than a busy hub's Retry-After. */
  private scheduleRetry(hintedMs: number): void {
    if (this.retryTimer && this.retryAt >= Date.now() + hintedMs) return;
    this.clearRetry();
    const { firstMs, factor, maxMs } = this.deps.backoff ?? { firstMs: 1_000, factor: 2, maxMs: 30_000 };
    const delay = Math.max(hintedMs, Math.min(maxMs, firstMs * factor ** this.retryAttempt));
    this.retryAttempt += 1;
    this.retryAt = Date.now() + delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.resendExpectations();
    }, delay);
    this.retryTimer.unref?.();
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private resendExpectations(): void {
    this.dropOldExpectations();
    for (const [saleId, entry] of [...this.pending]) if (entry.state !== 'refused') void this.sendExpectation(saleId);
  }

  /** The QRs of the last minutes (this PC's clock, never BOS's expiry against it) the hub has not taken: they will not turn green by themselves. */
  private qrsNotKnown(): HubView['qrsNotKnown'] {
    const since = Date.now() - QR_SHOWN_MS;
    return [...this.pending.values()].filter((p) => p.state !== 'sending' && p.at > since).map((p) => ({ saleId: p.expectation.saleId, refused: p.state === 'refused' }));
  }

  private async take(data: string, id: string | null): Promise<void> {
    let parsed: HubPayment;
    try {
      parsed = hubPayment.parse(JSON.parse(data));
    } catch {
      // Not a payment this counter can read: skipped, and the stream goes on past it.
      if (id) this.deps.cursor.set(id);
      return;
    }
    await this.deps.onPayment(parsed);
    this.lastPaymentAt = this.nowIso();
    if (id) this.deps.cursor.set(id);
    this.emit();
  }

  private set(state: HubView['state'], problem: string | null): void {
    const changed = state !== this.state || problem !== this.problem;
    if (state !== this.state) this.since = this.nowIso();
    this.state = state;
    this.problem = problem;
    if (changed) this.emit();
  }

  private emit(): void {
    this.deps.onChange(this.view());
  }

  private nowIso(): string {
    return (this.deps.wallClock?.() ?? new Date()).toISOString();
  }
}
