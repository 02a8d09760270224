import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config';
import { startServices } from '../container';
import { ProblemError } from '../errors';
import { createLogger } from '../logger';
import { clinicCreate, keyCreate, keyList, keyRevoke, migrate, type CommandContext } from './commands';
import { processIo, type CliIo } from './output';

const USAGE = `manuplan <command>

  clinic create --name <name> [--json]          create a clinic and its first admin API key
  key create --clinic <id> --scopes read,write [--name <n>] [--json]
  key list --clinic <id> [--json]
  key revoke <keyId> [--json]
  migrate                                       apply pending database migrations

Uses the same environment as the server: DATABASE_URL (PostgreSQL) or PGLITE_DIR (embedded, default ./data).`;

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<void>> = {
  'clinic create': clinicCreate,
  'key create': keyCreate,
  'key list': keyList,
  'key revoke': keyRevoke,
  migrate,
};

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const name = positionals[0] === 'migrate' ? 'migrate' : positionals.slice(0, 2).join(' ');
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
    services = await startServices(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2)));
    await command({ services, io, args, flags: values });
    return 0;
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
