import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Database } from '../../src/db/database';
import { openPglite } from '../../src/db/pglite.database';
import { serveOnSocket, socketAnswers, socketPath, socketUrl, type SharedSocket } from '../../src/db/pglite-socket';

// The embedded database shared on its socket: what a second process sees, and what the server's
// own queries see while a client over the socket is in the middle of something.
describe('the embedded database shared on a Unix socket', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-'));
  const folder = path.join(root, 'data');
  let database: Database;
  let shared: SharedSocket;
  const clients: Client[] = [];

  const connect = async () => {
    const client = new Client({ connectionString: socketUrl(folder) });
    // A client the server disconnects emits 'error'; the test reads it from the failed query.
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  };
  const count = async () => Number((await database.pglite!.query<{ n: string }>('select count(*) as n from notes')).rows[0]!.n);

  beforeAll(async () => {
    database = await openPglite(folder);
    await database.pglite!.exec('create table notes (body text not null)');
    shared = (await serveOnSocket(database.pglite!, folder, {
      idleInTransactionTimeoutMs: 1000,
      onError: (err) => {
        throw err;
      },
    }))!;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await shared.stop();
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => database.pglite!.exec('delete from notes'));

  it('sits beside PGlite’s files, named as libpq looks for it', async () => {
    expect(socketPath(folder)).toBe(path.join(folder, '.s.PGSQL.5432'));
    expect(fs.statSync(socketPath(folder)).isSocket()).toBe(true);
    expect(fs.existsSync(path.join(folder, 'pgdata', 'PG_VERSION'))).toBe(true);
    // PGlite reads every file of its folder: the socket among them would break a dump.
    await expect(database.pglite!.dumpDataDir('none')).resolves.toBeDefined();
    expect(await socketAnswers(folder, 2000)).toBe(true);
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
      database.pglite!.transaction(async (tx) => {
        await tx.query("insert into notes values ('from the server')");
        seenByClient = client.query<{ n: string }>('select count(*) as n from notes').then((r) => Number(r.rows[0]!.n));
        await new Promise((resolve) => setTimeout(resolve, 100));
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

  it('disconnects a client idle in a transaction, rolling it back, so the server goes on', async () => {
    const client = await connect();
    await client.query('begin');
    await client.query("insert into notes values ('forgotten')");
    expect(await count()).toBe(0);
    await expect(client.query('commit')).rejects.toThrow();
  });

  it('hands the server a notification a client’s commit raised (an API key the CLI revoked)', async () => {
    const heard = new Promise<string>((resolve) => void database.pglite!.listen('api_key_changes_test', resolve));
    const client = await connect();
    await client.query('begin');
    await client.query("select pg_notify('api_key_changes_test', 'revoked')");
    await client.query('commit');
    expect(await heard).toBe('revoked');
  });

  it('tells a socket left by a dead server from a live one', () => {
    const stale = path.join(root, 'stale');
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
