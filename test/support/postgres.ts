// A throwaway PostgreSQL cluster for a test or bench run (initdb + pg_ctl from Debian's postgresql package),
// or the server DATABASE_URL names. Loopback only, unix sockets in the run's own temp dir, gone afterwards.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface TestPostgres {
  /** The maintenance database's URL (a superuser on the throwaway cluster). */
  url: string;
  /** Whether this run started the cluster itself (false: DATABASE_URL). */
  own: boolean;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Keep PostgreSQL's fsync on (the bench); tests turn it off, they never pull the plug. */
  durable?: boolean;
}

/** The newest installed version's bin directory, or a message saying what to install. */
export function findPostgresBin(): { bin: string } | { missing: string } {
  const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')) && existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return { bin: join(PG_ROOT, versions[0], 'bin') };
  return { missing: `PostgreSQL is not installed: no initdb/pg_ctl under ${PG_ROOT}/*/bin. Install Debian's postgresql package (apt-get install postgresql) or set DATABASE_URL to a server the tests may create databases on.` };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, own: false, stop: async () => {} };
  const found = findPostgresBin();
  if ('missing' in found) throw new Error(found.missing);

  const root = mkdtempSync(join(tmpdir(), 'counter-pg-'));
  const dataDir = join(root, 'data');
  // initdb refuses to run as root: run PostgreSQL as its own user, in a directory that user owns.
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const tool = (name: string, args: string[]) => {
    const [command, ...rest] = [...prefix, join(found.bin, name), ...args];
    return run(command!, rest, { encoding: 'utf8' });
  };
  const port = await freePort();
  const settings = ['-c listen_addresses=127.0.0.1', `-p ${port}`, `-k ${root}`, '-c max_connections=300', ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])];
  try {
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await tool('pg_ctl', ['-D', dataDir, '-l', join(root, 'server.log'), '-w', '-t', '30', '-o', settings.join(' '), 'start']);
  } catch (error) {
    const log = existsSync(join(root, 'server.log')) ? readFileSync(join(root, 'server.log'), 'utf8').slice(-2_000) : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`Could not start the test PostgreSQL: ${(error as Error).message}\n${log}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    own: true,
    stop: async () => {
      await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A fresh, empty database on the server `adminUrl` names; drop() removes it (and ends its connections). */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `counter_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
