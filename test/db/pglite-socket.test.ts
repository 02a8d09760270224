import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { protocol, type PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import type { Database } from '../../src/db/database';
import { openPglite } from '../../src/db/pglite.database';
import { serveOnSocket, socketAnswers, socketPath, socketUrl, type SharedSocket } from '../../src/db/pglite-socket';

/**
 * The embedded database in a fresh folder, shared on its socket with the given idle-in-transaction
 * time-out: open for the enclosing describe's tests.
 */
function sharedDatabase(idleInTransactionTimeoutMs: number) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-'));
  const env = { root, folder: path.join(root, 'data') } as { root: string; folder: string; database: Database; shared: SharedSocket };
  const clients: Client[] = [];

  beforeAll(async () => {
    env.database = await openPglite(env.folder);
    await env.database.pglite!.exec('create table notes (body text not null)');
    env.shared = (await serveOnSocket(env.database.pglite!, env.folder, {
      idleInTransactionTimeoutMs,
      onError: (err) => {
        throw err;
      },
    }))!;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await env.shared.stop();
    await env.database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => env.database.pglite!.exec('delete from notes'));

  return {
    env,
    async connect() {
      const client = new Client({ connectionString: socketUrl(env.folder) });
      // A client the server disconnects emits 'error'; the test reads it from the failed query.
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    count: async () => Number((await env.database.pglite!.query<{ n: string }>('select count(*) as n from notes')).rows[0]!.n),
  };
}

/** Resolves when a client's message next asks for PGlite's transaction lock (the gate's hold). */
function nextHold(pglite: PGlite): Promise<void> {
  const take = pglite._runExclusiveTransaction.bind(pglite);
  return new Promise((reached) => {
    jest.spyOn(pglite, '_runExclusiveTransaction').mockImplementationOnce((fn) => (reached(), take(fn)));
  });
}

/** Resolves once `condition` holds, checking on each turn of the event loop. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

// The embedded database shared on its socket: what a second process sees, and what the server's
// own queries see while a client over the socket is in the middle of something.
describe('the embedded database shared on a Unix socket', () => {
  // Long enough that a stalled event loop on a loaded machine never drops a client mid-test.
  const { env, connect, count } = sharedDatabase(10_000);

  it('sits beside PGlite’s files, named as libpq looks for it', async () => {
    expect(socketPath(env.folder)).toBe(path.join(env.folder, '.s.PGSQL.5432'));
    expect(fs.statSync(socketPath(env.folder)).isSocket()).toBe(true);
    expect(fs.existsSync(path.join(env.folder, 'pgdata', 'PG_VERSION'))).toBe(true);
    // PGlite reads every file of its folder: the socket among them would break a dump.
    await expect(env.database.pglite!.dumpDataDir('none')).resolves.toBeDefined();
    expect(await socketAnswers(env.folder, 2000)).toBe(true);
  });

  it('keeps the server’s queries out of a client’s open transaction', async () => {
    const client = await connect();
    await client.query('begin');
    await client.query("insert into notes values ('from the socket')");
    // The server's query waits for the client's transaction instead of running inside it.
    const seenByServer = count();
    await client.query('rollback');
    expect(await seenByServer).toBe(0);
  });

  it('keeps a client’s statements out of the server’s transaction', async () => {
    const client = await connect();
    let seenByClient: Promise<number> | undefined;
    await expect(
      env.database.pglite!.transaction(async (tx) => {
        await tx.query("insert into notes values ('from the server')");
        // Installed inside the transaction, so the next taker is the client's message.
        const waiting = nextHold(env.database.pglite!);
        seenByClient = client.query<{ n: string }>('select count(*) as n from notes').then((r) => Number(r.rows[0]!.n));
        await waiting;
        throw new Error('the server changes its mind');
      }),
    ).rejects.toThrow('the server changes its mind');
    expect(await seenByClient).toBe(0);
  });

  it('serves several clients at once, each in its own transaction', async () => {
    const [a, b] = [await connect(), await connect()];
    await Promise.all(
      [a, b].map(async (c, i) => {
        for (let n = 0; n < 5; n++) {
          await c.query('begin');
          await c.query('insert into notes values ($1)', [`client ${i}`]);
          await c.query(i === 0 ? 'commit' : 'rollback');
        }
      }),
    );
    expect(await count()).toBe(5);
  });

  it('keeps a client’s session settings from the server’s queries', async () => {
    const pglite = env.database.pglite!;
    const settings = async () =>
      (
        await pglite.query<Record<string, string>>(
          "select current_user as role, current_setting('search_path') as path, current_setting('statement_timeout') as timeout",
        )
      ).rows[0];
    const defaults = await settings();
    await pglite.exec('create role socket_reader');
    const client = await connect();
    await client.query('set search_path to pg_catalog');
    await client.query("set statement_timeout to '1ms'");
    await client.query('set role socket_reader');
    expect(await settings()).toEqual(defaults);
    await client.end();
    expect(await settings()).toEqual(defaults);
  });

  it('hands the server a notification a client’s commit raised (an API key the CLI revoked)', async () => {
    const heard = new Promise<string>((resolve) => void env.database.pglite!.listen('api_key_changes_test', resolve));
    const client = await connect();
    await client.query('begin');
    await client.query("select pg_notify('api_key_changes_test', 'revoked')");
    await client.query('commit');
    expect(await heard).toBe('revoked');
  });

  it('tells a socket left by a dead server from a live one', () => {
    const stale = path.join(env.root, 'stale');
    fs.mkdirSync(stale);
    // A process killed while listening leaves its socket file behind, answering nothing.
    spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socketPath(stale))}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(fs.existsSync(socketPath(stale))).toBe(true);
    return expect(socketAnswers(stale, 2000)).resolves.toBe(false);
  });
});

// A client that holds the backend and goes away must not take the server with it.
describe('the embedded database shared on a Unix socket, with clients that leave', () => {
  const { env, connect, count } = sharedDatabase(1000);

  it('disconnects a client idle in a transaction, rolling it back, so the server goes on', async () => {
    const client = await connect();
    await client.query('begin');
    await client.query("insert into notes values ('forgotten')");
    expect(await count()).toBe(0);
    await expect(client.query('commit')).rejects.toThrow();
  });

  it('rolls back a transaction whose client left while the message that began it ran', async () => {
    const pglite = env.database.pglite!;
    // A client of its own, to leave at a chosen moment: started, then idle.
    const socket = net.connect(socketPath(env.folder));
    const parser = new protocol.Parser();
    let ready = false;
    socket.on('data', (data) => parser.parse(data, (m) => (ready ||= m.name === 'readyForQuery')));
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(protocol.serialize.startup({ user: 'postgres', database: 'postgres' }));
    await until(() => ready);

    // The server is busy; the client's BEGIN waits for the backend, then the client leaves.
    let serverDone!: () => void;
    await new Promise<void>((inside) => void pglite.transaction(() => new Promise<void>((done) => ((serverDone = done), inside()))));
    const waiting = nextHold(pglite);
    socket.write(protocol.serialize.query("begin; insert into notes values ('orphaned')"));
    await waiting;
    socket.destroy();
    await until(() => env.shared.stats().clients === 0);
    serverDone();

    // Its transaction, begun after it left, is rolled back: the server's queries go on.
    expect(await count()).toBe(0);
  });
});
