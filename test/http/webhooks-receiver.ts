import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, as it arrived. */
export interface Received {
  /** The request path: each test subscribes at a path of its own. */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; data: { id: string; version: number; patientId?: string; planId?: string } };
  at: number;
}

/** What the receiver does with a request: answer with a status (now or after a while), or never answer (a time-out). */
export type Behaviour = (request: Received, nthForEvent: number) => number | 'hang' | { status: number; afterMs: number };

/**
 * A webhook receiver: a real HTTP server on 127.0.0.1 that records every request and answers
 * as `behaviour` says (200 unless told otherwise). It also tracks how many requests for one
 * webhook-id are open at the same moment, to catch concurrent attempts of one event.
 */
export async function startReceiver(initial: Behaviour = () => 200) {
  const received: Received[] = [];
  const perEvent = new Map<string, number>();
  const open = new Map<string, number>();
  let maxOpenPerEvent = 0;
  let behaviour = initial;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry: Received = { path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) as Received['json'], at: Date.now() };
      received.push(entry);
      const eventId = String(req.headers['webhook-id']);
      const nth = (perEvent.get(eventId) ?? 0) + 1;
      perEvent.set(eventId, nth);
      open.set(eventId, (open.get(eventId) ?? 0) + 1);
      maxOpenPerEvent = Math.max(maxOpenPerEvent, open.get(eventId)!);
      res.on('close', () => open.set(eventId, open.get(eventId)! - 1));
      const answer = behaviour(entry, nth);
      if (answer === 'hang') return;
      const reply = (status: number) => res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      if (typeof answer === 'number') reply(answer);
      else setTimeout(() => reply(answer.status), answer.afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    /** What arrived at `path`, in arrival order. */
    at: (path: string) => received.filter((r) => r.path === path),
    get maxOpenPerEvent() {
      return maxOpenPerEvent;
    },
    behave(next: Behaviour) {
      behaviour = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/**
 * Verifies a delivery with the Standard Webhooks reference implementation (the `standardwebhooks`
 * package), independently of the service's code: it checks the `v1,` signature over
 * `${webhook-id}.${webhook-timestamp}.${body}` and that the timestamp is within 5 minutes of now.
 */
export function verifyStandardWebhook(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const flat: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const value = headers[name];
    if (typeof value !== 'string') return false;
    flat[name] = value;
  }
  try {
    new Webhook(secret).verify(body, flat);
    return true;
  } catch {
    return false;
  }
}

/** Waits until `condition` holds (checked every 25 ms), failing with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, condition: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
