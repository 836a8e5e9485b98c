// The hub's trust chain end to end, on a real hub on PGlite and on PostgreSQL with real counters: text
// the database cannot hold in a journal line, a counter's word the hub cannot back, a sibling claiming a
// counter's QR, a hub failing to keep a journal (both sides told), and a terminal's daily journal quota.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDay } from '../../electron/contract/days';
import type { PosResult } from '../../electron/contract/errors';
import type { DaySalesAnswer, DaySummaryAnswer, UnmatchedAnswer } from '../../electron/contract/hub';
import type { ShopDayView } from '../../electron/contract/views';
import { StoreError } from '../../electron/hub/store/errors';
import { openCounter, type ShopCounter } from '../support/shop-counter';
import { journalKeys, SHOP_DRIVERS, startShopHub, useShopStores, type ShopHub, type ShopStore } from '../support/shop-hub';
import { startShopProxy } from '../support/shop-proxy';

// The hub's days are the shop's (IST), and so are the counters' here (see shop-whole.test.ts).
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
const read = async <T>(hub: ShopHub, key: string, path: string): Promise<T> => (await (await fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${key}` } })).json()) as T;
const journalLine = (id: number, type: string, data: Record<string, unknown>) => `${JSON.stringify({ id, type, at: new Date().toISOString(), terminal: 'Counter 1', role: 'staff', data })}\n`;

/** Waits until the hub holds exactly the lines of this counter's journal. */
async function caughtUp(hub: ShopHub, counter: ShopCounter, timeout = 15_000): Promise<Set<string>> {
  let held = new Set<string>();
  await vi.waitFor(async () => {
    held = await hub.heldEvents();
    expect([...held].filter((k) => k.startsWith(`${counter.terminalId()}#`)).sort()).toEqual((await journalKeys(counter.journalDir, counter.terminalId()!)).sort());
  }, { timeout, interval: 50 });
  return held;
}

/** A hub (on this store), and Counter 1 paired to it with one sale on the hub; the highest id it holds. */
async function counterOnHub(store: ShopStore): Promise<{ hub: ShopHub; counter: ShopCounter; last: number }> {
  const hub = track(await startShopHub(store));
  const counter = track(await openCounter('Counter 1'));
  await counter.pair(hub.url, await hub.code('counter'));
  expect(await counter.markPaid((await counter.ring(1_500)).saleId)).toMatchObject({ state: 'paid' });
  const held = await caughtUp(hub, counter);
  return { hub, counter, last: Math.max(...[...held].map((k) => Number(k.split('#')[1]))) };
}

describe.each(SHOP_DRIVERS)("the hub's trust chain end to end (%s)", (driver) => {
  it('half a UTF-16 surrogate pair in a journal line (BOS\'s words) does not stop the journal: the hub keeps it as U+FFFD, the lines after it follow', async () => {
    const { hub, counter, last } = await counterOnHub(stores(driver));
    await counter.restart(async () => {
      appendFileSync(join(counter.journalDir, `${today()}.jsonl`), journalLine(last + 1, 'sale.requested', { saleId: 's_half', amountPaise: 104 }) + journalLine(last + 2, 'sale.qr_refused', { saleId: 's_half', amountPaise: 104, code: 'bos_refused', message: 'BOS refused the QR.', bosMessage: 'VPA \uD83D does not exist', late: false }));
    });
    expect(await counter.cancel((await counter.ring(2_500)).saleId)).toMatchObject({ state: 'cancelled' });
    await caughtUp(hub, counter);
    const key = await hub.ownerKey();
    expect((await read<DaySalesAnswer>(hub, key, `/v1/days/${today()}/sales`)).sales.find((s) => s.saleId === 's_half')).toMatchObject({ state: 'failed', bosMessage: 'VPA \uFFFD does not exist' });
  }, 40_000);

  it("shows the owner a counter's word the hub cannot back: a line saying BOS confirmed a sale whose payment never reached the hub is the counter's claim", async () => {
    const { hub, counter, last } = await counterOnHub(stores(driver));
    await counter.restart(async () => {
      appendFileSync(
        join(counter.journalDir, `${today()}.jsonl`),
        journalLine(last + 1, 'sale.requested', { saleId: 's_said', amountPaise: 9_900 }) +
          journalLine(last + 2, 'sale.qr_issued', { saleId: 's_said', amountPaise: 9_900, qrId: 'qr_said', txnRef: 'TXN_said' }) +
          journalLine(last + 3, 'sale.payment_confirmed', { saleId: 's_said', amountPaise: 9_900, paymentId: 'pay_never', utr: '999999999999', via: 'hub' }),
      );
    });
    await caughtUp(hub, counter);
    const owner = track(await openCounter('Owner'));
    await owner.pair(hub.url, await hub.code('owner'));
    const day = (await owner.services.handle('shop.day', { day: today() })) as PosResult<ShopDayView>;
    expect(day).toMatchObject({ ok: true, value: { all: { confirmedByBos: 0, claimedByCounter: 1, markedByHand: 1 } } });
    expect(day.ok && day.value.sales.find((s) => s.saleId === 's_said')).toMatchObject({ state: 'paid', confirmedBy: 'counter_claim' });
  }, 40_000);

  it("a sibling announcing a counter's QR (read off its slip) is refused; BOS's payment is held for the owner and reaches neither screen", async () => {
    const store = stores(driver);
    const hub = track(await startShopHub(store));
    const one = track(await openCounter('Counter 1'));
    const two = track(await openCounter('Counter 2'));
    await one.pair(hub.url, await hub.code('counter'));
    await two.pair(hub.url, await hub.code('counter'));
    one.services.sandbox()!.control.setWebhookTarget({ url: hub.webhookUrl, shape: 'razorpay', encoding: 'json' });
    const sale = await one.ring(4_400);
    const claim = { saleId: 'copied', qrId: sale.qr!.qrId, txnRef: 'TXN_copier', tr: null, amountPaise: 4_400, expiresAt: null };
    // Counter 1 announces its QR beside the sale; once the hub has it, Counter 2's claim on it is refused.
    await vi.waitFor(async () => expect(await store.driver.query('select sale_id from expectations where qr_id = $1', [sale.qr!.qrId])).toEqual([{ sale_id: sale.saleId }]), { timeout: 10_000, interval: 20 });
    const copied = await fetch(`${hub.url}/v1/expectations`, { method: 'POST', headers: { authorization: `Bearer ${await two.credential()}`, 'content-type': 'application/json' }, body: JSON.stringify(claim) });
    expect(copied.status).toBe(409);

    expect(one.services.sandbox()!.control.pay({ qrId: sale.qr!.qrId })).toMatchObject({ ok: true });
    await one.services.sandbox()!.control.webhooksIdle();
    const key = await hub.ownerKey();
    await vi.waitFor(async () => expect((await read<UnmatchedAnswer>(hub, key, '/v1/payments/unmatched')).payments).toEqual([expect.objectContaining({ amountPaise: 4_400, reason: 'claimed_twice', claimedBy: ['Counter 1', 'Counter 2'] })]), { timeout: 10_000, interval: 50 });
    // Not paid by BOS on Counter 1's screen: the cashier checks the phone and marks it by hand.
    expect((await one.history(today())).rows.find((r) => r.kind === 'sale' && r.id === sale.saleId)).toMatchObject({ state: 'showing' });
    expect(await one.markPaid(sale.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'person' });
  }, 40_000);

  it("a hub failing to keep a counter's journal (its database refuses): the cashier's hub badge and the owner's day say it is stuck, until it is kept again", async () => {
    const store = stores(driver);
    let failing = false;
    const flaky = { ...store, store: { ...store.store, recordJournal: (...args: Parameters<typeof store.store.recordJournal>) => (failing ? Promise.reject(new StoreError('query: refused')) : store.store.recordJournal(...args)) } };
    const hub = track(await startShopHub(flaky));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(hub.url, await hub.code('counter'));
    await caughtUp(hub, counter);
    failing = true;
    expect(await counter.markPaid((await counter.ring(3_000)).saleId)).toMatchObject({ state: 'paid' });
    await vi.waitFor(async () => expect((await counter.hub()).journalStuckSince).toEqual(expect.any(String)), { timeout: 15_000, interval: 50 });
    const key = await hub.ownerKey();
    const mine = async () => (await read<DaySummaryAnswer>(hub, key, `/v1/days/${today()}/summary`)).counters.find((c) => c.terminalId === counter.terminalId());
    expect((await mine())?.journal.stuckSince).toEqual(expect.any(String));

    failing = false;
    await caughtUp(hub, counter);
    await vi.waitFor(async () => expect((await counter.hub()).journalStuckSince).toBeNull(), { timeout: 10_000, interval: 50 });
    expect((await mine())?.journal.stuckSince).toBeNull();
  }, 40_000);

  it("a counter over its daily journal quota waits as the hub says (Retry-After) and sells on; the hub keeps no more than the quota", async () => {
    const hub = track(await startShopHub(stores(driver), 'Sharma Stores', { journalQuota: { bytesPerDay: 6000 } }));
    const proxy = track(await startShopProxy(hub.url));
    const counter = track(await openCounter('Counter 1'));
    await counter.pair(proxy.url, await hub.code('counter'));
    const refused = () => proxy.posts.some((p) => p.status === 429);
    // Sale after sale, each on the hub before the next, until the hub says the day's quota is used up.
    for (let i = 0; i < 30 && !refused(); i += 1) {
      await counter.cancel((await counter.ring(500 + i)).saleId);
      await vi.waitFor(async () => {
        const held = [...(await hub.heldEvents())].filter((k) => k.startsWith(`${counter.terminalId()}#`));
        expect(refused() || held.length === (await journalKeys(counter.journalDir, counter.terminalId()!)).length).toBe(true);
      }, { timeout: 10_000, interval: 20 });
    }
    const refusedAt = proxy.posts.findIndex((p) => p.status === 429);
    expect(refusedAt).toBeGreaterThan(0);
    // Told to wait until midnight (the counter waits at most ten minutes): more sales go in its own journal, none to the hub.
    for (let i = 0; i < 3; i += 1) expect(await counter.markPaid((await counter.ring(700 + i)).saleId)).toMatchObject({ state: 'paid' });
    expect(proxy.posts.slice(refusedAt + 1).filter((p) => p.ids.length > 0)).toEqual([]);
    const key = await hub.ownerKey();
    const journal = (await read<DaySummaryAnswer>(hub, key, `/v1/days/${today()}/summary`)).counters.find((c) => c.terminalId === counter.terminalId())?.journal;
    expect(journal?.bytesQuota).toBe(6_000);
    expect(journal?.bytes).toBeLessThanOrEqual(6_000);
  }, 60_000);
});
