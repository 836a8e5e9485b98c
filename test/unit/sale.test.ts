import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BosClient, BosError, DynamicQr } from '../../electron/core/bos';
import { createMemoryJournal } from '../../electron/core/journal/append';
import type { Result } from '../../electron/contract/result';
import { SaleDesk } from '../../electron/core/sale';
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

function setup() {
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
  const desk = new SaleDesk({ client: () => client, journal, now: () => clock, newId: () => `s${++ids}`, onChange: (v) => changes.push(v) });
  return {
    desk, client, journal, changes, pending,
    answer: (r: Result<DynamicQr, BosError>) => pending.shift()?.(r),
    advance: (ms: number) => { clock += ms; vi.advanceTimersByTime(ms); },
    now: () => clock,
  };
}

const types = (journal: { events: Array<{ type: string }> }) => journal.events.map((e) => e.type);

describe('SaleDesk', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('journals the request before calling BOS and the QR after, then shows it', async () => {
    const t = setup();
    const created = t.desk.create(1000);
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
    const first = t.desk.create(1000);
    const second = await t.desk.create(1000);
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await first;
    expect(t.client.createDynamicQr).toHaveBeenCalledTimes(1);
    expect(await t.desk.create(500)).toMatchObject({ ok: false, error: { code: 'busy' } });
  });

  it('a late answer after cancel is journaled and never displayed', async () => {
    const t = setup();
    const created = t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    const cancelled = await t.desk.cancel('s1');
    expect(cancelled.ok && cancelled.value.state).toBe('cancelled');
    t.answer({ ok: true, value: qrFor(1000, 0) });
    const late = await created;
    expect(late.ok && late.value.state).toBe('cancelled');
    expect(late.ok && late.value.qr).toBeNull();
    expect(t.changes.every((v) => v?.state !== 'showing' && !v?.qr)).toBe(true);
    expect(types(t.journal)).toEqual(['sale.requested', 'sale.cancelled', 'sale.late_answer']);
    expect(t.desk.active()).toBeNull();
  });

  it('expires by elapsed time from the server ttl, then can be marked paid late', async () => {
    const t = setup();
    const created = t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await created;
    t.advance(299_000);
    expect(t.desk.active()?.qr?.remainingMs).toBe(1_000);
    t.advance(1_000);
    await vi.waitFor(() => expect(types(t.journal)).toContain('sale.expired'));
    expect(t.changes.at(-1)?.state).toBe('expired');
    expect(t.changes.at(-1)?.qr).toBeNull();
    const paid = await t.desk.markPaid('s1', '123456789012');
    expect(paid).toMatchObject({ ok: true, value: { state: 'paid', paidAfterExpiry: true, utr: '123456789012' } });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.paid', data: { afterExpiry: true, utr: '123456789012' } });
  });

  it('a sale that is over shows no QR but keeps its reference and payee, and a paid one says when', async () => {
    const t = setup();
    const created = t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    const showing = await created;
    expect(showing.ok && showing.value.paidAt).toBeNull();
    const before = Date.now();
    const paid = await t.desk.markPaid('s1', undefined);
    expect(paid.ok).toBe(true);
    if (!paid.ok) return;
    expect(paid.value.qr).toBeNull();
    expect(paid.value.reference).toEqual({ txnRef: 'SBX1', payeeName: 'Shop', payeeVpa: 'shop@sandbox' });
    expect(Date.parse(paid.value.paidAt!)).toBeGreaterThanOrEqual(before - 1);
  });

  it('a BOS refusal leaves no QR, keeps the amount and lets the next sale start', async () => {
    const t = setup();
    const created = t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: false, error: { code: 'rejected', message: 'BOS said no: VPA does not exist', bosCode: '400', bosMessage: 'VPA does not exist', mayHaveReached: true } });
    const result = await created;
    expect(result).toMatchObject({ ok: false, error: { code: 'rejected', bosCode: '400' } });
    expect(t.changes.at(-1)).toMatchObject({ state: 'failed', amountPaise: 1000, qr: null });
    expect(t.journal.events.at(-1)).toMatchObject({ type: 'sale.qr_refused', data: { code: 'rejected', bosCode: '400' } });
    void t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
  });

  it('does not ask BOS when the request cannot be written down', async () => {
    const t = setup();
    t.journal.append = vi.fn().mockRejectedValue(new Error('ENOSPC'));
    const result = await t.desk.create(1000);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(t.client.createDynamicQr).not.toHaveBeenCalled();
  });

  it('paid and cancel refuse a sale that is not open, and an unknown id', async () => {
    const t = setup();
    expect(await t.desk.cancel('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const created = t.desk.create(1000);
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.answer({ ok: true, value: qrFor(1000, 0) });
    await created;
    await t.desk.markPaid('s1', undefined);
    expect(await t.desk.cancel('s1')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await t.desk.markPaid('s1', undefined)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(types(t.journal).filter((x) => x === 'sale.paid')).toHaveLength(1);
  });
});
