import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  paths: [{ name: 'electron', message: 'Import electron only in electron/main and electron/preload.' }],
  patterns: [{ group: ['electron/*'], message: 'Import electron only in electron/main and electron/preload.' }],
};

/**
 * Layers point one way (docs/architecture.md): renderer -> contract <- main -> core <- web;
 * the sandbox and the hub depend on the contract and core's UPI helper only; the shells hand them to core.
 */
const up = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const layer = (message, folders, extra = {}) => ({ regex: up(folders), message, ...extra });
const SHELLS = ['main', 'preload', 'web', 'shell'];
const layers = {
  contract: [layer('The contract is the ground floor: it imports nothing of ours but itself.', ['core', 'sandbox', 'hub', ...SHELLS]), { group: ['node:*'], message: 'The contract has no Node APIs: the renderer imports it too.' }],
  core: [layer('Core never imports the sandbox, the hub or a shell: the shells hand them in.', ['sandbox', 'hub', ...SHELLS])],
  sandbox: [layer('The sandbox depends on the contract and core/upi only.', ['hub', ...SHELLS]), { regex: '^(\\.\\./)+core/(?!upi$)', message: 'The sandbox depends on the contract and core/upi only.' }],
  hub: [layer('The hub depends on the contract and core/upi only.', ['sandbox', ...SHELLS]), { regex: '^(\\.\\./)+core/(?!upi$)', message: 'The hub depends on the contract and core/upi only.' }],
  shell: [layer('Shared shell code never imports main, preload or the preview.', ['main', 'preload', 'web'])],
  web: [layer('The preview is a shell beside main: it never imports main or preload.', ['main', 'preload'])],
};
const restrict = (extra) => ['error', { paths: electronOnly.paths, patterns: [...electronOnly.patterns, ...extra] }];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
  { files: ['electron/sandbox/**'], rules: { 'no-restricted-imports': restrict(layers.sandbox) } },
  { files: ['electron/hub/**'], rules: { 'no-restricted-imports': restrict(layers.hub) } },
  { files: ['electron/shell/**'], rules: { 'no-restricted-imports': restrict(layers.shell) } },
  { files: ['electron/web/**'], rules: { 'no-restricted-imports': restrict(layers.web) } },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:*', 'fs', 'child_process', '**/core/**', '**/main/**', '**/sandbox/**', '**/web/**', '**/hub/**'], message: 'The renderer talks only to window.pos and imports only electron/contract.' },
      ]),
      // The contract's index re-exports the zod schemas: values from it would put zod in the cashier's bundle.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '/electron/contract(/index|/schemas)?$', allowTypeImports: true, message: 'Import values from electron/contract/money, /days or /operations; only types from the index.' }],
      }],
    },
  },
);
