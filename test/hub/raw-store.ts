// The hub's database read around the store: what a backup of it would hold.
import { openPgliteDriver } from '../../electron/hub/store/pglite';
import { openPostgresDriver } from '../../electron/hub/store/postgres';
import type { SqlDriver } from '../../electron/hub/store/sql';
import type { StoreLocation } from '../../electron/hub/store/open';

export const openRaw = (location: StoreLocation): Promise<SqlDriver> => (location.databaseUrl ? openPostgresDriver(location.databaseUrl) : openPgliteDriver(location.dataDir ?? null));

/** Every row of every table of ours, as text (bytes as hex): a secret kept anywhere shows up in it. */
export async function readAllTables(location: StoreLocation): Promise<string> {
  const raw = await openRaw(location);
  try {
    const tables = await raw.query("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'");
    const parts: string[] = [];
    for (const { table_name: name } of tables) {
      const rows = await raw.query(`select * from "${String(name)}"`);
      parts.push(JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value)));
    }
    return parts.join('\n');
  } finally {
    await raw.close();
  }
}
