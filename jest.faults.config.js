/**
 * The long reliability tests (`npm run test:faults`, see docs/reliability.md). Each
 * fault test starts the real server as a process on a fresh PostgreSQL database and breaks
 * something: the database (through a TCP proxy), the process (SIGKILL, SIGTERM) or the load. They
 * need a PostgreSQL server (DATABASE_URL or TEST_DATABASE_URL; on the embedded database they are
 * skipped) and run one at a time, since they time things on a 2-core machine. The OpenAPI fuzzer
 * runs here too, with ten times the cases of `npm test` (FUZZ_RUNS, set by the npm script).
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/test/faults/**/*.faults.ts', '**/test/http/openapi-fuzz.test.ts'],
  maxWorkers: 1,
  testTimeout: 300000,
};
