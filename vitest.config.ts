import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at once (the default on two cores is one): the browser files wait more than they compute.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 20_000 } },
      // The shop hub: store and HTTP suites on PGlite and on a throwaway PostgreSQL (test/support/postgres.ts).
      { test: { name: 'hub', include: ['test/hub/**/*.test.ts'], environment: 'node', globalSetup: ['test/hub/global-setup.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      // Browser tests against the browser preview; they need `electron-vite build` first (npm test does it).
      // Each file has its own previews, sandboxes and Chromium on ephemeral ports, so two run at once.
      { test: { name: 'ui', include: ['test/ui/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 } },
      // Electron end-to-end: runs only where the Electron binary exists, and says so when skipped.
      { test: { name: 'electron', include: ['test/electron/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false } },
    ],
  },
});
