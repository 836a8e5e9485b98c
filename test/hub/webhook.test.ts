import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, razorpayBody, upiqrBody, type TestHub } from './hub-support';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe.each(DRIVERS)('BOS webhooks on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let counter: PairAnswer;
  beforeEach(() => {
    store = shared.store;
  });
  beforeEach(async () => {
    hub = await makeHub(store);
    counter = await hub.pair();
  });
  afterEach(() => hub.app.close());

  const post = (payload: string | object, headers: Record<string, string> = {}, path = hub.webhookPath) =>
    hub.app.inject({ method: 'POST', url: path, headers: typeof payload === 'string' ? headers : { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  const expect200 = async (res: Awaited<ReturnType<typeof post>>, duplicate = false) => {
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: '200', message: duplicate ? 'Already received' : 'Received', duplicate });
  };
  const announce = async (o: Parameters<typeof expectation>[0] = {}) => {
    const e = expectation(o);
    const res = await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
    expect(res.statusCode, res.body).toBe(200);
    return e;
  };
  const delivered = async () => (await store.paymentsAfter(counter.terminalId, 0, 100)).map((i) => i.payment);

  it.each([
    ['Razorpay JSON', (qrId: string) => JSON.stringify(razorpayBody({ qrId })), { 'content-type': 'application/json' }],
    ['Razorpay form, the JSON in one field', (qrId: string) => form({ payload: JSON.stringify(razorpayBody({ qrId })) }), FORM],
    ['UPIQR_SUCCESS JSON', (_qr: string, txnRef: string) => JSON.stringify(upiqrBody({ refid: txnRef })), { 'content-type': 'application/json; charset=utf-8' }],
    ['UPIQR_SUCCESS form, flat fields', (_qr: string, txnRef: string) => form({ event: 'UPIQR_SUCCESS', txnstatus: '1', status: 'true', amount: '120.50', refid: txnRef, upi_txn_id: '4123009', ackno: '55' }), FORM],
    ['UPIQR_SUCCESS form, param as JSON', (_qr: string, txnRef: string) => form({ event: 'UPIQR_SUCCESS', param: JSON.stringify(upiqrBody({ refid: txnRef }).param) }), FORM],
  ])('takes %s, stores it and delivers it to the terminal whose QR it pays', async (_what, body, headers) => {
    const e = await announce({ amountPaise: 12_050 });
    await expect200(await post(body(e.qrId, e.txnRef), headers));
    const [payment] = await delivered();
    expect(payment).toMatchObject({ saleId: e.saleId, amountPaise: 12_050, currency: 'INR' });
  });

  it('delivers a payment for a QR that expired long ago: the counter decides what a late payment means', async () => {
    const e = await announce({ expiresAt: '2020-01-01T10:00:00+05:30' });
    await expect200(await post(razorpayBody({ qrId: e.qrId })));
    expect((await delivered()).map((p) => p.saleId)).toEqual([e.saleId]);
  });

  it('answers a repeated delivery 200 and changes nothing', async () => {
    const e = await announce();
    const body = razorpayBody({ qrId: e.qrId });
    await expect200(await post(body));
    const before = await store.counts();
    await expect200(await post(body), true);
    await expect200(await post(form({ payload: JSON.stringify(body) }), FORM), true);
    const after = await store.counts();
    expect({ ...after, webhooks: 0 }).toEqual({ ...before, webhooks: 0 });
    expect(await delivered()).toHaveLength(1);
  });

  it('answers a wrong secret 404 and stores nothing', async () => {
    const before = await store.counts();
    for (const path of ['/bos/webhook/wrong-secret-of-good-length-xxxxx', '/bos/webhook/short', `/bos/webhook/${hub.secret}x`, '/bos/webhook/', '/bos/webhook']) {
      const res = await post(razorpayBody(), {}, path);
      expect(res.statusCode, path).toBe(404);
      expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
    expect(await post('garbage', { 'content-type': 'application/json' }, '/bos/webhook/wrong-secret-of-good-length-xxxxx').then((r) => r.statusCode)).toBe(404);
    expect(await store.counts()).toEqual(before);
  });

  it('keeps a body it cannot read in quarantine with the reason, and answers 400', async () => {
    for (const [body, reason] of [
      ['{"event": "qr_code.credited", ', /not valid JSON/],
      [JSON.stringify({ event: 'qr_code.closed', payload: {} }), /unknown event "qr_code.closed"/],
      [JSON.stringify(razorpayBody({ amount: '12.50' })), /whole paise/],
      ['', /empty/],
    ] as const) {
      const res = await post(body, { 'content-type': 'application/json' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request' } });
      const [entry] = await store.quarantined(1);
      expect(entry).toMatchObject({ shopId: hub.shop.id, contentType: 'application/json' });
      expect(entry!.reason).toMatch(reason);
      expect(Buffer.from(entry!.body).toString()).toBe(body);
    }
    expect(await delivered()).toEqual([]);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const body = JSON.stringify({ ...razorpayBody(), padding: 'x'.repeat(64 * 1024) });
    const res = await post(body, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it('stores a failed payment but never pushes it as paid', async () => {
    const e = await announce();
    await expect200(await post(razorpayBody({ qrId: e.qrId, status: 'failed' })));
    await expect200(await post(upiqrBody({ refid: e.txnRef, txnstatus: 0 })));
    expect(await delivered()).toEqual([]);
    const owner = await hub.pair('owner', 'Owner laptop');
    const unmatched = await hub.app.inject({ method: 'GET', url: '/v1/payments/unmatched', headers: bearer(owner.credential) });
    expect(unmatched.json()).toEqual({ payments: [] });
  });

  describe('with an HMAC secret', () => {
    let signed: TestHub;
    beforeEach(async () => {
      signed = await makeHub(store, { webhookHmacSecret: 'hmac-secret-from-the-dashboard' });
    });
    afterEach(() => signed.app.close());
    const sign = (body: string) => createHmac('sha256', 'hmac-secret-from-the-dashboard').update(body).digest('hex');

    it('takes a body whose X-Razorpay-Signature is the HMAC of its raw bytes', async () => {
      const body = JSON.stringify(razorpayBody());
      const res = await signed.app.inject({ method: 'POST', url: signed.webhookPath, headers: { 'content-type': 'application/json', 'x-razorpay-signature': sign(body) }, payload: body });
      expect(res.statusCode).toBe(200);
    });

    it('refuses a missing or wrong signature with 401 and quarantines the body', async () => {
      const body = JSON.stringify(razorpayBody());
      const reformatted = JSON.stringify(JSON.parse(body), null, 1);
      for (const signature of [undefined, 'nothex', sign(reformatted), sign(body).slice(0, 62)]) {
        const res = await signed.app.inject({ method: 'POST', url: signed.webhookPath, headers: { 'content-type': 'application/json', ...(signature ? { 'x-razorpay-signature': signature } : {}) }, payload: body });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
        expect((await store.quarantined(1))[0]).toMatchObject({ shopId: signed.shop.id, reason: 'missing or wrong X-Razorpay-Signature' });
      }
    });
  });
});
