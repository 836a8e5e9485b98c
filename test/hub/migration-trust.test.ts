// A hub that held sales and payments before migration 004: its sales that BOS paid through it are
// BOS-verified as they migrate, those its counters only said so are the counters' claims, and the store
// opens and reads the day as before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/hub/store/migrate';
import * as m001 from '../../electron/hub/store/migrations/001_shops_terminals_payments';
import * as m002 from '../../electron/hub/store/migrations/002_journal_owner';
import { MIGRATIONS } from '../../electron/hub/store/migrations';
import { openStore } from '../../electron/hub/store/open';
import { openPgliteDriver } from '../../electron/hub/store/pglite';
import { openPostgresDriver } from '../../electron/hub/store/postgres';
import type { SqlDriver } from '../../electron/hub/store/sql';
import { DRIVERS, freshLocation } from './drivers';

const DAY = '2026-12-01';
const AT = '2026-12-01T10:00:00Z';

/** The rows a hub on migrations 001 and 002 kept: one sale BOS paid through it, one only its counter says BOS confirmed, one paid for less. */
async function oldRows(db: SqlDriver): Promise<void> {
  await db.exec(`
    insert into shops (id, registration_id, name, webhook_secret_hash, created_at) values ('shop_1', 'BOS-1', 'Old shop', 'h', '${AT}');
    insert into terminals (id, shop_id, name, role, credential_hash, paired_at, delivery_seq) values ('term_1', 'shop_1', 'Counter 1', 'counter', 'c', '${AT}', 2);
    insert into webhook_deliveries (id, shop_id, received_at, raw_body, event, payment_id, duplicate) values (1, 'shop_1', '${AT}', '\\x7b7d', 'qr_code.credited', 'pay_1', false), (2, 'shop_1', '${AT}', '\\x7b7d', 'qr_code.credited', 'pay_short', false);
    insert into payments (shop_id, payment_id, webhook_id, event, succeeded, qr_id, txn_ref, amount_paise, currency, received_at, delivered_at, sale_id, terminal_id)
      values ('shop_1', 'pay_1', 1, 'qr_code.credited', true, 'qr_paid', 'TXN_paid', 10000, 'INR', '${AT}', '${AT}', 'paid', 'term_1'),
             ('shop_1', 'pay_short', 2, 'qr_code.credited', true, 'qr_short', 'TXN_short', 4900, 'INR', '${AT}', '${AT}', 'short', 'term_1');
  `);
  for (const [saleId, amount] of [['paid', 10_000], ['claimed', 20_000], ['short', 5_000]] as const) {
    await db.query(
      `insert into sales (terminal_id, sale_id, shop_id, day, requested, requested_at, hour, amount_paise, state, confirmed_by, qr_id, txn_ref, paid_at, paid_after_expiry, paid_after_cancel, last_event_id, updated_at)
       values ('term_1', $1, 'shop_1', $2::date, true, $3::timestamptz, 15, $4, 'paid', 'bos', $5, $6, $3::timestamptz, false, false, 3, $3::timestamptz)`,
      [saleId, DAY, AT, amount, `qr_${saleId}`, `TXN_${saleId}`],
    );
  }
}

// A PGlite made from nothing runs initdb in WASM: tens of seconds on a loaded two-core machine.
const FRESH_PGLITE_MS = 120_000;

describe.each(DRIVERS)('migration 004 over an existing hub on %s', (driver) => {
  it('verifies the sales BOS paid through the hub, leaves the rest as counter claims, and the store reads the day', async () => {
    // An empty database: the PGlite template is already migrated, so PGlite gets a directory of its own.
    const place = driver === 'pglite' ? { location: { dataDir: mkdtempSync(join(tmpdir(), 'counter-hub-migrate-')) }, cleanup: async () => undefined } : await freshLocation(driver);
    const dataDir = place.location.dataDir ?? null;
    try {
      const old = place.location.databaseUrl ? await openPostgresDriver(place.location.databaseUrl) : await openPgliteDriver(dataDir);
      try {
        expect(await migrate(old, [m001, m002])).toEqual([1, 2]);
        await oldRows(old);
        // Every migration after 002 runs, 004 among them (003, beside it, touches only keys and secrets).
        expect(await migrate(old)).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
        const rows = await old.query('select sale_id, bos_verified from sales order by sale_id');
        expect(rows.map((r) => [r.sale_id, r.bos_verified])).toEqual([['claimed', false], ['paid', true], ['short', false]]);
        expect((await old.query('select held_reason from payments')).map((r) => r.held_reason)).toEqual([null, null]);
      } finally {
        await old.close();
      }
      const store = await openStore(place.location);
      try {
        const figures = await store.dayFigures('shop_1', DAY);
        expect(figures.claims).toEqual([{ terminalId: 'term_1', count: 2 }]);
        expect((await store.daySales('shop_1', DAY, null)).map((s) => [s.saleId, s.confirmedBy])).toEqual([['claimed', 'counter_claim'], ['paid', 'bos'], ['short', 'counter_claim']]);
      } finally {
        await store.close();
      }
    } finally {
      await place.cleanup();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, FRESH_PGLITE_MS);
});
