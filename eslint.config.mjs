import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'migrations/', 'data/', 'bench/.tmp/', 'clients/typescript/dist/', 'clients/typescript/src/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The planning engine is pure: same input, same plan. No I/O, clock or randomness may creep in.
    files: ['src/planning/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify*', '@fastify/*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'pino*'], message: 'The planning engine is pure: no HTTP, SQL or logging.' },
            { group: ['fs', 'node:*', 'net', 'http', 'https', 'child_process', 'crypto', 'os'], message: 'The planning engine is pure: no I/O.' },
            { group: ['**/db/**', '**/http/**', '**/modules/**', '**/cli/**', '**/config', '**/server', '**/container'], message: 'The planning engine knows nothing of the service around it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Pass "today" as an argument.' }, { name: 'process', message: 'No environment in the engine.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'The engine is deterministic.' }, { object: 'Date', property: 'now', message: 'Pass "today" as an argument.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
