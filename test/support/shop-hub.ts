// The real shop hub for the whole-shop tests: one store per driver and test file (PGlite in memory, and a
// database on a throwaway PostgreSQL), a shop of its own and an app on a loopback port per test.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import type { TerminalRole } from '../../electron/contract/hub';
import { buildHub, type BuildHubOptions } from '../../electron/hub/app';
import { makeOwnerKey } from '../../electron/hub/owner-keys';
import { issuePairingCode } from '../../electron/hub/pairing';
import { hashSecret, newWebhookSecret } from '../../electron/hub/secrets';
import { openPgliteDriver } from '../../electron/hub/store/pglite';
import { openPostgresDriver } from '../../electron/hub/store/postgres';
import type { SqlDriver } from '../../electron/hub/store/sql';
import { createSqlStore } from '../../electron/hub/store/sql-store';
import type { HubStore, Shop } from '../../electron/hub/store/types';
import { readRange } from '../../electron/core/journal/read';
import { createTestDatabase, startPostgres, type TestPostgres } from './postgres';

export type ShopDriver = 'pglite' | 'postgresql';
export const SHOP_DRIVERS: readonly ShopDriver[] = ['pglite', 'postgresql'];

export interface ShopStore {
  store: HubStore;
  /** The same database, read directly: what the hub holds, whatever its API says. */
  driver: SqlDriver;
}

/**
 * Both drivers' stores for a test file, opened once (PGlite's first start is seconds of WASM). One that
 * cannot be opened (no PostgreSQL here) fails its tests with the reason; none is skipped.
 */
export function useShopStores(): (driver: ShopDriver) => ShopStore {
  const opened = new Map<ShopDriver, ShopStore>();
  const failures = new Map<ShopDriver, unknown>();
  let postgres: TestPostgres | null = null;
  let dropDatabase: (() => Promise<void>) | null = null;
  const open = async (driverName: ShopDriver, openDriver: () => Promise<SqlDriver>) => {
    try {
      const driver = await openDriver();
      opened.set(driverName, { store: await createSqlStore(driver), driver });
    } catch (error) {
      failures.set(driverName, error);
    }
  };
  beforeAll(async () => {
    await Promise.all([
      open('pglite', () => openPgliteDriver(null)),
      open('postgresql', async () => {
        postgres = await startPostgres();
        const db = await createTestDatabase(postgres.url);
        dropDatabase = db.drop;
        return openPostgresDriver(db.url);
      }),
    ]);
  }, 60_000);
  afterAll(async () => {
    for (const { store } of opened.values()) await store.close().catch(() => {});
    await dropDatabase?.().catch(() => {});
    await (postgres as TestPostgres | null)?.stop();
  }, 30_000);
  return (driver) => {
    const found = opened.get(driver);
    if (found) return found;
    throw new Error(`The ${driver} hub store did not open: ${(failures.get(driver) as Error | undefined)?.message ?? 'not yet'}`);
  };
}

export interface ShopHub {
  url: string;
  /** What the shop gives BOS (the sandbox's webhook target). */
  webhookUrl: string;
  shop: Shop;
  /** A one-time pairing code, as the owner's Counter or the hub's CLI makes one. */
  code(role: TerminalRole, name?: string): Promise<string>;
  ownerKey(): Promise<string>;
  /** Every journal event the hub holds for this shop, as `terminalId#eventId` (its table keeps each pair once). */
  heldEvents(): Promise<Set<string>>;
  /** One event as the hub keeps it (its time as ISO, its data); null when it holds none with that id. */
  heldEvent(terminalId: string, eventId: number): Promise<{ at: string; data: Record<string, unknown> } | null>;
  close(): Promise<void>;
}

/** A new shop on the store, served by its own hub app on 127.0.0.1 (the app's close leaves the store open). */
export async function startShopHub({ store, driver }: ShopStore, name = 'Sharma Stores', options: Pick<BuildHubOptions, 'journalQuota'> = {}): Promise<ShopHub> {
  const secret = newWebhookSecret();
  const shop = await store.createShop({ registrationId: `BOS-${randomBytes(4).toString('hex')}`, name, webhookSecretHash: hashSecret(secret), now: Date.now() });
  const app = await buildHub({ store: { ...store, close: async () => {} }, pingMs: 1_000, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    webhookUrl: `${url}/bos/webhook/${secret}`,
    shop,
    code: async (role, terminalName) => (await issuePairingCode(store, Date.now(), { shopId: shop.id, role, name: terminalName ?? null })).code,
    ownerKey: async () => (await makeOwnerKey(store, { shopId: shop.id, label: 'test', kind: 'owner', origin: 'command', madeByTerminal: null }, Date.now())).key,
    heldEvents: async () => {
      const rows = await driver.query('select terminal_id, event_id::text as event_id from journal_events where shop_id = $1', [shop.id]);
      return new Set(rows.map((r) => `${String(r.terminal_id)}#${String(r.event_id)}`));
    },
    heldEvent: async (terminalId, eventId) => {
      const [row] = await driver.query('select at, data from journal_events where terminal_id = $1 and event_id = $2', [terminalId, String(eventId)]);
      if (!row) return null;
      const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : (row.data as Record<string, unknown>);
      return { at: new Date(row.at as string | Date).toISOString(), data };
    },
    close: () => app.close(),
  };
}

/** Every line of a counter's journal files, as the hub would name it: `terminalId#eventId`. */
export async function journalKeys(journalDir: string, terminalId: string): Promise<string[]> {
  const { events, warnings } = await readRange(journalDir, '0000-00-00', '9999-12-31');
  if (warnings.length > 0) throw new Error(`the journal has damage: ${warnings.join('; ')}`);
  return events.map((e) => `${terminalId}#${e.id}`);
}
