import { createClient } from '../../clients/typescript/src';
import { retryAfterMs } from '../../clients/typescript/src/retry';

/** A fetch that answers from a script, one entry per attempt, and keeps every request it was sent. */
function scriptedFetch(script: (() => Response)[]) {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request);
    const next = script.shift();
    if (!next) throw new Error('the script ran out: more attempts than expected');
    return next();
  };
  return { fetch, sent };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const networkError = () => {
  throw new TypeError('fetch failed');
};
const fast = { minDelayMs: 1, maxDelayMs: 2 };
const client = (fetch: (request: Request) => Promise<Response>, retries = 3) =>
  createClient({ baseUrl: 'http://manuplan.test', apiKey: 'mp_test', fetch, retry: { ...fast, retries } });

describe('Retry-After', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it.each([
    ['delta-seconds', '3', 3000],
    ['zero', '0', 0],
    ['an HTTP date two seconds ahead', 'Mon, 02 Mar 2026 10:00:02 GMT', 2000],
    ['an HTTP date already past', 'Mon, 02 Mar 2026 09:59:00 GMT', 0],
  ])('reads %s', (_what, value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });
  it.each([null, '', 'soon', '-1', '1.5'])('ignores %p', (value) => {
    expect(retryAfterMs(value, now)).toBeUndefined();
  });
});

describe('retries', () => {
  it('sends a GET again after a network error', async () => {
    const { fetch, sent } = scriptedFetch([networkError, json(200, { data: [], nextCursor: null })]);
    const { data } = await client(fetch).GET('/v1/patients');
    expect(data).toEqual({ data: [], nextCursor: null });
    expect(sent).toHaveLength(2);
  });

  it('sends a POST again after a network error with the same key and the same body', async () => {
    const { fetch, sent } = scriptedFetch([networkError, json(429, {}, { 'retry-after': '0' }), json(201, { id: 'p1' })]);
    const { response } = await client(fetch).POST('/v1/patients', { body: { firstName: 'Ada' } });
    expect(response.status).toBe(201);
    expect(sent).toHaveLength(3);
    const keys = sent.map((r) => r.headers.get('idempotency-key'));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await Promise.all(sent.map((r) => r.text()))).toEqual(Array(3).fill('{"firstName":"Ada"}'));
  });

  it('gives up after the configured number of retries and returns the last answer', async () => {
    const unavailable = json(503, { status: 503 }, { 'retry-after': '0' });
    const { fetch, sent } = scriptedFetch([unavailable, unavailable, unavailable]);
    const { response, error } = await client(fetch, 2).GET('/v1/catalog');
    expect(response.status).toBe(503);
    expect(error).toEqual({ status: 503 });
    expect(sent).toHaveLength(3);
  });

  it('does not wait out a Retry-After longer than it is willing to', async () => {
    const { fetch, sent } = scriptedFetch([json(429, { status: 429 }, { 'retry-after': '3600' })]);
    const { response } = await client(fetch).GET('/v1/catalog');
    expect(response.status).toBe(429);
    expect(sent).toHaveLength(1);
  });

  it.each([
    [400, 'a client error'],
    [500, 'a server bug'],
    [412, 'a stale If-Match'],
  ])('does not retry %i (%s)', async (status) => {
    const { fetch, sent } = scriptedFetch([json(status, { status })]);
    expect((await client(fetch).GET('/v1/catalog')).response.status).toBe(status);
    expect(sent).toHaveLength(1);
  });

  it('does not retry a PATCH, nor a request the caller aborted', async () => {
    const patch = scriptedFetch([networkError]);
    await expect(
      client(patch.fetch).PATCH('/v1/patients/{id}', { params: { path: { id: 'p1' }, header: { 'if-match': '"1"' } }, body: { firstName: 'Ada' } }),
    ).rejects.toThrow('fetch failed');
    expect(patch.sent).toHaveLength(1);

    const aborted = scriptedFetch([
      () => {
        throw new DOMException('The operation was aborted.', 'AbortError');
      },
    ]);
    await expect(client(aborted.fetch).GET('/v1/catalog')).rejects.toThrow('aborted');
    expect(aborted.sent).toHaveLength(1);
  });

  it('stops waiting when the caller aborts during the back-off', async () => {
    const { fetch, sent } = scriptedFetch([json(503, {}, { 'retry-after': '30' })]);
    const controller = new AbortController();
    const call = client(fetch).GET('/v1/catalog', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('the user left')), 10);
    await expect(call).rejects.toThrow('the user left');
    expect(sent).toHaveLength(1);
  });
});
