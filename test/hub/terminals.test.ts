import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer, PairingCodeAnswer, TerminalsAnswer } from '../../electron/contract/hub';
import { withCheckDigit } from '../../electron/contract/pairing-code';
import { issuePairingCode } from '../../electron/hub/pairing';
import { DEFAULT_LIMITS } from '../../electron/hub/rate-limit';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, razorpayBody, type TestHub } from './hub-support';

describe.each(DRIVERS)('pairing and terminals on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  beforeEach(() => {
    store = shared.store;
  });
  beforeEach(async () => {
    hub = await makeHub(store);
  });
  afterEach(() => hub.app.close());

  const pairWith = (code: string, remoteAddress = '192.0.2.10', name = 'Counter 2') => hub.app.inject({ method: 'POST', url: '/v1/pair', payload: { code, name }, remoteAddress });
  const code = (role: 'counter' | 'owner' = 'counter') => issuePairingCode(store, hub.clock.now, { shopId: hub.shop.id, role });
  const get = (url: string, credential: string) => hub.app.inject({ method: 'GET', url, headers: bearer(credential) });

  describe('pairing', () => {
    it('gives a terminal an id and a long random credential for a code, once', async () => {
      const { code: digits } = await code();
      const first = await pairWith(digits);
      expect(first.statusCode).toBe(200);
      const answer = first.json<PairAnswer>();
      expect(answer).toEqual({ terminalId: expect.stringMatching(/^term_/), credential: expect.stringMatching(/^hubt_[A-Za-z0-9_-]{43}$/), role: 'counter', shop: { id: hub.shop.id, name: 'Test shop' } });
      expect((await pairWith(digits)).statusCode).toBe(401);
      const me = await get('/v1/me', answer.credential);
      expect(me.json()).toEqual({ terminalId: answer.terminalId, name: 'Counter 2', role: 'counter', shop: { id: hub.shop.id, name: 'Test shop' } });
    });

    it('refuses a code after its ten minutes', async () => {
      const { code: digits, expiresAt } = await code();
      expect(Date.parse(expiresAt) - hub.clock.now).toBe(600_000);
      hub.clock.advance(600_000);
      const res = await pairWith(digits);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/wrong, used or expired/) } });
    });

    it('rate-limits wrong codes from one address: 429 with Retry-After, even for the right code, until the window passes', async () => {
      const { code: right } = await code();
      const wrong = withCheckDigit('999999999999999');
      const { limit, windowMs } = DEFAULT_LIMITS.pairingPerAddress;
      for (let i = 0; i < limit; i += 1) expect((await pairWith(wrong)).statusCode).toBe(401);
      const limited = await pairWith(right);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
      expect(Number(limited.headers['retry-after'])).toBe(windowMs / 1000);
      expect((await pairWith('not digits at all')).statusCode).toBe(429);
      expect((await pairWith(right, '192.0.2.99')).statusCode).toBe(200);
      hub.clock.advance(windowMs);
      const { code: later } = await code();
      expect((await pairWith(later)).statusCode).toBe(200);
    });

    it('counts a malformed code as a wrong one and refuses bad fields with 400', async () => {
      expect((await pairWith('12345')).statusCode).toBe(401);
      for (const payload of [{ code: 123456, name: 'x' }, { code: '1234567890123450' }, { code: '1234567890123450', name: '' }, { code: '1234567890123450', name: '   ' }, { code: '1234567890123450', name: 'a\u0000b' }, { code: '1'.repeat(40), name: 'x' }]) {
        const res = await hub.app.inject({ method: 'POST', url: '/v1/pair', payload });
        expect(res.statusCode, JSON.stringify(payload)).toBe(400);
        expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
      }
    });
  });

  describe('credentials', () => {
    it('refuses a missing, malformed or unknown credential, and limits one that keeps failing: that credential only', async () => {
      expect((await hub.app.inject({ method: 'GET', url: '/v1/me' })).statusCode).toBe(401);
      expect((await get('/v1/me', 'not-a-credential')).statusCode).toBe(401);
      const unknown = `hubt_${'A'.repeat(43)}`;
      const { limit } = DEFAULT_LIMITS.credentialFailures;
      for (let i = 0; i < limit; i += 1) expect((await get('/v1/me', unknown)).statusCode).toBe(401);
      const limited = await get('/v1/me', unknown);
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const counter = await hub.pair();
      expect((await get('/v1/me', counter.credential)).statusCode).toBe(200);
    });

    it('refuses a revoked terminal at once, and leaves others working', async () => {
      const owner = await hub.pair('owner', 'Owner laptop');
      const counter = await hub.pair();
      const other = await hub.pair('counter', 'Counter 3');
      const revoked = await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${counter.terminalId}`, headers: bearer(owner.credential) });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ terminalId: counter.terminalId, revoked: true });
      const refused = await get('/v1/me', counter.credential);
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.stringMatching(/unpaired/) } });
      expect((await get('/v1/me', other.credential)).statusCode).toBe(200);
    });
  });

  describe('the owner', () => {
    it('makes pairing codes for either role; a counter may not', async () => {
      const owner = await hub.pair('owner', 'Owner laptop');
      const counter = await hub.pair();
      const made = await hub.app.inject({ method: 'POST', url: '/v1/pairing-codes', headers: bearer(owner.credential), payload: { role: 'owner', name: 'Second laptop' } });
      expect(made.statusCode).toBe(200);
      const answer = made.json<PairingCodeAnswer>();
      expect(answer).toEqual({ code: expect.stringMatching(/^\d{16}$/), role: 'owner', expiresAt: new Date(hub.clock.now + 600_000).toISOString() });
      expect((await pairWith(answer.code)).json()).toMatchObject({ role: 'owner' });
      const refused = await hub.app.inject({ method: 'POST', url: '/v1/pairing-codes', headers: bearer(counter.credential), payload: { role: 'counter' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } });
      expect((await hub.app.inject({ method: 'POST', url: '/v1/pairing-codes', headers: bearer(owner.credential), payload: { role: 'admin' } })).statusCode).toBe(400);
    });

    it('lists this shop’s terminals and revokes only its own', async () => {
      const owner = await hub.pair('owner', 'Owner laptop');
      hub.clock.advance(1_000);
      const counter = await hub.pair('counter', 'Counter 1');
      const listing = (await get('/v1/terminals', owner.credential)).json<TerminalsAnswer>();
      expect(listing.terminals.map((x) => [x.name, x.role, x.revoked])).toEqual([['Owner laptop', 'owner', false], ['Counter 1', 'counter', false]]);
      expect(listing.terminals[0]!.lastSeenAt).not.toBeNull();
      expect((await get('/v1/terminals', counter.credential)).statusCode).toBe(403);
      const elsewhere = await makeHub(store);
      try {
        const stranger = await elsewhere.pair();
        expect((await hub.app.inject({ method: 'DELETE', url: `/v1/terminals/${stranger.terminalId}`, headers: bearer(owner.credential) })).statusCode).toBe(404);
        expect((await elsewhere.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(stranger.credential) })).statusCode).toBe(200);
      } finally {
        await elsewhere.app.close();
      }
    });

    it('sees the payments that matched no QR, and loses them from the list once a late QR claims them', async () => {
      const owner = await hub.pair('owner', 'Owner laptop');
      const counter = await hub.pair();
      const e = expectation();
      const body = razorpayBody({ qrId: e.qrId, paymentId: 'pay_late' });
      expect((await hub.app.inject({ method: 'POST', url: hub.webhookPath, payload: body })).statusCode).toBe(200);
      const unmatched = await get('/v1/payments/unmatched', owner.credential);
      expect(unmatched.json()).toEqual({ payments: [expect.objectContaining({ paymentId: 'pay_late', qrId: e.qrId, amountPaise: 12_050, event: 'qr_code.credited', utr: '412345678901' })] });
      expect((await get('/v1/payments/unmatched', counter.credential)).statusCode).toBe(403);
      const announced = await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
      expect(announced.json()).toEqual({ saleId: e.saleId, created: true });
      expect((await get('/v1/payments/unmatched', owner.credential)).json()).toEqual({ payments: [] });
      expect((await store.paymentsAfter(counter.terminalId, 0, 10)).map((i) => i.payment.paymentId)).toEqual(['pay_late']);
    });
  });

  describe('expectations', () => {
    it('are idempotent by saleId, refuse another QR for the same sale, and check their types strictly', async () => {
      const counter = await hub.pair();
      const e = expectation();
      const send = (payload: unknown) => hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: payload as object });
      expect((await send(e)).json()).toEqual({ saleId: e.saleId, created: true });
      expect((await send(e)).json()).toEqual({ saleId: e.saleId, created: false });
      const clash = await send({ ...e, qrId: 'qr_another' });
      expect(clash.statusCode).toBe(409);
      expect(clash.json()).toMatchObject({ error: { code: 'conflict' } });
      for (const bad of [{ ...e, amountPaise: '12050' }, { ...e, amountPaise: 120.5 }, { ...e, amountPaise: 0 }, { ...e, qrId: '' }, { ...e, tr: 5 }, { saleId: 'x' }, { ...e, saleId: 'has space' }]) {
        const res = await send(bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect((await send({ ...expectation(), extra: 'ignored' })).statusCode).toBe(200);
    });
  });
});
