import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock';
import { storeCall } from './errors';
import type { SqlDriver, SqlRow, SqlRunner, SqlValue } from './sql';

const runner = (db: PGlite | Transaction): SqlRunner => ({
  query: (text, params) => storeCall('query', async () => (await db.query<SqlRow>(text, params as SqlValue[] | undefined)).rows),
  exec: (text) => storeCall('exec', async () => void (await db.exec(text))),
});

/** PGlite under `dataDir` (or in memory when null: tests and training only, nothing kept). */
export async function openPgliteDriver(dataDir: string | null): Promise<SqlDriver> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
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
