// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins in both spellings (`fs` and `node:fs`). */
const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

const electronForbidden = {
  name: 'electron',
  message: 'The core runs (and is tested) in plain Node: reach Electron through a Platform port instead.',
};
const reactForbidden = { message: 'The core has no UI: React belongs in renderer/.' };

/**
 * Process boundaries, enforced:
 * - renderer/ is web code: no `electron`, no Node built-ins (it only talks to the preload's intents);
 * - the core (everything under main/ but the composition root and the Electron adapters) imports
 *   neither `electron` nor `react`;
 * - the sandboxed preload may import `electron` only (no Node built-ins exist in a sandbox).
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'coverage/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the preload intents (window.zohoTicketTray).' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer is web code: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/index.ts', 'main/platform/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronForbidden,
            { name: 'react', ...reactForbidden },
            { name: 'react-dom', ...reactForbidden },
          ],
          patterns: [
            { group: ['electron/*'], message: electronForbidden.message },
            { group: ['react/*', 'react-dom/*'], ...reactForbidden },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // no-restricted-imports does not see dynamic imports.
          selector: "ImportExpression[source.value=/^(electron|react|react-dom)(\\/|$)/]",
          message: 'The core imports neither electron nor react, not even dynamically.',
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'Sandboxed preloads have no Node built-ins.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{js,ts}', 'test/bench/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
