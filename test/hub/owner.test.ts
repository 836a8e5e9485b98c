import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OwnerKeyAnswer, PairAnswer, PairingCodeAnswer } from '../../electron/contract/hub';
import { startHub, type RunningHub } from '../../electron/hub';
import { DEFAULT_LIMITS } from '../../electron/hub/rate-limit';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, freshLocation, useSharedStore } from './drivers';
import { bearer, makeHub, type TestHub } from './hub-support';
import { DAY, ev, paidSale, sales, sendOk, summary, totals } from './journal-support';

describe.each(DRIVERS)("the owner's read API on %s", (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let owner: PairAnswer;
  let key: string;
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store);
    owner = await hub.pair('owner', 'Owner laptop');
    key = (await makeKey(owner.credential)).json<OwnerKeyAnswer>().key;
  });
  afterEach(() => hub.app.close());

  const makeKey = (credential: string, payload?: object) => hub.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(credential), ...(payload ? { payload } : {}) });
  const get = (url: string, auth?: string, remoteAddress = '192.0.2.20') => hub.app.inject({ method: 'GET', url, headers: auth ? bearer(auth) : {}, remoteAddress });

  it('makes owner keys for an owner terminal only, shown once with their label, read-only unless asked', async () => {
    const made = await makeKey(owner.credential, { label: 'Accounts script' });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toEqual({ key: expect.stringMatching(/^hubo_[A-Za-z0-9_-]{43}$/), keyId: expect.stringMatching(/^key_/), label: 'Accounts script', kind: 'read', createdAt: new Date(hub.clock.now).toISOString() });
    expect((await makeKey(owner.credential)).json<OwnerKeyAnswer>().label).toBe('Read-only key');
    expect((await makeKey(owner.credential, { kind: 'owner' })).json<OwnerKeyAnswer>()).toMatchObject({ label: 'Owner key', kind: 'owner' });
    const counter = await hub.pair('counter');
    expect((await makeKey(counter.credential, {})).statusCode).toBe(403);
    expect((await makeKey(key, {})).statusCode).toBe(403);
  });

  it('reads a day with an owner key or an owner credential; a counter credential is 403, a wrong key or none 401', async () => {
    const counter = await hub.pair('counter');
    for (const auth of [key, owner.credential]) expect((await get(`/v1/days/${DAY}/summary`, auth)).statusCode).toBe(200);
    for (const path of ['summary', 'sales']) {
      expect((await get(`/v1/days/${DAY}/${path}`, counter.credential)).statusCode).toBe(403);
      expect((await get(`/v1/days/${DAY}/${path}`, 'hubo_notakeyatallnotakeyatallnotakeyatallnotakeyat')).json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect((await get(`/v1/days/${DAY}/${path}`)).statusCode).toBe(401);
    }
  });

  it('never refuses the right key for wrong ones from the same address; a wrong key that keeps failing is limited itself', async () => {
    const { limit } = DEFAULT_LIMITS.credentialFailures;
    for (let i = 0; i < limit * 2; i += 1) expect((await get(`/v1/days/${DAY}/summary`, `wrong-key-${i}-wrong-key-wrong-key`, '198.51.100.9')).statusCode).toBe(401);
    expect((await get(`/v1/days/${DAY}/summary`, key, '198.51.100.9')).statusCode).toBe(200);
    const stale = 'stale-key-of-a-script-stale-key';
    for (let i = 0; i < limit; i += 1) expect((await get(`/v1/days/${DAY}/summary`, stale, `198.51.100.${i}`)).statusCode).toBe(401);
    const limited = await get(`/v1/days/${DAY}/summary`, stale, '198.51.100.200');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-1', 'today', '2026-12-01x', '0000-01-01'])('answers 400 for the day %s', async (day) => {
    for (const path of ['summary', 'sales']) {
      const res = await get(`/v1/days/${day}/${path}`, key);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
  });

  it('sums the day per counter and in all: states, collected, by whom, by IST hour, late payments; lists sales per counter', async () => {
    const one = await hub.pair('counter', 'Counter 1');
    const two = await hub.pair('counter', 'Counter 2');
    // 15:30 IST and 16:30 IST.
    const at1530 = Date.parse(`${DAY}T10:00:00Z`);
    const at1545 = Date.parse(`${DAY}T10:15:00Z`);
    const at1630 = Date.parse(`${DAY}T11:00:00Z`);
    const at1640 = Date.parse(`${DAY}T11:10:00Z`);
    await sendOk(hub, one.credential, { events: [...paidSale(1, 'one-a', 10_000, 'bos', at1530), ...paidSale(4, 'one-b', 2_500, 'person', at1630), ev(7, 'sale.requested', { saleId: 'one-c', amountPaise: 700 }, at1630 + 60_000)] });
    await sendOk(hub, two.credential, {
      events: [
        ev(1, 'sale.requested', { saleId: 'two-a', amountPaise: 4_000 }, at1545),
        ev(2, 'sale.cancelled', { saleId: 'two-a', amountPaise: 4_000 }, at1545),
        ev(3, 'sale.payment_reported', { saleId: 'two-a', reason: 'after_cancel', reportedPaise: 4_000, utr: 'LATE1' }, at1630),
        ev(4, 'sale.requested', { saleId: 'two-b', amountPaise: 300 }, at1640),
        ev(5, 'sale.qr_refused', { saleId: 'two-b', amountPaise: 300, code: 'bos_refused', message: 'Refused', bosCode: 'E9', bosMessage: 'Invalid payee' }, at1640),
      ],
    });
    const day = await summary(hub, key);
    const byHour = (pairs: [number, number][]) => Array.from({ length: 24 }, (_, h) => pairs.find(([x]) => x === h)?.[1] ?? 0);
    expect(day.shop).toEqual({ id: hub.shop.id, name: 'Test shop' });
    expect(day.all).toEqual({
      sales: totals({ paid: { count: 2, paise: 12_500 }, creating: { count: 1, paise: 700 }, cancelled: { count: 1, paise: 4_000 }, failed: { count: 1, paise: 300 } }),
      collectedPaise: 12_500,
      // one-a's "confirmed by BOS" is its counter's word: no payment for it reached this hub.
      confirmedByBos: 0,
      markedByHand: 1,
      claimedByCounter: 1,
      collectedByHour: byHour([[15, 10_000], [16, 2_500]]),
      latePayments: 1,
    });
    expect(day.counters.map((c) => [c.name, c.totals.collectedPaise, c.totals.sales.cancelled.count])).toEqual([['Counter 1', 12_500, 0], ['Counter 2', 0, 1]]);
    const listed = await sales(hub, key, DAY, two.terminalId);
    expect(listed).toEqual([
      expect.objectContaining({ terminalId: two.terminalId, terminalName: 'Counter 2', saleId: 'two-a', state: 'cancelled', latePayment: { amountPaise: 4_000, utr: 'LATE1', reason: 'after_cancel' } }),
      expect.objectContaining({ saleId: 'two-b', state: 'failed', errorCode: 'bos_refused', bosMessage: 'Invalid payee', paidAt: null }),
    ]);
    expect((await sales(hub, owner.credential)).map((s) => s.saleId)).toEqual(['one-a', 'two-a', 'one-b', 'one-c', 'two-b']);
    expect((await get(`/v1/days/${DAY}/sales?terminal=term_nobody`, key)).statusCode).toBe(404);
    const elsewhere = await makeHub(store);
    try {
      const stranger = await elsewhere.pair('counter');
      expect((await get(`/v1/days/${DAY}/sales?terminal=${stranger.terminalId}`, key)).statusCode).toBe(404);
    } finally {
      await elsewhere.app.close();
    }
  });

  it("lines up each counter's own totals against the hub's: differs when they do not agree, null when never reported", async () => {
    const agrees = await hub.pair('counter', 'Agrees');
    const disagrees = await hub.pair('counter', 'Disagrees');
    const silent = await hub.pair('counter', 'Silent');
    const revoked = await hub.pair('counter', 'Gone');
    await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${revoked.terminalId}`, headers: bearer(owner.credential) });
    await sendOk(hub, agrees.credential, { events: paidSale(1, 'x', 500), reported: [{ day: DAY, sales: totals({ paid: { count: 1, paise: 500 } }) }] });
    // Its journal holds a sale the hub has not been sent yet.
    await sendOk(hub, disagrees.credential, { events: paidSale(1, 'y', 500), reported: [{ day: DAY, sales: totals({ paid: { count: 2, paise: 1_000 } }) }] });
    await hub.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(silent.credential) });
    const day = await summary(hub, key);
    expect(day.counters.map((c) => ({ name: c.name, differs: c.differs, reported: c.reported?.paid ?? null, contact: c.lastContactAt }))).toEqual([
      { name: 'Agrees', differs: false, reported: { count: 1, paise: 500 }, contact: new Date(hub.clock.now).toISOString() },
      { name: 'Disagrees', differs: true, reported: { count: 2, paise: 1_000 }, contact: new Date(hub.clock.now).toISOString() },
      { name: 'Silent', differs: false, reported: null, contact: new Date(hub.clock.now).toISOString() },
    ]);
    await sendOk(hub, disagrees.credential, { events: paidSale(4, 'z', 500) });
    expect((await summary(hub, key)).counters.find((c) => c.name === 'Disagrees')?.differs).toBe(false);
  });

  it('lets an owner key make counter pairing codes, list terminals and read unmatched payments, but not revoke', async () => {
    key = (await makeKey(owner.credential, { kind: 'owner' })).json<OwnerKeyAnswer>().key;
    const made = await hub.app.inject({ method: 'POST', url: '/v1/pairing-codes', headers: bearer(key), payload: { role: 'counter', name: 'Counter 9' } });
    expect(made.statusCode).toBe(200);
    const { code } = made.json<PairingCodeAnswer>();
    const paired = await hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name: 'Counter 9' } });
    expect(paired.json<PairAnswer>().role).toBe('counter');
    const listed = await get('/v1/terminals', key);
    expect(listed.json<{ terminals: { name: string }[] }>().terminals.map((t) => t.name).sort()).toEqual(['Counter 9', 'Owner laptop']);
    expect((await get('/v1/payments/unmatched', key)).json()).toEqual({ payments: [] });
    const revoke = await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${paired.json<PairAnswer>().terminalId}`, headers: bearer(key) });
    expect(revoke.statusCode).toBe(403);
    expect((await get('/v1/me', key)).statusCode).toBe(403);
  });

  it("reads only its own shop: another shop's key sees none of this shop's sales", async () => {
    const counter = await hub.pair('counter');
    await sendOk(hub, counter.credential, { events: paidSale(1, 'mine', 900) });
    const other = await makeHub(store);
    try {
      const otherOwner = await other.pair('owner');
      const otherKey = (await other.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(otherOwner.credential), payload: {} })).json<OwnerKeyAnswer>().key;
      const theirs = await other.app.inject({ method: 'GET', url: `/v1/days/${DAY}/summary`, headers: bearer(otherKey) });
      expect(theirs.json()).toMatchObject({ shop: { id: other.shop.id }, all: { collectedPaise: 0 }, counters: [] });
      expect((await summary(hub, key)).all.collectedPaise).toBe(900);
    } finally {
      await other.app.close();
    }
  });
});

describe.each(DRIVERS)('an owner key given at start on %s', (driver) => {
  it('works for the default shop, is kept hashed, is replaced by the next one given, and stops working once none is given', async () => {
    const place = await freshLocation(driver);
    const first = 'first-owner-key-0123456789abcdef';
    const second = 'second-owner-key-0123456789abcdef';
    const read = (url: string, k: string) => fetch(`${url}/v1/days/${DAY}/summary`, { headers: bearer(k) }).then((r) => r.status);
    const run = async (ownerKey: string | null, check: (hub: RunningHub) => Promise<void>) => {
      const hub = await startHub({ ...place.location, ownerKey });
      try {
        await check(hub);
      } finally {
        await hub.close();
      }
    };
    try {
      await expect(startHub({ ...place.location, ownerKey: 'short' })).rejects.toThrow(/owner key is 24 to 128/);
      let made = '';
      await run(first, async (hub) => {
        expect(await read(hub.url, first)).toBe(200);
        made = (await hub.createOwnerKey('Script')).key;
        expect(await read(hub.url, made)).toBe(200);
      });
      await run(second, async (hub) => expect([await read(hub.url, first), await read(hub.url, second)]).toEqual([401, 200]));
      // Started without --owner-key: the operator's key given before is gone; a key made on the command line stays.
      await run(null, async (hub) => expect([await read(hub.url, second), await read(hub.url, made)]).toEqual([401, 200]));
      await run(second, async (hub) => expect(await read(hub.url, second)).toBe(200));
    } finally {
      await place.cleanup();
    }
  });
});
