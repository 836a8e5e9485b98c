// The hub folds sales in batches as they arrive, the counter a whole journal at once: both with the one fold
// of electron/contract/sale-fold.ts, which must say the same of every sale either way.
import { describe, expect, it } from 'vitest';
import { applySaleEvent, foldSale, foldSales, newFoldedSale as newSale, saleIdOf, type FoldEvent, type FoldedSale as HubSale } from '../../electron/contract/sale-fold';
import type { JournalEvent } from '../../electron/contract/journal';
import { comparable, random, randomJournal } from './journal-events';

const SEQUENCES = 2_000;

function bySale(events: readonly JournalEvent[]): Map<string, FoldEvent[]> {
  const out = new Map<string, FoldEvent[]>();
  for (const e of events) {
    const saleId = saleIdOf(e.type, e.data);
    if (saleId) out.set(saleId, [...(out.get(saleId) ?? []), { id: e.id, type: e.type, at: e.at, data: e.data }]);
  }
  return out;
}

/** The hub's incremental fold: events arrive in batches in any order; a batch above the fold goes on top, one below folds again. */
function foldInBatches(events: readonly JournalEvent[], rnd: () => number): Map<string, HubSale> {
  const batches: JournalEvent[][] = [];
  for (let i = 0; i < events.length; ) {
    const size = 1 + Math.floor(rnd() * 6);
    batches.push(events.slice(i, i + size));
    i += size;
  }
  batches.sort(() => rnd() - 0.5);
  const held = new Map<string, FoldEvent[]>();
  const sales = new Map<string, HubSale>();
  for (const batch of batches) {
    for (const [saleId, fresh] of bySale(batch)) {
      const all = [...(held.get(saleId) ?? []), ...fresh];
      held.set(saleId, all);
      const current = sales.get(saleId);
      if (current && fresh[0]!.id < current.lastEventId) sales.set(saleId, foldSale(saleId, all)!);
      else {
        const sale = current ?? newSale(saleId, fresh[0]!);
        for (const e of fresh) applySaleEvent(sale, e);
        sales.set(saleId, sale);
      }
    }
  }
  return sales;
}

describe("the sales fold, a journal at once (the counter) and in batches (the hub)", () => {
  it(`says of each sale folded alone what the whole journal's fold says, on ${SEQUENCES} random journals`, () => {
    for (let seed = 1; seed <= SEQUENCES; seed += 1) {
      const { events } = randomJournal(seed);
      const counter = [...foldSales(events).values()].map(comparable);
      const hub = [...bySale(events)].map(([saleId, evs]) => comparable(foldSale(saleId, evs)!));
      expect(hub, `seed ${seed}`).toEqual(counter);
    }
  });

  it('says the same when the events came in batches in any order, folded on top or again from all', () => {
    for (let seed = 1; seed <= SEQUENCES; seed += 1) {
      const { events } = randomJournal(seed);
      const counter = new Map([...foldSales(events)].map(([id, s]) => [id, comparable(s)]));
      const hub = new Map([...foldInBatches(events, random(seed * 7919))].map(([id, s]) => [id, comparable(s)]));
      expect(hub, `seed ${seed}`).toEqual(counter);
    }
  });

  it('keeps when it was paid while it is paid, and forgets it when the sale leaves paid', () => {
    const at = (m: number) => new Date(Date.parse('2026-12-01T10:00:00Z') + m * 60_000).toISOString();
    const sale = foldSale('s', [
      { id: 1, type: 'sale.requested', at: at(0), data: { saleId: 's', amountPaise: 500 } },
      { id: 2, type: 'sale.paid', at: at(1), data: { saleId: 's', utr: 'U' } },
      { id: 3, type: 'sale.payment_confirmed', at: at(2), data: { saleId: 's', utr: 'U' } },
    ])!;
    expect(sale).toMatchObject({ state: 'paid', paidAt: at(1), confirmedBy: 'bos' });
    applySaleEvent(sale, { id: 4, type: 'sale.cancelled', at: at(3), data: { saleId: 's' } });
    expect(sale).toMatchObject({ state: 'cancelled', paidAt: null });
  });

  it("takes a sale's amount from its first line, and reads no sale from a line without a saleId or of another kind", () => {
    expect(foldSale('s', [{ id: 9, type: 'sale.paid', at: '2026-12-01T10:00:00.000Z', data: { saleId: 's', amountPaise: 700 } }, { id: 3, type: 'sale.requested', at: '2026-12-01T09:00:00.000Z', data: { saleId: 's', amountPaise: 500 } }])).toMatchObject({ amountPaise: 500, requestedAt: '2026-12-01T09:00:00.000Z' });
    expect(saleIdOf('sale.paid', { saleId: '' })).toBeNull();
    expect(saleIdOf('sale.paid', { saleId: 42 })).toBeNull();
    expect(saleIdOf('refund.claimed', { saleId: 's' })).toBeNull();
  });
});
