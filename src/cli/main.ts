import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config';
import { startServices } from '../container';
import { ProblemError } from '../errors';
import { createLogger } from '../logger';
import { clinicCreate, keyCreate, keyList, keyRevoke, migrate, type CommandContext } from './commands';
import { processIo, type CliIo } from './output';
import { seedCommand } from './seed-demo';
import { exportCommand, importCommand } from './transfer.commands';

const USAGE = `manuplan <command>

  clinic create --name <name> [--json]          create a clinic and its first admin API key
  key create --clinic <id> --scopes read,write [--name <n>] [--json]
  key list --clinic <id> [--json]
  key revoke <keyId> [--json]
  migrate                                       apply pending database migrations
  export --clinic <id> [--out <file>] [--yes] [--json]
                                                every record of the clinic as NDJSON (stdout, or the file;
                                                overwriting an existing file needs --yes)
  import --clinic <id> [<file> | -] [--yes] [--new-ids] [--json]
                                                read an export (a file, or standard input) into the clinic;
                                                adds, never overwrites; a clinic with records needs --yes
  seed --demo [--name <name>] [--json]          a new demo clinic with patients, plans and sessions

Uses the same environment as the server: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, default ./data; while
a server runs on it, through the server's socket there);
with DATABASE_MIGRATE_URL set, it connects as that owner instead (operator commands need more than the runtime login).`;

/** A command resolves with its exit code, or with nothing for 0. */
const COMMANDS: Record<string, (ctx: CommandContext) => Promise<void | number>> = {
  'clinic create': clinicCreate,
  'key create': keyCreate,
  'key list': keyList,
  'key revoke': keyRevoke,
  migrate,
  export: exportCommand,
  import: importCommand,
  seed: seedCommand,
};
const ONE_WORD_COMMANDS = new Set(['migrate', 'export', 'import', 'seed']);

/** Runs one CLI invocation; resolves with the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        clinic: { type: 'string' },
        scopes: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        yes: { type: 'boolean' },
        'new-ids': { type: 'boolean' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const name = ONE_WORD_COMMANDS.has(positionals[0] ?? '') ? positionals[0]! : positionals.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (values.help || !command) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const args = positionals.slice(name.split(' ').length);

  let services;
  try {
    const config = loadConfig(env);
    // Logs go to stderr so that stdout carries only the command's result.
    // A command authenticates no requests: no API-key cache, and no connection listening for it.
    // Operator commands (a clinic for anyone, a revocation in any clinic, export and import)
    // need more than the runtime login may do: they run as the owner, DATABASE_MIGRATE_URL.
    // Commands read and write the primary: no read replica.
    const asOwner = { ...config.database, url: config.database.migrateUrl ?? config.database.url, readUrl: undefined };
    services = await startServices(
      { ...config, database: asOwner, apiKeyCacheTtlMs: 0 },
      createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2)),
      // With `npm start` running on the embedded database, its folder is reached through the server.
      { joinRunningServer: true },
    );
    return (await command({ services, io, args, flags: values })) ?? 0;
  } catch (err) {
    if (err instanceof ProblemError) {
      io.err(`Error: ${err.detail}${err.errors ? '\n' + err.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n') : ''}`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.err(err.message);
      return 1;
    }
    io.err(`Error: ${(err as Error).message}`);
    return 1;
  } finally {
    await services?.database.close();
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
