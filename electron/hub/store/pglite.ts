import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { StoreError, storeCall } from './errors';
import type { SqlDriver, SqlRow, SqlRunner, SqlValue } from './sql';

const LOCK_FILE = 'counter-hub.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: a second PGlite on the same directory would silently keep its own
 * copy and corrupt the first. The lock file says who has it; a lock whose process is gone is taken over.
 */
function takeLock(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
        throw new StoreError(`Another Counter hub (process ${holder}) is using ${dataDir}. Stop it first, or use PostgreSQL to run several. (If no hub is running, delete ${path}.)`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new StoreError(`Could not lock ${dataDir}.`);
}

const runner = (db: PGlite | Transaction): SqlRunner => ({
  query: (text, params) => storeCall('query', async () => (await db.query<SqlRow>(text, params as SqlValue[] | undefined)).rows),
  exec: (text) => storeCall('exec', async () => void (await db.exec(text))),
});

/** PGlite under `dataDir` (or in memory when null: tests and training only, nothing kept). */
export async function openPgliteDriver(dataDir: string | null): Promise<SqlDriver> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = takeLock(dataDir);
  }
  let db: PGlite;
  try {
    db = await storeCall('open PGlite', () => PGlite.create(dataDir ? { dataDir } : {}));
  } catch (error) {
    release();
    throw error;
  }
  const top = runner(db);
  return {
    kind: 'pglite',
    query: top.query,
    exec: top.exec,
    // PGlite runs one statement at a time and holds every other query back while a transaction is open.
    transaction: (fn) => storeCall('transaction', () => db.transaction((tx) => fn(runner(tx)))),
    announce: async () => {},
    listen: () => {},
    close: async () => {
      try {
        if (!db.closed) await db.close();
      } finally {
        release();
      }
    },
  };
}
