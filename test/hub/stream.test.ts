import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import { startHub } from '../../electron/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, freshLocation, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, openStream, paymentOf, razorpayBody, upiqrBody, type OpenStream, type TestHub } from './hub-support';

const PING_MS = 40;

describe.each(DRIVERS)('the payment stream on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let url: string;
  let counter: PairAnswer;
  const streams: OpenStream[] = [];
  beforeEach(() => {
    store = shared.store;
  });
  beforeEach(async () => {
    hub = await makeHub(store, { pingMs: PING_MS });
    await hub.app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
    counter = await hub.pair();
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    await hub.app.close();
  });

  const open = async (o: Parameters<typeof openStream>[2] = {}, credential = counter.credential) => {
    const s = await openStream(url, credential, o);
    streams.push(s);
    return s;
  };
  const announce = async () => {
    const e = expectation();
    const res = await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
    expect(res.statusCode).toBe(200);
    return e;
  };
  const pay = async (qrId: string, paymentId?: string) => {
    const res = await fetch(`${url}${hub.webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody({ qrId, ...(paymentId ? { paymentId } : {}) })) });
    expect(res.status).toBe(200);
  };

  it('pushes a payment to the terminal whose QR it pays, as event payment with a rising id, and pings', async () => {
    const stream = await open();
    expect(stream.status).toBe(200);
    const e = await announce();
    await pay(e.qrId, 'pay_stream_1');
    const [event] = await stream.waitFor(1);
    expect(event).toMatchObject({ id: '1', event: 'payment' });
    expect(paymentOf(event!)).toMatchObject({ paymentId: 'pay_stream_1', saleId: e.saleId, amountPaise: 12_050 });
    await new Promise((r) => setTimeout(r, PING_MS * 4));
    expect(stream.comments.filter((c) => c === 'ping').length).toBeGreaterThanOrEqual(2);
  });

  it('sends another terminal’s payments to it only', async () => {
    const other = await hub.pair('counter', 'Counter 2');
    const mine = await open();
    const theirs = await open({}, other.credential);
    const e = await announce();
    await pay(e.qrId);
    await mine.waitFor(1);
    await new Promise((r) => setTimeout(r, PING_MS * 3));
    expect(theirs.events).toEqual([]);
  });

  it('gives a terminal that was offline exactly the payments after its cursor, none twice', async () => {
    const first = await open();
    const sales = await Promise.all([1, 2, 3, 4, 5].map(() => announce()));
    await pay(sales[0]!.qrId);
    const [seen] = await first.waitFor(1);
    first.close();
    for (const s of sales.slice(1, 4)) await pay(s.qrId);
    const resumed = await open({ lastEventId: seen!.id });
    const got = await resumed.waitFor(3);
    expect(got.map((g) => g.id)).toEqual(['2', '3', '4']);
    expect(got.map((g) => paymentOf(g).saleId)).toEqual(sales.slice(1, 4).map((s) => s.saleId));
    await pay(sales[4]!.qrId);
    expect((await resumed.waitFor(4)).map((g) => g.id)).toEqual(['2', '3', '4', '5']);
    await new Promise((r) => setTimeout(r, PING_MS * 3));
    expect(resumed.events).toHaveLength(4);
    const byQuery = await open({ after: '3' });
    expect((await byQuery.waitFor(2)).map((g) => g.id)).toEqual(['4', '5']);
    const headerWins = await open({ after: '0', lastEventId: '4' });
    expect((await headerWins.waitFor(1)).map((g) => g.id)).toEqual(['5']);
  });

  it('delivers a burst of webhooks, including repeats, each exactly once and in cursor order', async () => {
    const stream = await open();
    const sales = await Promise.all(Array.from({ length: 20 }, () => announce()));
    await Promise.all(sales.flatMap((s, i) => [pay(s.qrId, `pay_burst_${i}`), pay(s.qrId, `pay_burst_${i}`)]));
    const got = await stream.waitFor(20);
    expect(got.map((g) => g.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(new Set(got.map((g) => paymentOf(g).paymentId)).size).toBe(20);
    await new Promise((r) => setTimeout(r, PING_MS * 3));
    expect(stream.events).toHaveLength(20);
  });

  it('delivers a payment that came before its QR was announced once the QR is', async () => {
    const stream = await open();
    const e = expectation();
    const res = await fetch(`${url}${hub.webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(upiqrBody({ refid: e.txnRef })) });
    expect(res.status).toBe(200);
    await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
    expect(paymentOf((await stream.waitFor(1))[0]!)).toMatchObject({ saleId: e.saleId });
  });

  it('ends the stream of a terminal the owner revokes', async () => {
    const owner = await hub.pair('owner', 'Owner laptop');
    const stream = await open();
    const revoked = await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${counter.terminalId}`, headers: bearer(owner.credential) });
    expect(revoked.statusCode).toBe(200);
    await stream.ended;
    expect((await openStream(url, counter.credential)).status).toBe(401);
  });

  it('refuses a cursor that is not digits and a stream without a credential', async () => {
    for (const o of [{ after: 'abc' }, { after: '-1' }, { lastEventId: '1.5' }, { after: '1'.repeat(20) }]) {
      const res = await hub.app.inject({ method: 'GET', url: `/v1/stream${o.after !== undefined ? `?after=${o.after}` : ''}`, headers: { ...bearer(counter.credential), ...(o.lastEventId ? { 'last-event-id': o.lastEventId } : {}) } });
      expect(res.statusCode, JSON.stringify(o)).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await fetch(`${url}/v1/stream`)).status).toBe(401);
  });

  it('ends open streams when the hub closes, and closes promptly', async () => {
    const stream = await open();
    await hub.app.close();
    await stream.ended;
  });
});

describe.each(DRIVERS)('a hub restarted on %s', (driver) => {
  it('loses nothing and sends nothing twice across a restart between webhook and delivery', async () => {
    const place = await freshLocation(driver);
    const webhookSecret = 'restart-test-webhook-secret-0123456789';
    let hub = await startHub({ ...place.location, webhookSecret, pairingCode: '2468 0124 6801 2460', pingMs: PING_MS });
    try {
      const pair = await fetch(`${hub.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: '2468 0124 6801 2460', name: 'Counter 1' }) });
      const counter = (await pair.json()) as PairAnswer;
      const announce = async (h: typeof hub) => {
        const e = expectation();
        const res = await fetch(`${h.url}/v1/expectations`, { method: 'POST', headers: { ...bearer(counter.credential), 'content-type': 'application/json' }, body: JSON.stringify(e) });
        expect(res.status).toBe(200);
        return e;
      };
      const pay = async (h: typeof hub, qrId: string) => expect((await fetch(h.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody({ qrId })) })).status).toBe(200);

      const before = await openStream(hub.url, counter.credential);
      const a = await announce(hub);
      await pay(hub, a.qrId);
      const [seen] = await before.waitFor(1);
      before.close();
      const b = await announce(hub);
      await pay(hub, b.qrId);
      const webhookUrl = hub.webhookUrl;
      await hub.close();

      hub = await startHub({ ...place.location, webhookSecret, pingMs: PING_MS });
      expect(hub.webhookUrl.split('/bos/webhook/')[1]).toBe(webhookUrl.split('/bos/webhook/')[1]);
      const after = await openStream(hub.url, counter.credential, { lastEventId: seen!.id });
      const [resumed] = await after.waitFor(1);
      expect(paymentOf(resumed!)).toMatchObject({ saleId: b.saleId });
      const c = await announce(hub);
      await pay(hub, c.qrId);
      expect((await after.waitFor(2)).map((e) => e.id)).toEqual(['2', '3']);
      await new Promise((r) => setTimeout(r, PING_MS * 3));
      expect(after.events).toHaveLength(2);
      after.close();
    } finally {
      await hub.close();
      await place.cleanup();
    }
  });
});
