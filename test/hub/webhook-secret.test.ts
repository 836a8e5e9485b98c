// Issue 21, item 9: the webhook secret is kept only as a hash, rotated with a grace period, masked in
// every log line, and webhooks can be limited to BOS's addresses.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookSecretAnswer } from '../../electron/contract/hub';
import { startHub } from '../../electron/hub';
import type { HubStore } from '../../electron/hub/store/types';
import { DRIVERS, freshLocation, useSharedStore } from './drivers';
import { bearer, makeHub, razorpayBody, type TestHub } from './hub-support';
import { readAllTables } from './raw-store';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const json = { 'content-type': 'application/json' };

describe.each(DRIVERS)('the webhook secret on %s', (driver) => {
  const shared = useSharedStore(driver);
  let store: HubStore;
  let hub: TestHub;
  beforeEach(() => {
    store = shared.store;
  });
  afterEach(() => hub?.app.close());

  const deliver = (path: string, remoteAddress = '203.0.113.9') => hub.app.inject({ method: 'POST', url: path, headers: json, payload: razorpayBody(), remoteAddress });

  it('rotates from the owner API: the new URL is shown once and works at once, the old one only for the grace period', async () => {
    hub = await makeHub(store, { webhookGraceMs: 60 * 60_000, publicUrl: 'https://hub.example.in/' });
    const owner = await hub.pair('owner', 'Owner laptop');
    const rotated = await hub.app.inject({ method: 'POST', url: '/v1/webhook-secret', headers: bearer(owner.credential), payload: {} });
    expect(rotated.statusCode).toBe(200);
    const answer = rotated.json<WebhookSecretAnswer>();
    expect(answer).toEqual({ webhookUrl: expect.stringMatching(/^https:\/\/hub\.example\.in\/bos\/webhook\/[A-Za-z0-9_-]{43}$/), previousValidUntil: new Date(hub.clock.now + 60 * 60_000).toISOString() });
    const newPath = new URL(answer.webhookUrl).pathname;
    expect((await deliver(newPath)).statusCode).toBe(200);
    expect((await deliver(hub.webhookPath)).statusCode).toBe(200);
    // Past the grace period, and past the ten seconds a process may remember a secret it looked up.
    hub.clock.advance(60 * 60_000 + 10_001);
    expect((await deliver(hub.webhookPath)).statusCode).toBe(404);
    expect((await deliver(newPath)).statusCode).toBe(200);

    const ended = (await hub.app.inject({ method: 'POST', url: '/v1/webhook-secret', headers: bearer(owner.credential), payload: { graceHours: 0 } })).json<WebhookSecretAnswer>();
    expect(ended.previousValidUntil).toBeNull();
    hub.clock.advance(10_001);
    expect((await deliver(newPath)).statusCode).toBe(404);
    expect((await deliver(new URL(ended.webhookUrl).pathname)).statusCode).toBe(200);
  });

  it('never writes the secret to a log line, whatever the case, slashes or encoding of the path', async () => {
    const lines: string[] = [];
    hub = await makeHub(store, { log: { level: 'trace', destination: { write: (line: string) => lines.push(line) } } });
    const secret = hub.secret;
    const paths = [`/BOS/webhook/${secret}`, `//bos//webhook//${secret}`, `/bos/WEBHOOK/${secret}`, `/Bos/Webhook/${secret}?x=1`, `/bos/web%68ook/${secret}`, `/bos%2Fwebhook%2F${secret}`, `/bos/webhook/${secret}/extra`, `/bos/%2577ebhook/${secret}`];
    for (const path of paths) expect((await deliver(path)).statusCode, path).toBeGreaterThanOrEqual(200);
    expect((await deliver(hub.webhookPath)).statusCode).toBe(200);
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(paths.length);
    expect(log).not.toContain(secret);
  });

  it('takes webhooks only from the listed addresses when given: others find nothing and nothing is kept', async () => {
    hub = await makeHub(store, { webhookSources: '203.0.113.0/24, 2001:db8::/32' });
    const before = await store.counts();
    expect((await deliver(hub.webhookPath, '198.51.100.4')).statusCode).toBe(404);
    expect(await store.counts()).toEqual(before);
    expect((await deliver(hub.webhookPath, '203.0.113.200')).statusCode).toBe(200);
    expect((await deliver(hub.webhookPath, '::ffff:203.0.113.201')).statusCode).toBe(200);
    expect((await deliver(hub.webhookPath, '2001:db8:5::1')).statusCode).toBe(200);
  });

  it('says once, when BOS signs its webhooks and the hub has no secret to check them, that checking them is the strongest setting', async () => {
    const lines: string[] = [];
    hub = await makeHub(store, { log: { level: 'warn', destination: { write: (line: string) => lines.push(line) } } });
    for (let i = 0; i < 3; i += 1) {
      const res = await hub.app.inject({ method: 'POST', url: hub.webhookPath, headers: { ...json, 'x-razorpay-signature': 'a'.repeat(64) }, payload: razorpayBody() });
      expect(res.statusCode).toBe(200);
    }
    expect(lines.filter((l) => l.includes('HUB_WEBHOOK_HMAC_SECRET'))).toHaveLength(1);
  });
});

describe.each(DRIVERS)('the webhook secret in the database on %s', (driver) => {
  it('is kept only as its hash: no table holds it in clear text', async () => {
    const place = await freshLocation(driver);
    try {
      const hub = await startHub(place.location);
      const secret = hub.webhookUrl.split('/bos/webhook/')[1]!;
      await hub.close();
      const dump = await readAllTables(place.location);
      expect(dump).not.toContain(secret);
      expect(dump).toContain(sha(secret));
    } finally {
      await place.cleanup();
    }
  });
});
