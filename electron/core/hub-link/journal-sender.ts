import { z } from 'zod';
import { HUB_ROUTES, JOURNAL_BATCH, type JournalBatch, type SaleStateTotals } from '../../contract/hub';
import type { JournalEvent } from '../../contract/journal';
import { shopDay } from './day-totals';
import { HubClient, type HubFailure } from './client';
import { FailureStreak } from './failure-streak';
import { standIn, storable } from './storable';
import type { HubLinkConfig } from './link';

export interface JournalSenderDeps {
  fetch: typeof fetch;
  config: () => HubLinkConfig | null;
  /** The events the hub lacks: all after `lastId`, or (for a hub that holds none of this counter's) the restore window's. */
  eventsAfter: (lastId: number | null) => Promise<JournalEvent[]>;
  /** What this counter's own journal says for a shop day (IST, as the hub counts: the owner's reconciliation line). */
  reportDay: (day: string) => Promise<SaleStateTotals>;
  /** The day each sale was rung up on, for sales whose request this sender has not seen (sold before a restart). */
  saleDays?: (saleIds: readonly string[]) => Promise<Map<string, string>>;
  /** Retry delays after a failed send (ms). */
  backoff?: { firstMs: number; factor: number; maxMs: number };
  /** Told when the hub has refused the journal long enough that the owner's view is behind (ISO 8601), and when that ends (null). */
  onStuck?: (since: string | null) => void;
  clock?: () => number;
}

const BATCH = JOURNAL_BATCH.maxEvents;
/** More appended than this while the hub is away: forget them in memory and read the journal again when it is back. */
const MAX_PENDING = 10_000;
/** Sales whose request day is remembered; an older one is looked up in the journal if it changes again. */
const MAX_SALE_DAYS = 5_000;

/** Days to report, latest first, in groups a batch may carry. */
function dayGroups(days: ReadonlySet<string>): string[][] {
  const sorted = [...days].sort().reverse();
  const groups: string[][] = [];
  for (let i = 0; i < sorted.length; i += JOURNAL_BATCH.maxReportedDays) groups.push(sorted.slice(i, i + JOURNAL_BATCH.maxReportedDays));
  return groups;
}

const batchAnswer = z.object({ accepted: z.number(), duplicates: z.number(), lastId: z.number().nullable() });
const cursorAnswer = z.object({ lastId: z.number().nullable() });

/**
 * Sends every journal event this counter writes to its hub, in id order, at least once (the hub keeps
 * each (terminal, id) once). The local journal stays the record and the queue: offline, the counter
 * sells as usual and catches up when the hub is back. It runs beside the sale path, never before it.
 */
export class JournalSender {
  /** The hub's highest id of ours (null: it holds none), as last asked or acknowledged. */
  private lastSent: number | null = null;
  /** Ask the hub's cursor before the next send: after a start, a new pairing, a reconnection, the hub away; also when asked while a send is under way (its answer is no longer enough). */
  private cursorStale = true;
  private pending: JournalEvent[] = [];
  private readFromJournal = true;
  private flushing: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private stopped = false;
  /** The hub refused this counter's credential (unpaired by the owner): nothing is sent until it is paired again. */
  private refused = false;
  private readonly saleDay = new Map<string, string>();
  /** Sends the hub answered with a failure (a 5xx, a 429 that goes on, a refusal of everything). */
  private readonly refusals: FailureStreak;

  constructor(private readonly deps: JournalSenderDeps) {
    this.refusals = new FailureStreak(deps.clock ?? Date.now, (since) => deps.onStuck?.(since));
  }


  /** A line was just written: send it soon (or with the retry already waiting, while the hub is away). */
  enqueue(event: JournalEvent): void {
    if (this.refused) return;
    if (!this.readFromJournal) this.pending.push(event);
    if (this.pending.length > MAX_PENDING) {
      this.pending = [];
      this.readFromJournal = true;
    }
    if (this.failures === 0 || !this.timer) this.schedule(50);
  }

  /** After a start or a new pairing: ask the hub where it is, then catch up from the journal. */
  restart(): void {
    this.stopped = false;
    this.refused = false;
    this.cursorStale = true;
    this.pending = [];
    this.readFromJournal = true;
    this.failures = 0;
    this.refusals.reset();
    this.schedule(0);
  }

  /** The hub is back after a drop, perhaps restored from a backup that holds less: ask it where it is before sending on. */
  resync(): void {
    if (this.refused || this.stopped) return;
    this.cursorStale = true;
    this.readFromJournal = true;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves once everything written so far has reached the hub (or a send failed). For tests and shutdown. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.flush();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  private flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.send()
      .then(() => {
        this.failures = 0;
        this.refusals.reset();
      })
      .catch((error: unknown) => {
        // A refused credential is not retried: each try would count against the counter's address at the hub.
        if (this.refused) return;
        // Away, the hub may come back from a backup: where it is is asked again first.
        if ((error as { kind?: string } | null)?.kind === 'unreachable') this.cursorStale = true;
        if ((error as { status?: number } | null)?.status !== undefined) this.refusals.failed();
        const { firstMs, factor, maxMs } = this.deps.backoff ?? { firstMs: 1_000, factor: 2, maxMs: 60_000 };
        // A hub that is busy says when to come back (429, Retry-After): never sooner than that.
        const hinted = (error as { retryAfterMs?: number } | null)?.retryAfterMs ?? 0;
        this.schedule(Math.max(hinted, Math.min(maxMs, firstMs * factor ** this.failures)));
        this.failures += 1;
      })
      .finally(() => {
        this.flushing = null;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        }
      });
    return this.flushing;
  }

  private async send(): Promise<void> {
    const config = this.deps.config();
    if (!config || this.stopped) return;
    const client = new HubClient(this.deps.fetch, config.url);
    if (this.cursorStale) {
      this.cursorStale = false;
      const cursor = await client.call('GET', HUB_ROUTES.journalCursor, config.credential, undefined, (v) => cursorAnswer.parse(v));
      if (!cursor.ok) {
        this.cursorStale = true;
        throw this.failed(cursor.error);
      }
      this.lastSent = cursor.value.lastId;
      // From where the hub says it is: what is held in memory may start later than that.
      this.readFromJournal = true;
    }
    let events: JournalEvent[];
    if (this.readFromJournal) {
      this.readFromJournal = false;
      this.pending = [];
      events = await this.deps.eventsAfter(this.lastSent);
    } else {
      events = this.pending;
      this.pending = [];
    }
    const floor = this.lastSent ?? -Infinity;
    events = events.filter((e) => e.id > floor);
    const days = new Set<string>();
    try {
      for (let i = 0; i < events.length; i += BATCH) {
        const chunk = events.slice(i, i + BATCH);
        for (const day of await this.daysChanged(chunk)) days.add(day);
        if (i + BATCH < events.length) {
          await this.post(client, config.credential, chunk, undefined);
          continue;
        }
        // The latest days ride with the last batch; more than a batch may report go on their own after it.
        const [latest, ...older] = dayGroups(days);
        await this.post(client, config.credential, chunk, latest && (await this.report(latest)));
        for (const group of older) await this.post(client, config.credential, [], await this.report(group));
      }
    } catch (error) {
      // What was not acknowledged is read again from the journal next time: nothing is lost.
      this.readFromJournal = true;
      throw error;
    }
  }

  /**
   * Posts events in order. A batch the hub refuses as it is (a 4xx that is not about the credential or
   * the rate) would be refused on every retry: it is halved until the one event refused on its own is
   * found, and that event goes as its stand-in. A hub that refuses the stand-in too refuses everything
   * (a wrong address, a broken hub): then the send fails and is retried, and nothing is replaced.
   */
  private async post(client: HubClient, credential: string, events: JournalEvent[], reported: JournalBatch['reported']): Promise<void> {
    const answer = await this.batch(client, credential, events.map(storable), reported);
    if (answer.ok) return this.acknowledge(events, answer.value.lastId);
    if (answer.error.kind !== 'refused') throw this.failed(answer.error);
    // A refused report alone is dropped: each later batch that changes its day reports it again.
    if (events.length === 0) return;
    if (reported) {
      await this.post(client, credential, events, undefined);
      await this.post(client, credential, [], reported);
      return;
    }
    if (events.length > 1) {
      const half = Math.ceil(events.length / 2);
      await this.post(client, credential, events.slice(0, half), undefined);
      await this.post(client, credential, events.slice(half), undefined);
      return;
    }
    const [event] = events as [JournalEvent];
    // First with its own time; then, in case the time is what the hub cannot keep, with this PC's now.
    for (const stand of [standIn(event, answer.error.message), standIn(event, answer.error.message, new Date().toISOString())]) {
      const again = await this.batch(client, credential, [stand], undefined);
      if (again.ok) return this.acknowledge(events, again.value.lastId);
      if (again.error.kind !== 'refused') throw this.failed(again.error);
    }
    throw this.failed(answer.error);
  }

  private batch(client: HubClient, credential: string, events: JournalEvent[], reported: JournalBatch['reported']) {
    const body: JournalBatch = { events, ...(reported ? { reported } : {}) };
    return client.call('POST', HUB_ROUTES.journal, credential, body, (v) => batchAnswer.parse(v));
  }

  private acknowledge(events: readonly JournalEvent[], lastId: number | null): void {
    const highest = Math.max(this.lastSent ?? -Infinity, lastId ?? -Infinity, events.at(-1)?.id ?? -Infinity);
    if (Number.isFinite(highest)) this.lastSent = highest;
  }

  /**
   * The days whose totals these events change: each event's own, and for a sale's later lines the day it
   * was rung up (a sale shown at 23:59 and paid at 00:01 is the earlier day's, on the counter and at the hub).
   */
  private async daysChanged(events: readonly JournalEvent[]): Promise<Set<string>> {
    const days = new Set<string>();
    const unknown = new Set<string>();
    for (const event of events) {
      const day = shopDay(event.at);
      if (day === null) continue;
      days.add(day);
      const saleId = event.type.startsWith('sale.') && typeof event.data.saleId === 'string' ? event.data.saleId : null;
      if (!saleId) continue;
      if (event.type === 'sale.requested') this.rememberSaleDay(saleId, day);
      const rungUp = this.saleDay.get(saleId);
      if (rungUp) days.add(rungUp);
      else unknown.add(saleId);
    }
    if (unknown.size > 0 && this.deps.saleDays) {
      try {
        for (const [saleId, day] of await this.deps.saleDays([...unknown])) {
          this.rememberSaleDay(saleId, day);
          days.add(day);
        }
      } catch {
        // Unreadable now: that day's line is brought up to date by its next report.
      }
    }
    return days;
  }

  private rememberSaleDay(saleId: string, day: string): void {
    this.saleDay.delete(saleId);
    this.saleDay.set(saleId, day);
    if (this.saleDay.size > MAX_SALE_DAYS) this.saleDay.delete(this.saleDay.keys().next().value!);
  }

  private failed(failure: HubFailure): Error {
    if (failure.kind === 'unauthorized') this.refused = true;
    return Object.assign(new Error(failure.message), { kind: failure.kind, retryAfterMs: failure.retryAfterMs, status: failure.status });
  }

  private async report(days: Iterable<string>): Promise<NonNullable<JournalBatch['reported']>> {
    const reported: NonNullable<JournalBatch['reported']> = [];
    for (const day of days) {
      try {
        reported.push({ day, sales: await this.deps.reportDay(day) });
      } catch {
        // A day that cannot be read now is reported with the next batch.
      }
    }
    return reported;
  }
}
