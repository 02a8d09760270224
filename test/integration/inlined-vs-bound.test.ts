import fc from 'fast-check';
import type { Client } from 'pg';
import { inlineParameters } from '../../src/db/postgres-transactions';
import { serverDatabaseUrl } from '../support/database-target';
import { openRawConnection } from '../support/raw-sql';

// A tenant transaction's first statement reaches PostgreSQL with its parameters written into
// its text (src/db/postgres-transactions.ts: one round trip instead of several). That is only
// sound if the inlined statement means exactly what the bound one does, for every value: here
// PostgreSQL itself answers both forms and the answers must be the same.

/** Text that tries to end a literal, start a comment or look like a placeholder. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom("'", "''", '\\', '"', '$', '$1', '$2', '$$', '$a$', '--', '/*', '*/', '\n', ';', 'E', ' '),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 20,
});
const jsonValue = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('\\u0000'));
const text = fc.oneof(
  tricky.filter((s) => !s.includes('\u0000')),
  fc.constant(null),
);

// Placeholders in every place the lexer must tell apart: code, casts, string literals, quoted
// identifiers, dollar quotes, E'' strings and both kinds of comment.
const STATEMENT = [
  'select $1::text as a /* $2 */, \'$2\' as lit, $2::text as "b$1" -- $1',
  ", $$ $1 $$ as dollar, $x$ $2 $x$ as tagged, E'\\'$1' as escaped",
  ', $3::jsonb as doc, $4::text[] as list, $5::bytea as bytes, $6::int as n, $7::boolean as flag, $1::text = $2::text as same',
].join('\n');

const describeOnServer = serverDatabaseUrl() ? describe : describe.skip;

describeOnServer('parameters inlined into the simple protocol vs bound (PostgreSQL server; PGlite binds them and inlines nothing)', () => {
  let client: Client;
  beforeAll(async () => {
    client = await openRawConnection();
  });
  afterAll(() => client.end());

  it('gives the same rows for any values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          text,
          text,
          fc.oneof(jsonValue, fc.constant(null)),
          fc.oneof(fc.array(text, { maxLength: 4 }), fc.constant(null)),
          fc.oneof(
            fc.uint8Array({ maxLength: 8 }).map((a) => Buffer.from(a)),
            fc.constant(null),
          ),
          fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constant(null)),
          fc.oneof(fc.boolean(), fc.constant(null)),
        ),
        async (values) => {
          // node-postgres sends an object bound to jsonb as its JSON text, as the app's drizzle does.
          const bound = values.map((v, i) => (i === 2 && v !== null ? JSON.stringify(v) : v));
          const viaBinding = await client.query(STATEMENT, bound);
          const viaInlining = await client.query(inlineParameters(STATEMENT, bound));
          expect(viaInlining.rows).toEqual(viaBinding.rows);
        },
      ),
      { seed: 16, numRuns: 300 },
    );
  });
});
