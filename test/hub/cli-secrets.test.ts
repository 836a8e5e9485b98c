// Issue 21, items 1 and 9 on the command line (PGlite): a start prints no secret and no pairing code
// unless asked; the webhook URL is shown once by an explicit command; owner keys are listed and revoked.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { startHub } from '../../electron/hub';
import { runCli, runCliToEnd } from './cli-process';
import { bearer, razorpayBody } from './hub-support';

const json = { 'content-type': 'application/json' };

describe('the hub command line and its secrets (PGlite)', () => {
  it('starts without printing a webhook secret or a pairing code; webhook-secret shows a new URL once, the one before works for its grace period', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-cli-secrets-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const store = ['--data-dir', dataDir];
    try {
      const serving = runCli(['--port', '0', ...store, '--log-level', 'info']);
      await serving.waitFor(/Pairing codes: npm run hub -- pairing-code/);
      expect(serving.output()).toMatch(/Webhook URL for BOS: none yet\. For a new one: npm run hub -- webhook-secret/);
      expect(await serving.stop()).toBe(0);
      expect(serving.output()).not.toMatch(/\/bos\/webhook\/[A-Za-z0-9_-]{20}/);
      expect(serving.output()).not.toMatch(/\d{4} \d{4} \d{4} \d{4}|\b\d{6}\b/);

      const first = await runCliToEnd(['webhook-secret', '--public-url', 'https://hub.example.in/', ...store]);
      expect(first.code, first.output).toBe(0);
      const firstPath = /Webhook URL for BOS: https:\/\/hub\.example\.in(\/bos\/webhook\/[A-Za-z0-9_-]{43})\n/.exec(first.output)?.[1];
      expect(first.output).toMatch(/No other works now\./);
      const second = await runCliToEnd(['webhook-secret', '--webhook-grace-hours', '2', ...store]);
      const secondPath = /Webhook URL for BOS: https:\/\/<your hub address>(\/bos\/webhook\/[A-Za-z0-9_-]{43})\n/.exec(second.output)?.[1];
      expect(second.output).toMatch(/The one before works until/);

      const again = runCli(['--port', '0', ...store, '--log-level', 'info']);
      try {
        const [, url] = await again.waitFor(/Counter hub listening on (http:\S+)/);
        await again.waitFor(/Webhook URL for BOS: not shown \(the hub keeps only its hash\)/);
        for (const path of [firstPath, secondPath]) expect((await fetch(`${url}${path}`, { method: 'POST', headers: json, body: JSON.stringify(razorpayBody()) })).status, path).toBe(200);
      } finally {
        await again.stop();
      }
      expect(again.output()).not.toContain(firstPath!.split('/').pop()!);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('makes an owner key of the kind asked, lists it with its maker, and revokes it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-cli-keys-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const store = ['--data-dir', dataDir];
    try {
      const made = await runCliToEnd(['owner-key', '--kind', 'owner', '--label', 'Nightly export', ...store]);
      expect(made.code, made.output).toBe(0);
      const [, keyId, key] = /Owner key (key_\S+) \(owner, Nightly export\): (hubo_\S+)/.exec(made.output) ?? [];
      const listed = await runCliToEnd(['owner-keys', ...store]);
      expect(listed.output).toMatch(new RegExp(`${keyId} +owner +active +Nightly export +\\(made .* on the command line, last used never\\)`));
      expect(listed.output).not.toContain(key!);
      expect((await runCliToEnd(['revoke-key', keyId!, ...store])).output).toMatch(/Revoked key_\S+ \(Nightly export\): it no longer works\./);
      expect((await runCliToEnd(['owner-keys', ...store])).output).toMatch(new RegExp(`${keyId} +owner +revoked`));
      expect((await runCliToEnd(['revoke-key', 'key_nobody', ...store])).code).toBe(1);
      const hub = await startHub({ dataDir, keepWebhookSecret: true });
      try {
        expect((await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: bearer(key!) })).status).toBe(401);
      } finally {
        await hub.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
