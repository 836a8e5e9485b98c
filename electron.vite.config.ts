import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

/** Where the build goes: `out` unless COUNTER_OUT_DIR says otherwise (parallel builds and tests on one checkout). */
const out = process.env.COUNTER_OUT_DIR ?? 'out';

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { outDir: `${out}/main`, rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    // Sandboxed preloads cannot be ES modules. One preload per window: the customer display's exposes only its view.
    build: {
      outDir: `${out}/preload`,
      rollupOptions: { input: { index: resolve('electron/preload/index.ts'), customer: resolve('electron/preload/customer.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { outDir: resolve(`${out}/renderer`), emptyOutDir: true, minify: true, rollupOptions: { input: { index: resolve('renderer/index.html'), customer: resolve('renderer/customer.html') } } },
  },
});
