import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../errors';

const KEY_COUNTED = Symbol('in-flight key');

type Counted = FastifyRequest & { [KEY_COUNTED]?: string };

/**
 * At most `maxPerKey` requests of one API key in flight on this instance: past it, 429 with
 * Retry-After at once, so that one key (a runaway sync, a retry storm) cannot hold every
 * connection of the database pool while other clinics' requests queue behind it.
 * The count is this process's, unlike the rate limit's shared bucket (SPEC §7), on purpose:
 * what it protects — this instance's pool and event loop — is this process's too, and a
 * shared counter would cost two round trips per request and leak on a crash. 0 turns it off.
 */
export function registerInFlightCap(app: FastifyInstance, maxPerKey: number): void {
  if (maxPerKey <= 0) return;
  const inFlight = new Map<string, number>();

  const release = (request: Counted) => {
    const keyId = request[KEY_COUNTED];
    if (keyId === undefined) return;
    request[KEY_COUNTED] = undefined;
    const left = (inFlight.get(keyId) ?? 1) - 1;
    if (left > 0) inFlight.set(keyId, left);
    else inFlight.delete(keyId);
  };

  // After authentication (hooks run in the order they were added): the key is known by now.
  app.addHook('onRequest', async (request: Counted) => {
    const keyId = request.principal?.keyId;
    if (!keyId) return;
    const running = inFlight.get(keyId) ?? 0;
    if (running >= maxPerKey) {
      throw tooManyRequests(`This API key already has ${running} requests in progress; at most ${maxPerKey} run at once. Retry after 1 s.`, 1);
    }
    inFlight.set(keyId, running + 1);
    request[KEY_COUNTED] = keyId;
  });
  app.addHook('onResponse', async (request: Counted) => release(request));
  app.addHook('onRequestAbort', async (request: Counted) => release(request));
}
