// Every store and hub suite runs on both drivers: PGlite always, PostgreSQL from the run's own cluster.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { openStore, type StoreLocation } from '../../electron/hub/store/open';
import type { HubStore } from '../../electron/hub/store/types';
import { createTestDatabase } from '../support/postgres';

export type DriverName = 'pglite' | 'postgresql';
export const DRIVERS: DriverName[] = ['pglite', 'postgresql'];

export interface TestLocation {
  location: StoreLocation;
  cleanup(): Promise<void>;
}

/** A fresh, empty place for one test's store: a copied PGlite directory, or a new PostgreSQL database. */
export async function freshLocation(driver: DriverName): Promise<TestLocation> {
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'counter-hub-test-'));
    cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    return { location: { dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = inject('postgresUrl');
  if (!url) throw new Error(`The PostgreSQL run cannot start: ${inject('postgresError') ?? 'no server'}`);
  const db = await createTestDatabase(url);
  return { location: { databaseUrl: db.url }, cleanup: () => db.drop() };
}

export interface TestStore extends TestLocation {
  store: HubStore;
}

export async function openTestStore(driver: DriverName): Promise<TestStore> {
  const place = await freshLocation(driver);
  const store = await openStore(place.location);
  return { ...place, store };
}

/**
 * One store for a describe block (opening one per test is seconds on PGlite). If it cannot be opened
 * (no PostgreSQL here), every test in the block fails with the reason: none is skipped.
 */
export function useSharedStore(driver: DriverName): { readonly store: HubStore; readonly ready: boolean; readonly location: StoreLocation } {
  let opened: TestStore | null = null;
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      opened = await openTestStore(driver);
    } catch (error) {
      failure = error;
    }
  });
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(async () => {
    if (!opened) return;
    await opened.store.close();
    await opened.cleanup();
  });
  return {
    get ready() {
      return opened !== null;
    },
    get store() {
      if (!opened) throw new Error(`no ${driver} store`);
      return opened.store;
    },
    /** Where it is: a test may read a PostgreSQL store's tables itself (a PGlite directory is the store's alone while open). */
    get location() {
      if (!opened) throw new Error(`no ${driver} store`);
      return opened.location;
    },
  };
}
