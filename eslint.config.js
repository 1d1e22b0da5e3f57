import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'integrations/*/dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'e2e/**/*.{ts,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      // The renderer reaches the main process only through the contract and its client.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', 'electron', 'node:*', 'better-sqlite3'], message: 'The renderer talks to the host only through renderer/api.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      // The core runs under plain Node in the headless host and in tests: no Electron here.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core must run without Electron; put shell code in electron/main.ts.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'better-sqlite3', 'react'], message: './shared is for both processes: no DOM, Node or Electron.' }] }],
    },
  },
);
