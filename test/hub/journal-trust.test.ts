// The owner's "confirmed by BOS" is the hub's own: a sale is so only when the hub holds BOS's payment,
// delivered to that very sale, for its amount and QR. A counter's line saying BOS confirmed it is shown
// as the counter's claim until then, and a payment that reaches the hub later makes it BOS's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExpectationRequest, PairAnswer } from '../../electron/contract/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, razorpayBody, type TestHub } from './hub-support';
import { ev, sales, sendOk, summary } from './journal-support';

describe.each(DRIVERS)("the owner's confirmed by BOS on %s", (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  let one: PairAnswer;
  let two: PairAnswer;
  let owner: PairAnswer;
  beforeEach(async () => {
    store = shared.store;
    hub = await makeHub(store);
    one = await hub.pair('counter', 'Counter 1');
    two = await hub.pair('counter', 'Counter 2');
    owner = await hub.pair('owner', 'Owner');
  });
  afterEach(() => hub.app.close());

  const announce = async (counter: PairAnswer, e: ExpectationRequest) => {
    const res = await hub.app.inject({ method: 'POST', url: '/v1/expectations', headers: bearer(counter.credential), payload: e });
    expect(res.statusCode, res.body).toBe(200);
  };
  const bosPays = async (qrId: string, amount: number, paymentId: string) => {
    const res = await hub.app.inject({ method: 'POST', url: hub.webhookPath, payload: razorpayBody({ qrId, amount, paymentId }) });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** A sale's lines as its counter writes them: requested, QR shown, then what it says of the payment. */
  const lines = (first: number, e: ExpectationRequest, last: 'bos' | 'hand' | 'hand-then-bos', paymentId = 'pay_said') => {
    const said = [ev(first, 'sale.requested', { saleId: e.saleId, amountPaise: e.amountPaise }), ev(first + 1, 'sale.qr_issued', { saleId: e.saleId, amountPaise: e.amountPaise, qrId: e.qrId, txnRef: e.txnRef })];
    const confirmed = (id: number) => ev(id, 'sale.payment_confirmed', { saleId: e.saleId, amountPaise: e.amountPaise, paymentId, utr: '999999999999', via: 'hub' });
    if (last === 'bos') return [...said, confirmed(first + 2)];
    if (last === 'hand') return [...said, ev(first + 2, 'sale.paid', { saleId: e.saleId, amountPaise: e.amountPaise, utr: null })];
    return [...said, ev(first + 2, 'sale.paid', { saleId: e.saleId, amountPaise: e.amountPaise, utr: null }), confirmed(first + 3)];
  };
  const saleOf = async (saleId: string) => (await sales(hub, owner.credential)).find((s) => s.saleId === saleId);

  it('counts a sale as confirmed by BOS only when the hub delivered BOS\'s payment for it; a line saying so with a UTR the hub never received is the counter\'s claim', async () => {
    const paid = expectation({ amountPaise: 25_000 });
    const claimed = expectation({ amountPaise: 40_000 });
    await announce(one, paid);
    await announce(one, claimed);
    await bosPays(paid.qrId, 25_000, 'pay_real');
    await sendOk(hub, one.credential, { events: [...lines(1, paid, 'bos', 'pay_real'), ...lines(4, claimed, 'bos', 'pay_invented')] });

    expect(await saleOf(paid.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'bos' });
    expect(await saleOf(claimed.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'counter_claim' });
    const day = await summary(hub, owner.credential);
    expect(day.all).toMatchObject({ collectedPaise: 65_000, confirmedByBos: 1, claimedByCounter: 1, markedByHand: 0 });
    expect(day.counters.find((c) => c.terminalId === one.terminalId)?.totals).toMatchObject({ confirmedByBos: 1, claimedByCounter: 1 });
  });

  it('keeps a sale marked by hand as the counter\'s claim when a later line says BOS confirmed it and no payment came; as BOS\'s when one did', async () => {
    const noPayment = expectation({ amountPaise: 5_000 });
    const realPayment = expectation({ amountPaise: 6_000 });
    await announce(one, noPayment);
    await announce(one, realPayment);
    await sendOk(hub, one.credential, { events: [...lines(1, noPayment, 'hand-then-bos'), ...lines(5, realPayment, 'hand')] });
    expect(await saleOf(realPayment.saleId)).toMatchObject({ confirmedBy: 'person' });
    await bosPays(realPayment.qrId, 6_000, 'pay_after_hand');
    await sendOk(hub, one.credential, { events: [ev(8, 'sale.payment_confirmed', { saleId: realPayment.saleId, amountPaise: 6_000, paymentId: 'pay_after_hand', afterPaid: true })] });

    expect(await saleOf(noPayment.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'counter_claim' });
    expect(await saleOf(realPayment.saleId)).toMatchObject({ state: 'paid', confirmedBy: 'bos' });
    expect((await summary(hub, owner.credential)).all).toMatchObject({ confirmedByBos: 1, claimedByCounter: 1, markedByHand: 0 });
  });

  it('turns a claim into BOS\'s when BOS\'s payment reaches the hub after the counter\'s line (the status call was first), and tells the owner\'s stream', async () => {
    const e = expectation({ amountPaise: 7_700 });
    await announce(one, e);
    await sendOk(hub, one.credential, { events: lines(1, e, 'bos') });
    expect(await saleOf(e.saleId)).toMatchObject({ confirmedBy: 'counter_claim' });
    const before = await store.latestShopChange(hub.shop.id);
    await bosPays(e.qrId, 7_700, 'pay_late_webhook');
    expect(await saleOf(e.saleId)).toMatchObject({ confirmedBy: 'bos' });
    expect(await store.shopChangesAfter(hub.shop.id, before, 10)).toEqual([expect.objectContaining({ change: { terminalId: one.terminalId, days: [expect.any(String)] } })]);
  });

  it('never counts as BOS\'s a payment of another amount, nor one BOS paid for a sibling counter\'s QR', async () => {
    const shortPaid = expectation({ amountPaise: 30_000 });
    const sibling = expectation({ amountPaise: 12_000 });
    await announce(one, shortPaid);
    await announce(two, sibling);
    await bosPays(shortPaid.qrId, 29_900, 'pay_short');
    await bosPays(sibling.qrId, 12_000, 'pay_sibling');
    // Counter 1 says BOS confirmed its ₹300 sale, and a sale of its own on Counter 2's QR and payment.
    const copied = { ...sibling, saleId: 'copied-sale' };
    await sendOk(hub, one.credential, { events: [...lines(1, shortPaid, 'bos', 'pay_short'), ...lines(4, copied, 'bos', 'pay_sibling')] });
    await sendOk(hub, two.credential, { events: lines(1, sibling, 'bos', 'pay_sibling') });

    expect(await saleOf(shortPaid.saleId)).toMatchObject({ confirmedBy: 'counter_claim' });
    expect(await saleOf('copied-sale')).toMatchObject({ confirmedBy: 'counter_claim' });
    expect(await saleOf(sibling.saleId)).toMatchObject({ confirmedBy: 'bos' });
  });
});
