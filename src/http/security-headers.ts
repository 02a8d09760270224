import type { FastifyInstance } from 'fastify';

// Two years, subdomains included: the usual HSTS preload floor.
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Headers that keep responses where they belong:
 * - `Cache-Control: no-store` on the API (/v1, /health): a patient record must not rest in a
 *   browser's or a proxy's cache; clients revalidate with ETag, not with a cached copy;
 * - `X-Content-Type-Options: nosniff` everywhere: a browser never guesses a JSON body is HTML;
 * - `Strict-Transport-Security` when the request came over HTTPS (directly, or through a proxy
 *   named in TRUST_PROXY that says so in X-Forwarded-Proto): never over plain HTTP, where
 *   browsers ignore it and a local setup must keep working.
 * The documentation's Content-Security-Policy is set where it is served (openapi.ts).
 * An onSend hook, so that errors, 404s and the router's own refusals carry them too.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (/^\/(v1|health)(\/|\?|$)/.test(request.url)) reply.header('cache-control', 'no-store');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
