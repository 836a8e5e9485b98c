// Issue 21, items 2 and 11: a stranger's guesses never stop another's pairing, a mistyped code never
// pairs into another shop, and no shop floods the code space or the table.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer, PairingCodeAnswer } from '../../electron/contract/hub';
import { groupedPairingCode, pairingCodeProblem, withCheckDigit } from '../../electron/contract/pairing-code';
import { issuePairingCode } from '../../electron/hub/pairing';
import { DEFAULT_LIMITS } from '../../electron/hub/rate-limit';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, openTestStore, useSharedStore } from './drivers';
import { bearer, makeHub, type TestHub } from './hub-support';

/** A code that checks and that no shop was given (15 random digits make a collision beyond belief). */
const stranger = (i: number) => withCheckDigit(`9${String(i).padStart(6, '0')}${String(Date.now() % 1e8).padStart(8, '0')}`);

describe.each(DRIVERS)('pairing codes on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store);
  });
  afterEach(() => hub.app.close());

  const pairWith = (code: string, remoteAddress: string, name = 'Counter 2') => hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name }, remoteAddress });
  const code = () => issuePairingCode(store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' });

  it('lets a right code pair whatever a stranger guessed from many addresses before (no hub-wide limit to fill)', async () => {
    for (let i = 0; i < 60; i += 1) expect((await pairWith(stranger(i), `198.51.100.${i}`)).statusCode).toBe(401);
    const { code: right } = await code();
    const paired = await pairWith(right, '203.0.113.7');
    expect(paired.statusCode).toBe(200);
    expect(paired.json<PairAnswer>().shop.id).toBe(hub.shop.id);
  });

  it('counts an IPv6 /64 as one address: its other addresses are no fresh tries', async () => {
    const { limit } = DEFAULT_LIMITS.pairingPerAddress;
    for (let i = 0; i < limit; i += 1) expect((await pairWith(stranger(i), `2001:db8:1:2::${(i + 1).toString(16)}`)).statusCode).toBe(401);
    const { code: right } = await code();
    expect((await pairWith(right, '2001:db8:1:2:ffff:ffff:ffff:fffe')).statusCode).toBe(429);
    expect((await pairWith(right, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('makes sixteen-digit codes whose last digit checks, typed with or without the spaces between groups; a mistyped one never pairs', async () => {
    const { code: right } = await code();
    expect(right).toMatch(/^\d{16}$/);
    expect(pairingCodeProblem(right)).toBeNull();
    const typos: string[] = [];
    for (let i = 0; i < right.length; i += 1) typos.push(`${right.slice(0, i)}${(Number(right[i]) + 1) % 10}${right.slice(i + 1)}`);
    for (let i = 0; i + 1 < right.length; i += 1) if (right[i] !== right[i + 1]) typos.push(`${right.slice(0, i)}${right[i + 1]}${right[i]}${right.slice(i + 2)}`);
    for (const [i, typo] of typos.entries()) {
      const res = await pairWith(groupedPairingCode(typo), `192.0.2.${i + 1}`);
      expect(res.statusCode, typo).toBe(401);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/mistyped/);
    }
    expect((await pairWith(groupedPairingCode(right), '192.0.2.200')).statusCode).toBe(200);
  });

  it('keeps at most ten codes waiting a shop (429 with the wait), and a spent code frees its place at once', async () => {
    const owner = await hub.pair('owner', 'Owner laptop');
    const make = () => hub.app.inject({ method: 'POST', url: '/v1/pairing-codes', headers: bearer(owner.credential), payload: { role: 'counter' } });
    const made: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await make();
      expect(res.statusCode).toBe(200);
      made.push(res.json<PairingCodeAnswer>().code);
      hub.clock.advance(1_000);
    }
    const full = await make();
    expect(full.statusCode).toBe(429);
    expect(full.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/10 pairing codes waiting/) } });
    // The first of the ten expires 600 s after it was made, 10 s ago.
    expect(Number(full.headers['retry-after'])).toBe(590);
    expect((await pairWith(made[0]!, '192.0.2.30')).statusCode).toBe(200);
    expect((await make()).statusCode).toBe(200);
    expect((await make()).statusCode).toBe(429);
  });
});

describe.each(DRIVERS)('the pairing code table on %s', (driver) => {
  it('holds no code once it is spent or expired', async () => {
    const opened = await openTestStore(driver);
    const hub = await makeHub(opened.store);
    try {
      const codes = await Promise.all([1, 2, 3].map(() => issuePairingCode(opened.store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' })));
      expect((await opened.store.counts()).pairingCodes).toBe(3);
      expect((await hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code: codes[0]!.code, name: 'Counter 1' } })).statusCode).toBe(200);
      expect((await opened.store.counts()).pairingCodes).toBe(2);
      hub.clock.advance(600_000);
      await issuePairingCode(opened.store, hub.clock.now, { shopId: hub.shop.id, role: 'counter' });
      expect((await opened.store.counts()).pairingCodes).toBe(1);
    } finally {
      await hub.app.close();
      await opened.store.close();
      await opened.cleanup();
    }
  });
});
