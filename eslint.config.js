import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import planledger from './build/lint/planledger-rules.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { planledger },
    rules: {
      'planledger/layers': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // Type-aware: a promise nobody awaits, catches or marks `void` (fire-and-forget on purpose)
    // fails lint, and so does one passed where a plain callback is expected. Every .ts/.tsx file
    // belongs to a tsconfig.*.json that tsconfig.json references; the few .js/.mjs files are not
    // type-checked, so these rules leave them out.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // Shared code runs in the main process, the renderer and the CLI alike.
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'location'].map((name) => ({
          name,
          message: 'shared/ must not use DOM APIs.',
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'setImmediate', 'global'].map((name) => ({
          name,
          message: 'shared/ must not use Node APIs.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: { 'planledger/no-literal-ui-text': 'error' },
  },
  {
    files: ['electron/**/*.ts', 'build/**/*.{js,mjs,cjs}', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['build/**/*.{js,mjs,cjs}', 'tests/bench/**/*.ts', 'electron/devhost/index.ts'],
    rules: { 'no-console': 'off' },
  },
);
