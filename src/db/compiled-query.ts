import { getTableColumns, is, Param, Placeholder, sql, type SQL, type Table } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { costLedger } from '../lib/cost-ledger';
import { queryRows, schema, type Executor } from './database';

/**
 * drizzle's query builders spend 100–200 µs building the SQL of a statement on every call
 * (measured: a select by primary key, an insert of a plan), more than PostgreSQL spends running
 * it. A compiled query is built once, with `sql.placeholder(name)` for its inputs, and each call
 * only fills the placeholders into the finished text (a few µs). The statement is the one the
 * builder would have sent, parameters and all; rows come back mapped as drizzle maps them.
 */
export const builder = drizzle.mock({ schema });

type Built = { toSQL(): { sql: string; params: unknown[] } };

/** The query `build` describes, ready to run with values for its placeholders. */
export function compile<Values extends Record<string, unknown>>(build: Built): (values: Values) => SQL {
  const { sql: text, params } = build.toSQL();
  // drizzle numbers its parameters $1, $2… in order of appearance, one per parameter.
  const parts = text.split(/\$\d+\b/);
  if (parts.length !== params.length + 1)
    throw new Error(`cannot compile a statement whose text has ${parts.length - 1} placeholders for ${params.length} parameters`);
  const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
  const fill = params.map(filler);
  return (values) => sql(strings, ...fill.map((f) => f(values)));
}

/** How one parameter gets its driver value: a constant as built, a placeholder from the call's values. */
function filler(param: unknown): (values: Record<string, unknown>) => unknown {
  const placeholder = is(param, Placeholder) ? param : is(param, Param) && is(param.value, Placeholder) ? param.value : undefined;
  if (!placeholder) return () => param;
  const encoder = is(param, Param) ? param.encoder : undefined;
  return (values) => {
    if (!(placeholder.name in values)) throw new Error(`No value for placeholder "${placeholder.name}"`);
    const value = values[placeholder.name];
    // As the builder does for a literal value: NULL stays NULL, anything else is encoded by its column.
    return value === null || value === undefined || !encoder ? (value ?? null) : encoder.mapToDriverValue(value);
  };
}

/** Maps rows of `table` as the driver returns them (column names, driver values) to drizzle's row type. */
export function rowMapper<T extends Table>(table: T): (raw: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name, column }));
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, column } of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}

/** Runs a compiled statement and maps its rows as rows of `table`. */
export async function rowsOf<Row>(executor: Executor, statement: SQL, map: (raw: Record<string, unknown>) => Row): Promise<Row[]> {
  const rows = await queryRows<Record<string, unknown>>(executor, statement);
  costLedger?.stage('row mapping');
  const mapped = rows.map(map);
  costLedger?.stage('service');
  return mapped;
}
