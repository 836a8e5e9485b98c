// A hub database from before the trust chain (migration 3): its webhook URL keeps working with the clear
// text gone, its owner keys are listed as made before makers were kept, and its six-digit codes are gone.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../electron/hub';
import { migrate } from '../../electron/hub/store/migrate';
import { MIGRATIONS } from '../../electron/hub/store/migrations';
import type { StoreLocation } from '../../electron/hub/store/open';
import { DRIVERS, freshLocation } from './drivers';
import { bearer, razorpayBody } from './hub-support';
import { openRaw, readAllTables } from './raw-store';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** An empty database of either kind (a PGlite directory of its own: the test template is migrated already). */
async function emptyPlace(driver: (typeof DRIVERS)[number]): Promise<{ location: StoreLocation; cleanup(): Promise<void> }> {
  if (driver === 'postgresql') return freshLocation(driver);
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-v2-'));
  return { location: { dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

describe.each(DRIVERS)('a hub database from before the trust chain on %s', (driver) => {
  it('keeps its webhook URL working with the clear text removed, and lists its owner key as made before makers were kept', async () => {
    const place = await emptyPlace(driver);
    const secret = 'kept-in-clear-by-an-older-hub-0123456789';
    const ownerKey = 'an-older-hubs-owner-key-0123456789';
    try {
      const raw = await openRaw(place.location);
      try {
        await migrate(raw, MIGRATIONS.filter((m) => m.version <= 2));
        // What an older hub wrote at its first start: the shop, its secret's hash and the secret itself, a key, a live six-digit code.
        await raw.exec(`
          insert into shops (id, registration_id, name, webhook_secret_hash, created_at) values ('shop_old', 'BOS-554', 'Sharma Stores', '${sha(secret)}', now());
          insert into hub_config (key, value) values ('default_shop_id', 'shop_old'), ('default_webhook_secret', '${secret}');
          insert into owner_keys (key_hash, shop_id, label, origin, created_at) values ('${sha(ownerKey)}', 'shop_old', 'Accounts', 'made', now());
          insert into pairing_codes (code_hash, shop_id, role, created_at, expires_at) values ('${sha('123456')}', 'shop_old', 'owner', now(), now() + interval '10 minutes');`);
        expect(await migrate(raw)).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
      } finally {
        await raw.close();
      }
      const dump = await readAllTables(place.location);
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(sha('123456'));

      const hub = await startHub({ ...place.location, keepWebhookSecret: true });
      try {
        expect(hub.shopId).toBe('shop_old');
        const webhook = await fetch(`${hub.url}/bos/webhook/${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(razorpayBody()) });
        expect(webhook.status).toBe(200);
        expect((await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: bearer(ownerKey) })).status).toBe(200);
        const owner = await fetch(`${hub.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: (await hub.createPairingCode('owner')).code, name: 'Owner laptop' }) });
        const { credential } = (await owner.json()) as { credential: string };
        const keys = (await (await fetch(`${hub.url}/v1/owner-keys`, { headers: bearer(credential) })).json()) as { keys: unknown[] };
        expect(keys.keys).toEqual([expect.objectContaining({ label: 'Accounts', kind: 'owner', origin: 'earlier', madeBy: null, revoked: false })]);
      } finally {
        await hub.close();
      }
    } finally {
      await place.cleanup();
    }
  }, 60_000);
});
