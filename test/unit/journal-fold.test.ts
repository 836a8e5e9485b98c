import { describe, expect, it } from 'vitest';
import { foldSales } from '../../electron/core/journal/fold';
import type { JournalEvent, JournalEventType } from '../../electron/core/journal/types';

let id = 0;
const ev = (type: JournalEventType, data: Record<string, unknown>): JournalEvent => ({ id: ++id, type, at: `2026-11-23T10:00:${String(id).padStart(2, '0')}Z`, terminal: 'T', role: 'staff', data });

describe('folding the journal', () => {
  it('gives each sale its last state, with paid-after-expiry and the UTR', () => {
    const sales = foldSales([
      ev('sale.requested', { saleId: 'a', amountPaise: 1000 }),
      ev('sale.qr_issued', { saleId: 'a', amountPaise: 1000, qrId: 'qr_1', txnRef: 'T1' }),
      ev('sale.expired', { saleId: 'a', amountPaise: 1000 }),
      ev('sale.paid', { saleId: 'a', amountPaise: 1000, utr: '123456789012', afterExpiry: true }),
      ev('sale.requested', { saleId: 'b', amountPaise: 500 }),
      ev('sale.qr_refused', { saleId: 'b', amountPaise: 500, code: 'rejected', message: 'no' }),
      ev('sale.requested', { saleId: 'c', amountPaise: 700 }),
      ev('sale.cancelled', { saleId: 'c', amountPaise: 700 }),
      ev('sale.late_answer', { saleId: 'c', amountPaise: 700 }),
    ]);
    expect(sales.get('a')).toMatchObject({ state: 'paid', utr: '123456789012', paidAfterExpiry: true, qrId: 'qr_1', txnRef: 'T1' });
    expect(sales.get('b')).toMatchObject({ state: 'failed', error: { code: 'rejected' } });
    expect(sales.get('c')).toMatchObject({ state: 'cancelled' });
  });

});
