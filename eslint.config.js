import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const electronOnly = {
  paths: [{ name: 'electron', message: 'Import electron only in electron/main and electron/preload.' }],
  patterns: [{ group: ['electron/*'], message: 'Import electron only in electron/main and electron/preload.' }],
};

/**
 * Layers point one way (docs/architecture.md): renderer -> contract <- main -> core <- web;
 * the sandbox and the hub depend on the contract only (and the sandbox on http, what our plain Node
 * servers share); the shells hand them to core.
 */
const up = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const layer = (message, folders, extra = {}) => ({ regex: up(folders), message, ...extra });
const SHELLS = ['main', 'preload', 'web', 'shell'];
const layers = {
  contract: [layer('The contract is the ground floor: it imports nothing of ours but itself.', ['core', 'sandbox', 'hub', 'http', ...SHELLS]), { group: ['node:*'], message: 'The contract has no Node APIs: the renderer imports it too.' }],
  core: [layer('Core never imports the sandbox, the hub or a shell: the shells hand them in.', ['sandbox', 'hub', ...SHELLS])],
  sandbox: [layer('The sandbox depends on the contract and http only.', ['core', 'hub', ...SHELLS])],
  hub: [layer('The hub depends on the contract only.', ['core', 'sandbox', 'http', ...SHELLS])],
  http: [layer('http is what our Node servers share: it imports nothing of ours.', ['contract', 'core', 'sandbox', 'hub', ...SHELLS])],
  shell: [layer('Shared shell code never imports main, preload or the preview.', ['main', 'preload', 'web'])],
  web: [layer('The preview is a shell beside main: it never imports main or preload.', ['main', 'preload'])],
};

/**
 * Core is one folder a domain (sale, refund, history, owner, settings, customer, hub-link, bos, journal).
 * A domain reaches another only through its index (its public surface), never a file inside it; a
 * domain's handlers.ts is taken by the composition root (core/services.ts) alone.
 */
const THROUGH_INDEX = 'Reach another core domain through its index (\'../sale\', not \'../sale/record\'); its handlers.ts is for core/services.ts alone.';
const domains = {
  /** From a file in a domain folder: `../<other>/<file>`. */
  inside: [{ regex: '^\\.\\./[^./][^/]*/', message: THROUGH_INDEX }],
  /** From core's own top-level files (dispatch, events, ...): `./<domain>/<file>`. */
  top: [{ regex: '^\\./[^/]+/', message: THROUGH_INDEX }],
  /** The composition root takes each domain's index and its handlers.ts. */
  root: [{ regex: '^\\./[^/]+/(?!handlers$)', message: THROUGH_INDEX }],
  /** The shells: `core/services` or a domain's index. */
  shells: [{ regex: '^(\\.\\./)+core/[^/]+/', message: 'A shell reaches core through core/services or a domain\'s index, never a file inside a domain.' }],
};
const restrict = (extra) => ['error', { paths: electronOnly.paths, patterns: [...electronOnly.patterns, ...extra] }];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No import circles in the product's code (test/unit/import-circles.test.ts proves the same over TypeScript's own resolution).
    files: ['electron/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { ...importX.flatConfigs.typescript.settings, 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict([]),
    },
  },
  { files: ['electron/contract/**'], rules: { 'no-restricted-imports': restrict(layers.contract) } },
  { files: ['electron/core/**'], rules: { 'no-restricted-imports': restrict(layers.core) } },
  { files: ['electron/core/*.ts'], rules: { 'no-restricted-imports': restrict([...layers.core, ...domains.top]) } },
  { files: ['electron/core/services.ts'], rules: { 'no-restricted-imports': restrict([...layers.core, ...domains.root]) } },
  { files: ['electron/core/*/*.ts'], rules: { 'no-restricted-imports': restrict([...layers.core, ...domains.inside]) } },
  { files: ['electron/sandbox/**'], rules: { 'no-restricted-imports': restrict(layers.sandbox) } },
  { files: ['electron/hub/**'], rules: { 'no-restricted-imports': restrict(layers.hub) } },
  { files: ['electron/http/**'], rules: { 'no-restricted-imports': restrict(layers.http) } },
  { files: ['electron/shell/**'], rules: { 'no-restricted-imports': restrict([...layers.shell, ...domains.shells]) } },
  { files: ['electron/web/**'], rules: { 'no-restricted-imports': restrict([...layers.web, ...domains.shells]) } },
  {
    files: ['electron/preload/**', 'test/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Main is where Electron is imported; it still reaches core only through core/services or a domain's index.
  { files: ['electron/main/**'], rules: { 'no-restricted-imports': ['error', { patterns: domains.shells }] } },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:*', 'fs', 'child_process', '**/core/**', '**/main/**', '**/sandbox/**', '**/web/**', '**/hub/**', '**/http/**'], message: 'The renderer talks only to window.pos and imports only electron/contract.' },
      ]),
      // The contract's index re-exports the zod schemas: values from it would put zod in the cashier's bundle.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '/electron/contract(/index|/schemas)?$', allowTypeImports: true, message: 'Import values from electron/contract/money, /days or /operations; only types from the index.' }],
      }],
    },
  },
);
