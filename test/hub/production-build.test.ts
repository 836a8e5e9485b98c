/**
 * The hub as a partner installs it (README, "Deploying the hub"): `npm run build:hub`, then
 * deploy/install-hub.sh into a folder of its own (package.json, the lockfile, out/hub, and
 * `npm ci --omit=dev` from the npm registry), then `node out/hub/cli.js` configured by the settings of
 * deploy/counter-hub.env.example, on PGlite and on PostgreSQL. Nothing of the repository's node_modules
 * is reachable from there. Without the registry the install fails, and so does this file, saying why.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import type { DaySummaryAnswer, UnmatchedAnswer } from '../../electron/contract/hub';
import { healthcheckCommand } from '../support/dockerfile';
import { envFile } from '../support/env-file';
import { createTestDatabase } from '../support/postgres';
import { razorpayBody } from './hub-support';

const run = promisify(execFile);
const INSTALL_MS = 300_000;
// PGlite's first start in an empty folder runs initdb in WebAssembly: over a minute on a busy two-core host.
const PGLITE_MS = 240_000;
const POSTGRES_MS = 120_000;
const root = mkdtempSync(join(tmpdir(), 'counter-hub-production-'));
const app = join(root, 'opt-counter-hub');
const exampleEnv = envFile(readFileSync('deploy/counter-hub.env.example', 'utf8'));

interface BuiltHub {
  url: string;
  output(): string;
  stop(): Promise<number | null>;
}

/** `node out/hub/cli.js` in the installed folder, its settings from the environment only (no flags). */
async function startBuiltHub(settings: Record<string, string>): Promise<BuiltHub> {
  const child = spawn(process.execPath, ['out/hub/cli.js'], { cwd: app, env: { PATH: process.env.PATH ?? '', HOME: root, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Counter hub listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the built hub exited (${code}) before listening:\n${out}`)));
  });
  const url = await listening;
  return {
    url,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The settings a partner copies from the example, with this run's own secrets, port and store. */
function settingsFor(store: Record<string, string>): Record<string, string> {
  return { ...exampleEnv, PORT: '0', HUB_HOST: '127.0.0.1', HUB_WEBHOOK_SECRET: randomBytes(32).toString('base64url'), HUB_OWNER_KEY: `owner-${randomBytes(24).toString('base64url')}`, ...store };
}

async function postWebhook(hub: BuiltHub, secret: string): Promise<string> {
  const body = razorpayBody({ qrId: 'qr_nobody_issued' });
  const res = await fetch(`${hub.url}/bos/webhook/${secret}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, hub.output()).toBe(200);
  return body.payload.payment.entity.id;
}

async function unmatched(hub: BuiltHub, ownerKey: string): Promise<string[]> {
  const res = await fetch(`${hub.url}/v1/payments/unmatched`, { headers: { authorization: `Bearer ${ownerKey}` } });
  expect(res.status, hub.output()).toBe(200);
  return ((await res.json()) as UnmatchedAnswer).payments.map((p) => p.paymentId);
}

/** The shop the hub serves, as the owner's read API names it: the example's HUB_SHOP_NAME reached it. */
async function shopName(hub: BuiltHub, ownerKey: string): Promise<string> {
  const res = await fetch(`${hub.url}/v1/days/2026-12-01/summary`, { headers: { authorization: `Bearer ${ownerKey}` } });
  expect(res.status, hub.output()).toBe(200);
  return ((await res.json()) as DaySummaryAnswer).shop.name;
}

async function migrationsIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('select count(*) as n from hub_migrations')).rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** The container's HEALTHCHECK command from deploy/Dockerfile, run against this hub's port. */
async function containerHealthCheck(port: string): Promise<number> {
  const [command, ...args] = healthcheckCommand(readFileSync('deploy/Dockerfile', 'utf8')).command;
  expect(command).toBe('node');
  return run(process.execPath, args, { env: { PATH: process.env.PATH ?? '', PORT: port }, timeout: 10_000 }).then(
    () => 0,
    (error: { code?: number }) => error.code ?? -1,
  );
}

beforeAll(async () => {
  const env = { ...process.env, COUNTER_OUT_DIR: join(root, 'build') };
  await run('npm', ['run', 'build:hub'], { env });
  try {
    await run('deploy/install-hub.sh', [app], { env, maxBuffer: 16 << 20 });
  } catch (error) {
    const { stderr = '', stdout = '' } = error as { stderr?: string; stdout?: string };
    throw new Error(`Could not install the hub's production dependencies (npm ci --omit=dev) from the npm registry: is it reachable?\n${(stdout + stderr).slice(-3_000)}`, { cause: error });
  }
}, INSTALL_MS);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the production install', () => {
  it('holds the hub and its runtime packages, and no development tool', () => {
    expect(existsSync(join(app, 'out', 'hub', 'cli.js'))).toBe(true);
    for (const needed of ['fastify', 'pg', '@electric-sql/pglite']) expect(existsSync(join(app, 'node_modules', needed, 'package.json')), needed).toBe(true);
    for (const tool of ['electron', 'vite', 'tsx', 'typescript', 'vitest', 'esbuild', 'rolldown', 'electron-builder', 'playwright']) {
      expect(existsSync(join(app, 'node_modules', tool)), `${tool} in the production install`).toBe(false);
    }
  });
});

describe('the built hub, run with node and production dependencies only', () => {
  it('starts on PGlite in an empty folder, takes a webhook, lists it for the owner, answers the container health check, and keeps it across a restart', async () => {
    const settings = settingsFor({ HUB_DATA_DIR: join(root, 'pglite') });
    let hub = await startBuiltHub(settings);
    try {
      expect(existsSync(join(settings.HUB_DATA_DIR!, 'PG_VERSION'))).toBe(true);
      expect(await shopName(hub, settings.HUB_OWNER_KEY!)).toBe(exampleEnv.HUB_SHOP_NAME);
      const paymentId = await postWebhook(hub, settings.HUB_WEBHOOK_SECRET!);
      expect(await unmatched(hub, settings.HUB_OWNER_KEY!)).toContain(paymentId);
      const port = new URL(hub.url).port;
      expect(await containerHealthCheck(port)).toBe(0);

      expect(await hub.stop()).toBe(0);
      expect(await containerHealthCheck(port)).not.toBe(0);
      expect(existsSync(join(settings.HUB_DATA_DIR!, 'counter-hub.lock'))).toBe(false);

      hub = await startBuiltHub(settings);
      expect(await unmatched(hub, settings.HUB_OWNER_KEY!)).toContain(paymentId);
    } finally {
      await hub.stop();
    }
  }, PGLITE_MS);

  it('starts on PostgreSQL from DATABASE_URL, takes a webhook and lists it for the owner', async () => {
    const server = inject('postgresUrl');
    if (!server) throw new Error(`The PostgreSQL run cannot start: ${inject('postgresError') ?? 'no server'}`);
    const db = await createTestDatabase(server);
    const settings = settingsFor({ DATABASE_URL: db.url });
    const hub = await startBuiltHub(settings);
    try {
      expect(await shopName(hub, settings.HUB_OWNER_KEY!)).toBe(exampleEnv.HUB_SHOP_NAME);
      expect(await migrationsIn(db.url)).toBeGreaterThan(0);
      const paymentId = await postWebhook(hub, settings.HUB_WEBHOOK_SECRET!);
      expect(await unmatched(hub, settings.HUB_OWNER_KEY!)).toContain(paymentId);
      expect(await containerHealthCheck(new URL(hub.url).port)).toBe(0);
      expect(await hub.stop()).toBe(0);
    } finally {
      await hub.stop();
      await db.drop();
    }
  }, POSTGRES_MS);
});
