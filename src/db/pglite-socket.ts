import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { protocol, type PGlite } from '@electric-sql/pglite';
type NotificationResponseMessage = InstanceType<typeof protocol.messages.NotificationResponseMessage>;
type ReadyForQueryMessage = InstanceType<typeof protocol.messages.ReadyForQueryMessage>;

import { PGLiteSocketServer, type PGLiteSocketHandler } from '@electric-sql/pglite-socket';

/**
 * The embedded database served over the PostgreSQL protocol on a Unix socket in its folder, so
 * that `psql -h <folder>` and the CLI (through `pg`, as to any server) reach the database a
 * running server holds. PGlite is one backend: @electric-sql/pglite-socket multiplexes client
 * connections onto it one protocol message at a time, and this module makes that safe next to
 * the server's own queries (see createGate).
 */

/** libpq's name for the socket of port 5432: `psql -h <dir>` and `pg` with `host=<dir>` look for it. */
const SOCKET_NAME = '.s.PGSQL.5432';

// Unix socket paths are limited to sun_path (108 bytes on Linux, 104 on macOS), terminator included.
const MAX_SOCKET_PATH = 103;

// Clients at once: as PostgreSQL's default max_connections. A client over the limit is refused.
const MAX_CONNECTIONS = 100;

/** Where the socket of the embedded database in `dir` is. */
export function socketPath(dir: string): string {
  return path.join(path.resolve(dir), SOCKET_NAME);
}

/** A connection string for `pg` that reaches the embedded database in `dir` through its socket. */
export function socketUrl(dir: string): string {
  return `postgres://postgres@/postgres?host=${encodeURIComponent(path.resolve(dir))}`;
}

/**
 * Whether a server answers on the socket in `dir` within `timeoutMs`. A socket file left by a
 * server that died refuses at once; one whose server hangs is given up on after the time-out.
 */
export function socketAnswers(dir: string, timeoutMs: number): Promise<boolean> {
  const file = socketPath(dir);
  if (!fs.existsSync(file)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect(file);
    const done = (answers: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answers);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    // An SSLRequest is the smallest thing a PostgreSQL server answers (one byte: 'N' or 'S').
    socket.once('connect', () => socket.write(protocol.serialize.requestSsl()));
    socket.once('data', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}

export interface SocketServerOptions {
  /** A client that leaves a transaction open longer than this is disconnected (and rolled back). */
  idleInTransactionTimeoutMs: number;
  /** Told why serving failed; the server goes on without the socket. */
  onError(err: Error): void;
}

export interface SharedSocket {
  readonly path: string;
  /** Clients connected, and messages waiting for the backend: what a caller can watch. */
  stats(): { clients: number; queuedMessages: number };
  /** Disconnects the clients (their open transactions roll back) and removes the socket file. */
  stop(): Promise<void>;
}

/**
 * Serves `pglite`, the embedded database in `dir`, on `<dir>/.s.PGSQL.5432`. The caller holds
 * the folder (openPglite's lock), so a socket file already there was left by a dead server.
 * Resolves with undefined when the socket cannot be served (path too long, folder read-only).
 */
export async function serveOnSocket(pglite: PGlite, dir: string, options: SocketServerOptions): Promise<SharedSocket | undefined> {
  const file = socketPath(dir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    options.onError(new Error(`the socket path ${file} is longer than a Unix socket allows; move PGLITE_DIR to a shorter path`));
    return undefined;
  }
  const gate = createGate(pglite, options.idleInTransactionTimeoutMs, () => {
    disconnectTransactionHolder(server, gate).catch((err: Error) => options.onError(err));
  });
  const server = new PGLiteSocketServer({ db: gate, path: file, maxConnections: MAX_CONNECTIONS });
  try {
    fs.rmSync(file, { force: true });
    await server.start();
  } catch (err) {
    options.onError(err as Error);
    return undefined;
  }
  return {
    path: file,
    stats() {
      const { activeConnections, queuedQueries } = server.getStats();
      return { clients: activeConnections, queuedMessages: queuedQueries };
    },
    async stop() {
      await server.stop();
      // The clients' open transactions roll back as they are detached; wait for the last one.
      await pglite._runExclusiveTransaction(() => Promise.resolve());
      gate.close();
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * What PGLiteSocketServer sees of the database. Its queue runs each client message under
 * PGlite's query lock only, and keeps to one client while `isInTransaction()`. Left alone,
 * that interleaves with the server's own work on the same backend: a server query between a
 * client's BEGIN and COMMIT would run inside the client's transaction (and a client message
 * inside one of the server's), and another message between a client's Parse and its Bind would
 * replace its unnamed statement.
 *
 * So a client takes PGlite's transaction lock — the one `query()` and `transaction()` take — at
 * its first message and keeps it until the backend answers ReadyForQuery with status idle: the
 * end of a whole query or extended-protocol batch outside a transaction block, or the end of its
 * transaction. `isInTransaction()` reports that hold, so the queue serves only that client
 * meanwhile. A client that holds it idle for longer than the time-out is disconnected, as
 * PostgreSQL's idle_in_transaction_session_timeout does, so that a forgotten BEGIN in psql
 * cannot stop the server.
 *
 * The backend is one session, so a client's SET (search_path, ROLE, statement_timeout) would
 * outlast its hold and apply to the server's queries: each hold ends with RESET ALL and RESET
 * ROLE. Not DISCARD ALL, which would also drop the server's LISTENs.
 */
function createGate(pglite: PGlite, idleMs: number, onIdleTooLong: () => void) {
  let release: (() => void) | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  const hold = () =>
    release
      ? Promise.resolve()
      : new Promise<void>((acquired) => {
          void pglite._runExclusiveTransaction(
            () =>
              new Promise<void>((done) => {
                release = done;
                acquired();
              }),
          );
        });
  // Runs while the caller holds PGlite's query lock, hence the raw protocol rather than exec().
  const resetSession = () => pglite.execProtocolRaw(protocol.serialize.query('RESET ALL; RESET ROLE'));
  const letGo = () => {
    clearTimeout(idleTimer);
    release?.();
    release = undefined;
  };

  const gate = {
    get waitReady() {
      return pglite.waitReady;
    },
    isInTransaction: () => release !== undefined,
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      clearTimeout(idleTimer);
      await hold();
      try {
        return await pglite.runExclusive(fn);
      } finally {
        if (release) idleTimer = setTimeout(onIdleTooLong, idleMs);
      }
    },
    async execProtocolRawStream(message: Uint8Array, { onRawData }: { onRawData(data: Uint8Array): void }): Promise<void> {
      const parser = new protocol.Parser();
      let status: string | undefined;
      const notifications: NotificationResponseMessage[] = [];
      await pglite.execProtocolRawStream(message, {
        onRawData(data) {
          onRawData(data);
          parser.parse(data, (answer) => {
            if (answer.name === 'readyForQuery') status = (answer as ReadyForQueryMessage).status;
            else if (answer.name === 'notification') notifications.push(answer as NotificationResponseMessage);
          });
        },
      });
      if (status === 'I') {
        await resetSession();
        letGo();
      }
      // The one backend LISTENs for the server, but tells whichever client's message committed
      // the NOTIFY (an API key the CLI revoked): raised again on the server's side, it reaches
      // the server's listeners.
      for (const n of notifications) void pglite.query('select pg_notify($1, $2)', [n.channel, n.payload]).catch(() => undefined);
    },
    /** The queue's clean-up for a client that left while holding the backend: `sql` is ROLLBACK. */
    async exec(sql: string): Promise<void> {
      await pglite.runExclusive(async () => {
        // Sync ends an unfinished extended-protocol batch; then the transaction, if any, rolls back.
        await pglite.execProtocolRaw(protocol.serialize.sync());
        if (pglite.isInTransaction()) await pglite.execProtocolRaw(protocol.serialize.query(sql));
        await resetSession();
      });
      letGo();
    },
    close: () => clearTimeout(idleTimer),
  };
  return gate as typeof gate & PGlite;
}

// pglite-socket 0.2.17 (pinned) keeps its clients, the client holding the backend and the
// queue's restart in TypeScript-private fields; it offers no other way to end one connection.
interface SocketServerInternals {
  handlers: Set<PGLiteSocketHandler>;
  queryQueue: { lastHandlerId: number | null; processQueue(): Promise<void> };
}

async function disconnectTransactionHolder(server: PGLiteSocketServer, gate: { exec(sql: string): Promise<void> }): Promise<void> {
  const internals = server as unknown as SocketServerInternals;
  const holder = [...internals.handlers].find((h) => h.handlerId === internals.queryQueue.lastHandlerId && h.isAttached);
  if (holder) {
    // Detaching rolls the transaction back (the queue calls the gate's exec) and closes the socket;
    // the server forgets a handler only on events a forced detach does not emit.
    internals.handlers.delete(holder);
    await holder.detach(true);
    return;
  }
  // The queue records the holder only once its message has finished: a client that left while
  // its message ran (BEGIN among it) was cleaned up as a bystander, and its transaction belongs
  // to no one. Roll it back here and let the queue serve the others again.
  await gate.exec('ROLLBACK');
  internals.queryQueue.lastHandlerId = null;
  await internals.queryQueue.processQueue();
}
