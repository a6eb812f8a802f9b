// @ts-check
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import vueParser from 'vue-eslint-parser';
import prettierConfig from 'eslint-config-prettier/flat';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** The layer rule from docs/ARCHITECTURE.md: shared ← core ← {electron, cli, hq}; shared ← renderer. */
const noElectron = { name: 'electron', message: 'Only electron/ may import electron.' };
const layerRules = [
  {
    files: ['src/**/*.{ts,vue}', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'vue', 'pinia', 'naive-ui', 'better-sqlite3', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs everywhere: no Node built-ins.' },
            {
              group: ['**/core/**', '**/renderer/**', '**/cli/**', '**/hq/**', '**/electron/**'],
              message: 'src/shared imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'better-sqlite3', ...nodeBuiltins],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              group: ['**/core/**', '**/cli/**', '**/hq/**', '**/electron/**'],
              message: 'The renderer imports only src/shared and talks to the core through the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/cli/**'],
              message: 'The shell talks to the renderer only through the preload bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, 'vue', 'pinia', 'naive-ui'],
          patterns: [
            {
              group: ['**/renderer/**', '**/cli/**', '**/hq/**', '**/electron/**'],
              message: 'src/core imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
      '.electron-native/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  { files: ['src/renderer/**/*.{ts,vue}'], languageOptions: { globals: { ...globals.browser } } },
  // Command-line scripts talk to the terminal.
  { files: ['scripts/**/*.mjs', 'bin/**/*.mjs'], rules: { 'no-console': 'off' } },
  ...layerRules,
  // Layout is Prettier's (`npm run format:check`); lint keeps to what code means.
  prettierConfig,
);
