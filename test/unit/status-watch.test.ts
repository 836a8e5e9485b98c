import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QrPaymentStatus } from '../../electron/core/bos';
import type { BosPayment } from '../../electron/core/sale/payment-judgement';
import { StatusWatch } from '../../electron/core/sale/status-watch';
import type { SaleView } from '../../electron/contract/views';

const view = (state: SaleView['state'], saleId = 's1'): SaleView => ({
  saleId, state, amountPaise: 25_000, requestedAt: '2026-12-01T10:00:00.000Z',
  qr: state === 'showing' ? { intent: 'upi://pay', payeeName: 'Shop', payeeVpa: 'shop@x', txnRef: `REF_${saleId}`, qrId: `qr_${saleId}`, remainingMs: 1, ttlMs: 1, expiryStated: true, expiresAt: null } : null,
  reference: null, utr: null, paidAt: null, paidAfterExpiry: false, paidAfterCancel: false, confirmedBy: null, payment: null, reported: null, error: null,
});

function setup(answers: Array<QrPaymentStatus | Promise<QrPaymentStatus>>, enabled = true) {
  const asked: string[] = [];
  const paid: BosPayment[] = [];
  let inFlight = 0;
  let most = 0;
  const watch = new StatusWatch({
    enabled: () => enabled,
    client: () => ({
      checkQrStatus: async (q) => {
        asked.push(q.txnRefranceID);
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await (answers.shift() ?? { state: 'pending' as const });
        } finally {
          inFlight -= 1;
        }
      },
    }),
    onPaid: async (p) => void paid.push(p),
  });
  return { watch, asked, paid, most: () => most };
}

describe('the status call as a second source', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks about every three seconds while the QR shows, and stops at the first explicit paid answer for the amount', async () => {
    const t = setup([{ state: 'pending' }, { state: 'unknown', reason: 'odd answer' }, { state: 'paid', amountPaise: 25_000, utr: '412345678901' }]);
    t.watch.follow(view('showing'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(t.asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(9_100);
    expect(t.asked).toEqual(['REF_s1', 'REF_s1', 'REF_s1']);
    expect(t.paid).toEqual([expect.objectContaining({ paymentId: 'status:REF_s1', saleId: 's1', qrId: 'qr_s1', amountPaise: 25_000, utr: '412345678901', via: 'status' })]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.asked).toHaveLength(3);
  });

  it('a paid answer for another amount is not taken as paid', async () => {
    const t = setup([{ state: 'paid', amountPaise: 2_500 }]);
    t.watch.follow(view('showing'));
    await vi.advanceTimersByTimeAsync(6_100);
    expect(t.paid).toEqual([]);
    expect(t.asked).toHaveLength(2);
  });

  it('asks one question at a time, however slow BOS is', async () => {
    let answer!: (a: QrPaymentStatus) => void;
    const t = setup([new Promise<QrPaymentStatus>((resolve) => (answer = resolve))]);
    t.watch.follow(view('showing'));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(t.asked).toHaveLength(1);
    answer({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(3_100);
    expect(t.asked).toHaveLength(2);
    expect(t.most()).toBe(1);
  });

  it('asks once more 30 s after the QR expired, then stops; a cancel stops it at once', async () => {
    const t = setup([]);
    t.watch.follow(view('showing'));
    await vi.advanceTimersByTimeAsync(3_100);
    t.watch.follow(view('expired'));
    await vi.advanceTimersByTimeAsync(29_000);
    expect(t.asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(t.asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.asked).toHaveLength(2);

    t.watch.follow(view('showing', 's2'));
    t.watch.follow(view('cancelled', 's2'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.asked).toHaveLength(2);
  });

  it('when off (Live, until the owner turns it on) asks nothing', async () => {
    const t = setup([], false);
    t.watch.follow(view('showing'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.asked).toEqual([]);
    expect(t.watch.active()).toBe(false);
  });
});
