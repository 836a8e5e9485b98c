import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHub } from '../../electron/hub';
import { DRIVERS, freshLocation } from './drivers';

describe('startHub', () => {
  it('refuses a short webhook secret or a pairing code that is not six digits before it opens anything', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-start-'));
    try {
      await expect(startHub({ dataDir, webhookSecret: 'short' })).rejects.toThrow(/24 to 128 URL-safe/);
      await expect(startHub({ dataDir, pairingCode: '12345' })).rejects.toThrow(/six digits/);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.each(DRIVERS)('on %s, uses a secret the operator gives, and asks for it again rather than make a new one', async (driver) => {
    const place = await freshLocation(driver);
    try {
      const secret = 'operator-chosen-secret-0123456789';
      const first = await startHub({ ...place.location, webhookSecret: secret, registrationId: 'BOS-554', shopName: 'Sharma Stores' });
      expect(first.webhookUrl).toBe(`${first.url}/bos/webhook/${secret}`);
      expect(first.shop).toMatchObject({ registrationId: 'BOS-554', name: 'Sharma Stores' });
      await first.close();
      await expect(startHub(place.location)).rejects.toThrow(/give the same --webhook-secret again/);
      const again = await startHub({ ...place.location, webhookSecret: secret });
      expect(again.shopId).toBe(first.shopId);
      await again.close();
    } finally {
      await place.cleanup();
    }
  });
});
