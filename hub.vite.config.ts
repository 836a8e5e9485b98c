// The hub's production build: electron/hub/cli.ts and what it imports of ours (the contract, core/upi) as one
// plain ES module in out/hub/cli.js (COUNTER_OUT_DIR/hub when set), run by `node` with production
// dependencies only. Every package stays an import, resolved from node_modules at run time; one that is
// not a production dependency fails the build here rather than the partner's server at start.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import manifest from './package.json' with { type: 'json' };

const out = process.env.COUNTER_OUT_DIR ?? 'out';
const production = new Set(Object.keys(manifest.dependencies));
const builtins = new Set(builtinModules);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageOf = (id: string) => id.split('/').slice(0, id.startsWith('@') ? 2 : 1).join('/');

function external(id: string, importer: string | undefined): boolean {
  if (id.startsWith('node:') || builtins.has(id)) return true;
  if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false;
  if (production.has(packageOf(id))) return true;
  throw new Error(`The hub imports ${id} (from ${importer ?? 'the entry'}), which is not in package.json's dependencies: a server installed with --omit=dev would not have it.`);
}

/** out/hub/package.json: its .js files are ES modules wherever the folder is copied. */
const moduleMarker: Plugin = {
  name: 'counter-hub-module-marker',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'package.json', source: `${JSON.stringify({ type: 'module' })}\n` });
  },
};

export default defineConfig({
  plugins: [moduleMarker],
  // No public/ folder, no .env files: the hub reads its own environment at run time.
  publicDir: false,
  envDir: false,
  logLevel: 'warn',
  build: {
    ssr: resolve('electron/hub/cli.ts'),
    outDir: resolve(`${out}/hub`),
    emptyOutDir: true,
    target: 'node20.19',
    minify: false,
    sourcemap: true,
    rolldownOptions: { external, output: { format: 'es', entryFileNames: '[name].js' } },
  },
  ssr: { target: 'node', external: true },
});
