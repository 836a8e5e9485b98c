import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { PairAnswer, UnmatchedAnswer } from '../../electron/contract/hub';
import { startHub } from '../../electron/hub';
import { runCliToEnd } from './cli-process';
import { bearer, razorpayBody } from './hub-support';

const json = { 'content-type': 'application/json' };

async function pair(url: string, code: string, name: string): Promise<PairAnswer> {
  const res = await fetch(`${url}/v1/pair`, { method: 'POST', headers: json, body: JSON.stringify({ code, name }) });
  expect(res.status).toBe(200);
  return (await res.json()) as PairAnswer;
}

const unmatched = async (url: string, credential: string) =>
  ((await (await fetch(`${url}/v1/payments/unmatched`, { headers: bearer(credential) })).json()) as UnmatchedAnswer).payments.map((p) => p.paymentId);

describe('a partner adds shops from the command line (PGlite)', () => {
  it('gives each added shop its own webhook URL and owner pairing code; its payments and terminals stay its own', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-shops-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const store = ['--data-dir', dataDir];
    try {
      const added = await runCliToEnd(['shop-add', '--registration-id', 'BOS-901', '--shop-name', 'Gupta Medical', '--public-url', 'https://hub.example.in/', ...store]);
      expect(added.code, added.output).toBe(0);
      const secret = /Webhook URL for BOS: https:\/\/hub\.example\.in\/bos\/webhook\/([A-Za-z0-9_-]{43})\n/.exec(added.output)?.[1];
      const ownerCode = /Pairing code for the owner: (\d{4} \d{4} \d{4} \d{4})/.exec(added.output)?.[1];
      expect(secret, added.output).toBeDefined();
      expect(ownerCode, added.output).toBeDefined();

      const again = await runCliToEnd(['shop-add', '--registration-id', 'BOS-901', '--shop-name', 'Gupta Medical 2', ...store]);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/has a shop with BOS registration id BOS-901 already/);
      const nameless = await runCliToEnd(['shop-add', '--registration-id', 'BOS-902', ...store]);
      expect(nameless.code).toBe(1);
      expect(nameless.output).toMatch(/needs --registration-id .* and --shop-name/);

      const counterCode = await runCliToEnd(['pairing-code', '--shop', 'BOS-901', '--role', 'counter', '--name', 'Counter 1', ...store]);
      expect(counterCode.code, counterCode.output).toBe(0);
      const unknownShop = await runCliToEnd(['terminals', '--shop', 'BOS-000', ...store]);
      expect(unknownShop.code).toBe(1);
      expect(unknownShop.output).toMatch(/no shop with BOS registration id BOS-000/);

      const hub = await startHub({ dataDir, registrationId: 'BOS-554', shopName: 'Sharma Stores' });
      try {
        const owner = await pair(hub.url, ownerCode!, 'Owner laptop');
        expect(owner).toMatchObject({ role: 'owner', shop: { name: 'Gupta Medical' } });
        const counter = await pair(hub.url, /Pairing code for a counter: (\d{4} \d{4} \d{4} \d{4})/.exec(counterCode.output)![1]!, 'Counter 1');
        expect(counter.shop.name).toBe('Gupta Medical');
        const defaultShopOwner = await pair(hub.url, await hub.createPairingCode('owner').then((c) => c.code), 'Sharma owner');
        expect(defaultShopOwner.shop.name).toBe('Sharma Stores');

        // A payment to the added shop's webhook URL is that shop's; the first shop never hears of it.
        const body = razorpayBody({ qrId: 'qr_nobody_issued' });
        const res = await fetch(`${hub.url}/bos/webhook/${secret}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
        expect(await unmatched(hub.url, owner.credential)).toEqual([body.payload.payment.entity.id]);
        expect(await unmatched(hub.url, defaultShopOwner.credential)).toEqual([]);
      } finally {
        await hub.close();
      }
      const listed = await runCliToEnd(['terminals', '--shop', 'BOS-901', ...store]);
      // The name given with the code names the terminal (shop-add names the owner's code "Owner").
      expect(listed.output).toMatch(/owner +active +Owner\b/);
      expect(listed.output).toMatch(/counter +active +Counter 1/);
      expect(listed.output).not.toMatch(/Sharma owner/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
