import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../electron/hub';
import { DRIVERS, freshLocation } from './drivers';

describe('startHub', () => {
  it('refuses a short webhook secret, or a pairing code that is not sixteen digits that check, before it opens anything', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-start-'));
    try {
      await expect(startHub({ dataDir, webhookSecret: 'short' })).rejects.toThrow(/24 to 128 URL-safe/);
      await expect(startHub({ dataDir, pairingCode: '123456' })).rejects.toThrow(/16 digits whose last one checks/);
      await expect(startHub({ dataDir, pairingCode: '1234567890123451' })).rejects.toThrow(/16 digits whose last one checks/);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each(DRIVERS)('on %s, uses a secret the operator gives (kept as its hash), and keeps it when started to keep it', async (driver) => {
    const place = await freshLocation(driver);
    try {
      const secret = 'operator-chosen-secret-0123456789';
      const first = await startHub({ ...place.location, webhookSecret: secret, registrationId: 'BOS-554', shopName: 'Sharma Stores' });
      expect(first.webhookUrl).toBe(`${first.url}/bos/webhook/${secret}`);
      expect(first.shop).toMatchObject({ registrationId: 'BOS-554', name: 'Sharma Stores' });
      await first.close();
      const kept = await startHub({ ...place.location, keepWebhookSecret: true });
      try {
        expect(kept.shopId).toBe(first.shopId);
        expect([kept.webhookUrl, kept.hasWebhookSecret]).toEqual([null, true]);
        expect((await fetch(`${kept.url}/bos/webhook/${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
      } finally {
        await kept.close();
      }
    } finally {
      await place.cleanup();
    }
  });
});
