import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BosClient, DynamicQr } from '../../electron/core/bos';
import type { BosPayment } from '../../electron/core/sale/payment-judgement';
import { foldSales } from '../../electron/core/journal/fold';
import { createMemoryJournal } from '../../electron/core/journal/append';
import { Sales } from '../../electron/core/sale';
import type { LatePaymentView } from '../../electron/contract/views';

const qrFor = (amountPaise: number, qrId: string): DynamicQr => ({
  intent: `upi://pay?pa=shop@sandbox&pn=Shop&tr=TR${qrId}&cu=INR&am=${amountPaise / 100}`,
  qrId,
  txnRefranceID: `REF_${qrId}`,
  amountPaise,
  payeeVpa: 'shop@sandbox',
  payeeName: 'Shop',
  createdAt: null,
  expiresAt: null,
  ttlMs: 300_000,
  expiryStated: true,
  receivedAt: 0,
});

function setup(options: { confirming?: boolean } = {}) {
  let clock = 0;
  let qrs = 0;
  const client: BosClient = {
    createDynamicQr: vi.fn(async ({ amountPaise }) => ({ ok: true as const, value: { ...qrFor(amountPaise, `qr_${++qrs}`), receivedAt: clock } })),
    requestRefundOtp: vi.fn(),
    claimRefund: vi.fn(),
    checkConnection: vi.fn(),
  };
  const journal = createMemoryJournal();
  const late: LatePaymentView[][] = [];
  let ids = 0;
  const sales = new Sales({
    client: () => client, journal, now: () => clock, newId: () => `s${++ids}`, onChange: () => undefined,
    onLateChange: (list) => late.push(list), confirmationExpected: () => options.confirming ?? false,
  });
  const sell = async (amountPaise = 25_000) => {
    const result = await sales.create(amountPaise);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const payment = (saleId: string, qrId: string, extra: Partial<BosPayment> = {}): BosPayment => ({
    paymentId: `pay_${saleId}_${qrId}`, saleId, qrId, amountPaise: 25_000, currency: 'INR', utr: '412345678901', payerVpa: 'customer@okicici', via: 'hub', ...extra,
  });
  return { sales, journal, late, sell, payment, advance: (ms: number) => { clock += ms; vi.advanceTimersByTime(ms); } };
}

const types = (journal: { events: Array<{ type: string }> }) => journal.events.map((e) => e.type);

describe('a payment BOS reports', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('for the QR on screen, with its amount in INR, makes the sale paid, confirmed by BOS, with the UTR', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(t.sales.active()).toBeNull();
    const paid = t.journal.events.at(-1)!;
    expect(paid).toMatchObject({ type: 'sale.payment_confirmed', data: { saleId: sale.saleId, paymentId: `pay_${sale.saleId}_qr_1`, utr: '412345678901', payerVpa: 'customer@okicici', via: 'hub' } });
    const folded = foldSales(t.journal.events).get(sale.saleId)!;
    expect(folded).toMatchObject({ state: 'paid', utr: '412345678901' });
  });

  it('delivered twice changes nothing the second time', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    const before = t.journal.events.length;
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(t.journal.events).toHaveLength(before);
  });

  it('for another amount is never taken as paid: the cashier sees what BOS reports and decides', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1', { amountPaise: 2_500 }));
    expect(t.sales.active()).toMatchObject({ state: 'showing', confirmedBy: null, reported: { reason: 'other_amount', amountPaise: 2_500, utr: '412345678901' } });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.payment_reported', data: { reason: 'other_amount', reportedPaise: 2_500, saleAmountPaise: 25_000 } });
    expect(t.late).toEqual([]);
  });

  it('for another QR, or not in INR, is not this sale\'s payment', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_other'));
    await t.sales.applyBosPayment({ ...t.payment(sale.saleId, 'qr_1'), paymentId: 'pay_usd', currency: 'USD' });
    expect(t.sales.active()).toMatchObject({ state: 'showing', confirmedBy: null });
    expect(t.journal.events.filter((e) => e.type === 'sale.payment_reported').map((e) => e.data.reason)).toEqual(['ignored', 'ignored']);
  });

  it('after the sale was cancelled is shown at once on the late list, never dropped; kept, it is paid and confirmed by BOS', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.cancel(sale.saleId);
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(t.late.at(-1)).toEqual([expect.objectContaining({ saleId: sale.saleId, reason: 'after_cancel', amountPaise: 25_000, utr: '412345678901' })]);
    expect(foldSales(t.journal.events).get(sale.saleId)!.state).toBe('cancelled');
    expect(t.sales.resolvable().paidLate.has(sale.saleId)).toBe(true);
    const kept = await t.sales.markPaidLate(sale.saleId);
    expect(kept).toMatchObject({ ok: true, value: { state: 'paid', confirmedBy: 'bos', paidAfterCancel: true, utr: '412345678901' } });
    expect(t.late.at(-1)).toEqual([]);
  });

  it('after the sale was cancelled can instead be noted as refunded to the customer', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.cancel(sale.saleId);
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(await t.sales.settleLateRefunded(sale.saleId)).toEqual({ ok: true, value: [] });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.override', data: { reason: 'late_payment_refunded', saleId: sale.saleId } });
    expect(await t.sales.settleLateRefunded(sale.saleId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('after expiry, with the expired QR still on screen, pays the sale (late); once the cashier moved on, it goes on the late list', async () => {
    const t = setup();
    const first = await t.sell();
    t.advance(300_001);
    await t.sales.applyBosPayment(t.payment(first.saleId, 'qr_1'));
    expect(foldSales(t.journal.events).get(first.saleId)).toMatchObject({ state: 'paid', paidAfterExpiry: true });

    const second = await t.sell();
    t.advance(300_001);
    const third = await t.sell(10_000);
    await t.sales.applyBosPayment(t.payment(second.saleId, 'qr_2'));
    expect(t.late.at(-1)).toEqual([expect.objectContaining({ saleId: second.saleId, reason: 'after_expiry' })]);
    expect(t.sales.active()).toMatchObject({ saleId: third.saleId, state: 'showing' });
  });

  it('for a sale a person already marked paid records that BOS confirmed it too', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.markPaid(sale.saleId);
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.payment_confirmed', data: { afterPaid: true } });
  });
});

describe('marking paid by hand with a hub connected', () => {
  it('asks once (not_confirmed); answered "anyway", it is paid by a person and the override is on record first', async () => {
    const t = setup({ confirming: true });
    const sale = await t.sell();
    expect(await t.sales.markPaid(sale.saleId)).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(await t.sales.markPaid(sale.saleId, { overrides: ['not_confirmed'] })).toMatchObject({ ok: true, value: { state: 'paid', confirmedBy: 'person' } });
    expect(types(t.journal).slice(-2)).toEqual(['sale.override', 'sale.paid']);
    expect(t.journal.events.at(-2)).toMatchObject({ data: { reason: 'not_confirmed' } });
  });
});

describe('after a restart', () => {
  it('an open late payment is still on the list, and a payment already taken is recognised by its id', async () => {
    const t = setup();
    const sale = await t.sell();
    await t.sales.cancel(sale.saleId);
    await t.sales.applyBosPayment(t.payment(sale.saleId, 'qr_1'));

    const again = new Sales({ client: () => { throw new Error('no BOS'); }, journal: createMemoryJournal(), now: () => 0, newId: () => 'x', onChange: () => undefined });
    again.restore([...foldSales(t.journal.events).values()], t.journal.events);
    expect(again.latePayments()).toEqual([expect.objectContaining({ saleId: sale.saleId, reason: 'after_cancel', amountPaise: 25_000 })]);
    await again.applyBosPayment(t.payment(sale.saleId, 'qr_1'));
    expect(again.latePayments()).toHaveLength(1);
    expect(await again.markPaidLate(sale.saleId)).toMatchObject({ ok: true, value: { state: 'paid', confirmedBy: 'bos' } });
    expect(again.latePayments()).toEqual([]);
  });
});
