// Whatever a counter's journal line holds, the hub either keeps it as it is or refuses it with a 4xx the
// counter turns into a stand-in: never a 5xx that the counter would retry for ever. Every kind of odd
// string, in every place a line carries one (a value, a key, a nested list, the sale id, BOS's words),
// on both drivers; and amounts the owner's totals are made of.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import { DRIVERS, useSharedStore } from './drivers';
import { makeHub, type TestHub } from './hub-support';
import { ev, sales, send, summary } from './journal-support';

const ODD_STRINGS: Array<[string, string]> = [
  ['a lone high surrogate', 'a\uD800b'],
  ['a lone low surrogate', 'a\uDC00b'],
  ['a surrogate pair the wrong way round', '\uDC00\uD83D'],
  ['a high surrogate at the very end', 'end\uD83D'],
  ['a NUL', 'a\u0000b'],
  ['a whole emoji (a proper pair)', 'paid 😀 ok'],
  ['the last code point', '\u{10FFFF}'],
  ['C0 controls', '\u0001\u0008\u001b\u001f'],
  ['DEL and a C1 control', '\u007f\u0085\u009f'],
  ['a byte-order mark', '\uFEFFUTR'],
  ['noncharacters', '\uFFFE\uFFFF\uFDD0'],
  ['the replacement character', '\uFFFD'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['a right-to-left override', 'abc\u202Edef'],
  ['combining marks', 'e\u0301\u0301\u0301'],
  ['private use', '\uE000\u{F0000}'],
  ['Devanagari', 'शर्मा स्टोर्स'],
  ['an escape written out as text', '\\u0000 \\ud800'],
  ['quotes, backslashes and SQL', `'"\\; drop table sales; --`],
  ['a printf pattern', '%s%n%x'],
  ['an empty string', ''],
  ['only whitespace', ' \t\n\r '],
];

describe.each(DRIVERS)('journal lines the database cannot hold, on %s', (driver) => {
  const shared = useSharedStore(driver);
  let hub: TestHub;
  let counter: PairAnswer;
  let owner: PairAnswer;
  let nextId = 1;
  let caseNo = 0;
  beforeAll(async () => {
    if (!shared.ready) return;
    hub = await makeHub(shared.store);
    counter = await hub.pair('counter', 'Counter 1');
    owner = await hub.pair('owner', 'Owner');
  });
  afterAll(() => hub?.app.close());

  /** Sends one batch; the answer is a 200 or a 400, never a 5xx (the batch's ids move on only when it was kept). */
  async function kept(events: ReturnType<typeof ev>[]): Promise<boolean> {
    const { status, body } = await send(hub, counter.credential, { events });
    expect([200, 400], JSON.stringify(body)).toContain(status);
    if (status === 400) expect(body.error?.code).toBe('bad_request');
    return status === 200;
  }

  it.each(ODD_STRINGS)('keeps %s exactly as written, or refuses it with a 400, wherever the line carries it', async (_what, odd) => {
    caseNo += 1;
    const saleId = `odd-${caseNo}-`;
    const places: Array<[string, (id: number) => ReturnType<typeof ev>]> = [
      ['a value', (id) => ev(id, 'settings.changed', { fields: ['note'], note: odd })],
      ['a key', (id) => ev(id, 'settings.changed', { fields: [], [odd]: 1 })],
      ['a nested list', (id) => ev(id, 'settings.changed', { fields: [odd], deep: { list: [[odd]] } })],
    ];
    for (const [place, line] of places) {
      const id = nextId;
      if (await kept([line(id)])) nextId += 1;
      else expect(place).toBeTruthy(); // refused as it is: the counter sends its stand-in
    }
    // Where the owner reads it back: the sale's id, its UTR and BOS's words for a refusal.
    const asSaleId = `${saleId}${odd}`;
    const first = nextId;
    const lines = [
      ev(first, 'sale.requested', { saleId: asSaleId, amountPaise: 100 }),
      ev(first + 1, 'sale.qr_refused', { saleId: asSaleId, amountPaise: 100, code: 'rejected', message: 'Refused', bosMessage: `BOS: ${odd}` }),
      ev(first + 2, 'sale.requested', { saleId: `${saleId}-paid`, amountPaise: 200 }),
      ev(first + 3, 'sale.paid', { saleId: `${saleId}-paid`, amountPaise: 200, utr: `U${odd}` }),
    ];
    for (const line of lines) {
      if (await kept([line])) nextId = line.id + 1;
    }
    const listed = await sales(hub, owner.credential);
    const refusedSale = listed.find((s) => s.saleId.startsWith(saleId) && s.state === 'failed');
    if (refusedSale) expect({ saleId: refusedSale.saleId, bosMessage: refusedSale.bosMessage }).toEqual({ saleId: asSaleId, bosMessage: `BOS: ${odd}` });
    const paid = listed.find((s) => s.saleId === `${saleId}-paid` && s.state === 'paid');
    if (paid) expect(paid.utr).toBe(`U${odd}`);
  });

  it.each([
    ['text', 'a hundred'],
    ['a list', [100]],
    ['true', true],
    ['a fraction', 100.5],
    ['below zero', -1],
    ['beyond a safe integer', Number.MAX_SAFE_INTEGER + 2],
    ['more than the highest cap a counter may set (₹10 crore and a paisa)', 10_000_000_001],
  ])('refuses an amount that is %s with a 400, so the owner never sees it counted as 0 or inexact', async (_what, amount) => {
    const lines = [
      (id: number) => ev(id, 'sale.requested', { saleId: `amount-${id}`, amountPaise: amount }),
      (id: number) => ev(id, 'sale.payment_reported', { saleId: `amount-${id}`, reason: 'after_cancel', reportedPaise: amount }),
      (id: number) => ev(id, 'sale.payment_confirmed', { saleId: `amount-${id}`, saleAmountPaise: amount }),
    ];
    for (const lineAt of lines) {
      // Each line has its own id: one the hub wrongly keeps does not make the next a duplicate.
      const line = lineAt(nextId);
      nextId += 1;
      const { status, body } = await send(hub, counter.credential, { events: [line] });
      expect(status, JSON.stringify(body)).toBe(400);
      expect(body.error?.message).toMatch(/amount|paise/i);
    }
  });

  it('keeps the largest amounts a sale can have, and adds them up exactly', async () => {
    const big = 10_000_000_000;
    const first = nextId;
    for (const [i, saleId] of ['big-a', 'big-b'].entries()) {
      const id = first + i * 2;
      expect(await kept([ev(id, 'sale.requested', { saleId, amountPaise: big }), ev(id + 1, 'sale.paid', { saleId, amountPaise: big })])).toBe(true);
    }
    nextId = first + 4;
    const day = await summary(hub, owner.credential);
    const listed = await sales(hub, owner.credential);
    expect(listed.filter((s) => s.saleId.startsWith('big-')).map((s) => s.amountPaise)).toEqual([big, big]);
    const exact = listed.filter((s) => s.state === 'paid').reduce((sum, s) => sum + BigInt(s.amountPaise), 0n);
    expect(BigInt(day.all.collectedPaise)).toBe(exact);
  });
});
