// Issue 21, item 1: an owner key never becomes an owner terminal, keys are listed and revoked, a key
// dies with the terminal that made it, and each kind of key does what it is for and nothing more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OwnerKeyAnswer, OwnerKeyKind, OwnerKeyListing, OwnerKeysAnswer, PairAnswer } from '../../electron/contract/hub';
import { makeOwnerKey } from '../../electron/hub/owner-keys';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { bearer, makeHub, type TestHub } from './hub-support';

const DAY = '2026-12-01';

describe.each(DRIVERS)('owner keys on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let owner: PairAnswer;
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store);
    owner = await hub.pair('owner', 'Owner laptop');
  });
  afterEach(() => hub.app.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, auth: string, payload?: object) => hub.app.inject({ method, url, headers: bearer(auth), ...(payload ? { payload } : {}) });
  const makeKey = async (by: string, kind: OwnerKeyKind, label?: string) => {
    const res = await call('POST', '/v1/owner-keys', by, { kind, ...(label ? { label } : {}) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<OwnerKeyAnswer>();
  };
  const listed = async () => (await call('GET', '/v1/owner-keys', owner.credential)).json<OwnerKeysAnswer>().keys;

  it('never lets an owner key make an owner pairing code or another key: it cannot climb to an owner terminal', async () => {
    const { key } = await makeKey(owner.credential, 'owner');
    const ownerCode = await call('POST', '/v1/pairing-codes', key, { role: 'owner', name: 'Somebody' });
    expect(ownerCode.statusCode).toBe(403);
    expect(ownerCode.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/owner terminal/) } });
    expect((await call('POST', '/v1/owner-keys', key, { kind: 'owner' })).statusCode).toBe(403);
    expect((await call('POST', '/v1/pairing-codes', key, { role: 'counter' })).statusCode).toBe(200);
  });

  it.each([
    // route, what an owner key, a read key and a payments key get; the owner terminal gets 200 on each
    ['GET', `/v1/days/${DAY}/summary`, undefined, [200, 200, 403]],
    ['GET', `/v1/days/${DAY}/sales`, undefined, [200, 200, 403]],
    ['GET', '/v1/payments/unmatched', undefined, [200, 200, 403]],
    ['GET', '/v1/terminals', undefined, [200, 200, 403]],
    ['POST', '/v1/pairing-codes', { role: 'counter' }, [200, 403, 403]],
    ['POST', '/v1/pairing-codes', { role: 'owner' }, [403, 403, 403]],
    ['POST', '/v1/owner-keys', { kind: 'read' }, [403, 403, 403]],
    ['GET', '/v1/owner-keys', undefined, [403, 403, 403]],
    ['POST', '/v1/webhook-secret', {}, [403, 403, 403]],
  ] as const)('gives each kind of key only its share: %s %s %j', async (method, url, payload, [asOwnerKey, asRead, asPayments]) => {
    const keys = await Promise.all((['owner', 'read', 'payments'] as const).map(async (kind) => (await makeKey(owner.credential, kind)).key));
    expect((await call(method, url, owner.credential, payload)).statusCode).toBe(200);
    const got = await Promise.all(keys.map(async (key) => (await call(method, url, key, payload)).statusCode));
    expect(got).toEqual([asOwnerKey, asRead, asPayments]);
  });

  it('lists the shop’s keys with label, kind, when, by whom and last use, and revokes one at once', async () => {
    const made = await makeKey(owner.credential, 'read', 'Accounts');
    hub.clock.advance(1_000);
    const byCommand = await makeOwnerKey(store, { shopId: hub.shop.id, label: 'Nightly export', kind: 'owner', origin: 'command', madeByTerminal: null }, hub.clock.now);
    hub.clock.advance(60_000);
    expect((await call('GET', `/v1/days/${DAY}/summary`, made.key)).statusCode).toBe(200);
    const keys = await listed();
    expect(keys).toEqual([
      { keyId: made.keyId, label: 'Accounts', kind: 'read', createdAt: made.createdAt, origin: 'terminal', madeBy: { terminalId: owner.terminalId, name: 'Owner laptop' }, lastUsedAt: new Date(hub.clock.now).toISOString(), revoked: false },
      { keyId: byCommand.keyId, label: 'Nightly export', kind: 'owner', createdAt: byCommand.createdAt, origin: 'command', madeBy: null, lastUsedAt: null, revoked: false },
    ]);
    expect(JSON.stringify(keys)).not.toContain(made.key);
    const revoked = await call('DELETE', `/v1/owner-keys/${made.keyId}`, owner.credential);
    expect(revoked.json<OwnerKeyListing>()).toMatchObject({ keyId: made.keyId, revoked: true });
    expect((await call('GET', `/v1/days/${DAY}/summary`, made.key)).statusCode).toBe(401);
    expect((await call('GET', `/v1/days/${DAY}/summary`, byCommand.key)).statusCode).toBe(200);
  });

  it("keeps each shop's keys its own: another shop's key is neither listed nor revoked", async () => {
    const elsewhere = await makeHub(store);
    try {
      const theirOwner = await elsewhere.pair('owner');
      const theirs = (await elsewhere.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(theirOwner.credential), payload: {} })).json<OwnerKeyAnswer>();
      expect((await listed()).map((k) => k.keyId)).not.toContain(theirs.keyId);
      expect((await call('DELETE', `/v1/owner-keys/${theirs.keyId}`, owner.credential)).statusCode).toBe(404);
      expect((await elsewhere.app.inject({ method: 'GET', url: `/v1/days/${DAY}/summary`, headers: bearer(theirs.key) })).statusCode).toBe(200);
    } finally {
      await elsewhere.app.close();
    }
  });

  it('revokes the keys an owner terminal made when that terminal is revoked; the owner’s own keys stay', async () => {
    const laptop = await hub.pair('owner', 'Second laptop');
    const its = await makeKey(laptop.credential, 'owner', 'Made on the laptop');
    const mine = await makeKey(owner.credential, 'read', 'Made here');
    expect((await call('GET', `/v1/days/${DAY}/summary`, its.key)).statusCode).toBe(200);
    expect((await call('DELETE', `/v1/terminals/${laptop.terminalId}`, owner.credential)).statusCode).toBe(200);
    expect((await call('GET', `/v1/days/${DAY}/summary`, its.key)).statusCode).toBe(401);
    expect((await call('POST', '/v1/pairing-codes', its.key, { role: 'counter' })).statusCode).toBe(401);
    expect((await call('GET', `/v1/days/${DAY}/summary`, mine.key)).statusCode).toBe(200);
    expect((await listed()).find((k) => k.keyId === its.keyId)).toMatchObject({ revoked: true, madeBy: { terminalId: laptop.terminalId } });
  });
});
