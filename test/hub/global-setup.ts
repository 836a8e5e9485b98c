// Once per run of the hub project: a throwaway PostgreSQL (or DATABASE_URL), and a PGlite data directory
// already made (initdb is seconds of WASM) that each test copies instead of making its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openStore } from '../../electron/hub/store/open';
import { startPostgres, type TestPostgres } from '../support/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    /** Why there is no PostgreSQL: its tests fail with this, they are never skipped. */
    postgresError: string | null;
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  let postgres: TestPostgres | null = null;
  try {
    postgres = await startPostgres();
    project.provide('postgresUrl', postgres.url);
    project.provide('postgresError', null);
  } catch (error) {
    project.provide('postgresUrl', null);
    project.provide('postgresError', (error as Error).message);
  }
  const template = mkdtempSync(join(tmpdir(), 'counter-hub-pglite-'));
  const store = await openStore({ dataDir: template });
  await store.close();
  project.provide('pgliteTemplate', template);
  return async () => {
    await postgres?.stop();
    rmSync(template, { recursive: true, force: true });
  };
}
