import net from 'node:net';

/**
 * A TCP proxy between the service and PostgreSQL that a test can break, to play a database
 * outage without touching the shared PostgreSQL cluster:
 * - `cut()`: every open connection is reset and new ones are refused at once (a crashed or
 *   restarting server: clients learn of it immediately);
 * - `blackhole()`: connections stay open but nothing passes either way, and new ones are
 *   accepted and never answered (a network partition: clients learn of it only by time-outs);
 * - `restore()`: traffic flows again; after a partition, what was held back is delivered, and a
 *   connection one side dropped meanwhile is reset on the other.
 */
export interface TcpProxy {
  readonly port: number;
  /** postgres://… of `upstreamUrl` with its host and port replaced by this proxy. */
  url(upstreamUrl: string): string;
  cut(): void;
  blackhole(): void;
  restore(): void;
  /** Connections currently open through the proxy. */
  openConnections(): number;
  close(): Promise<void>;
}

type Mode = 'pass' | 'cut' | 'blackhole';

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'pass';
  const pairs = new Set<{ client: net.Socket; server?: net.Socket }>();

  const server = net.createServer((client) => {
    const pair: { client: net.Socket; server?: net.Socket } = { client };
    pairs.add(pair);
    const forget = () => {
      pairs.delete(pair);
      client.destroy();
      pair.server?.destroy();
    };
    // Across a partition the client never hears that PostgreSQL dropped its end.
    const upstreamGone = () => {
      if (mode === 'blackhole') pair.server = undefined;
      else forget();
    };
    client.on('error', forget);
    client.on('close', forget);
    if (mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    if (mode === 'blackhole') {
      // Accepted, never answered: the client's connect time-out must save it.
      client.pause();
      return;
    }
    const upstreamSocket = net.connect(upstream.port, upstream.host);
    pair.server = upstreamSocket;
    upstreamSocket.on('error', upstreamGone);
    upstreamSocket.on('close', upstreamGone);
    client.pipe(upstreamSocket);
    upstreamSocket.pipe(client);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    url(upstreamUrl) {
      const u = new URL(upstreamUrl);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut() {
      mode = 'cut';
      for (const { client, server: s } of pairs) {
        client.resetAndDestroy();
        s?.resetAndDestroy();
      }
      pairs.clear();
    },
    blackhole() {
      mode = 'blackhole';
      // Stop the flow both ways; the sockets stay open, as across a partition.
      for (const { client, server: s } of pairs) {
        client.unpipe();
        s?.unpipe();
        client.pause();
        s?.pause();
      }
    },
    restore() {
      const healing = mode === 'blackhole';
      mode = 'pass';
      if (!healing) return;
      // The partition heals as TCP would: what each side sent meanwhile (a query, a FIN) is
      // delivered now; a connection one side dropped meanwhile is reset on the other.
      for (const pair of [...pairs]) {
        const { client, server: s } = pair;
        if (!s || s.destroyed) {
          pairs.delete(pair);
          client.resetAndDestroy();
          continue;
        }
        client.pipe(s);
        s.pipe(client);
        client.resume();
        s.resume();
      }
    },
    openConnections: () => pairs.size,
    async close() {
      for (const { client, server: s } of pairs) {
        client.destroy();
        s?.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
