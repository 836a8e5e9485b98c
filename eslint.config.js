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
const layer = (message, group) => ({ group, message });
const SHELLS = ['**/main/**', '**/main', '**/preload/**', '**/web/**', '**/web'];
const layers = {
  contract: [layer('The contract is the ground floor: it imports nothing of ours but itself.', ['**/core/**', '**/core', '**/sandbox/**', '**/sandbox', '**/hub/**', '**/hub', ...SHELLS]), layer('The contract has no Node APIs: the renderer imports it too.', ['node:*'])],
  core: [layer('Core never imports the sandbox, the hub or a shell: the shells hand them in.', ['**/sandbox/**', '**/sandbox', '**/hub/**', '**/hub', ...SHELLS])],
  sandbox: [layer('The sandbox depends on the contract and core/upi only.', ['**/core/**', '!**/core/upi', '**/hub/**', '**/hub', ...SHELLS])],
  hub: [layer('The hub depends on the contract and core/upi only.', ['**/core/**', '!**/core/upi', '**/sandbox/**', '**/sandbox', ...SHELLS])],
  web: [layer('The preview is a shell beside main: it never imports main or preload.', ['**/main/**', '**/preload/**'])],
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
