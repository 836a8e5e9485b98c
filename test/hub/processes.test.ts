import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type { PairAnswer } from '../../electron/contract/hub';
import { startHub } from '../../electron/hub';
import { LISTENER_NAME } from '../../electron/hub/store/postgres';
import { freshLocation } from './drivers';
import { expectation } from './fixtures';
import { bearer, openStream, paymentOf, razorpayBody, upiqrBody } from './hub-support';
import { runCli, runCliToEnd } from './cli-process';

const json = { 'content-type': 'application/json' };

async function pair(url: string, code: string, name: string): Promise<PairAnswer> {
  const res = await fetch(`${url}/v1/pair`, { method: 'POST', headers: json, body: JSON.stringify({ code, name }) });
  expect(res.status).toBe(200);
  return (await res.json()) as PairAnswer;
}

async function announce(url: string, credential: string) {
  const e = expectation();
  const res = await fetch(`${url}/v1/expectations`, { method: 'POST', headers: { ...json, ...bearer(credential) }, body: JSON.stringify(e) });
  expect(res.status).toBe(200);
  return e;
}

describe('two hub processes on one PostgreSQL', () => {
  it('pushes a webhook taken by one process to a terminal streaming from the other, also after its LISTEN connection was cut', async () => {
    const place = await freshLocation('postgresql');
    const databaseUrl = place.location.databaseUrl!;
    const a = await startHub({ databaseUrl });
    const b = runCli(['--port', '0', '--pairing-code', '1357901357901352', '--log-level', 'warn'], { DATABASE_URL: databaseUrl });
    try {
      const [, bUrl] = await b.waitFor(/Counter hub listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const counter = await pair(bUrl!, '1357901357901352', 'Counter on B');
      const stream = await openStream(bUrl!, counter.credential);
      const first = await announce(bUrl!, counter.credential);
      expect((await fetch(a.webhookUrl, { method: 'POST', headers: json, body: JSON.stringify(razorpayBody({ qrId: first.qrId })) })).status).toBe(200);
      expect(paymentOf((await stream.waitFor(1))[0]!)).toMatchObject({ saleId: first.saleId });

      // Cut every LISTEN connection: B reconnects and re-reads, so the next payment still arrives (well before a 15 s ping).
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      try {
        const cut = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()', [LISTENER_NAME]);
        expect(cut.rowCount).toBe(2);
      } finally {
        await admin.end();
      }
      const second = await announce(bUrl!, counter.credential);
      expect((await fetch(a.webhookUrl, { method: 'POST', headers: json, body: JSON.stringify(upiqrBody({ refid: second.txnRef })) })).status).toBe(200);
      const got = await stream.waitFor(2, 8_000);
      expect(got.map((e) => e.id)).toEqual(['1', '2']);
      expect(paymentOf(got[1]!)).toMatchObject({ saleId: second.saleId });
      stream.close();
    } finally {
      await Promise.all([a.close(), b.stop()]);
      await place.cleanup();
    }
  });
});

describe('the hub command line (PGlite)', () => {
  it('serves, keeps its webhook secret across restarts, makes pairing codes, lists and revokes terminals', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-cli-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const store = ['--data-dir', dataDir];
    try {
      const serving = runCli(['--port', '0', ...store, '--registration-id', 'BOS-554', '--shop-name', 'Sharma Stores', '--log-level', 'warn', '--new-webhook-secret', '--show-pairing-code', 'counter']);
      const [, url] = await serving.waitFor(/Counter hub listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const [, webhookUrl] = await serving.waitFor(/Webhook URL for BOS: (http:\S+\/bos\/webhook\/[A-Za-z0-9_-]{43})\n/);
      const [, counterCode] = await serving.waitFor(/Pairing code for a counter: (\d{4} \d{4} \d{4} \d{4})/);
      expect(serving.output()).toMatch(/shop "Sharma Stores" \(BOS registration id BOS-554\)/);
      const counter = await pair(url!, counterCode!, 'Counter 1');

      const busy = await runCliToEnd(['pairing-code', '--role', 'owner', ...store]);
      expect(busy.code).toBe(1);
      expect(busy.output).toMatch(/Another Counter hub \(process \d+\) is using/);
      expect(await serving.stop()).toBe(0);

      const made = await runCliToEnd(['pairing-code', '--role', 'owner', '--name', 'Owner laptop', ...store]);
      expect(made.code, made.output).toBe(0);
      const ownerCode = /Pairing code for an owner: (\d{4} \d{4} \d{4} \d{4})/.exec(made.output)?.[1];
      const revoked = await runCliToEnd(['revoke', counter.terminalId, ...store]);
      expect(revoked.code, revoked.output).toBe(0);
      const listed = await runCliToEnd(['terminals', ...store]);
      expect(listed.output).toMatch(new RegExp(`${counter.terminalId} +counter +revoked +Counter 1`));

      // The same store served again (in-process, quicker): the same webhook URL, the code made above works, the revoked counter does not.
      const again = await startHub({ dataDir, keepWebhookSecret: true });
      try {
        const path = webhookUrl!.slice(webhookUrl!.indexOf('/bos/webhook/'));
        expect((await fetch(`${again.url}${path}`, { method: 'POST', headers: json, body: JSON.stringify(razorpayBody()) })).status).toBe(200);
        expect((await pair(again.url, ownerCode!, 'Owner laptop')).role).toBe('owner');
        expect((await fetch(`${again.url}/v1/me`, { headers: bearer(counter.credential) })).status).toBe(401);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
