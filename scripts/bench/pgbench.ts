// The floor the hub's webhook intake is measured against: how many single-row inserts a second PostgreSQL
// itself commits (pgbench, an insert script, each insert its own transaction) at a given concurrency, on the
// same cluster, each row the size of a webhook's body. Per-transaction times from pgbench's own log.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPostgresBin } from '../../test/support/postgres';

const run = promisify(execFile);

export interface FloorRun {
  /** Committed inserts a second (pgbench's tps, initial connections excluded). */
  perSecond: number;
  transactions: number;
  latencyMs: number[];
}

export function pgbenchPath(): string {
  const found = findPostgresBin();
  const own = 'bin' in found ? join(found.bin, 'pgbench') : null;
  if (own && existsSync(own)) return own;
  if (existsSync('/usr/bin/pgbench')) return '/usr/bin/pgbench';
  throw new Error('pgbench is not installed (Debian: the postgresql-client package); the hub intake figure needs it for its floor.');
}

/** The floor's table in `databaseUrl`: the id, the time and a body, as a webhook's row has. */
export async function prepareFloor(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('create table if not exists floor_rows (id bigserial primary key, received_at timestamptz not null default now(), body text not null)');
  } finally {
    await client.end();
  }
}

/** One pgbench run: `clients` connections inserting for `seconds`, rows of `bodyBytes`. */
export async function runFloor(databaseUrl: string, o: { clients: number; seconds: number; bodyBytes: number }): Promise<FloorRun> {
  const url = new URL(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'counter-pgbench-'));
  try {
    const script = join(dir, 'insert.sql');
    writeFileSync(script, `insert into floor_rows (body) values (repeat('x', ${o.bodyBytes}));\n`);
    const { stdout } = await run(
      pgbenchPath(),
      ['-n', '-M', 'prepared', '-c', String(o.clients), '-j', '2', '-T', String(o.seconds), '-f', script, '-l', `--log-prefix=${join(dir, 'tx')}`, '-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username), url.pathname.slice(1)],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 1 << 20 },
    );
    const perSecond = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
    if (!Number.isFinite(perSecond) || !Number.isFinite(transactions)) throw new Error(`pgbench said nothing readable:\n${stdout}`);
    // Log lines: client, transaction number, its time in µs, script, then when it ended.
    const latencyMs = readdirSync(dir)
      .filter((f) => f.startsWith('tx.'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .filter((line) => line.trim() !== '')
      .map((line) => Number(line.split(' ')[2]) / 1_000);
    return { perSecond, transactions, latencyMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
