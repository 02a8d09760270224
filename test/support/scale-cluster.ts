import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './server-process';

const run = promisify(execFile);

/**
 * A primary, a streaming replica (pg_basebackup -R) and PgBouncer in transaction pooling mode,
 * all on this machine in a temporary directory, on free ports of their own: the system's
 * PostgreSQL is left alone. As root (CI) the servers run as the `postgres` OS user, since
 * PostgreSQL and PgBouncer refuse to run as root.
 */
export interface ScaleCluster {
  /** Through PgBouncer (transaction pooling): what DATABASE_URL names. */
  pooledUrl: string;
  /** Straight to the primary: DATABASE_LISTEN_URL (and migrations). */
  primaryUrl: string;
  /** Straight to the replica: DATABASE_READ_URL. */
  replicaUrl: string;
  /** PgBouncer's admin console (SHOW STATS…). */
  pgbouncerAdminUrl: string;
  stopReplica(): Promise<void>;
  startReplica(): Promise<void>;
  /** Pauses (or resumes) WAL replay on the replica: it keeps answering, with ever older data. */
  pauseReplay(paused: boolean): Promise<void>;
  destroy(): Promise<void>;
}

const DATABASE = 'manuplan';

/** The PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) of the newest installed version. */
function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function pgbouncerBinary(): string | undefined {
  return ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => fs.existsSync(p));
}

/** Why the cluster cannot be built here, or undefined when it can. */
export function scaleClusterUnavailable(): string | undefined {
  if (!postgresBinaries()) return 'the PostgreSQL server binaries (initdb, pg_basebackup) are not installed';
  if (!pgbouncerBinary()) return 'PgBouncer is not installed (apt-get install -y pgbouncer)';
  // PostgreSQL refuses to run as root: then the servers run as the `postgres` OS user.
  const postgresUser = fs.existsSync('/etc/passwd') && /^postgres:/m.test(fs.readFileSync('/etc/passwd', 'utf8'));
  if (process.getuid?.() === 0 && !(postgresUser && fs.existsSync('/usr/sbin/runuser'))) {
    return 'running as root, without a postgres OS user and runuser to start PostgreSQL as';
  }
  return undefined;
}

export async function startScaleCluster(): Promise<ScaleCluster> {
  const bin = postgresBinaries()!;
  const pgbouncer = pgbouncerBinary()!;
  const asRoot = process.getuid?.() === 0;
  // The servers' own user: `postgres` when we are root, else ourselves.
  const exec = (file: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-scale-'));
  if (asRoot) await run('chown', ['postgres:', dir]);
  const [primaryPort, replicaPort, bouncerPort] = [await freePort(), await freePort(), await freePort()];
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${DATABASE}`;
  const pidfile = path.join(dir, 'pgbouncer.pid');
  const ctl = (dataDir: string, ...args: string[]) => exec(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', `${dataDir}.log`, '-w', '-t', '60', ...args]);
  // Whatever was started, stopped; whatever was written, removed (also when starting failed half-way).
  const destroy = async () => {
    try {
      if (fs.existsSync(pidfile)) process.kill(Number(fs.readFileSync(pidfile, 'utf8')), 'SIGTERM');
    } catch {
      // PgBouncer already gone (ESRCH): the servers still have to be stopped.
    }
    await ctl(replicaDir, 'stop', '-m', 'immediate').catch(() => undefined);
    await ctl(primaryDir, 'stop', '-m', 'immediate').catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await exec(path.join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    // A test cluster: no fsync; WAL kept long enough for a stopped replica to catch up on restart.
    const settings = [
      `port = ${primaryPort}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'wal_level = replica',
      'max_wal_senders = 5',
      "wal_keep_size = '256MB'",
      'hot_standby = on',
      'hot_standby_feedback = on',
      'fsync = off',
      'full_page_writes = off',
      "shared_buffers = '32MB'",
      'max_connections = 100',
    ];
    await exec('sh', ['-c', `printf '%s\\n' "$@" >> ${primaryDir}/postgresql.conf`, 'sh', ...settings]);
    await ctl(primaryDir, 'start');
    const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
    await admin.connect();
    await admin.query(`create database ${DATABASE}`);
    await admin.end();
    await exec(path.join(bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ]);
    await exec('sh', ['-c', `echo "port = ${replicaPort}" >> ${replicaDir}/postgresql.conf`]);
    await ctl(replicaDir, 'start');

    // PgBouncer as the Debian package ships it, in transaction pooling mode. node-postgres sends
    // statement_timeout and idle_in_transaction_session_timeout at connect, which PgBouncer 1.18
    // refuses unless told to ignore them (docs/deployment.md: the role carries them instead).
    const ini = path.join(dir, 'pgbouncer.ini');
    const userlist = path.join(dir, 'userlist.txt');
    fs.writeFileSync(userlist, '"postgres" ""\n');
    fs.writeFileSync(
      ini,
      [
        '[databases]',
        `* = host=127.0.0.1 port=${primaryPort}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${bouncerPort}`,
        `unix_socket_dir = ${dir}`,
        'auth_type = trust',
        `auth_file = ${userlist}`,
        'admin_users = postgres',
        'pool_mode = transaction',
        'max_client_conn = 500',
        'default_pool_size = 20',
        'ignore_startup_parameters = extra_float_digits,statement_timeout,idle_in_transaction_session_timeout',
        `logfile = ${path.join(dir, 'pgbouncer.log')}`,
        `pidfile = ${pidfile}`,
        '',
      ].join('\n'),
    );
    if (asRoot) await run('chown', ['-R', 'postgres:', dir]);
    await exec(pgbouncer, ['-d', ini]);
  } catch (err) {
    await destroy();
    throw err;
  }

  const onReplica = async (query: string) => {
    const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:${replicaPort}/postgres` });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };

  return {
    pooledUrl: `postgres://postgres@127.0.0.1:${bouncerPort}/${DATABASE}`,
    primaryUrl,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${DATABASE}`,
    pgbouncerAdminUrl: `postgres://postgres@127.0.0.1:${bouncerPort}/pgbouncer`,
    stopReplica: async () => void (await ctl(replicaDir, 'stop', '-m', 'fast')),
    startReplica: async () => void (await ctl(replicaDir, 'start')),
    pauseReplay: (paused) => onReplica(paused ? 'select pg_wal_replay_pause()' : 'select pg_wal_replay_resume()'),
    destroy,
  };
}
