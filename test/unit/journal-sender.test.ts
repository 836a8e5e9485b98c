// The journal sender against a hub that keeps events by the hub's own rules (checkBatch, the batch
// limits): lines the hub refuses as they are, a hub that refuses everything, a busy hub's Retry-After,
// and a catch-up that changes more days than one batch may report.
import { describe, expect, it, vi } from 'vitest';
import { HUB_ROUTES, JOURNAL_BATCH, JOURNAL_STUCK, type JournalBatch, type SaleStateTotals } from '../../electron/contract/hub';
import type { JournalEvent, JournalEventType } from '../../electron/contract/journal';
import { JournalSender } from '../../electron/core/hub-link/journal-sender';
import { checkBatch } from '../../electron/hub/journal/validate';

const TOTALS: SaleStateTotals = { creating: { count: 0, paise: 0 }, showing: { count: 0, paise: 0 }, paid: { count: 0, paise: 0 }, cancelled: { count: 0, paise: 0 }, expired: { count: 0, paise: 0 }, failed: { count: 1, paise: 104 } };
const AT = '2026-12-01T06:00:00.000Z';
const event = (id: number, type: JournalEventType, data: Record<string, unknown>, at = AT): JournalEvent => ({ id, type, at, terminal: 'Counter 1', role: 'staff', data });
const sale = (id: number, saleId: string, at = AT) => event(id, 'sale.requested', { saleId, amountPaise: 104 }, at);
const refused = (id: number, saleId: string, extra: Record<string, unknown> = {}) => event(id, 'sale.qr_refused', { saleId, amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', late: false, ...extra });
const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { inner: nested(depth - 1) });

type Mode = 'pass' | 'not_found' | 'failing' | { retryAfterSeconds: number };

interface Post {
  at: number;
  status: number;
  ids: number[];
  reportedDays: string[];
}

/** A hub that answers the journal routes as the real one decides (its checkBatch and limits), in memory. */
function hubFor(options: { rule?: (e: JournalEvent) => string | null; refuseReports?: boolean } = {}) {
  const kept = new Map<number, JournalEvent>();
  const reported = new Set<string>();
  const posts: Post[] = [];
  const hub = { kept, reported, posts, mode: 'pass' as Mode, gate: null as Promise<void> | null, held: 0 };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const bad = (message: string) => json(400, { error: { code: 'bad_request', message } });
  const lastId = () => (kept.size > 0 ? Math.max(...kept.keys()) : null);
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const path = new URL(String(input)).pathname;
    if (path === HUB_ROUTES.journalCursor) return json(200, { lastId: lastId() });
    if (path !== HUB_ROUTES.journal) return json(404, { error: { code: 'not_found', message: 'no such route' } });
    const batch = JSON.parse(String(init?.body)) as JournalBatch;
    const answer = (response: Response) => {
      posts.push({ at: Date.now(), status: response.status, ids: batch.events.map((e) => e.id), reportedDays: (batch.reported ?? []).map((r) => r.day) });
      return response;
    };
    const mode = hub.mode;
    if (mode === 'not_found') return answer(json(404, { error: { code: 'not_found', message: 'Route POST:/v1/journal not found' } }));
    if (mode === 'failing') return answer(json(503, { error: { code: 'unavailable', message: 'The hub cannot reach its database just now; try again.' } }));
    if (typeof mode === 'object') {
      hub.mode = 'pass';
      return answer(json(429, { error: { code: 'rate_limited', message: 'Too many requests.' } }, { 'Retry-After': String(mode.retryAfterSeconds) }));
    }
    if (batch.events.length > JOURNAL_BATCH.maxEvents || (batch.reported?.length ?? 0) > JOURNAL_BATCH.maxReportedDays) return answer(bad('body/reported must NOT have more than 100 items'));
    if (options.refuseReports && (batch.reported?.length ?? 0) > 0) return answer(bad('reports are not taken'));
    const checked = checkBatch(batch);
    if (!checked.ok) return answer(bad(`The batch was not kept: ${checked.reason}.`));
    for (const e of batch.events) {
      const why = options.rule?.(e);
      if (why) return answer(bad(`The batch was not kept: ${why}.`));
    }
    let accepted = 0;
    for (const e of batch.events) {
      if (kept.has(e.id)) continue;
      kept.set(e.id, e);
      accepted += 1;
    }
    for (const r of batch.reported ?? []) reported.add(r.day);
    // Kept, and its answer held back: what the hub does before the counter hears it.
    if (hub.gate) {
      hub.held += 1;
      await hub.gate;
    }
    return answer(json(200, { accepted, duplicates: batch.events.length - accepted, lastId: lastId() }));
  };
  return Object.assign(hub, { fetch: fetchImpl as typeof fetch });
}

function senderFor(hub: ReturnType<typeof hubFor>, journal: JournalEvent[], extra: Partial<ConstructorParameters<typeof JournalSender>[0]> = {}) {
  const sender = new JournalSender({
    fetch: hub.fetch,
    config: () => ({ url: 'http://127.0.0.1:9', credential: 'c'.repeat(32), role: 'counter', shopName: 'Sharma Stores', embedded: false }),
    eventsAfter: async (lastId) => journal.filter((e) => e.id > (lastId ?? 0)),
    reportDay: async () => TOTALS,
    backoff: { firstMs: 5, factor: 1, maxMs: 5 },
    ...extra,
  });
  return sender;
}

describe('the journal sender and lines the hub will not keep as they are', () => {
  it('a line over the hub\'s 16 KB goes as its stand-in (sale id, amount, why); the lines around it in the same batch go whole, and later ones too', async () => {
    const hub = hubFor();
    const journal = [sale(1, 's_a'), refused(2, 's_a'), sale(3, 's_big'), refused(4, 's_big', { bosMessage: 'x'.repeat(20_000) }), sale(5, 's_c')];
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();

    expect([...hub.kept.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    for (const id of [1, 2, 3, 5]) expect(hub.kept.get(id)).toEqual(journal[id - 1]);
    expect(hub.kept.get(4)).toEqual({
      ...journal[3],
      data: { saleId: 's_big', amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', late: false, notKept: { reason: expect.stringContaining('data is over 16384 bytes'), fields: ['bosMessage'] } },
    });
    // Halving finds the one: the batch without its report, its halves down to the line, the line's
    // stand-in, the rest, and the report on its own; a handful of posts, not one per line.
    expect(hub.posts.map((p) => [p.status, p.ids.length, p.reportedDays.length])).toEqual([[400, 5, 1], [400, 5, 0], [200, 3, 0], [400, 2, 0], [400, 1, 0], [200, 1, 0], [200, 1, 0], [200, 0, 1]]);
    const before = hub.posts.length;

    journal.push(refused(6, 's_c'));
    sender.enqueue(journal[5]!);
    await vi.waitFor(() => expect(hub.kept.get(6)).toEqual(journal[5]), { timeout: 2_000, interval: 5 });
    expect(hub.posts.slice(before)).toEqual([expect.objectContaining({ status: 200, ids: [6] })]);
  });

  it('a line nested deeper than the hub walks goes as its stand-in, without the deep part', async () => {
    const hub = hubFor();
    const journal = [sale(1, 's_deep'), refused(2, 's_deep', { detail: nested(40) })];
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();
    expect(hub.kept.get(1)).toEqual(journal[0]);
    expect(hub.kept.get(2)?.data).toMatchObject({ saleId: 's_deep', amountPaise: 104, notKept: { reason: expect.stringContaining('nested deeper'), fields: ['detail'] } });
  });

  it('a time the hub cannot keep (a PC clock in 1899) goes with this PC\'s now, the time it said kept beside', async () => {
    const hub = hubFor();
    const journal = [sale(1, 's_old', '1899-12-31T12:00:00.000Z'), sale(2, 's_new')];
    const sender = senderFor(hub, journal);
    const start = Date.now();
    sender.restart();
    await sender.drain();
    const kept = hub.kept.get(1)!;
    expect(Date.parse(kept.at)).toBeGreaterThanOrEqual(start - 1);
    expect(Date.parse(kept.at)).toBeLessThanOrEqual(Date.now());
    expect(kept.data).toEqual({ saleId: 's_old', amountPaise: 104, notKept: { reason: expect.stringContaining('not a time the hub can keep'), fields: [], at: '1899-12-31T12:00:00.000Z' } });
    expect(hub.kept.get(2)).toEqual(journal[1]);
  });

  it('half a UTF-16 surrogate pair in BOS\'s words, the sale id or a key goes as U+FFFD (as a NUL does), and the rest of the journal follows', async () => {
    const hub = hubFor();
    const odd = refused(2, 's_odd\uD800', { bosMessage: 'bad \uDC00 text', ['key\uD83D']: 'v', emoji: 'ok 😀' });
    const journal = [sale(1, 's_1'), odd, sale(3, 's_3')];
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();
    expect([...hub.kept.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3]);
    expect(hub.kept.get(2)?.data).toEqual({ ...odd.data, saleId: 's_odd\uFFFD', bosMessage: 'bad \uFFFD text', ['key\uD83D']: undefined, ['key\uFFFD']: 'v', emoji: 'ok 😀' });
    expect(hub.kept.get(3)).toEqual(journal[2]);
  });

  it('an amount the hub does not count (over ₹10 crore from BOS) goes as the line\'s stand-in without it, the sale id and the sale\'s amount kept', async () => {
    const hub = hubFor();
    const reported = event(2, 'sale.payment_reported', { saleId: 's_1', saleAmountPaise: 104, reportedPaise: 20_000_000_000, reason: 'after_cancel', utr: 'U1' });
    const sender = senderFor(hub, [sale(1, 's_1'), reported]);
    sender.restart();
    await sender.drain();
    expect(hub.kept.get(2)?.data).toEqual({ saleId: 's_1', saleAmountPaise: 104, reason: 'after_cancel', utr: 'U1', notKept: { reason: expect.stringContaining('reportedPaise'), fields: ['reportedPaise'] } });
  });

  it('a rule this counter does not know (a newer hub): that line goes as its stand-in, the rest whole', async () => {
    const hub = hubFor({ rule: (e) => (e.data.saleId === 's_odd' && !('notKept' in e.data) ? 'a newer hub refuses this line' : null) });
    const journal = Array.from({ length: 40 }, (_, i) => (i === 26 ? refused(i + 1, 's_odd', { bosMessage: 'odd' }) : sale(i + 1, `s_${i}`)));
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();
    expect(hub.kept.size).toBe(40);
    for (const e of journal) if (e.id !== 27) expect(hub.kept.get(e.id)).toEqual(e);
    expect(hub.kept.get(27)?.data).toEqual({ saleId: 's_odd', amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', late: false, bosMessage: 'odd', notKept: { reason: expect.stringContaining('a newer hub refuses this line'), fields: [] } });
  });

  it('a hub that refuses the day reports still gets every line whole, and the sender does not ask again and again', async () => {
    const hub = hubFor({ refuseReports: true });
    const journal = [sale(1, 's_1'), refused(2, 's_1'), sale(3, 's_3')];
    const sender = senderFor(hub, journal);
    sender.restart();
    await vi.waitFor(() => expect(hub.kept.size).toBe(3), { timeout: 2_000, interval: 5 });
    for (const e of journal) expect(hub.kept.get(e.id)).toEqual(e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hub.posts.map((p) => [p.status, p.ids.length, p.reportedDays.length])).toEqual([[400, 3, 1], [200, 3, 0], [400, 0, 1]]);
    sender.stop();
  });

  it('a hub that refuses every batch (a wrong address: 404) gets no stand-ins: the send fails, is retried, and once it answers every line arrives whole', async () => {
    const hub = hubFor();
    const journal = Array.from({ length: 30 }, (_, i) => sale(i + 1, `s_${i}`));
    hub.mode = 'not_found';
    const sender = senderFor(hub, journal);
    sender.restart();
    // One send: the batch halved down to its first line, and that line's two stand-ins; then it gives up
    // until the retry, which does the same.
    await vi.waitFor(() => expect(hub.posts.length).toBeGreaterThanOrEqual(18), { timeout: 2_000, interval: 5 });
    expect(hub.posts.slice(0, 18).map((p) => p.ids.length)).toEqual([30, 30, 15, 8, 4, 2, 1, 1, 1, 30, 30, 15, 8, 4, 2, 1, 1, 1]);
    expect(hub.posts.every((p) => p.status === 404)).toBe(true);
    expect(hub.kept.size).toBe(0);

    hub.mode = 'pass';
    await vi.waitFor(() => expect(hub.kept.size).toBe(30), { timeout: 2_000, interval: 5 });
    for (const e of journal) expect(hub.kept.get(e.id)).toEqual(e);
    sender.stop();
  });

  it('a hub restored from a backup while an answer was on its way: the next send still asks where it is, and the lost lines go again', async () => {
    const hub = hubFor();
    const journal = Array.from({ length: 4 }, (_, i) => sale(i + 1, `s_${i}`));
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();
    expect(hub.kept.size).toBe(4);

    // Line 5 is kept and its answer on the way when the hub comes back from a backup holding lines 1 and 2.
    let release: () => void = () => undefined;
    hub.gate = new Promise<void>((resolve) => (release = resolve));
    journal.push(sale(5, 's_4'));
    sender.enqueue(journal[4]!);
    await vi.waitFor(() => expect(hub.held).toBe(1), { timeout: 2_000, interval: 5 });
    for (const id of [3, 4, 5]) hub.kept.delete(id);
    sender.resync();
    hub.gate = null;
    release();
    await vi.waitFor(() => expect([...hub.kept.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]), { timeout: 2_000, interval: 5 });
    for (const e of journal) expect(hub.kept.get(e.id)).toEqual(e);
    sender.stop();
  });

  it('a busy hub (429, Retry-After: 1) is not asked again sooner than it said', async () => {
    const hub = hubFor();
    const journal = [sale(1, 's_1'), sale(2, 's_2')];
    hub.mode = { retryAfterSeconds: 1 };
    const sender = senderFor(hub, journal);
    sender.restart();
    await vi.waitFor(() => expect(hub.kept.size).toBe(2), { timeout: 5_000, interval: 10 });
    expect(hub.posts.map((p) => p.status)).toEqual([429, 200]);
    expect(hub.posts[1]!.at - hub.posts[0]!.at).toBeGreaterThanOrEqual(990);
    sender.stop();
  });

  it('a catch-up that changes more days than a batch may report (150 days, limit 100) reports them all, in posts the hub takes', async () => {
    const hub = hubFor();
    const day0 = Date.parse('2026-01-01T06:00:00.000Z');
    const journal = Array.from({ length: 150 }, (_, i) => sale(i + 1, `s_${i}`, new Date(day0 + i * 86_400_000).toISOString()));
    const sender = senderFor(hub, journal);
    sender.restart();
    await sender.drain();
    expect(hub.kept.size).toBe(150);
    for (const e of journal) expect(hub.kept.get(e.id)).toEqual(e);
    expect(hub.reported.size).toBe(150);
    expect(hub.posts.every((p) => p.status === 200 && p.reportedDays.length <= JOURNAL_BATCH.maxReportedDays)).toBe(true);
  });
});

describe('the journal sender and a hub that keeps failing', () => {
  it(`asks a hub that fails every batch (503) again with growing, capped waits; after ${JOURNAL_STUCK.failures} failures in a row it says the journal is stuck since the first, and no longer once a batch is kept`, async () => {
    const hub = hubFor();
    hub.mode = 'failing';
    const stuck: Array<string | null> = [];
    const journal = [sale(1, 's_1'), sale(2, 's_2')];
    const started = Date.now();
    const sender = senderFor(hub, journal, { backoff: { firstMs: 10, factor: 2, maxMs: 80 }, onStuck: (since) => stuck.push(since) });
    sender.restart();
    await vi.waitFor(() => expect(hub.posts.length).toBeGreaterThanOrEqual(JOURNAL_STUCK.failures + 1), { timeout: 5_000, interval: 5 });
    const gaps = hub.posts.slice(1).map((p, i) => p.at - hub.posts[i]!.at);
    // 10, 20, 40, 80, 80, …: each wait at least its step of the backoff (a timer never fires early).
    gaps.forEach((gap, i) => expect(gap, `wait ${i}`).toBeGreaterThanOrEqual(Math.min(80, 10 * 2 ** i) - 1));
    expect(stuck).toHaveLength(1);
    // Since the first failure: after the first answer, before the second try.
    expect(Date.parse(stuck[0]!)).toBeGreaterThanOrEqual(Math.max(started, hub.posts[0]!.at) - 1);
    expect(Date.parse(stuck[0]!)).toBeLessThanOrEqual(hub.posts[1]!.at);

    hub.mode = 'pass';
    await vi.waitFor(() => expect(hub.kept.size).toBe(2), { timeout: 2_000, interval: 5 });
    expect(stuck).toEqual([stuck[0], null]);
    sender.stop();
  });

  it(`says it is stuck after ${JOURNAL_STUCK.afterMs / 60_000} minutes of failures however few, and says nothing for a hub that is merely away`, async () => {
    const hub = hubFor();
    let now = Date.parse('2026-12-01T05:12:00.000Z');
    const stuck: Array<string | null> = [];
    let tries = 0;
    const away = { ...hub, fetch: (async () => {
      tries += 1;
      now += JOURNAL_STUCK.afterMs;
      throw new TypeError('fetch failed');
    }) as typeof fetch };
    const offline = senderFor(away, [sale(1, 's_1')], { backoff: { firstMs: 5, factor: 1, maxMs: 5 }, clock: () => now, onStuck: (since) => stuck.push(since) });
    offline.restart();
    await vi.waitFor(() => expect(tries).toBeGreaterThan(JOURNAL_STUCK.failures), { timeout: 2_000, interval: 5 });
    offline.stop();
    expect(stuck).toEqual([]);

    hub.mode = 'failing';
    const sender = senderFor(hub, [sale(1, 's_1')], { backoff: { firstMs: 50, factor: 1, maxMs: 50 }, clock: () => now, onStuck: (since) => stuck.push(since) });
    sender.restart();
    await vi.waitFor(() => expect(hub.posts).toHaveLength(1), { timeout: 2_000, interval: 2 });
    const first = new Date(now).toISOString();
    now += JOURNAL_STUCK.afterMs;
    await vi.waitFor(() => expect(stuck).toEqual([first]), { timeout: 2_000, interval: 5 });
    expect(hub.posts.length).toBeLessThan(JOURNAL_STUCK.failures);
    sender.stop();
  });
});
