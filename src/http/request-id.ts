import type { IncomingMessage } from 'node:http';
import { uuidv7 } from '../lib/uuid';

// Echo a caller's id only when it is safe to put in logs and headers.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's X-Request-Id when well-formed, otherwise a new UUIDv7. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : uuidv7();
}
