import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

// Node's modules by both names: neither the renderer nor ./shared may reach them.
const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'node:*'];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'integrations/*/dist/', 'integrations/*/node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })] },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The house's arrows, by resolved path (not by how an import is spelled): renderer -> shared <- electron;
      // the core never reaches the host transport or the Electron shell.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './shared', from: ['./electron', './renderer', './e2e', './integrations'], message: './shared is for both processes: it imports only ./shared.' },
            { target: './renderer', from: ['./electron', './e2e', './integrations'], message: 'The renderer talks to the host only through renderer/api and ./shared.' },
            { target: './electron/core/**/!(*.test).ts', from: './electron', except: ['./core', './worker-entries.mjs'], message: 'electron/core runs under plain Node and in tests: no host transport, no shell.' },
            { target: './electron/host', from: './electron', except: ['./core', './host'], message: 'The headless host uses the core, never the Electron shell.' },
            { target: ['./electron/**/!(*.test).ts', './shared/**/!(*.test).ts', './renderer/**/!(*.test).{ts,tsx}'], from: './e2e', message: 'The app never imports its tests.' },
          ],
        },
      ],
    },
  },
  {
    // Type-aware checks where a mistake is silent at run time: an unawaited promise, a promise where a callback is expected.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['electron/**/*.{ts,mjs}', 'e2e/**/*.{ts,mjs}', 'integrations/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Bench and stand-in scripts hand functions to page.evaluate, which run in the browser.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: nodeModules.filter((n) => n !== 'node:*').concat('electron', 'better-sqlite3', 'ws'), patterns: [{ group: ['node:*'], message: 'The renderer talks to the host only through renderer/api.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core must run without Electron; put shell code in electron/shell/.' }] }],
    },
  },
  {
    // Node's global `performance` loads perf_hooks on its first use (1–6 ms here): on the firing
    // thread that first use was the spin at zero, so every first GO's triggers left that late.
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'performance', message: "Import it from 'node:perf_hooks': the global loads on its first use (1–6 ms, at a moment if that is where it is first used)." }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: nodeModules.filter((n) => n !== 'node:*').concat('electron', 'better-sqlite3', 'ws', 'react'), patterns: [{ group: ['node:*'], message: './shared is for both processes: no DOM, Node or Electron.' }] }],
    },
  },
);
