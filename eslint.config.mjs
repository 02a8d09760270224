import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of src/, bottom up (docs/architecture.md#the-layers): what each top folder or
// top-level file may import of the others. Anything not listed points up or sideways and is an
// error; test/lint/layers.test.ts shows one, and test/lint/import-graph.test.ts checks that
// the imports form no cycle.
export const LAYERS = {
  errors: [],
  logger: [],
  config: [],
  lib: ['errors'],
  planning: [],
  contracts: ['planning', 'lib', 'errors'],
  db: ['contracts', 'lib', 'errors', 'config', 'logger'],
  http: ['db', 'contracts', 'lib', 'errors', 'config', 'logger'],
  modules: ['http', 'db', 'contracts', 'planning', 'lib', 'errors', 'config', 'logger'],
  container: ['modules', 'db', 'lib', 'errors', 'config', 'logger'],
  routes: ['container', 'modules', 'http'],
  shutdown: ['http', 'db', 'logger'],
  cli: ['container', 'modules', 'contracts', 'planning', 'lib', 'errors', 'config', 'logger'],
  server: ['routes', 'shutdown', 'container', 'http', 'db', 'config', 'logger', 'errors'],
};
const FOLDERS = new Set(['lib', 'planning', 'contracts', 'db', 'http', 'modules', 'cli']);

/** A relative import of `unit` from any depth below src/ (`./config`, `../http/app`, `../../db/tenant`). */
const importOf = (unit) => (FOLDERS.has(unit) ? `^\\.{1,2}/(\\.\\./)*${unit}(/|$)` : `^\\.{1,2}/(\\.\\./)*${unit}(\\.[jt]s)?$`);

/** The restricted-import patterns of one layer: every other unit it may not import. */
function layerPatterns(unit) {
  const where = FOLDERS.has(unit) ? `src/${unit}` : `src/${unit}.ts`;
  const allowed = LAYERS[unit];
  const message = `Layers point one way: ${where} may import ${allowed.length ? allowed.join(', ') : 'nothing else in src/'} (docs/architecture.md#the-layers).`;
  return Object.keys(LAYERS)
    .filter((other) => other !== unit && !allowed.includes(other))
    .map((other) => ({ regex: importOf(other), message }));
}

const layerFiles = (unit) => (FOLDERS.has(unit) ? [`src/${unit}/**/*.ts`] : [`src/${unit}.ts`]);

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
    // Type-aware rules: a promise nobody awaits loses its error and its ordering.
    files: ['src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...Object.keys(LAYERS)
    .filter((unit) => unit !== 'planning')
    .map((unit) => ({ files: layerFiles(unit), rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns(unit) }] } })),
  {
    // The planning engine is pure: same input, same plan. No I/O, clock or randomness may creep in.
    files: layerFiles('planning'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify*', '@fastify/*', 'drizzle-orm*', 'pg', '@electric-sql/*', 'pino*'],
              message: 'The planning engine is pure: no HTTP, SQL or logging.',
            },
            { group: ['fs', 'node:*', 'net', 'http', 'https', 'child_process', 'crypto', 'os'], message: 'The planning engine is pure: no I/O.' },
            ...layerPatterns('planning'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'Pass "today" as an argument.' },
        { name: 'process', message: 'No environment in the engine.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic.' },
        { object: 'Date', property: 'now', message: 'Pass "today" as an argument.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
