import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BosClient, BosError, DynamicQr } from '../../electron/core/bos';
import { createMemoryJournal } from '../../electron/core/journal/append';
import { foldSales } from '../../electron/core/journal/fold';
import type { JournalEvent, JournalEventType } from '../../electron/core/journal/types';
import type { Result } from '../../electron/contract/result';
import { Sales } from '../../electron/core/sale';
import type { SaleView } from '../../electron/contract/views';

const qrFor = (amountPaise: number, receivedAt: number): DynamicQr => ({
  intent: `upi://pay?pa=shop@sandbox&pn=Shop&tr=TR1&cu=INR&am=${amountPaise / 100}`,
  qrId: 'qr_1',
  txnRefranceID: 'SBX1',
  amountPaise,
  payeeVpa: 'shop@sandbox',
  payeeName: 'Shop',
  createdAt: '2024-07-28T23:31:16+05:30',
  expiresAt: '2024-07-28T23:36:16+05:30',
  ttlMs: 300_000,
  expiryStated: true,
  receivedAt,
});

function setup(options: { pinned?: { vpa: string; name: string } } = {}) {
  let clock = 0;
  const pending: Array<(r: Result<DynamicQr, BosError>) => void> = [];
  const client: BosClient = {
    createDynamicQr: vi.fn(() => new Promise<Result<DynamicQr, BosError>>((resolve) => pending.push(resolve))),
    requestRefundOtp: vi.fn(),
    claimRefund: vi.fn(),
    checkConnection: vi.fn(),
  };
  const journal = createMemoryJournal();
  const changes: Array<SaleView | null> = [];
  let ids = 0;
  const pinned = options.pinned;
  const checkPayee = pinned ? (payee: { vpa: string; name: string }) => (payee.vpa === pinned.vpa ? { ok: true as const } : { ok: false as const, pinned }) : undefined;
  const sales = new Sales({ client: () => client, journal, now: () => clock, newId: () => `s${++ids}`, onChange: (v) => changes.push(v), ...(checkPayee ? { checkPayee } : {}) });
  return {
    sales, client, journal, changes, pending,
    answer: (r: Result<DynamicQr, BosError>) => pending.shift()?.(r),
    advance: (ms: number) => { clock += ms; vi.advanceTimersByTime(ms); },
    now: () => clock,
  };
}

const types = (journal: { events: Array<{ type: string }> }) => journal.events.map((e) => e.type);

describe('Sales', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('journals the request before calling BOS and the QR after, then shows it', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    expect(types(t.journal)).toEqual(['sale.requested']);
    t.answer({ ok: true, value: qrFor(1000, t.now()) });
    const result = await created;
    expect(result.ok && result.value.state).toBe('showing');
    expect(result.ok && result.value.qr?.remainingMs).toBe(300_000);
    expect(types(t.journal)).toEqual(['sale.requested', 'sale.qr_issued']);
  });

  it('a second create while one is in flight is refused and BOS is asked once', async () => {
    const t = setup();
    const first = t.sales.create(1000);
    const second = await t.sales.create(1000);
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await first;
    expect(t.client.createDynamicQr).toHaveBeenCalledTimes(1);
    expect(await t.sales.create(500)).toMatchObject({ ok: false, error: { code: 'busy' } });
  });

  it('a late answer after cancel is journaled and never displayed', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    const cancelled = await t.sales.cancel('s1');
    expect(cancelled.ok && cancelled.value.state).toBe('cancelled');
    t.answer({ ok: true, value: qrFor(1000, 0) });
    const late = await created;
    expect(late.ok && late.value.state).toBe('cancelled');
    expect(late.ok && late.value.qr).toBeNull();
    expect(t.changes.every((v) => v?.state !== 'showing' && !v?.qr)).toBe(true);
    expect(types(t.journal)).toEqual(['sale.requested', 'sale.cancelled', 'sale.late_answer']);
    expect(t.sales.active()).toBeNull();
  });

  it('expires by elapsed time from the server ttl, then can be marked paid late', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await created;
    t.advance(299_000);
    expect(t.sales.active()?.qr?.remainingMs).toBe(1_000);
    t.advance(1_000);
    await vi.waitFor(() => expect(types(t.journal)).toContain('sale.expired'));
    expect(t.changes.at(-1)?.state).toBe('expired');
    expect(t.changes.at(-1)?.qr).toBeNull();
    const paid = await t.sales.markPaid('s1', { utr: '123456789012' });
    expect(paid).toMatchObject({ ok: true, value: { state: 'paid', paidAfterExpiry: true, utr: '123456789012' } });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.paid', data: { afterExpiry: true, utr: '123456789012' } });
  });

  it('a sale that is over shows no QR but keeps its reference and payee, and a paid one says when', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    const showing = await created;
    expect(showing.ok && showing.value.paidAt).toBeNull();
    const before = Date.now();
    const paid = await t.sales.markPaid('s1');
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;
    expect(paid.value.qr).toBeNull();
    expect(paid.value.reference).toEqual({ txnRef: 'SBX1', payeeName: 'Shop', payeeVpa: 'shop@sandbox' });
    expect(Date.parse(paid.value.paidAt!)).toBeGreaterThanOrEqual(before - 1);
  });

  it('a BOS refusal leaves no QR, keeps the amount and lets the next sale start', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: false, error: { code: 'rejected', message: 'BOS said no: VPA does not exist', bosCode: '400', bosMessage: 'VPA does not exist', mayHaveReached: true } });
    const result = await created;
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '400' } });
    expect(t.changes.at(-1)).toMatchObject({ state: 'failed', amountPaise: 1000, qr: null });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.qr_refused', data: { code: 'rejected', bosCode: '400' } });
    void t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
  });

  it('does not ask BOS when the request cannot be written down', async () => {
    const t = setup();
    t.journal.append = vi.fn().mockRejectedValue(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    const result = await t.sales.create(1000);
    expect(result).toEqual({ ok: false, error: { code: 'not_saved', message: 'Counter cannot save: the disk is full. Free some space on this PC, then try again. No QR was requested.' } });
    expect(t.client.createDynamicQr).not.toHaveBeenCalled();
    expect(t.sales.active()).toBeNull();
  });

  it('a sale cancelled while its request is being written down never asks BOS', async () => {
    const t = setup();
    let written: (() => void) | undefined;
    const append = t.journal.append.bind(t.journal);
    // Only the first line (the request) is held on its way to disk.
    t.journal.append = vi.fn((type, data) => (written ? append(type, data) : new Promise<Awaited<ReturnType<typeof append>>>((resolve) => { written = () => void append(type, data).then(resolve); })));
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(written).toBeTypeOf('function'));
    const cancelling = t.sales.cancel('s1');
    written!();
    expect(await created).toMatchObject({ ok: true, value: { state: 'cancelled', qr: null } });
    await cancelling;
    expect(t.client.createDynamicQr).not.toHaveBeenCalled();
  });

  it('refuses a QR whose payee is not the one this account pins, journals why, and shows no QR', async () => {
    const t = setup({ pinned: { vpa: 'shop@sandbox', name: 'Shop' } });
    const first = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: { ...qrFor(1000, t.now()), payeeVpa: 'attacker@ybl', payeeName: 'Attacker', intent: 'upi://pay?pa=attacker@ybl&pn=Attacker&tr=TR1&cu=INR&am=10' } });
    const result = await first;
    expect(result).toMatchObject({ ok: false, error: { code: 'payee_changed', message: expect.stringContaining('Attacker (attacker@ybl), not Shop (shop@sandbox)') } });
    expect(t.sales.active()).toBeNull();
    expect(t.changes.some((v) => v?.qr)).toBe(false);
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.qr_refused', data: { code: 'payee_changed', payeeVpa: 'attacker@ybl' } });
  });

  it('warns when a UTR was already recorded for another sale, and records the override when the cashier goes on', async () => {
    const t = setup();
    const sell = async () => {
      const created = t.sales.create(1000);
      await vi.waitFor(() => expect(t.pending).toHaveLength(1));
      t.answer({ ok: true, value: qrFor(1000, t.now()) });
      const result = await created;
      if (!result.ok) throw new Error('no sale');
      return result.value.saleId;
    };
    const a = await sell();
    expect(await t.sales.markPaid(a, { utr: '123456789012' })).toMatchObject({ ok: true });
    const b = await sell();
    expect(await t.sales.markPaid(b, { utr: '123456789012' })).toMatchObject({ ok: false, error: { code: 'utr_reused', related: { saleId: a, amountPaise: 1000 } } });
    expect(t.sales.active()).toMatchObject({ saleId: b, state: 'showing' });
    expect(await t.sales.markPaid(b, { utr: '123456789012', overrides: ['utr_reused'] })).toMatchObject({ ok: true, value: { state: 'paid' } });
    expect(t.journal.events.filter((e) => e.type === 'sale.override')).toEqual([expect.objectContaining({ data: expect.objectContaining({ saleId: b, reason: 'utr_reused', earlierSaleId: a }) })]);
  });

  it('a cancelled sale can be marked paid after all, on record as such; other sales cannot', async () => {
    const t = setup();
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, t.now()) });
    const saleId = (await created).ok ? 's1' : '';
    await t.sales.cancel(saleId);
    expect(await t.sales.markPaidLate('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.sales.markPaidLate(saleId, { utr: '998877665544' })).toMatchObject({ ok: true, value: { state: 'paid', paidAfterCancel: true, utr: '998877665544' } });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.paid', data: { saleId, afterCancel: true } });
    expect(await t.sales.markPaidLate(saleId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a sale restored after a restart keeps its time and BOS reference', () => {
    const t = setup();
    t.sales.restore([{ saleId: 's_old', amountPaise: 25_000, state: 'showing', requestedAt: '2026-11-30T09:15:00.000Z', requested: true, terminal: 'Counter 1', billNo: null, note: null, qrId: 'qr_1', txnRef: 'SBX554V000001', payeeVpa: 'shop@sandbox', payeeName: 'Shop', utr: null, paidAt: null, paidAfterExpiry: false, paidAfterCancel: false, confirmedBy: null, error: null, latePayment: null, lastEventId: 0 }]);
    expect(t.sales.active()).toMatchObject({ saleId: 's_old', state: 'unresolved', requestedAt: '2026-11-30T09:15:00.000Z', reference: { txnRef: 'SBX554V000001', payeeVpa: 'shop@sandbox' }, qr: null });
  });

  it('the sales a crash left open, mid-request or with the QR showing, come back unresolved; ended ones do not', () => {
    const t = setup();
    let id = 0;
    const ev = (type: JournalEventType, data: Record<string, unknown>): JournalEvent => ({ id: ++id, type, at: `2026-11-23T10:00:${String(id).padStart(2, '0')}Z`, terminal: 'T', role: 'staff', data });
    const events = [
      ev('sale.requested', { saleId: 'x', amountPaise: 100 }),
      ev('sale.requested', { saleId: 'y', amountPaise: 200 }),
      ev('sale.qr_issued', { saleId: 'y', amountPaise: 200 }),
      ev('sale.requested', { saleId: 'z', amountPaise: 300 }),
      ev('sale.qr_issued', { saleId: 'z', amountPaise: 300 }),
      ev('sale.paid', { saleId: 'z', amountPaise: 300 }),
    ];
    t.sales.restore([...foldSales(events).values()], events);
    expect([...t.sales.resolvable().ids].sort()).toEqual(['x', 'y']);
    expect(t.sales.active()).toMatchObject({ saleId: 'x', state: 'unresolved', amountPaise: 100 });
  });

  it('paid and cancel refuse a sale that is not open, and an unknown id', async () => {
    const t = setup();
    expect(await t.sales.cancel('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const created = t.sales.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await created;
    await t.sales.markPaid('s1');
    expect(await t.sales.cancel('s1')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await t.sales.markPaid('s1')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(types(t.journal).filter((x) => x === 'sale.paid')).toHaveLength(1);
  });
});
