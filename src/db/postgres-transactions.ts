import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg, { DatabaseError, escapeLiteral, type Pool, type PoolClient, type QueryConfig } from 'pg';
import { costLedger, type CostLedger } from '../lib/cost-ledger';
import { schema, type Tx } from './database';

/**
 * Tenant transactions on a PostgreSQL server in as few round trips as the protocol allows.
 *
 * Every request's transaction starts with BEGIN and the settings that row-level security reads
 * (role, clinic). Sent on their own they cost two round trips before any work — on this kind
 * of machine a round trip costs more CPU than the statement it carries. Here BEGIN and the
 * settings are held back and sent with the transaction's first statement as one simple-protocol
 * query ("begin; select set_config(…); <statement>"): one round trip instead of three.
 *
 * A read that is one statement needs no BEGIN or COMMIT at all: the statements of one
 * simple-protocol query form one implicit transaction, so "select set_config(…, true);
 * <statement>" runs the statement as the restricted role with the clinic set, and the settings
 * end with it. One round trip instead of four. Such a unit refuses a second statement — it
 * would run outside the settings, bypassing row-level security.
 *
 * The simple protocol carries no bind parameters, so the first statement's parameters are
 * written into its text as quoted literals (escaped as libpq does). node-postgres sends every
 * parameter as untyped text, and an untyped quoted literal is resolved by PostgreSQL exactly as
 * such a parameter is: the statement means the same either way.
 */
export interface PostgresTransactions {
  /** Runs `work` in a transaction with these transaction-local settings. */
  transaction<T>(settings: Record<string, string>, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work`, which issues exactly one statement, with these settings, in one round trip. */
  statement<T>(settings: Record<string, string>, work: (tx: Tx) => Promise<T>): Promise<T>;
}

const dialect = new PgDialect();
const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
const relationalSchema = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };

// node-postgres's own conversion of a JavaScript value to a parameter's text (Date, array, JSON…).
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): string | Buffer | null } }).utils.prepareValue;

/** A parameter as a SQL literal with the meaning it has when bound: untyped text, or NULL. */
export function toLiteral(value: unknown): string {
  const prepared = prepareValue(value);
  if (prepared === null) return 'NULL';
  return escapeLiteral(Buffer.isBuffer(prepared) ? `\\x${prepared.toString('hex')}` : prepared);
}

/**
 * Writes the parameters ($1, $2…) of a statement into its text as literals. Placeholders inside
 * string literals, quoted identifiers, dollar-quoted strings and comments are left alone.
 */
export function inlineParameters(text: string, values: readonly unknown[]): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    let end = i + 1;
    if (c === "'" || c === '"') {
      // Quoted: '' (or "") inside is an escaped quote; E'…' strings may also escape with a backslash.
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
      while (end < n) {
        if (escapes && text[end] === '\\') end += 2;
        else if (text[end] === c && text[end + 1] === c) end += 2;
        else if (text[end] === c) {
          end += 1;
          break;
        } else end += 1;
      }
    } else if (c === '-' && next === '-') {
      end = text.indexOf('\n', i);
      end = end === -1 ? n : end;
    } else if (c === '/' && next === '*') {
      end = text.indexOf('*/', i + 2);
      end = end === -1 ? n : end + 2;
    } else if (c === '$' && !/[A-Za-z0-9_$]/.test(text[i - 1] ?? '')) {
      const placeholder = /^\$(\d+)/.exec(text.slice(i, i + 12));
      const tag = placeholder ? null : /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (placeholder) {
        const index = Number(placeholder[1]) - 1;
        if (index < 0 || index >= values.length) throw new Error(`statement refers to $${index + 1} but has ${values.length} parameter(s)`);
        out += toLiteral(values[index]);
        i += placeholder[0].length;
        continue;
      }
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        end = close === -1 ? n : close + tag[0].length;
      }
    }
    out += text.slice(i, end);
    i = end;
  }
  return out;
}

function settingsSql(settings: Record<string, string>): string {
  const calls = Object.entries(settings).map(([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`);
  return `select ${calls.join(', ')}`;
}

/**
 * What drizzle sees as its client for one unit of work: sends the held-back prelude with the
 * first statement, and notes whether the connection itself failed (so it is not reused).
 */
class PreludeConnection {
  private prelude: string | undefined;
  private statements = 0;
  broken: Error | undefined;

  constructor(
    private readonly client: PoolClient,
    prelude: string,
    private readonly singleStatement: boolean,
  ) {
    this.prelude = prelude;
  }

  /** Whether anything reached the server (then BEGIN did, in a transaction). */
  get started(): boolean {
    return this.prelude === undefined;
  }

  async query(config: QueryConfig, values?: unknown[]) {
    if (this.singleStatement && this.statements > 0) {
      throw new Error('a single-statement unit ran a second statement; use a transaction');
    }
    this.statements += 1;
    costLedger?.stage('sql');
    if (costLedger) config = { ...config, types: timedParsers(costLedger, config.types) };
    try {
      const prelude = this.prelude;
      if (prelude === undefined) return await this.client.query(config, values);
      this.prelude = undefined;
      if (config.name) {
        // A named (prepared) statement cannot ride in a simple query: send the prelude first.
        if (this.singleStatement) throw new Error('a single-statement unit cannot run a named prepared statement');
        await this.client.query(prelude);
        return await this.client.query(config, values);
      }
      costLedger?.stage('parameter inlining');
      const text = `${prelude};\n${values && values.length > 0 ? inlineParameters(config.text, values) : config.text}`;
      costLedger?.stage('sql');
      const results: unknown = await this.client.query({ ...config, text, values: undefined });
      return Array.isArray(results) ? results[results.length - 1] : results;
    } catch (err) {
      // A server-side error leaves the connection usable; anything else (socket, protocol) does not.
      if (!(err instanceof DatabaseError)) this.broken = err as Error;
      throw err;
    } finally {
      costLedger?.stage('service');
    }
  }
}

/** The benchmark's cost ledger: the statement's type parsers, each call's time booked as row parsing. */
function timedParsers(ledger: CostLedger, own: QueryConfig['types']): QueryConfig['types'] {
  const typeParsers = own ?? pg.types;
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      const parse = typeParsers.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
      return (value: string) => {
        const started = performance.now();
        const parsed = parse(value);
        ledger.charge('row parsing', (performance.now() - started) * 1000);
        return parsed;
      };
    },
  } as QueryConfig['types'];
}

/** Lazy-prelude transactions and single-statement units over a node-postgres pool. */
export function createPostgresTransactions(pool: Pool): PostgresTransactions {
  const txOver = (connection: PreludeConnection): Tx => {
    const session = new NodePgSession(connection as unknown as PoolClient, dialect, relationalSchema, {});
    return new NodePgTransaction(dialect, session, relationalSchema) as unknown as Tx;
  };

  return {
    async transaction(settings, work) {
      costLedger?.stage('tenant settings');
      const client = await pool.connect();
      const connection = new PreludeConnection(client, `begin; ${settingsSql(settings)}`, false);
      try {
        const result = await work(txOver(connection));
        if (connection.started) await connection.query({ text: 'commit' });
        return result;
      } catch (err) {
        if (connection.started && !connection.broken) await connection.query({ text: 'rollback' }).catch(() => undefined);
        throw err;
      } finally {
        client.release(connection.broken);
      }
    },

    async statement(settings, work) {
      costLedger?.stage('tenant settings');
      const client = await pool.connect();
      const connection = new PreludeConnection(client, settingsSql(settings), true);
      try {
        return await work(txOver(connection));
      } finally {
        client.release(connection.broken);
      }
    },
  };
}
