import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Rooms with one-way doors (DESIGN.md §2): lib imports nothing of ours,
    // content and progress know no React UI, features do not reach into the app.
    files: ['src/lib/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../*'] }] },
  },
  {
    files: ['src/content/**', 'src/progress/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../app/*', '../lesson/*', '../preview/*', '../lab/*'] }] },
  },
  {
    files: ['src/lesson/**', 'src/preview/**', 'src/lab/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../app/*'] }] },
  },
  {
    files: ['src/preview/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../app/*', '../lesson/*', '../progress/*'] }] },
  },
);
