import { describe, expect, it } from 'vitest';
import type { SaleHistoryRow } from '../../electron/contract/views';
import { filterRows } from '../../renderer/src/screens/history/rowFilter';

const sale = (id: string, amountPaise: number, utr: string | null = null): SaleHistoryRow => ({
  kind: 'sale', id, at: '2026-11-23T10:00:00.000Z', terminal: 'Counter 1', note: null, noteCode: null, nextStep: null,
  state: 'paid', amountPaise, bosReference: 'SBX554V000001', utr, paidAt: null, payeeName: null, payeeVpa: null, paidAfterExpiry: false, canResolve: false,
  paidAfterCancel: false, confirmedBy: 'person', canMarkPaidLate: false, latePayment: null, bosCode: null, bosMessage: null,
});

// Sale ids are random hex, and the search matches part of any reference: what test/ui/history.test.ts relies on.
describe('History search against random sale ids', () => {
  const rows = [sale('s_1f2e3d4c5b6a7980', 45_000), sale('s_9a0450bb12cd34ef', 9_950), sale('s_41234567aa00bb11', 7_700), sale('s_0c0d0e0f01020304', 125_000, '412345678901')];

  it('bare digits also find an id that holds them', () => {
    expect(filterRows(rows, 'all', '450').map((r) => r.id)).toEqual(['s_1f2e3d4c5b6a7980', 's_9a0450bb12cd34ef']);
    expect(filterRows(rows, 'all', '41234567').map((r) => r.id)).toEqual(['s_41234567aa00bb11', 's_0c0d0e0f01020304']);
  });

  it('an amount with its ₹ sign finds that amount alone; a whole UTR finds its sale alone', () => {
    expect(filterRows(rows, 'all', '₹450').map((r) => r.id)).toEqual(['s_1f2e3d4c5b6a7980']);
    expect(filterRows(rows, 'all', '412345678901').map((r) => r.id)).toEqual(['s_0c0d0e0f01020304']);
  });
});
