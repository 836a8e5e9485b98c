import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import type { JournalEvent } from '../../electron/contract/journal';
import { foldSales } from '../../electron/core/journal/fold';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { bearer, makeHub, type TestHub } from './hub-support';
import { expectedShopSale, istDayOf, random, randomJournal } from './journal-events';
import { cursor, DAY, ev, NOON, paidSale, sales, send, sendOk, summary, totals } from './journal-support';

describe.each(DRIVERS)('journal intake on %s', (driver) => {
  const shared = useSharedStore(driver);
  // Nothing of a refused batch is kept, so one hub and counter serve every case.
  describe('malformed batches', () => {
    let hub: TestHub;
    let counter: PairAnswer;
    let owner: PairAnswer;
    beforeAll(async () => {
      hub = await makeHub(shared.store);
      counter = await hub.pair('counter', 'Counter 1');
      owner = await hub.pair('owner', 'Owner laptop');
    });
    afterAll(() => hub.app.close());

    it.each([
      ['an id that is not a whole number', { id: 1.5 }],
      ['an id of 0', { id: 0 }],
      ['a type that is no journal type', { type: 'Sale Paid' }],
      ['a role that is neither staff nor owner', { role: 'admin' }],
      ['a time without its zone', { at: '2026-12-01T10:00:00' }],
      ['a time past what the hub keeps', { at: '+099999-01-01T00:00:00.000Z' }],
      ['no time at all', { at: undefined }],
      ['data that is a list', { data: [1, 2] }],
      ['data that is null', { data: null }],
      ['data over 16 KB', { data: { saleId: 'x', note: 'n'.repeat(16 * 1024) } }],
      ['data nested 40 deep', { data: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as Record<string, unknown> }],
      ['a NUL character in data', { data: { saleId: 'x', note: 'a\u0000b' } }],
      ['a sale id of 200 characters', { data: { saleId: 's'.repeat(200), amountPaise: 1 } }],
      ['paise that are not whole', { data: { saleId: 'x', amountPaise: 12.5 } }],
      ['paise below zero', { data: { saleId: 'x', amountPaise: -100 } }],
    ])('refuses a batch with %s (400) and keeps none of it', async (_what, change) => {
      const bad = { ...ev(2, 'sale.paid', { saleId: 'x', amountPaise: 100 }), ...change };
      const { status, body } = await send(hub, counter.credential, { events: [ev(1, 'sale.requested', { saleId: 'x', amountPaise: 100 }), bad] });
      expect(status).toBe(400);
      expect(body.error?.code).toBe('bad_request');
      expect(await cursor(hub, counter.credential)).toBeNull();
      expect((await summary(hub, owner.credential)).all.sales).toEqual(totals());
    });

    it.each([
      ['ids that do not rise', { events: [ev(2, 'sale.requested', { saleId: 'x' }), ev(1, 'sale.paid', { saleId: 'x' })] }],
      ['the same id twice', { events: [ev(1, 'sale.requested', { saleId: 'x' }), ev(1, 'sale.paid', { saleId: 'x' })] }],
      ['501 events', { events: Array.from({ length: 501 }, (_, i) => ev(i + 1, 'settings.changed', { fields: [] })) }],
      ['no events list', { reported: [] }],
      ['a reported day the calendar lacks', { events: [ev(1, 'sale.requested', { saleId: 'x' })], reported: [{ day: '2026-02-30', sales: totals() }] }],
      ['a reported day without every state', { events: [ev(1, 'sale.requested', { saleId: 'x' })], reported: [{ day: DAY, sales: { paid: { count: 1, paise: 1 } } }] }],
      ['a reported day given twice', { events: [ev(1, 'sale.requested', { saleId: 'x' })], reported: [{ day: DAY, sales: totals() }, { day: DAY, sales: totals() }] }],
    ])('refuses a batch with %s (400) and keeps none of it', async (_what, batch) => {
      const { status, body } = await send(hub, counter.credential, batch);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(await cursor(hub, counter.credential)).toBeNull();
      expect((await summary(hub, owner.credential)).counters[0]?.reported).toBeNull();
    });
  });

  describe('batches', () => {
    let store: HubStore;
    let hub: TestHub;
    let counter: PairAnswer;
    let owner: PairAnswer;
    beforeEach(async () => {
      store = shared.store;
      hub = await makeHub(store);
      counter = await hub.pair('counter', 'Counter 1');
      owner = await hub.pair('owner', 'Owner laptop');
    });
    afterEach(() => hub.app.close());

    it('keeps a batch once: sent again it changes nothing, and the cursor says the highest id held', async () => {
      expect(await cursor(hub, counter.credential)).toBeNull();
      const batch = { events: [...paidSale(1, 's1', 12_050), ev(4, 'refund.otp_requested', { referenceId: 'R1', ackNo: 'A1' })] };
      expect(await sendOk(hub, counter.credential, batch)).toEqual({ accepted: 4, duplicates: 0, lastId: 4 });
      expect(await sendOk(hub, counter.credential, batch)).toEqual({ accepted: 0, duplicates: 4, lastId: 4 });
      expect(await cursor(hub, counter.credential)).toBe(4);
      expect((await summary(hub, owner.credential)).all.sales.paid).toEqual({ count: 1, paise: 12_050 });
      expect(await sendOk(hub, counter.credential, { events: [] })).toEqual({ accepted: 0, duplicates: 0, lastId: 4 });
    });

    it('counts nothing twice when a counter killed mid-send resends its batch, then a batch overlapping it', async () => {
      const events = [...paidSale(1, 'a', 100), ...paidSale(4, 'b', 200), ...paidSale(7, 'c', 400), ...paidSale(10, 'd', 800)];
      await sendOk(hub, counter.credential, { events: events.slice(0, 6) });
      // The answer never reached the counter: it sends the same again, then from where it thought it was.
      expect(await sendOk(hub, counter.credential, { events: events.slice(0, 6) })).toEqual({ accepted: 0, duplicates: 6, lastId: 6 });
      expect(await sendOk(hub, counter.credential, { events: events.slice(3) })).toEqual({ accepted: 6, duplicates: 3, lastId: 12 });
      const day = await summary(hub, owner.credential);
      expect(day.all.sales.paid).toEqual({ count: 4, paise: 1_500 });
      expect((await sales(hub, owner.credential)).map((s) => s.saleId)).toEqual(['a', 'b', 'c', 'd']);
    });

    it('keeps a batch once when a retry races the original, and a sale sent in two racing halves folds whole', async () => {
      const events = [...paidSale(1, 'race-a', 100), ...paidSale(4, 'race-b', 200)];
      const answers = await Promise.all([sendOk(hub, counter.credential, { events }), sendOk(hub, counter.credential, { events }), sendOk(hub, counter.credential, { events: events.slice(2, 5) })]);
      expect(answers.reduce((n, a) => n + a.accepted, 0)).toBe(6);
      expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(9);
      expect((await summary(hub, owner.credential)).all.sales.paid).toEqual({ count: 2, paise: 300 });
    });

    it('folds batches that arrive out of order: the answer before its request, the request on its own day', async () => {
      // Rung up at 23:50 IST on the 1st, paid at 00:10 IST on the 2nd; the later batch arrives first.
      const rungUp = Date.parse('2026-12-01T18:20:00Z');
      const paid = Date.parse('2026-12-01T18:40:00Z');
      await sendOk(hub, counter.credential, { events: [ev(20, 'sale.qr_issued', { saleId: 'late', amountPaise: 900, qrId: 'qr_late', txnRef: 'TXN_late' }, paid), ev(21, 'sale.payment_confirmed', { saleId: 'late', amountPaise: 900, utr: 'U21' }, paid)] });
      expect((await summary(hub, owner.credential, '2026-12-02')).all.sales.paid.count).toBe(0);
      expect(await sendOk(hub, counter.credential, { events: [ev(10, 'sale.requested', { saleId: 'late', amountPaise: 900 }, rungUp)] })).toEqual({ accepted: 1, duplicates: 0, lastId: 21 });
      const [sale] = await sales(hub, owner.credential, '2026-12-01');
      // No payment for it reached this hub: "confirmed by BOS" is the counter's word.
      expect(sale).toMatchObject({ saleId: 'late', state: 'paid', confirmedBy: 'counter_claim', amountPaise: 900, requestedAt: new Date(rungUp).toISOString(), paidAt: new Date(paid).toISOString(), utr: 'U21', bosReference: 'TXN_late' });
      expect(await sales(hub, owner.credential, '2026-12-02')).toEqual([]);
      if (driver === 'postgresql') {
        const client = new pg.Client({ connectionString: shared.location.databaseUrl! });
        await client.connect();
        try {
          const { rows } = await client.query<{ day: string }>("select day::text as day from journal_events where terminal_id = $1 and sale_id = 'late' order by event_id", [counter.terminalId]);
          expect(rows.map((r) => r.day)).toEqual(['2026-12-01', '2026-12-01', '2026-12-01']);
        } finally {
          await client.end();
        }
      }
    });

    it('folds a sale answered days later, after a crash, into the day it was rung up', async () => {
      await sendOk(hub, counter.credential, { events: [ev(1, 'sale.requested', { saleId: 'crash', amountPaise: 500 }), ev(2, 'sale.qr_issued', { saleId: 'crash', amountPaise: 500, qrId: 'q' })] });
      expect((await summary(hub, owner.credential)).all.sales.showing).toEqual({ count: 1, paise: 500 });
      await sendOk(hub, counter.credential, { events: [ev(3, 'sale.cancelled', { saleId: 'crash', amountPaise: 500, afterRestart: true }, NOON + 3 * 86_400_000)] });
      expect((await summary(hub, owner.credential)).all.sales).toEqual(totals({ cancelled: { count: 1, paise: 500 } }));
      expect((await summary(hub, owner.credential, '2026-12-04')).all.sales).toEqual(totals());
    });

    it('takes journals from terminals only: an owner key or no credential is refused', async () => {
      const key = (await hub.app.inject({ method: 'POST', url: '/v1/owner-keys', headers: bearer(owner.credential), payload: {} })).json<{ key: string }>().key;
      expect((await send(hub, key, { events: [ev(1, 'sale.requested', { saleId: 'x' })] })).status).toBe(403);
      expect((await hub.app.inject({ method: 'POST', url: '/v1/journal', payload: { events: [] } })).statusCode).toBe(401);
    });

    it("keeps the newest report of a counter's day, and a stale resend never replaces it", async () => {
      const older = totals({ paid: { count: 1, paise: 100 } });
      const newer = totals({ paid: { count: 2, paise: 300 } });
      await sendOk(hub, counter.credential, { events: paidSale(1, 'a', 100), reported: [{ day: DAY, sales: older }] });
      await sendOk(hub, counter.credential, { events: paidSale(4, 'b', 200), reported: [{ day: DAY, sales: newer }] });
      await sendOk(hub, counter.credential, { events: paidSale(1, 'a', 100), reported: [{ day: DAY, sales: older }] });
      expect((await summary(hub, owner.credential)).counters[0]).toMatchObject({ terminalId: counter.terminalId, reported: newer, differs: false });
      await sendOk(hub, counter.credential, { events: [], reported: [{ day: DAY, sales: older }] });
      expect((await summary(hub, owner.credential)).counters[0]).toMatchObject({ reported: older, differs: true });
    });

    if (driver === 'postgresql') {
      it('stores each event with its shop, terminal, type, time, sale day and data, without any secret-named key at any depth', async () => {
        const data = { saleId: 's', amountPaise: 5, otp: '123456', bosToken: 't', nested: { Authorization: 'Bearer x', list: [{ owner_pin: '1', keep: 1 }], password: 'p', 'client-secret': 's' }, shipping: 'kept', tokens: 'kept' };
        await sendOk(hub, counter.credential, { events: [ev(7, 'sale.requested', data)] });
        const client = new pg.Client({ connectionString: shared.location.databaseUrl! });
        await client.connect();
        try {
          const { rows } = await client.query('select shop_id, terminal_id, event_id::text, type, role, at, day::text as day, sale_id, data from journal_events where terminal_id = $1', [counter.terminalId]);
          expect(rows).toEqual([{ shop_id: hub.shop.id, terminal_id: counter.terminalId, event_id: '7', type: 'sale.requested', role: 'staff', at: new Date(NOON + 7_000), day: DAY, sale_id: 's', data: { saleId: 's', amountPaise: 5, nested: { list: [{ keep: 1 }] }, shipping: 'kept', tokens: 'kept' } }]);
        } finally {
          await client.end();
        }
      });
    }

    it("says of every sale what the counter's own fold says, whatever batches the journal came in, in any order, some twice", async () => {
      for (let seed = 1; seed <= 6; seed += 1) {
        const terminal = await hub.pair('counter', `Random ${seed}`);
        const { events } = randomJournal(seed * 101, { steps: 40 });
        const rnd = random(seed);
        const batches: JournalEvent[][] = [];
        for (let i = 0; i < events.length; ) {
          const size = 1 + Math.floor(rnd() * 8);
          batches.push(events.slice(Math.max(0, i - Math.floor(rnd() * 3)), i + size));
          i += size;
        }
        batches.sort(() => rnd() - 0.5);
        for (const batch of [...batches, ...batches.slice(0, 2)]) await sendOk(hub, terminal.credential, { events: batch });
        const folded = [...foldSales(events).values()].filter((s) => s.requested);
        for (const day of [...new Set(folded.map((s) => istDayOf(s.requestedAt)))]) {
          const expected = folded.filter((s) => istDayOf(s.requestedAt) === day).map((s) => expectedShopSale(s, terminal.terminalId, `Random ${seed}`));
          const held = (await sales(hub, owner.credential, day, terminal.terminalId)).map(({ paidAt: _paidAt, ...rest }) => rest);
          const key = (s: { saleId: string }) => s.saleId;
          expect(held.sort((a, b) => key(a).localeCompare(key(b))), `seed ${seed}, ${day}`).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
        }
        expect(await cursor(hub, terminal.credential)).toBe(events[events.length - 1]!.id);
      }
    });
  });
});
