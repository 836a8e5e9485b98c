import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { issuePairingCode } from '../../electron/hub/pairing';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, useSharedStore } from './drivers';
import { expectation } from './fixtures';
import { bearer, makeHub, openStream, razorpayBody } from './hub-support';

describe.each(DRIVERS)('what the hub logs on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  beforeEach(() => {
    store = shared.store;
  });

  it('never writes a credential, a pairing code, the webhook secret or a signature', async () => {
    const lines: string[] = [];
    const hmac = 'hmac-secret-for-the-log-test';
    const hub = await makeHub(store, { log: { level: 'trace', destination: { write: (line: string) => lines.push(line) } }, webhookHmacSecret: hmac, pingMs: 30 });
    try {
      await hub.app.listen({ host: '127.0.0.1', port: 0 });
      const url = `http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`;
      const { code } = await issuePairingCode(store, hub.clock.now, { shopId: hub.shop.id, role: 'owner' });
      const owner = (await (await fetch(`${url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Owner laptop' }) })).json()) as { credential: string; terminalId: string };
      await fetch(`${url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'Again' }) });
      const made = (await (await fetch(`${url}/v1/pairing-codes`, { method: 'POST', headers: { ...bearer(owner.credential), 'content-type': 'application/json' }, body: '{"role":"counter"}' })).json()) as { code: string };
      const e = expectation();
      await fetch(`${url}/v1/expectations`, { method: 'POST', headers: { ...bearer(owner.credential), 'content-type': 'application/json' }, body: JSON.stringify(e) });
      const stream = await openStream(url, owner.credential, { after: '0' });
      const body = JSON.stringify(razorpayBody({ qrId: e.qrId }));
      const signature = createHmac('sha256', hmac).update(body).digest('hex');
      await fetch(`${url}${hub.webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-razorpay-signature': signature }, body });
      await fetch(`${url}${hub.webhookPath}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-razorpay-signature': '0'.repeat(64) }, body });
      await fetch(`${url}${hub.webhookPath}?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
      await fetch(`${url}${hub.webhookPath}%zz`, { method: 'POST', body: '{}' });
      await stream.waitFor(1);
      await new Promise((r) => setTimeout(r, 100));
      stream.close();
      await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${owner.credential}x` } });

      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(10);
      expect(log).toContain('/bos/webhook/***');
      expect(log).toContain(owner.terminalId);
      for (const secret of [owner.credential, code, made.code, hub.secret, hmac, signature]) expect(log, `logged ${secret}`).not.toContain(secret);
    } finally {
      await hub.app.close();
    }
  });
});
