import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyInMainAndPreload = {
  paths: [{ name: 'electron', message: 'Import electron only in electron/main and electron/preload.' }],
  patterns: [{ group: ['electron/*'], message: 'Import electron only in electron/main and electron/preload.' }],
};

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
      'no-restricted-imports': ['error', electronOnlyInMainAndPreload],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronOnlyInMainAndPreload.paths,
        patterns: [
          ...electronOnlyInMainAndPreload.patterns,
          { group: ['node:*', 'fs', 'child_process', '**/core/**', '**/main/**', '**/sandbox/**', '**/web/**'], message: 'The renderer talks only to window.pos and imports only electron/contract.' },
        ],
      }],
      // The contract's index re-exports the zod schemas: values from it would put zod in the cashier's bundle.
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '/electron/contract(/index|/schemas)?$', allowTypeImports: true, message: 'Import values from electron/contract/money, /days or /operations; only types from the index.' }],
      }],
    },
  },
);
