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
  const template = mkdtempSync(join(tmpdir(), 'counter-hub-pglite-'));
  // Both take seconds; they do not wait for each other.
  const [postgres] = await Promise.all([
    startPostgres().then(
      (started): TestPostgres | null => {
        project.provide('postgresUrl', started.url);
        project.provide('postgresError', null);
        return started;
      },
      (error: Error) => {
        project.provide('postgresUrl', null);
        project.provide('postgresError', error.message);
        return null;
      },
    ),
    openStore({ dataDir: template }).then((store) => store.close()),
  ]);
  project.provide('pgliteTemplate', template);
  return async () => {
    await postgres?.stop();
    rmSync(template, { recursive: true, force: true });
  };
}
