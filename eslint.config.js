import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'public/mockServiceWorker.js',
      'custom-elements.json',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wc.configs['flat/recommended'],
  lit.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // API data is text: no HTML built from strings anywhere in shipped code.
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never set innerHTML: render API data as text.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Never insert HTML strings.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'User text is text: never unsafeHTML.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/mocks/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: 'Browser code uses zod/mini (full zod adds ~24 KB gzip).' },
            { name: 'lit/directives/unsafe-html.js', message: 'User text is text: never unsafeHTML.' },
          ],
          patterns: [{ group: ['**/mocks/**'], message: 'Shipped code never imports the mocks.' }],
        },
      ],
    },
  },
  {
    // The client stands alone: a browser bundle never carries the admin API's schemas.
    files: ['src/client/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Browser code uses zod/mini (full zod adds ~24 KB gzip).' }],
          patterns: [
            { group: ['**/mocks/**'], message: 'Shipped code never imports the mocks.' },
            {
              group: ['**/contract/admin*', '**/contract/openapi*'],
              message: 'The client never imports the admin schemas.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.js',
      '*.config.js',
      'server/**/*.{js,ts}',
      'test/unit/**/*.ts',
      'test/contract/**/*.ts',
      'test/server/**/*.ts',
      'bench/**/*.ts',
      '.storybook/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
