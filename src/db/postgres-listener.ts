import { Client, escapeIdentifier } from 'pg';
import type { Logger } from 'pino';
import type { NotificationHandlers } from './database';

export interface ListenerOptions {
  url: string;
  connectTimeoutMs: number;
  /** Wait between attempts to re-establish a lost listening connection. */
  retryMs: number;
  logger: Logger;
}

/**
 * The URL with the listener's own application_name (the URL's wins over the client's option), so
 * that in pg_stat_activity it is told apart from the pool's connections.
 */
function listenerUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.searchParams.set('application_name', `${parsed.searchParams.get('application_name') ?? 'manuplan'}-listener`);
  return parsed.toString();
}

/**
 * LISTEN on a connection of its own: a pooled connection goes back to the pool and would stop
 * hearing. When the connection is lost, handlers hear `connected(false)` at once (whatever was
 * announced meanwhile is missed) and it is re-established every `retryMs` until it succeeds.
 * Returns the function that stops listening.
 */
export function listenOnServer(options: ListenerOptions, channel: string, handlers: NotificationHandlers): () => Promise<void> {
  let current: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  const scheduleRetry = () => {
    if (!stopped && !retry) retry = setTimeout(() => void connect(), options.retryMs);
  };

  const lost = (client: Client, err?: Error) => {
    if (current !== client) return;
    current = undefined;
    handlers.connected(false);
    options.logger.warn({ err, channel }, 'listening connection lost; reconnecting');
    client.end().catch(() => undefined);
    scheduleRetry();
  };

  async function connect(): Promise<void> {
    retry = undefined;
    const client = new Client({ connectionString: listenerUrl(options.url), connectionTimeoutMillis: options.connectTimeoutMs });
    client.on('notification', (message) => {
      if (message.channel === channel) handlers.notify(message.payload ?? '');
    });
    client.on('error', (err) => lost(client, err));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(channel)}`);
    } catch {
      await client.end().catch(() => undefined);
      scheduleRetry();
      return;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    handlers.connected(true);
  }

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    if (client) await client.end().catch(() => undefined);
  };
}
