// A QR id or reference belongs to the first counter that announced it: a sibling announcing it too (read
// off the slip) is refused and logged, and the payment both claims match is held for the owner, pushed to
// neither, whichever came first and whichever key they share.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExpectationRequest, PairAnswer, UnmatchedAnswer } from '../../electron/contract/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, razorpayBody, upiqrBody, type TestHub } from './hub-support';

type Key = 'QR id' | 'reference';
type Order = 'the honest counter first' | 'the copying counter first';

describe.each(DRIVERS)('claims on a QR on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let log: string[];
  let honest: PairAnswer;
  let copier: PairAnswer;
  let owner: PairAnswer;
  beforeEach(async () => {
    store = shared.store;
    log = [];
    hub = await makeHub(store, { log: { level: 'info', destination: { write: (line: string) => log.push(line) } } });
    honest = await hub.pair('counter', 'Counter 1');
    copier = await hub.pair('counter', 'Counter 2');
    owner = await hub.pair('owner', 'Owner');
  });
  afterEach(() => hub.app.close());

  const announce = (counter: PairAnswer, e: ExpectationRequest) => hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
  const held = async () => (await hub.app.inject({ method: 'GET', url: '/v1/payments/unmatched', headers: bearer(owner.credential) })).json<UnmatchedAnswer>().payments;
  /** The same QR as the honest counter's by one key, the other its own. */
  const copyOf = (e: ExpectationRequest, key: Key): ExpectationRequest => (key === 'QR id' ? expectation({ qrId: e.qrId }) : expectation({ txnRef: e.txnRef }));

  const cases: Array<[Order, Key]> = [
    ['the honest counter first', 'QR id'],
    ['the honest counter first', 'reference'],
    ['the copying counter first', 'QR id'],
    ['the copying counter first', 'reference'],
  ];
  it.each(cases)('%s, sharing its %s: the later claim is refused (409) and logged, the payment held for the owner and pushed to neither', async (order, key) => {
    const own = expectation();
    const copied = copyOf(own, key);
    const [first, second] = order === 'the honest counter first' ? ([[honest, own], [copier, copied]] as const) : ([[copier, copied], [honest, own]] as const);
    expect((await announce(first[0], first[1])).statusCode).toBe(200);
    const refused = await announce(second[0], second[1]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringContaining('announced this QR or its reference first') } });
    expect(log.join('')).toContain(`"terminalId":"${second[0].terminalId}"`);
    expect(log.join('')).toContain('claim refused');

    const paid = await hub.app.inject({ method: 'POST', url: hub.webhookPath, payload: razorpayBody({ qrId: own.qrId, paymentId: 'pay_contested', notes: { txnRefranceID: own.txnRef } }) });
    expect(paid.statusCode).toBe(200);
    expect(await store.paymentsAfter(honest.terminalId, 0, 10)).toEqual([]);
    expect(await store.paymentsAfter(copier.terminalId, 0, 10)).toEqual([]);
    expect(await held()).toEqual([expect.objectContaining({ paymentId: 'pay_contested', reason: 'claimed_twice', claimedBy: ['Counter 1', 'Counter 2'] })]);
    // Announcing again (the counter's retry) does not hand it over either.
    expect((await announce(first[0], first[1])).statusCode).toBe(200);
    expect(await store.paymentsAfter(first[0].terminalId, 0, 10)).toEqual([]);
  });

  it('gives a payment that came before any claim to the first claim (the hub cannot tell it was copied): the later claim is refused, so its cashier is told', async () => {
    const own = expectation();
    await hub.app.inject({ method: 'POST', url: hub.webhookPath, payload: upiqrBody({ refid: own.txnRef, upiTxnId: 'upi_early' }) });
    expect(await held()).toEqual([expect.objectContaining({ paymentId: 'upi_early', reason: 'unclaimed', claimedBy: [] })]);
    expect((await announce(copier, expectation({ tr: own.txnRef }))).statusCode).toBe(200);
    // The copier announced the reference first and was given it: the honest counter's claim is refused.
    expect((await store.paymentsAfter(copier.terminalId, 0, 10)).map((i) => i.payment.paymentId)).toEqual(['upi_early']);
    expect((await announce(honest, own)).statusCode).toBe(409);
    expect(await store.paymentsAfter(honest.terminalId, 0, 10)).toEqual([]);
  });

  it('still gives each counter its own payment when no one copies: one claim, one delivery', async () => {
    const a = expectation();
    const b = expectation();
    expect((await announce(honest, a)).statusCode).toBe(200);
    expect((await announce(copier, b)).statusCode).toBe(200);
    expect((await announce(honest, a)).json()).toEqual({ saleId: a.saleId, created: false });
    for (const e of [a, b]) await hub.app.inject({ method: 'POST', url: hub.webhookPath, payload: razorpayBody({ qrId: e.qrId, notes: { txnRefranceID: e.txnRef } }) });
    expect((await store.paymentsAfter(honest.terminalId, 0, 10)).map((i) => i.payment.saleId)).toEqual([a.saleId]);
    expect((await store.paymentsAfter(copier.terminalId, 0, 10)).map((i) => i.payment.saleId)).toEqual([b.saleId]);
    expect(await held()).toEqual([]);
  });
});
