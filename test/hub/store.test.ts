import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/hub/store/migrate';
import { MIGRATIONS } from '../../electron/hub/store/migrations';
import { openPgliteDriver } from '../../electron/hub/store/pglite';
import { openPostgresDriver } from '../../electron/hub/store/postgres';
import { openStore } from '../../electron/hub/store/open';
import type { StoreSignal } from '../../electron/hub/store/sql';
import type { HubStore, Shop } from '../../electron/hub/store/types';
import { DRIVERS, freshLocation, openTestStore, type TestStore, useSharedStore } from './drivers';
import { defaultShop, expectation, incoming, pairedTerminal, rawWebhook, T0, unique } from './fixtures';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(DRIVERS)('hub store on %s', (driver) => {
  describe('default shop', () => {
    let t: TestStore;
    let store: HubStore;
    let shop: Shop;
    beforeEach(async () => {
      t = await openTestStore(driver);
      store = t.store;
      shop = await defaultShop(store);
    });
    afterEach(async () => {
      await store.close();
      await t.cleanup();
    });

    it('makes one shop at first start, without a webhook secret until one is made, and keeps both across restarts', async () => {
      const first = await store.openDefaultShop({ registrationId: null, name: null, now: T0 });
      expect(first).toEqual({ shop, hasWebhookSecret: false });
      await store.changeWebhookSecret({ shopId: shop.id, hash: sha('made-once'), previousUntil: null, now: T0 });
      await store.close();
      store = await openStore(t.location);
      const again = await store.openDefaultShop({ registrationId: 'BOS-554', name: 'Sharma Stores', now: T0 });
      expect(again).toEqual({ shop: { id: shop.id, registrationId: 'BOS-554', name: 'Sharma Stores' }, hasWebhookSecret: true });
      expect(await store.shopByWebhookSecretHash(sha('made-once'), T0)).toEqual(again.shop);
    });

    it('runs its migrations once: a reopened database applies nothing', async () => {
      await store.close();
      const raw = t.location.databaseUrl ? await openPostgresDriver(t.location.databaseUrl) : await openPgliteDriver(t.location.dataDir!);
      try {
        expect(await migrate(raw)).toEqual([]);
        expect((await raw.query('select version from hub_migrations')).map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await raw.close();
        store = await openStore(t.location);
      }
    });
  });

  // One store for the rest of the file; every test has a shop of its own, as a partner's hub would.
  const shared = useSharedStore(driver);
  let store: HubStore;
  let shop: Shop;
  beforeEach(() => {
    store = shared.store;
  });
  beforeEach(async () => {
    shop = await store.createShop({ registrationId: 'BOS-554', name: 'Test shop', webhookSecretHash: sha(unique('secret')), now: T0 });
  });

  describe('webhooks and matching', () => {
    it('keeps a payment that matches nothing as unmatched, and a repeat of it changes nothing', async () => {
      const before = await store.counts();
      const p = incoming({ qrId: 'qr_nobody' });
      expect(await store.recordWebhook(rawWebhook(shop.id), p)).toEqual({ kind: 'new', deliveredTo: null });
      expect(await store.recordWebhook(rawWebhook(shop.id, T0 + 1_000), { ...p, amountPaise: 1 })).toEqual({ kind: 'duplicate', deliveredTo: null });
      const unmatched = await store.unmatchedPayments(shop.id, 10);
      expect(unmatched).toEqual([expect.objectContaining({ paymentId: p.paymentId, amountPaise: 12_050, qrId: 'qr_nobody', receivedAt: new Date(T0).toISOString() })]);
      expect(await store.counts()).toEqual({ ...before, webhooks: before.webhooks + 2, payments: before.payments + 1 });
    });

    it('delivers a payment to the terminal whose QR it pays, with a cursor rising per terminal', async () => {
      const a = await pairedTerminal(store, shop.id);
      const b = await pairedTerminal(store, shop.id);
      const ea1 = expectation();
      const ea2 = expectation();
      const eb = expectation();
      for (const [term, e] of [[a, ea1], [a, ea2], [b, eb]] as const) expect(await store.registerExpectation(term, e, T0)).toBe('created');
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: ea1.qrId }));
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: eb.qrId }));
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: ea2.qrId, utr: null }));
      const forA = await store.paymentsAfter(a.id, 0, 10);
      expect(forA.map((i) => [i.cursor, i.payment.saleId])).toEqual([[1, ea1.saleId], [2, ea2.saleId]]);
      expect(forA[1]!.payment).toMatchObject({ qrId: ea2.qrId, amountPaise: 12_050, currency: 'INR', utr: null, event: 'qr_code.credited' });
      expect((await store.paymentsAfter(b.id, 0, 10)).map((i) => i.cursor)).toEqual([1]);
      expect(await store.paymentsAfter(a.id, 1, 10)).toHaveLength(1);
      expect(await store.paymentsAfter(a.id, 0, 1)).toHaveLength(1);
    });

    it('matches a payment to the one sale its QR id, txnRefranceID or tr names', async () => {
      const term = await pairedTerminal(store, shop.id);
      const byQr = expectation({ saleId: 'by-qr', qrId: 'qr_1' });
      const byTxn = expectation({ saleId: 'by-txn', txnRef: 'TXN1' });
      const byTr = expectation({ saleId: 'by-tr', tr: 'TR1' });
      for (const e of [byTr, byTxn, byQr]) expect(await store.registerExpectation(term, e, T0)).toBe('created');
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: 'qr_1', txnRef: null, tr: null }));
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: 'qr_unknown', txnRef: 'TXN1', tr: 'TXN1' }));
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: null, txnRef: 'TR1', tr: 'TR1' }));
      expect((await store.paymentsAfter(term.id, 0, 10)).map((i) => i.payment.saleId)).toEqual(['by-qr', 'by-txn', 'by-tr']);
    });

    it('stores a failed payment but never delivers it, and takes a later success for the same id once', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.registerExpectation(term, e, T0);
      const failed = incoming({ qrId: e.qrId, succeeded: false, status: 'failed' });
      expect(await store.recordWebhook(rawWebhook(shop.id), failed)).toEqual({ kind: 'new', deliveredTo: null });
      expect(await store.paymentsAfter(term.id, 0, 10)).toEqual([]);
      expect(await store.unmatchedPayments(shop.id, 10)).toEqual([]);
      expect(await store.recordWebhook(rawWebhook(shop.id), { ...failed, succeeded: true, status: 'captured' })).toEqual({ kind: 'upgraded', deliveredTo: term.id });
      expect(await store.recordWebhook(rawWebhook(shop.id), { ...failed, succeeded: true, status: 'captured' })).toEqual({ kind: 'duplicate', deliveredTo: null });
      expect(await store.recordWebhook(rawWebhook(shop.id), failed)).toEqual({ kind: 'duplicate', deliveredTo: null });
      expect(await store.paymentsAfter(term.id, 0, 10)).toHaveLength(1);
    });

    it('delivers an unmatched payment when its expectation arrives later', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.recordWebhook(rawWebhook(shop.id), incoming({ txnRef: e.txnRef }));
      expect(await store.unmatchedPayments(shop.id, 10)).toHaveLength(1);
      expect(await store.registerExpectation(term, e, T0 + 5_000)).toBe('created');
      expect((await store.paymentsAfter(term.id, 0, 10)).map((i) => i.payment.saleId)).toEqual([e.saleId]);
      expect(await store.unmatchedPayments(shop.id, 10)).toEqual([]);
      expect(await store.registerExpectation(term, e, T0 + 6_000)).toBe('repeat');
      expect(await store.paymentsAfter(term.id, 0, 10)).toHaveLength(1);
    });

    it('refuses the same saleId with another QR as a conflict', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.registerExpectation(term, e, T0);
      expect(await store.registerExpectation(term, { ...e, qrId: 'qr_other' }, T0)).toBe('conflict');
      expect(await store.registerExpectation(term, { ...e, amountPaise: e.amountPaise + 1 }, T0)).toBe('conflict');
      expect(await store.registerExpectation(term, { ...e, expiresAt: null }, T0)).toBe('repeat');
    });

    it('keeps shops apart: a payment never matches another shop’s QR', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.registerExpectation(term, e, T0);
      const other = await store.createShop({ registrationId: 'BOS-777', name: 'Other shop', webhookSecretHash: sha('other-shop'), now: T0 });
      expect(await store.shopByWebhookSecretHash(sha('other-shop'), T0)).toEqual(other);
      expect(await store.recordWebhook(rawWebhook(other.id), incoming({ qrId: e.qrId, txnRef: e.txnRef, tr: e.tr }))).toEqual({ kind: 'new', deliveredTo: null });
      expect(await store.paymentsAfter(term.id, 0, 10)).toEqual([]);
      expect(await store.unmatchedPayments(shop.id, 10)).toEqual([]);
      expect(await store.unmatchedPayments(other.id, 10)).toHaveLength(1);
    });

    it('gives a revoked terminal nothing: its payment stays unmatched for the owner', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.registerExpectation(term, e, T0);
      expect(await store.revokeTerminal(shop.id, term.id, T0)).toMatchObject({ terminalId: term.id, revoked: true });
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: e.qrId }));
      expect(await store.paymentsAfter(term.id, 0, 10)).toEqual([]);
      expect(await store.unmatchedPayments(shop.id, 10)).toHaveLength(1);
      expect(await store.terminalActive(term.id)).toBe(false);
    });

    it('signals a delivery to listeners after commit, and a revocation', async () => {
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      const signals: StoreSignal[] = [];
      const stop = store.subscribe((s) => signals.push(s));
      await store.registerExpectation(term, e, T0);
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: e.qrId }));
      await store.revokeTerminal(shop.id, term.id, T0);
      stop();
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: e.qrId }));
      expect(signals.filter((s) => s.kind !== 'resync')).toEqual([{ kind: 'delivery', terminalId: term.id }, { kind: 'revoked', terminalId: term.id }]);
    });

    it('delivers each payment once when webhooks and expectations for the same QRs race', async () => {
      const term = await pairedTerminal(store, shop.id);
      const sales = Array.from({ length: 30 }, () => expectation());
      await Promise.all(sales.flatMap((e, i) => [
        store.registerExpectation(term, e, T0),
        store.recordWebhook(rawWebhook(shop.id), incoming({ paymentId: `pay_race_${i}`, qrId: e.qrId })),
        store.recordWebhook(rawWebhook(shop.id), incoming({ paymentId: `pay_race_${i}`, qrId: e.qrId })),
      ]));
      const items = await store.paymentsAfter(term.id, 0, 100);
      expect(items.map((i) => i.cursor)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(items.map((i) => i.payment.paymentId)).size).toBe(30);
      expect(await store.unmatchedPayments(shop.id, 100)).toEqual([]);
    });
  });

  describe('pairing codes and terminals', () => {
    const code = (codeHash: string, now = T0, ifLive: 'refuse' | 'renew' = 'refuse') => ({ shopId: shop.id, role: 'owner' as const, name: 'Owner laptop', codeHash, now, expiresAt: now + 600_000, ifLive, maxLive: 10 });
    const made = { kind: 'made' };
    const redeem = (codeHash: string, now = T0) => store.redeemPairingCode({ codeHash, terminalId: `term_${now}_${codeHash.slice(0, 6)}`, terminalName: 'Laptop', credentialHash: sha(`${codeHash}${now}`), now });

    it('redeems a code once, within its ten minutes', async () => {
      expect(await store.createPairingCode(code('h1'))).toEqual(made);
      const paired = await redeem('h1', T0 + 1_000);
      expect(paired).toMatchObject({ terminal: { role: 'owner', shopId: shop.id, revoked: false }, shop });
      expect(await redeem('h1', T0 + 2_000)).toBeNull();
      expect(await store.createPairingCode(code('h2'))).toEqual(made);
      expect(await redeem('h2', T0 + 600_000)).toBeNull();
      expect(await redeem('nothing')).toBeNull();
    });

    it('refuses a random code that is live already but renews a fixed one', async () => {
      expect(await store.createPairingCode(code('h3'))).toEqual(made);
      expect(await store.createPairingCode(code('h3', T0 + 1_000))).toEqual({ kind: 'taken' });
      expect(await store.createPairingCode(code('h3', T0 + 500_000, 'renew'))).toEqual(made);
      expect(await redeem('h3', T0 + 700_000)).not.toBeNull();
      expect(await store.createPairingCode(code('h3', T0 + 800_000))).toEqual(made);
    });

    it('lets one of two terminals racing with one code win', async () => {
      await store.createPairingCode(code('h4'));
      const results = await Promise.all([1, 2, 3].map((i) => store.redeemPairingCode({ codeHash: 'h4', terminalId: `term_race_${i}`, terminalName: 'x', credentialHash: sha(`race${i}`), now: T0 })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('finds a terminal by its credential hash, lists and revokes within the shop only', async () => {
      const term = await pairedTerminal(store, shop.id, 'counter');
      expect(await store.terminalByCredentialHash(sha(term.credential))).toMatchObject({ id: term.id, role: 'counter', shop });
      expect(await store.terminalByCredentialHash(sha('wrong'))).toBeNull();
      await store.touchTerminal(term.id, T0 + 60_000);
      const [listed] = await store.listTerminals(shop.id);
      expect(listed).toMatchObject({ terminalId: term.id, lastSeenAt: new Date(T0 + 60_000).toISOString(), revoked: false });
      expect(await store.revokeTerminal('shop_other', term.id, T0)).toBeNull();
      expect(await store.terminalActive(term.id)).toBe(true);
      expect(await store.revokeTerminal(shop.id, term.id, T0)).toMatchObject({ revoked: true });
      expect(await store.terminalByCredentialHash(sha(term.credential))).toMatchObject({ revoked: true });
    });
  });

  it('keeps a quarantined body byte for byte with its reason', async () => {
    const body = Buffer.from([0xff, 0x00, 0x7b]);
    await store.quarantineWebhook({ shopId: shop.id, receivedAt: T0, contentType: 'application/json', body, signature: null, reason: 'not UTF-8' });
    const [entry] = await store.quarantined(10);
    expect(entry).toMatchObject({ shopId: shop.id, reason: 'not UTF-8', contentType: 'application/json' });
    expect(Buffer.from(entry!.body).equals(body)).toBe(true);
  });

});

describe('migrations on PostgreSQL', () => {
  it('leave a running process answering when another adds a column (its statements stay prepared)', async () => {
    const place = await freshLocation('postgresql');
    const store = await openStore(place.location);
    const other = await openPostgresDriver(place.location.databaseUrl!);
    try {
      const shop = await defaultShop(store);
      const term = await pairedTerminal(store, shop.id);
      const e = expectation();
      await store.registerExpectation(term, e, T0);
      await store.recordWebhook(rawWebhook(shop.id), incoming({ qrId: e.qrId }));
      const use = async () => {
        expect(await store.paymentsAfter(term.id, 0, 10)).toHaveLength(1);
        expect(await store.unmatchedPayments(shop.id, 10)).toEqual([]);
        expect(await store.listTerminals(shop.id)).toHaveLength(1);
        expect(await store.terminalByCredentialHash(sha(term.credential))).toMatchObject({ id: term.id });
      };
      // Every pooled connection prepares the statements first.
      await Promise.all(Array.from({ length: 12 }, use));
      await other.exec('alter table payments add column later_note text; alter table terminals add column later_note text; alter table shops add column later_note text');
      await Promise.all(Array.from({ length: 12 }, use));
    } finally {
      await other.close();
      await store.close();
      await place.cleanup();
    }
  });


  it('applies every migration once when two hub processes start on an empty database together', async () => {
    const place = await freshLocation('postgresql');
    const [a, b] = await Promise.all([openPostgresDriver(place.location.databaseUrl!), openPostgresDriver(place.location.databaseUrl!)]);
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(a)).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await place.cleanup();
    }
  });
});
