// The whole shop on one real hub, on PGlite and on PostgreSQL: two counters and the owner's Counter,
// payments by BOS through the sandbox's webhook, the owner's day equal to each counter's own History,
// a counter offline for 50 sales (and for over 500 lines), a counter SIGKILLed mid-send, the read API's
// keys, a slow hub that never slows a sale, and what the real hub found: days across midnight and time zones, the owner's own
// operations, a NUL in a journal line, a revoked counter selling on, and closing the hub.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDay } from '../../electron/contract/days';
import type { DaySalesAnswer, DaySummaryAnswer, SaleStateTotals } from '../../electron/contract/hub';
import type { DaySummary, ShopDayView } from '../../electron/contract/views';
import { killChildren, startChild, terminalOf } from '../support/shop-child';
import { openCounter, valueOf, type ShopCounter } from '../support/shop-counter';
import { journalKeys, SHOP_DRIVERS, startShopHub, useShopStores, type ShopHub, type ShopStore } from '../support/shop-hub';
import { startShopProxy, type JournalPost, type ShopProxy } from '../support/shop-proxy';

// The hub's days are the shop's (IST); a counter's History is its PC's local day. A shop's PCs keep IST:
// so does this run, whatever the machine's zone, or a run after 18:30 UTC would compare two days.
process.env.TZ = 'Asia/Kolkata';

const stores = useShopStores();
const open: Array<{ close(): Promise<void> }> = [];
const track = <T extends { close(): Promise<void> }>(thing: T): T => {
  open.unshift(thing);
  return thing;
};
afterEach(async () => {
  for (const thing of open.splice(0)) await thing.close();
});

const today = () => localDay(new Date());
const byState = (summary: DaySummary): SaleStateTotals => {
  const { unresolved, ...rest } = summary.sales;
  expect(unresolved.count).toBe(0);
  return rest;
};

/** Waits until the hub holds exactly the lines of these counters' journals: none missing, none it should not have. */
async function caughtUp(hub: ShopHub, counters: ShopCounter[], timeout = 15_000): Promise<Set<string>> {
  let held = new Set<string>();
  await vi.waitFor(async () => {
    const wanted = (await Promise.all(counters.map((c) => journalKeys(c.journalDir, c.terminalId()!)))).flat();
    held = await hub.heldEvents();
    const ours = [...held].filter((k) => counters.some((c) => k.startsWith(`${c.terminalId()}#`)));
    expect(ours.sort()).toEqual([...wanted].sort());
  }, { timeout, interval: 50 });
  return held;
}

const idsOf = (posts: readonly JournalPost[]) => posts.flatMap((p) => p.ids);

/** A journal line as Counter 1 writes it, for lines a test puts in its journal while it is stopped. */
const journalLine = (id: number, type: string, data: Record<string, unknown>) => `${JSON.stringify({ id, type, at: new Date().toISOString(), terminal: 'Counter 1', role: 'staff', data })}\n`;
const highestId = (held: ReadonlySet<string>) => Math.max(...[...held].map((k) => Number(k.split('#')[1])));

async function todaysHubSales(hub: ShopHub, key: string): Promise<DaySalesAnswer['sales']> {
  return ((await (await fetch(`${hub.url}/v1/days/${today()}/sales`, { headers: { authorization: `Bearer ${key}` } })).json()) as DaySalesAnswer).sales;
}

/** A hub and Counter 1 paired to it, one sale paid by hand and on the hub: what it holds (`before`). */
async function oneSaleOnTheHub(store: ShopStore): Promise<{ hub: ShopHub; counter: ShopCounter; before: Set<string> }> {
  const hub = track(await startShopHub(store));
  const counter = track(await openCounter('Counter 1'));
  await counter.pair(hub.url, await hub.code('counter'));
  expect(await counter.markPaid((await counter.ring(1_500)).saleId)).toMatchObject({ state: 'paid' });
  return { hub, counter, before: await caughtUp(hub, [counter]) };
}

/** Waits until the owner's summary of today has this one counter's report equal to its own History, and not differing. */
async function reconciled(hub: ShopHub, key: string, own: SaleStateTotals): Promise<void> {
  await vi.waitFor(async () => {
    const summary = (await (await fetch(`${hub.url}/v1/days/${today()}/summary`, { headers: { authorization: `Bearer ${key}` } })).json()) as DaySummaryAnswer;
    expect(summary.counters).toEqual([expect.objectContaining({ reported: own, differs: false })]);
  }, { timeout: 10_000, interval: 50 });
}

async function ownerDay(owner: ShopCounter, terminalId?: string): Promise<ShopDayView> {
  return valueOf<ShopDayView>(await owner.services.handle('shop.day', { day: today(), ...(terminalId ? { terminalId } : {}) }));
}

describe.each(SHOP_DRIVERS)('the whole shop on one hub (%s)', (driver) => {
  it('two counters and the owner\'s Counter: the owner\'s day, whole and per counter, equals each counter\'s own History, and reconciles', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const one = track(await openCounter('Counter 1'));
    // Counter 2's QRs live four seconds, so one of them can expire while the test waits.
    const two = track(await openCounter('Counter 2', { sandboxOptions: { qrTtlMs: 4_000 } }));
    const owner = track(await openCounter('Owner'));
    await Promise.all([one.pair(hub.url, await hub.code('counter')), two.pair(hub.url, await hub.code('counter')), owner.pair(hub.url, await hub.code('owner'))]);
    expect(await owner.hub()).toMatchObject({ role: 'owner', shopName: 'Sharma Stores' });
    // Both of BOS's webhook shapes: Razorpay's qr_code.credited as JSON, and UPIQR_SUCCESS form-encoded.
    one.services.sandbox()!.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
    two.services.sandbox()!.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'upiqr', encoding: 'form' });
    const changes: unknown[] = [];
    owner.services.subscribe((event, payload) => event === 'shop.changed' && changes.push(payload));

    /** The customer pays the QR; BOS's webhook reaches the hub, which pushes it to the counter. */
    const paidByBos = async (counter: ShopCounter, amountPaise: number) => {
      const sale = await counter.ring(amountPaise);
      const paid = counter.becomes(sale.saleId, 'paid');
      expect(counter.services.sandbox()!.control.pay({ qrId: sale.qr!.qrId })).toMatchObject({ ok: true });
      expect(await paid).toMatchObject({ confirmedBy: 'bos', payment: { via: 'hub' } });
    };
    const markedByHand = async (counter: ShopCounter, amountPaise: number) => expect(await counter.markPaid((await counter.ring(amountPaise)).saleId)).toMatchObject({ state: 'paid', confirmedBy: 'person' });
    const cancelled = async (counter: ShopCounter, amountPaise: number) => expect(await counter.cancel((await counter.ring(amountPaise)).saleId)).toMatchObject({ state: 'cancelled' });

    await paidByBos(two, 9_900);
    await markedByHand(two, 3_000);
    await cancelled(two, 4_400);
    const expiring = await two.ring(6_600);
    const expired = two.becomes(expiring.saleId, 'expired', 15_000);
    // Counter 1 sells while Counter 2's last QR runs out.
    await paidByBos(one, 12_050);
    await markedByHand(one, 5_000);
    await cancelled(one, 7_500);
    // The customer pays the QR after the cashier cancelled it: on the late list, not paid.
    const cancelledSale = (await one.history(today())).rows.find((r) => r.kind === 'sale' && r.state === 'cancelled')!;
    const late = new Promise<void>((resolve) => one.services.subscribe((event, payload) => event === 'payments.lateChanged' && (payload as unknown[]).length > 0 && resolve()));
    expect(one.services.sandbox()!.control.pay({ qrId: one.services.sandbox()!.control.issuedQrs().at(-1)!.id })).toMatchObject({ ok: true });
    await late;
    await paidByBos(one, 20_000);
    await markedByHand(one, 1_00);
    await expired;

    await caughtUp(hub, [one, two]);
    const own = { one: (await one.history(today())).summary, two: (await two.history(today())).summary };
    const expected: Record<'one' | 'two', Partial<SaleStateTotals>> = {
      one: { paid: { count: 4, paise: 37_150 }, cancelled: { count: 1, paise: 7_500 }, expired: { count: 0, paise: 0 } },
      two: { paid: { count: 2, paise: 12_900 }, cancelled: { count: 1, paise: 4_400 }, expired: { count: 1, paise: 6_600 } },
    };
    expect(byState(own.one)).toMatchObject(expected.one);
    expect(byState(own.two)).toMatchObject(expected.two);

    let shop: ShopDayView | null = null;
    // The last batch's report may land a moment after its events.
    await vi.waitFor(async () => {
      shop = await ownerDay(owner);
      expect(shop.counters.map((c) => c.reported)).toEqual([byState(own.one), byState(own.two)]);
    }, { timeout: 10_000, interval: 50 });
    const day = shop! as ShopDayView;
    expect(day.counters.map((c) => [c.name, c.terminalId])).toEqual([['Counter 1', one.terminalId()], ['Counter 2', two.terminalId()]]);
    for (const [counter, summary] of [[day.counters[0]!, own.one], [day.counters[1]!, own.two]] as const) {
      expect(counter.totals.sales).toEqual(byState(summary));
      expect(counter).toMatchObject({ differs: false, reported: byState(summary), totals: { collectedPaise: summary.collectedPaise, confirmedByBos: summary.paidByBos, markedByHand: summary.paidByHand, collectedByHour: summary.collectedByHour } });
    }
    const sum = (state: keyof SaleStateTotals) => ({ count: own.one.sales[state].count + own.two.sales[state].count, paise: own.one.sales[state].paise + own.two.sales[state].paise });
    expect(day.all.sales).toEqual({ creating: sum('creating'), showing: sum('showing'), paid: sum('paid'), cancelled: sum('cancelled'), expired: sum('expired'), failed: sum('failed') });
    expect(day.all).toMatchObject({ collectedPaise: 50_050, confirmedByBos: 3, markedByHand: 3, latePayments: 1 });
    expect(day.sales.find((s) => s.saleId === cancelledSale.id)).toMatchObject({ state: 'cancelled', latePayment: { amountPaise: 7_500, reason: 'after_cancel' } });
    expect((await one.history(today())).rows.find((r) => r.id === cancelledSale.id)).toMatchObject({ state: 'cancelled', latePayment: { amountPaise: 7_500, reason: 'after_cancel' } });
    // The owner's screen heard of each counter's batches on the shop stream.
    expect(changes).toEqual(expect.arrayContaining([{ terminalId: one.terminalId(), days: [today()] }, { terminalId: two.terminalId(), days: [today()] }]));
    expect(day.sales).toHaveLength(9);
    expect(day.unmatched).toEqual([]);

    // One counter's view: its line and its sales only.
    const second = await ownerDay(owner, two.terminalId()!);
    expect(second.counters).toEqual([day.counters[1]]);
    expect(second.sales.map((s) => [s.terminalName, s.state, s.amountPaise])).toEqual([['Counter 2', 'paid', 9_900], ['Counter 2', 'paid', 3_000], ['Counter 2', 'cancelled', 4_400], ['Counter 2', 'expired', 6_600]]);
    expect(second.sales.filter((s) => s.state === 'paid').map((s) => s.confirmedBy)).toEqual(['bos', 'person']);
  }, 60_000);

  it('the read API refuses no key, a wrong key and a counter\'s credential; the owner key reads what the owner\'s Counter shows', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const counter = track(await openCounter('Counter 1'));
    const owner = track(await openCounter('Owner'));
    await counter.pair(hub.url, await hub.code('counter'));
    await owner.pair(hub.url, await hub.code('owner'));
    expect(await counter.markPaid((await counter.ring(4_200)).saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);

    const get = (path: string, key?: string) => fetch(`${hub.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const paths = [`/v1/days/${today()}/summary`, `/v1/days/${today()}/sales`];
    const credential = (await counter.credential())!;
    for (const path of paths) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'not-a-key-of-this-shop-at-all-0123')).status).toBe(401);
      const asCounter = await get(path, credential);
      expect(asCounter.status).toBe(403);
      expect(await asCounter.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    // The counter's own Counter says so in words, without asking the hub for the shop.
    expect(await counter.services.handle('shop.day', { day: today() })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });

    const key = await hub.ownerKey();
    const summary = (await (await get(paths[0]!, key)).json()) as DaySummaryAnswer;
    const sales = (await (await get(paths[1]!, key)).json()) as DaySalesAnswer;
    await vi.waitFor(async () => expect((await ownerDay(owner)).counters[0]?.reported).not.toBeNull(), { timeout: 10_000, interval: 50 });
    const shown = await ownerDay(owner);
    const fresh = (await (await get(paths[0]!, key)).json()) as DaySummaryAnswer;
    expect({ all: shown.all, counters: shown.counters, sales: shown.sales }).toEqual({ all: fresh.all, counters: fresh.counters, sales: sales.sales });
    expect(summary.all.sales.paid).toEqual({ count: 1, paise: 4_200 });
    expect(fresh.counters).toEqual([expect.objectContaining({ name: 'Counter 1', differs: false })]);
  }, 40_000);

  it('a counter cut off from the hub for 50 sales sells as usual, then catches up exactly: each line held once, totals right', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const proxy: ShopProxy = track(await startShopProxy(hub.url));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(proxy.url, await hub.code('counter'));
    expect(await counter.markPaid((await counter.ring(1_000)).saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);
    const before = proxy.posts.length;

    proxy.mode = 'refuse';
    await vi.waitFor(async () => expect((await counter.hub()).state).toBe('reconnecting'), { timeout: 5_000, interval: 20 });
    for (let i = 0; i < 50; i += 1) {
      const sale = await counter.ring(1_000 + i);
      expect(sale.state).toBe('showing');
      expect(await (i % 2 === 0 ? counter.markPaid(sale.saleId) : counter.cancel(sale.saleId))).toMatchObject({ state: i % 2 === 0 ? 'paid' : 'cancelled' });
    }
    expect(proxy.posts.length).toBe(before); // nothing reached the hub meanwhile
    proxy.mode = 'pass';

    // The stream's reconnection waits up to 30 s (and a fifth more of jitter) once the hub has been away a while:
    // the catch-up starts when it is back, so allow that and the sends.
    await caughtUp(hub, [counter], 45_000);
    await proxy.allAnswered();
    const lines = (await journalKeys(counter.journalDir, counter.terminalId()!)).length;
    // Each line accepted once. A batch whose answer the cut-off lost in flight is sent again: the rest are duplicates.
    const answered = proxy.posts.filter((p) => p.answer);
    expect(answered.reduce((n, p) => n + p.answer!.accepted, 0)).toBe(lines);
    expect(answered.reduce((n, p) => n + p.answer!.duplicates, 0)).toBe(idsOf(answered).length - lines);
    await vi.waitFor(async () => expect((await counter.hub()).state).toBe('connected'), { timeout: 5_000, interval: 20 });

    const own = byState((await counter.history(today())).summary);
    expect(own).toMatchObject({ paid: { count: 26, paise: 26_600 }, cancelled: { count: 25 } });
    const key = await hub.ownerKey();
    await vi.waitFor(async () => {
      const summary = (await (await fetch(`${hub.url}/v1/days/${today()}/summary`, { headers: { authorization: `Bearer ${key}` } })).json()) as DaySummaryAnswer;
      expect(summary.counters).toEqual([expect.objectContaining({ terminalId: counter.terminalId(), reported: own, differs: false, totals: expect.objectContaining({ sales: own }) })]);
    }, { timeout: 10_000, interval: 50 });
  }, 90_000);

  it('a hub restored from a backup that holds less of a counter\'s journal gets the rest again when the counter reconnects, with no restart', async () => {
    const shopStore = stores(driver);
    const hub = track(await startShopHub(shopStore));
    const proxy: ShopProxy = track(await startShopProxy(hub.url));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(proxy.url, await hub.code('counter'));
    for (let i = 0; i < 4; i += 1) expect(await counter.markPaid((await counter.ring(1_000 + i)).saleId)).toMatchObject({ state: 'paid' });
    const held = await caughtUp(hub, [counter]);
    const ids = [...held].map((k) => Number(k.split('#')[1])).sort((a, b) => a - b);

    // The hub goes down and comes back from last night's backup: it holds only the first half of what it had.
    proxy.mode = 'refuse';
    await vi.waitFor(async () => expect((await counter.hub()).state).toBe('reconnecting'), { timeout: 5_000, interval: 20 });
    const keep = ids[Math.floor(ids.length / 2)]!;
    await shopStore.driver.query('delete from journal_events where terminal_id = $1 and event_id > $2', [counter.terminalId()!, String(keep)]);
    expect((await hub.heldEvents()).size).toBeLessThan(held.size);
    proxy.mode = 'pass';

    await vi.waitFor(async () => expect((await counter.hub()).state).toBe('connected'), { timeout: 10_000, interval: 20 });
    await caughtUp(hub, [counter]);
  }, 40_000);

  it('a backlog of over 500 lines reaches the hub in batches of at most 500, in id order, each line once', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const proxy = track(await startShopProxy(hub.url));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(proxy.url, await hub.code('counter'));
    await caughtUp(hub, [counter]);
    const before = proxy.posts.length;
    proxy.mode = 'refuse';
    await vi.waitFor(async () => expect((await counter.hub()).state).toBe('reconnecting'), { timeout: 5_000, interval: 20 });
    for (let i = 0; i < 180; i += 1) await counter.cancel((await counter.ring(500 + i)).saleId);
    proxy.mode = 'pass';
    const lines = (await caughtUp(hub, [counter], 20_000)).size;
    await proxy.allAnswered();
    const sent = proxy.posts.slice(before).filter((p) => p.answer);
    expect(lines).toBeGreaterThan(500);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((p) => p.ids.length <= 500)).toBe(true);
    const ids = idsOf(sent);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const answered = proxy.posts.filter((p) => p.answer);
    expect(answered.reduce((n, p) => n + p.answer!.accepted, 0)).toBe(lines);
  }, 60_000);

  it('a hub that holds the journal\'s POST for seconds never slows a sale: the QR shows and the sale is paid while it is held', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const proxy = track(await startShopProxy(hub.url));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(proxy.url, await hub.code('counter'));
    await caughtUp(hub, [counter]);
    await proxy.allAnswered();

    proxy.mode = 'hold-request';
    expect(await counter.cancel((await counter.ring(2_500)).saleId)).toMatchObject({ state: 'cancelled' });
    await proxy.waitForHeld(1);
    const sale = await counter.ring(7_700);
    expect(sale).toMatchObject({ state: 'showing', qr: { intent: expect.stringMatching(/^upi:\/\/pay\?/) } });
    expect(await counter.markPaid(sale.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'person' });
    // Both sales are done, and the hub has still not seen the first POST.
    expect(proxy.held()).toBe(1);
    expect(proxy.posts.filter((p) => p.status === null)).toHaveLength(1);

    proxy.mode = 'pass';
    proxy.release();
    await caughtUp(hub, [counter]);
    await proxy.allAnswered();
    expect(proxy.posts.map((p) => p.status)).toEqual(proxy.posts.map(() => 200));
  }, 40_000);

  it('a sale rung up before midnight and paid after it is reconciled on the day it was rung up', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const counter = track(await openCounter('Counter 1'));
    const owner = track(await openCounter('Owner'));
    await counter.pair(hub.url, await hub.code('counter'));
    await owner.pair(hub.url, await hub.code('owner'));
    // Only the wall clock is moved (the journal's times); timers run as ever.
    vi.useFakeTimers({ toFake: ['Date'] });
    track({ close: async () => void vi.useRealTimers() });
    vi.setSystemTime(new Date('2026-11-30T23:59:58+05:30'));
    const sale = await counter.ring(8_800);
    await caughtUp(hub, [counter]);
    vi.setSystemTime(new Date('2026-12-01T00:00:02+05:30'));
    expect(await counter.markPaid(sale.saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);

    const own = byState((await counter.history('2026-11-30')).summary);
    expect(own.paid).toEqual({ count: 1, paise: 8_800 });
    await vi.waitFor(async () => {
      const day = valueOf<ShopDayView>(await owner.services.handle('shop.day', { day: '2026-11-30' }));
      expect(day.counters).toEqual([expect.objectContaining({ name: 'Counter 1', reported: own, differs: false, totals: expect.objectContaining({ sales: own }) })]);
    }, { timeout: 10_000, interval: 50 });
  }, 40_000);

  it('a sale rung up before midnight, the Counter restarted, and paid after midnight is reconciled on the day it was rung up', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const counter = track(await openCounter('Counter 1'));
    const owner = track(await openCounter('Owner'));
    await counter.pair(hub.url, await hub.code('counter'));
    await owner.pair(hub.url, await hub.code('owner'));
    vi.useFakeTimers({ toFake: ['Date'] });
    track({ close: async () => void vi.useRealTimers() });
    vi.setSystemTime(new Date('2026-11-30T23:59:58+05:30'));
    const sale = await counter.ring(6_400);
    await caughtUp(hub, [counter]);
    await counter.restart();
    vi.setSystemTime(new Date('2026-12-01T00:00:02+05:30'));
    // Left open by the quit, it comes back for a person to settle; the new run never saw its request line.
    expect(await counter.markPaid(sale.saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);

    const own = byState((await counter.history('2026-11-30')).summary);
    expect(own.paid).toEqual({ count: 1, paise: 6_400 });
    await vi.waitFor(async () => {
      const day = valueOf<ShopDayView>(await owner.services.handle('shop.day', { day: '2026-11-30' }));
      expect(day.counters).toEqual([expect.objectContaining({ reported: own, differs: false, totals: expect.objectContaining({ sales: own }) })]);
    }, { timeout: 10_000, interval: 50 });
  }, 40_000);

  it('a counter PC set to another time zone reports the shop\'s days (IST), as the hub counts them', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const counter = track(await openCounter('Counter 1'));
    const owner = track(await openCounter('Owner'));
    await counter.pair(hub.url, await hub.code('counter'));
    await owner.pair(hub.url, await hub.code('owner'));
    process.env.TZ = 'UTC';
    vi.useFakeTimers({ toFake: ['Date'] });
    track({ close: async () => void (vi.useRealTimers(), (process.env.TZ = 'Asia/Kolkata')) });
    // 20:00 on 30 November by this PC's clock (UTC) is 01:30 on 1 December in the shop.
    vi.setSystemTime(new Date('2026-11-30T20:00:00Z'));
    expect(await counter.markPaid((await counter.ring(5_500)).saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);
    expect(byState((await counter.history('2026-11-30')).summary).paid).toEqual({ count: 1, paise: 5_500 });

    const line = async (day: string) => valueOf<ShopDayView>(await owner.services.handle('shop.day', { day })).counters;
    await vi.waitFor(async () => expect(await line('2026-12-01')).toEqual([expect.objectContaining({ differs: false, reported: expect.objectContaining({ paid: { count: 1, paise: 5_500 } }), totals: expect.objectContaining({ sales: expect.objectContaining({ paid: { count: 1, paise: 5_500 } }) }) })]), { timeout: 10_000, interval: 50 });
    expect(await line('2026-11-30')).toEqual([expect.objectContaining({ differs: false })]);
  }, 40_000);

  it('the owner\'s Counter runs the shop on the real hub: pairing codes, terminals, an owner key, revoking a counter', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const owner = track(await openCounter('Owner'));
    await owner.pair(hub.url, await hub.code('owner'));
    const run = async <T>(op: string, input: unknown) => valueOf<T>(await owner.services.handle(op, input));
    await run('owner.setPin', { pin: '2468' });
    await run('owner.unlock', { pin: '2468' });

    const made = await run<{ code: string; role: string; expiresAt: string }>('hub.pairingCode', { role: 'counter', name: 'Counter 7' });
    expect(made).toMatchObject({ code: expect.stringMatching(/^\d{16}$/), role: 'counter' });
    const counter = track(await openCounter('Till by the door'));
    expect(await counter.pair(hub.url, made.code)).toMatchObject({ role: 'counter', shopName: 'Sharma Stores' });
    const listed = await run<Array<{ terminalId: string; name: string; role: string; revoked: boolean }>>('hub.terminals', undefined);
    expect(listed.map((t) => [t.name, t.role, t.revoked]).sort()).toEqual([['Counter 7', 'counter', false], ['Owner', 'owner', false]]);
    expect(listed.find((t) => t.role === 'counter')?.terminalId).toBe(counter.terminalId());

    const { key, keyId } = await run<{ key: string; keyId: string }>('hub.ownerKey', { label: 'Accounts' });
    expect((await fetch(`${hub.url}/v1/days/${today()}/summary`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect(await run('hub.ownerKeys', undefined)).toEqual([expect.objectContaining({ keyId, label: 'Accounts', kind: 'read', origin: 'terminal', madeBy: expect.objectContaining({ name: 'Owner' }), revoked: false })]);
    expect(await run('hub.revokeOwnerKey', { keyId })).toMatchObject({ keyId, revoked: true });
    expect((await fetch(`${hub.url}/v1/days/${today()}/summary`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);

    expect(await counter.markPaid((await counter.ring(3_300)).saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [counter]);
    expect(await run('hub.revoke', { terminalId: counter.terminalId() })).toMatchObject({ terminalId: counter.terminalId(), revoked: true });
    await vi.waitFor(async () => expect(await counter.hub()).toMatchObject({ state: 'refused', problem: expect.stringMatching(/pair it again/) }), { timeout: 10_000, interval: 20 });
    // Revoked, it sells on; the hub keeps what it had.
    expect(await counter.markPaid((await counter.ring(1_200)).saleId)).toMatchObject({ state: 'paid', confirmedBy: 'person' });
    const day = await ownerDay(owner);
    expect(day.counters).toEqual([expect.objectContaining({ name: 'Counter 7', totals: expect.objectContaining({ sales: expect.objectContaining({ paid: { count: 1, paise: 3_300 } }) }) })]);
  }, 40_000);

  it('a journal line with a NUL in it (BOS\'s words) does not stop the counter\'s journal reaching the hub', async () => {
    const { hub, counter, before } = await oneSaleOnTheHub(stores(driver));
    // A sale BOS refused in words with a NUL in them, as the journal writes it (PostgreSQL's jsonb can hold no NUL).
    await counter.restart(async () => {
      const last = highestId(before);
      appendFileSync(join(counter.journalDir, `${today()}.jsonl`), journalLine(last + 1, 'sale.requested', { saleId: 's_nul', amountPaise: 104 }) + journalLine(last + 2, 'sale.qr_refused', { saleId: 's_nul', amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', bosMessage: 'VPA\u0000 does not exist', late: false }));
    });
    expect(await counter.cancel((await counter.ring(2_500)).saleId)).toMatchObject({ state: 'cancelled' });
    await caughtUp(hub, [counter]);

    const key = await hub.ownerKey();
    expect((await todaysHubSales(hub, key)).find((s) => s.saleId === 's_nul')).toMatchObject({ state: 'failed', bosMessage: 'VPA\uFFFD does not exist' });
    const own = byState((await counter.history(today())).summary);
    expect(own.failed).toEqual({ count: 1, paise: 104 });
    await reconciled(hub, key, own);
  }, 40_000);

  it('journal lines the hub cannot keep as they are (BOS\'s words over 16 KB, a reply nested 40 deep) reach it as stand-ins, and the owner\'s day still reconciles', async () => {
    const { hub, counter, before } = await oneSaleOnTheHub(stores(driver));
    const last = highestId(before);
    const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { inner: nested(depth - 1) });
    await counter.restart(async () => {
      const refusal = { code: 'bos_refused', message: 'BOS refused the QR.', late: false };
      appendFileSync(
        join(counter.journalDir, `${today()}.jsonl`),
        journalLine(last + 1, 'sale.requested', { saleId: 's_big', amountPaise: 104 }) +
          journalLine(last + 2, 'sale.qr_refused', { saleId: 's_big', amountPaise: 104, ...refusal, bosMessage: 'VPA does not exist. '.repeat(1_000) }) +
          journalLine(last + 3, 'sale.requested', { saleId: 's_deep', amountPaise: 205 }) +
          journalLine(last + 4, 'sale.qr_refused', { saleId: 's_deep', amountPaise: 205, ...refusal, bosMessage: 'Bad request', detail: nested(40) }),
      );
    });
    expect(await counter.cancel((await counter.ring(2_500)).saleId)).toMatchObject({ state: 'cancelled' });
    await caughtUp(hub, [counter]);

    const terminalId = counter.terminalId()!;
    // The lines around them arrived whole; each refused one as its stand-in, saying why and what it left out.
    expect((await hub.heldEvent(terminalId, last + 1))?.data).toEqual({ saleId: 's_big', amountPaise: 104 });
    expect((await hub.heldEvent(terminalId, last + 2))?.data).toEqual({ saleId: 's_big', amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', late: false, notKept: { reason: expect.stringContaining('over 16384 bytes'), fields: ['bosMessage'] } });
    expect((await hub.heldEvent(terminalId, last + 4))?.data).toEqual({ saleId: 's_deep', amountPaise: 205, code: 'bos_refused', message: 'BOS refused the QR.', late: false, bosMessage: 'Bad request', notKept: { reason: expect.stringContaining('nested deeper'), fields: ['detail'] } });
    const key = await hub.ownerKey();
    const sales = await todaysHubSales(hub, key);
    expect(sales.find((s) => s.saleId === 's_big')).toMatchObject({ state: 'failed', amountPaise: 104 });
    expect(sales.find((s) => s.saleId === 's_deep')).toMatchObject({ state: 'failed', amountPaise: 205, bosMessage: 'Bad request' });
    const own = byState((await counter.history(today())).summary);
    expect(own.failed).toEqual({ count: 2, paise: 309 });
    await reconciled(hub, key, own);
  }, 40_000);

  it('a revoked counter that sells on stops calling the hub, so it cannot lock out a counter at the same address', async () => {
    const shopStore = stores(driver);
    const hub = track(await startShopHub(shopStore));
    const gone = track(await openCounter('Counter 1'));
    const stays = track(await openCounter('Counter 2'));
    await gone.pair(hub.url, await hub.code('counter'));
    await stays.pair(hub.url, await hub.code('counter'));
    await shopStore.store.revokeTerminal(hub.shop.id, gone.terminalId()!, Date.now());
    await vi.waitFor(async () => expect(await gone.hub()).toMatchObject({ state: 'refused' }), { timeout: 10_000, interval: 20 });
    // More sales than the hub takes refused credentials from one address in a minute (20).
    for (let i = 0; i < 25; i += 1) expect(await gone.markPaid((await gone.ring(1_000 + i)).saleId)).toMatchObject({ state: 'paid' });
    expect(await stays.markPaid((await stays.ring(900)).saleId)).toMatchObject({ state: 'paid' });
    await caughtUp(hub, [stays]);
    expect((await fetch(`${hub.url}/v1/me`, { headers: { authorization: `Bearer ${await stays.credential()}` } })).status).toBe(200);
  }, 40_000);

  it('the hub closes at once with a connection open that never carried a request (fetch leaves one after a counter stops its stream)', async () => {
    const hub = await startShopHub(stores(driver));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(hub.url, await hub.code('counter'));
    const { port } = new URL(hub.url);
    const spare = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => spare.once('connect', () => resolve()));
    const dropped = new Promise<void>((resolve) => spare.once('close', () => resolve()));
    // Without the fix this waits for the client to give the connection up (fetch: 4 s; this one: never).
    await hub.close();
    await dropped;
    expect(spare.destroyed).toBe(true);
  }, 15_000);
});

// A counter killed with SIGKILL while a journal batch is in flight, restarted on the same data dir: every
// event is held once at the hub, and no event id is accepted twice.
async function childCaughtUp(hub: ShopHub, dataDir: string): Promise<string[]> {
  let wanted: string[] = [];
  await vi.waitFor(async () => {
    wanted = await journalKeys(join(dataDir, 'journal'), terminalOf(dataDir));
    expect([...(await hub.heldEvents())].sort()).toEqual([...wanted].sort());
  }, { timeout: 15_000, interval: 50 });
  return wanted;
}

describe.each(SHOP_DRIVERS)('a counter killed mid-send (%s)', (driver) => {
  it('restarted on the same data dir, it resends only what the hub lacks: each event held once, none accepted twice', async () => {
    const hub = track(await startShopHub(stores(driver)));
    const proxy = track(await startShopProxy(hub.url));
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-kill-shop-'));
    track({ close: async () => rmSync(dataDir, { recursive: true, force: true }) });
    track({ close: killChildren });

    const first = startChild(dataDir, [proxy.url, await hub.code('counter')]);
    await first.next('ready');
    await first.sell(1_000, 'paid');
    await first.sell(1_100, 'cancelled');
    await childCaughtUp(hub, dataDir);

    // 1. The hub keeps a batch, and the counter is killed before it hears so.
    proxy.mode = 'hold-answer';
    await first.sell(2_000, 'paid');
    await proxy.waitForHeld(1);
    const kept = proxy.posts.at(-1)!;
    expect(kept.answer?.accepted).toBe(kept.ids.length);
    await first.kill();
    proxy.release();
    proxy.mode = 'pass';
    const sentBefore = proxy.posts.length;
    const second = startChild(dataDir);
    await second.next('ready');
    await second.sell(2_100, 'cancelled');
    await childCaughtUp(hub, dataDir);
    // It asked the hub where it was: the kept batch was not sent again.
    expect(idsOf(proxy.posts.slice(sentBefore)).filter((id) => kept.ids.includes(id))).toEqual([]);

    // 2. The batch is still on its way to the hub when the counter is killed; it arrives after the restart's resend.
    proxy.mode = 'hold-request';
    await second.sell(3_000, 'paid');
    await proxy.waitForHeld(1);
    const late = proxy.posts.at(-1)!;
    await second.kill();
    proxy.mode = 'pass';
    const third = startChild(dataDir);
    await third.next('ready');
    await third.sell(3_100, 'paid');
    await childCaughtUp(hub, dataDir);
    proxy.release();
    await vi.waitFor(() => expect(late.answer).not.toBeNull(), { timeout: 10_000, interval: 20 });
    expect(late.answer).toMatchObject({ accepted: 0, duplicates: late.ids.length });

    const lines = await childCaughtUp(hub, dataDir);
    await proxy.allAnswered();
    const answered = proxy.posts.filter((p) => p.answer);
    expect(answered.length).toBe(proxy.posts.length);
    const accepted = answered.reduce((n, p) => n + p.answer!.accepted, 0);
    const duplicates = answered.reduce((n, p) => n + p.answer!.duplicates, 0);
    expect(accepted).toBe(lines.length);
    expect(new Set(idsOf(answered)).size).toBe(lines.length);
    expect(duplicates).toBe(idsOf(answered).length - lines.length);
    expect(duplicates).toBeGreaterThanOrEqual(late.ids.length);
    await third.kill();
  }, 60_000);
});
