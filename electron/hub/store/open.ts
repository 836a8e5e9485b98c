import { openPgliteDriver } from './pglite';
import { openPostgresDriver } from './postgres';
import type { SqlDriver } from './sql';
import { createSqlStore } from './sql-store';
import type { HubStore } from './types';

export interface StoreLocation {
  /** PostgreSQL (`postgres://…`): several hub processes may share it. Wins over dataDir. */
  databaseUrl?: string | null;
  /** PGlite's directory, one process at a time. Neither given: PGlite in memory (tests, training; nothing kept). */
  dataDir?: string | null;
  onTrouble?: (what: string, error: unknown) => void;
}

/** Opens the database, runs the migrations, and hands back the store; on any failure nothing stays open. */
export async function openStore(location: StoreLocation): Promise<HubStore> {
  const driver: SqlDriver = location.databaseUrl
    ? await openPostgresDriver(location.databaseUrl, location.onTrouble ? { onTrouble: location.onTrouble } : {})
    : await openPgliteDriver(location.dataDir ?? null);
  try {
    return await createSqlStore(driver);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
}
