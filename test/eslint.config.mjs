// ESLint flat config. It lives under test/ because the product owner fixed the top level;
// `npm run lint` passes it with --config, so paths below are relative to the repository root.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbiddenInCore = {
  paths: [
    { name: 'vscode', message: 'src/core is pure: the VS Code layer adapts it (src/extension).' },
    { name: 'fs', message: 'src/core is pure: take a FileSystem interface instead.' },
    { name: 'node:fs', message: 'src/core is pure: take a FileSystem interface instead.' },
    { name: 'fs/promises', message: 'src/core is pure: take a FileSystem interface instead.' },
    { name: 'node:fs/promises', message: 'src/core is pure: take a FileSystem interface instead.' },
  ],
  patterns: [
    { group: ['**/extension/**', '**/cli/**', '**/node/**', '../cli', '../../cli'], message: 'src/core must not depend on its adapters.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'test/eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', {
        selector: 'Program > VariableDeclaration[kind="let"]',
        message: 'No module-level mutable state: keep state in a class instance.',
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', forbiddenInCore] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
