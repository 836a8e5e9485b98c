import * as journal from './journal';
import { noteJournalFailure } from './journal-usage';
import { migrate } from './migrate';
import * as owner from './owner';
import * as ownerKeys from './owner-keys';
import * as payments from './payments';
import { int } from './rows';
import { shopDayFigures } from './shop-day';
import * as shops from './shops';
import type { SqlDriver, SqlRunner, StoreSignal } from './sql';
import * as terminals from './terminals';
import type { HubStore } from './types';

/**
 * The hub's store over either driver: the same SQL, the same transactions. Signals for this process's
 * streams are sent once the transaction has committed; other processes hear them through the driver.
 */
export async function createSqlStore(driver: SqlDriver): Promise<HubStore> {
  await migrate(driver);
  const listeners = new Set<(signal: StoreSignal) => void>();
  const emit = (signal: StoreSignal) => {
    for (const listener of listeners) listener(signal);
  };
  driver.listen(emit);

  /** A transaction that may announce; its signals reach local listeners only after commit. */
  async function announcing<T>(fn: (tx: SqlRunner, announce: (signal: StoreSignal) => Promise<void>) => Promise<T>): Promise<T> {
    const signals: StoreSignal[] = [];
    const result = await driver.transaction((tx) =>
      fn(tx, async (signal) => {
        signals.push(signal);
        await driver.announce(tx, signal);
      }),
    );
    for (const signal of signals) emit(signal);
    return result;
  }

  return {
    kind: driver.kind,
    ping: async () => void (await driver.query('select 1')),
    openDefaultShop: (input) => driver.transaction((tx) => shops.openDefaultShop(tx, input)),
    createShop: (input) => shops.createShop(driver, input),
    addShop: (input) => driver.transaction((tx) => shops.addShop(tx, input)),
    shopByRegistrationId: (registrationId) => shops.shopByRegistrationId(driver, registrationId),
    shopByWebhookSecretHash: (hash, now) => shops.shopByWebhookSecretHash(driver, hash, now),
    changeWebhookSecret: (change) => driver.transaction((tx) => shops.changeWebhookSecret(tx, change)),
    recordWebhook: (raw, payment) => announcing((tx, announce) => payments.recordWebhook(tx, announce, raw, payment)),
    quarantineWebhook: (entry) => payments.quarantineWebhook(driver, entry),
    quarantined: (limit) => payments.quarantined(driver, limit),
    createPairingCode: (code) => driver.transaction((tx) => terminals.createPairingCode(tx, code)),
    redeemPairingCode: (redemption) => driver.transaction((tx) => terminals.redeemPairingCode(tx, redemption)),
    terminalByCredentialHash: (hash) => terminals.terminalByCredentialHash(driver, hash),
    terminalActive: (terminalId) => terminals.terminalActive(driver, terminalId),
    touchTerminal: (terminalId, now) => terminals.touchTerminal(driver, terminalId, now),
    listTerminals: (shopId) => terminals.listTerminals(driver, shopId),
    revokeTerminal: (shopId, terminalId, now) =>
      announcing(async (tx, announce) => {
        const listing = await terminals.revokeTerminal(tx, shopId, terminalId, now);
        if (listing) await announce({ kind: 'revoked', terminalId });
        return listing;
      }),
    registerExpectation: (terminal, expectation, now) => announcing((tx, announce) => payments.registerExpectation(tx, announce, terminal, expectation, now)),
    paymentsAfter: (terminalId, cursor, limit) => payments.paymentsAfter(driver, terminalId, cursor, limit),
    unmatchedPayments: (shopId, limit) => payments.unmatchedPayments(driver, shopId, limit),
    recordJournal: (terminal, events, reported, now, quota) => announcing((tx, announce) => journal.recordJournal(tx, announce, terminal, events, reported, now, quota)),
    noteJournalFailure: (terminal, now, reason) => noteJournalFailure(driver, terminal, now, reason),
    journalCursor: (terminalId) => journal.journalCursor(driver, terminalId),
    shopChangesAfter: (shopId, cursor, limit) => journal.shopChangesAfter(driver, shopId, cursor, limit),
    latestShopChange: (shopId) => journal.latestShopChange(driver, shopId),
    createOwnerKey: (key) => driver.transaction((tx) => ownerKeys.createOwnerKey(tx, key)),
    ownerKeyByHash: (hash) => ownerKeys.ownerKeyByHash(driver, hash),
    ownerKeyActive: (keyId) => ownerKeys.ownerKeyActive(driver, keyId),
    listOwnerKeys: (shopId) => ownerKeys.listOwnerKeys(driver, shopId),
    revokeOwnerKey: (shopId, keyId, now) => driver.transaction((tx) => ownerKeys.revokeOwnerKey(tx, shopId, keyId, now)),
    revokeStartKeys: (shopId, keepHash, now) => driver.transaction((tx) => ownerKeys.revokeStartKeys(tx, shopId, keepHash, now)),
    touchOwnerKey: (keyId, now) => ownerKeys.touchOwnerKey(driver, keyId, now),
    dayFigures: (shopId, day) => shopDayFigures(driver, shopId, day),
    daySales: (shopId, day, terminalId) => owner.daySales(driver, shopId, day, terminalId),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    counts: async () => {
      const [row] = await driver.query(
        `select (select count(*) from webhook_deliveries) as webhooks, (select count(*) from quarantined_webhooks) as quarantined,
                (select count(*) from payments) as payments, (select count(*) from deliveries) as deliveries, (select count(*) from expectations) as expectations,
                (select count(*) from pairing_codes) as pairing_codes`,
      );
      return { webhooks: int(row?.webhooks), quarantined: int(row?.quarantined), payments: int(row?.payments), deliveries: int(row?.deliveries), expectations: int(row?.expectations), pairingCodes: int(row?.pairing_codes) };
    },
    close: async () => {
      listeners.clear();
      await driver.close();
    },
  };
}
