import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it reached the proxy: enough to tell one attempt from another. */
export interface SeenRequest {
  method: string;
  url: string;
  idempotencyKey: string | undefined;
  /** What the client got back: the app's status, or the injected one. */
  status: number;
}

/**
 * A reverse proxy in front of the app, as a load balancer would stand. It forwards every request;
 * when `fail503` matches one, it still lets the app do the work but answers the client
 * 503 with `Retry-After`, as a gateway does whose upstream answered too late. So a client that
 * retried without its Idempotency-Key would do the work twice.
 */
export async function startFaultProxy(target: string) {
  const seen: SeenRequest[] = [];
  let fail503: ((method: string, url: string) => boolean) | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const headers = Object.entries(req.headers).flatMap(([name, value]) =>
        value === undefined || name === 'host' || name === 'connection' ? [] : [[name, String(value)] as [string, string]],
      );
      void fetch(target + req.url, { method: req.method, headers, body })
        .then(async (upstream) => {
          const text = await upstream.text();
          const inject = fail503?.(req.method!, req.url!) ?? false;
          if (inject) fail503 = undefined;
          const key = req.headers['idempotency-key'];
          seen.push({ method: req.method!, url: req.url!, idempotencyKey: typeof key === 'string' ? key : undefined, status: inject ? 503 : upstream.status });
          if (inject) {
            res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
            res.end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }));
            return;
          }
          const passed: Record<string, string> = {};
          upstream.headers.forEach((value, name) => {
            if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') passed[name] = value;
          });
          res.writeHead(upstream.status, passed);
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    /** The next request for which `match` holds is answered 503 + Retry-After: 1 (once the app has done it). */
    failNext503(match: (method: string, url: string) => boolean) {
      fail503 = match;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
