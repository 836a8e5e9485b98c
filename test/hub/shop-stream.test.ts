import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DaySalesAnswer, DaySummaryAnswer, JournalBatch, OwnerKeyAnswer, PairAnswer, ShopChange } from '../../electron/contract/hub';
import { startHub } from '../../electron/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { runCli, runCliToEnd } from './cli-process';
import { DRIVERS, freshLocation, useSharedStore } from './drivers';
import { bearer, makeHub, openStream, type OpenStream, type TestHub } from './hub-support';
import { DAY, ev, paidSale, sendOk } from './journal-support';

const PING_MS = 40;
const SHOP_STREAM = '/v1/shop/stream';
const changeOf = (data: string) => JSON.parse(data) as ShopChange;

describe.each(DRIVERS)('the shop stream on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let url: string;
  let owner: PairAnswer;
  let counter: PairAnswer;
  const streams: OpenStream[] = [];
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store, { pingMs: PING_MS });
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
    owner = await hub.pair('owner', 'Owner laptop');
    counter = await hub.pair('counter', 'Counter 1');
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await hub.app.close();
  });

  const open = async (credential: string, o: Parameters<typeof openStream>[2] = {}) => {
    const s = await openStream(url, credential, { path: SHOP_STREAM, ...o });
    streams.push(s);
    return s;
  };

  it("tells the owner which counter's days changed, once per batch that changed something, and pings", async () => {
    const stream = await open(owner.credential);
    expect(stream.status).toBe(200);
    const late = Date.parse('2026-12-02T10:00:00Z');
    await sendOk(hub, counter.credential, { events: paidSale(1, 'a', 100) });
    await sendOk(hub, counter.credential, { events: paidSale(1, 'a', 100) });
    await sendOk(hub, counter.credential, { events: [ev(4, 'sale.requested', { saleId: 'b', amountPaise: 5 }, late)], reported: [{ day: DAY, sales: { creating: { count: 0, paise: 0 }, showing: { count: 0, paise: 0 }, paid: { count: 1, paise: 100 }, cancelled: { count: 0, paise: 0 }, expired: { count: 0, paise: 0 }, failed: { count: 0, paise: 0 } } }] });
    const got = await stream.waitFor(2);
    expect(got.map((e) => [e.event, changeOf(e.data)])).toEqual([
      ['journal', { terminalId: counter.terminalId, days: [DAY] }],
      ['journal', { terminalId: counter.terminalId, days: [DAY, '2026-12-02'] }],
    ]);
    expect(Number(got[1]!.id)).toBeGreaterThan(Number(got[0]!.id));
    await new Promise((r) => setTimeout(r, PING_MS * 4));
    expect(stream.events).toHaveLength(2);
    expect(stream.comments.filter((c) => c === 'ping').length).toBeGreaterThanOrEqual(2);

    // Resumed from the first change's id, it sends the second and only it.
    const resumed = await open(owner.credential, { lastEventId: got[0]!.id });
    expect((await resumed.waitFor(1)).map((e) => e.id)).toEqual([got[1]!.id]);
  });

  it("takes an owner key, refuses a counter (403) and no credential (401), and hears nothing of another shop's", async () => {
    const key = (await hub.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(owner.credential), payload: {} })).json<OwnerKeyAnswer>().key;
    const byKey = await open(key);
    expect(byKey.status).toBe(200);
    expect((await open(counter.credential)).status).toBe(403);
    expect((await fetch(`${url}${SHOP_STREAM}`)).status).toBe(401);
    const other = await makeHub(store);
    try {
      const stranger = await other.pair('counter');
      await sendOk(other, stranger.credential, { events: paidSale(1, 'theirs', 100) });
      await sendOk(hub, counter.credential, { events: paidSale(1, 'ours', 100) });
      const [change] = await byKey.waitFor(1);
      expect(changeOf(change!.data).terminalId).toBe(counter.terminalId);
      await new Promise((r) => setTimeout(r, PING_MS * 3));
      expect(byKey.events).toHaveLength(1);
    } finally {
      await other.app.close();
    }
  });

  it('ends the stream of an owner terminal that is revoked', async () => {
    const second = await hub.pair('owner', 'Second owner');
    const stream = await open(second.credential);
    await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${second.terminalId}`, headers: bearer(owner.credential) });
    await stream.ended;
    expect((await open(second.credential)).status).toBe(401);
  });
});

describe('two hub processes on one PostgreSQL, the whole shop', () => {
  it('streams a batch taken by one process to an owner on the other within a second, and both answer the same whatever process took what', async () => {
    const place = await freshLocation('postgresql');
    const databaseUrl = place.location.databaseUrl!;
    const ownerKey = 'two-process-owner-key-0123456789';
    const a = await startHub({ databaseUrl, ownerKey });
    const b = runCli(['--port', '0', '--log-level', 'warn'], { DATABASE_URL: databaseUrl, HUB_OWNER_KEY: ownerKey });
    let stream: OpenStream | null = null;
    try {
      const [, bUrl] = await b.waitFor(/Counter hub listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const urls = [a.url, bUrl!];
      const pairOn = async (base: string, name: string) => {
        const { code } = await a.createPairingCode('counter');
        return (await (await fetch(`${base}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) })).json()) as PairAnswer;
      };
      const one = await pairOn(a.url, 'Counter 1');
      const two = await pairOn(bUrl!, 'Counter 2');
      const post = async (base: string, credential: string, batch: JournalBatch) => {
        const res = await fetch(`${base}/v1/journal`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(credential) }, body: JSON.stringify(batch) });
        expect(res.status).toBe(200);
      };

      stream = await openStream(bUrl!, ownerKey, { path: SHOP_STREAM });
      const sent = performance.now();
      await post(a.url, one.credential, { events: paidSale(1, 'one-a', 1_000) });
      const [first] = await stream.waitFor(1, 2_000);
      expect(first!.at - sent).toBeLessThan(1_000);
      expect(changeOf(first!.data)).toEqual({ terminalId: one.terminalId, days: [DAY] });

      // Round-robin in any order: later batches first, a batch to both, overlapping resends.
      const oneEvents = [...paidSale(1, 'one-a', 1_000), ...paidSale(4, 'one-b', 250, 'person'), ...paidSale(7, 'one-c', 75)];
      const twoEvents = [ev(1, 'sale.requested', { saleId: 'two-a', amountPaise: 600 }), ev(2, 'sale.expired', { saleId: 'two-a', amountPaise: 600 }), ...paidSale(3, 'two-b', 900)];
      const sends: [number, PairAnswer, JournalBatch][] = [
        [1, one, { events: oneEvents.slice(6) }],
        [0, two, { events: twoEvents.slice(2) }],
        [1, one, { events: oneEvents.slice(2, 7) }],
        [0, one, { events: oneEvents.slice(2, 7) }],
        [1, two, { events: twoEvents.slice(0, 3) }],
        [0, one, { events: oneEvents }],
      ];
      for (const [target, terminal, batch] of sends) await post(urls[target]!, terminal.credential, batch);
      const read = async <T>(base: string, path: string) => (await (await fetch(`${base}${path}`, { headers: bearer(ownerKey) })).json()) as T;
      const [fromA, fromB] = [await read<DaySummaryAnswer>(a.url, `/v1/days/${DAY}/summary`), await read<DaySummaryAnswer>(bUrl!, `/v1/days/${DAY}/summary`)];
      expect(fromB).toEqual(fromA);
      expect(fromA.all).toMatchObject({ collectedPaise: 2_225, sales: { paid: { count: 4, paise: 2_225 }, expired: { count: 1, paise: 600 } } });
      const [salesA, salesB] = [await read<DaySalesAnswer>(bUrl!, `/v1/days/${DAY}/sales`), await read<DaySalesAnswer>(a.url, `/v1/days/${DAY}/sales`)];
      expect(salesB).toEqual(salesA);
      expect(salesA.sales).toHaveLength(5);

      // The CLI's owner-key, made while both serve, works on either.
      const made = await runCliToEnd(['owner-key', '--label', 'Accounts'], { DATABASE_URL: databaseUrl });
      expect(made.code, made.output).toBe(0);
      const madeKey = /Owner key key_\S+ \(read, Accounts\): (hubo_\S+)/.exec(made.output)?.[1];
      expect((await fetch(`${bUrl}/v1/days/${DAY}/summary`, { headers: bearer(madeKey!) })).status).toBe(200);
    } finally {
      stream?.close();
      await Promise.all([a.close(), b.stop()]);
      await place.cleanup();
    }
  }, 60_000);
});
