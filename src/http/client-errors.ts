import type { Socket } from 'node:net';
import { PROBLEM_TYPE_BASE } from './problem';

const CLIENT_ERRORS: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    title: 'Request timeout',
    detail: 'The request was not received in full within the time allowed.',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'headers-too-large',
    title: 'Request header fields too large',
    detail: 'The request headers exceed the size allowed.',
  },
};
const MALFORMED = { status: 400, slug: 'bad-request', title: 'Bad request', detail: 'The request is not well-formed HTTP.' };

/**
 * Node's own refusals, before any request object exists (malformed HTTP, headers too large,
 * headers or body too slow): answered as problem+json like every other error, instead of
 * Fastify's default JSON. There is no request id yet, nothing is echoed, and the connection
 * is closed, as Node itself would.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = (err.code && CLIENT_ERRORS[err.code]) || MALFORMED;
  const body = JSON.stringify({ type: PROBLEM_TYPE_BASE + problem.slug, title: problem.title, status: problem.status, detail: problem.detail });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
