// Issue 21, item 3 (the hub's half): a stranger's junk never locks a real counter out, and behind a
// proxy nobody can name another's address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import { withCheckDigit } from '../../electron/contract/pairing-code';
import { issuePairingCode } from '../../electron/hub/pairing';
import { DEFAULT_LIMITS } from '../../electron/hub/rate-limit';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, type TestHub } from './hub-support';

const SHOP_PC = '192.0.2.77';

describe.each(DRIVERS)('credentials under junk on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let counter: PairAnswer;
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store);
    counter = await hub.pair();
  });
  afterEach(() => hub.app.close());

  const meFrom = (remoteAddress: string, headers: Record<string, string> = {}) => hub.app.inject({ method: 'GET', url: '/v1/me', headers, remoteAddress });

  it('serves a valid credential from an address that sent any amount of junk (a web page on the shop PC, a neighbour behind the same NAT)', async () => {
    const junk: Record<string, string>[] = [{}, { authorization: 'Bearer' }, { authorization: 'Basic eDp5' }, { authorization: 'Bearer not-a-credential' }];
    for (let i = 0; i < 60; i += 1) {
      const headers = i % 2 === 0 ? junk[i % junk.length]! : bearer(`hubt_${String(i).padStart(43, 'x')}`);
      expect((await meFrom(SHOP_PC, headers)).statusCode).toBe(401);
    }
    expect((await meFrom(SHOP_PC, bearer(counter.credential))).statusCode).toBe(200);
    const announced = await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: expectation(), remoteAddress: SHOP_PC });
    expect(announced.statusCode).toBe(200);
  });

  it('counts nothing for what a web page on the shop PC can send to pairing (a form post is no JSON): the counter there still pairs', async () => {
    const { limit } = DEFAULT_LIMITS.pairingPerAddress;
    for (let i = 0; i < limit * 2; i += 1) {
      const res = await hub.app.inject({ method: 'POST', url: '/v1/pair', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ code: withCheckDigit(`7${String(i).padStart(14, '0')}`), name: 'x' }), remoteAddress: SHOP_PC });
      expect(res.statusCode).toBe(400);
      expect((await hub.app.inject({ method: 'POST', url: '/v1/pair', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'code=1&name=x', remoteAddress: SHOP_PC })).statusCode).toBe(415);
    }
    const { code } = await issuePairingCode(store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' });
    expect((await hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name: 'Counter 4' }, remoteAddress: SHOP_PC })).statusCode).toBe(200);
  });

  it('limits a credential that keeps failing (a revoked counter retrying) by itself, from any address', async () => {
    const owner = await hub.pair('owner', 'Owner laptop');
    const gone = await hub.pair('counter', 'Stolen counter');
    expect((await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${gone.terminalId}`, headers: bearer(owner.credential) })).statusCode).toBe(200);
    const { limit } = DEFAULT_LIMITS.credentialFailures;
    for (let i = 0; i < limit; i += 1) expect((await meFrom(`198.51.100.${i}`, bearer(gone.credential))).statusCode).toBe(401);
    expect((await meFrom('198.51.100.250', bearer(gone.credential))).statusCode).toBe(429);
    expect((await meFrom('198.51.100.250', bearer(counter.credential))).statusCode).toBe(200);
  });
});

describe.each(DRIVERS)('behind a reverse proxy on %s', (driver) => {
  const shared = useSharedStore(driver);
  let hub: TestHub;
  afterEach(() => hub.app.close());

  const wrong = (i: number) => withCheckDigit(`8${String(i).padStart(14, '0')}`);
  const pairVia = (peer: string, forwardedFor: string, code: string) =>
    hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name: 'Counter 5' }, remoteAddress: peer, headers: { 'x-forwarded-for': forwardedFor } });

  it('counts the hop the proxy appended: a client writing the victim’s address in X-Forwarded-For is counted as itself', async () => {
    hub = await makeHub(shared.store, { trustProxy: true });
    const { limit } = DEFAULT_LIMITS.pairingPerAddress;
    // The attacker at 203.0.113.66 sends "X-Forwarded-For: 192.0.2.10"; the proxy on this machine appends 203.0.113.66.
    for (let i = 0; i < limit; i += 1) expect((await pairVia('127.0.0.1', '192.0.2.10, 203.0.113.66', wrong(i))).statusCode).toBe(401);
    const { code } = await issuePairingCode(shared.store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' });
    expect((await pairVia('127.0.0.1', '192.0.2.10, 203.0.113.66', code)).statusCode).toBe(429);
    expect((await pairVia('127.0.0.1', '192.0.2.10', code)).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the proxy: a client reaching the hub directly is its own address', async () => {
    hub = await makeHub(shared.store, { trustProxy: '10.0.0.5' });
    const { limit } = DEFAULT_LIMITS.pairingPerAddress;
    for (let i = 0; i < limit; i += 1) expect((await pairVia('198.51.100.5', `192.0.2.${i}`, wrong(i))).statusCode).toBe(401);
    const { code } = await issuePairingCode(shared.store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' });
    expect((await pairVia('198.51.100.5', '192.0.2.99', code)).statusCode).toBe(429);
    expect((await pairVia('10.0.0.5', '198.51.100.5, 192.0.2.99', code)).statusCode).toBe(200);
  });
});
