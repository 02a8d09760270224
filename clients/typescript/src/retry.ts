/** How the client retries a request that failed for a reason that may pass. */
export interface RetryOptions {
  /** Further attempts after the first; 0 turns retrying off. */
  retries: number;
  /** The first back-off without Retry-After; it doubles per attempt (with jitter) up to maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the 429/503 is returned to the caller. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, minDelayMs: 250, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };

/** The answers that say "not now, try again": rate limited, or the service is overloaded, starting or stopping. */
const RETRYABLE_STATUS = new Set([429, 503]);

/**
 * Methods whose repetition has the effect of one call (RFC 9110 §9.2.2). PATCH is not among
 * them; a POST is, once it carries an Idempotency-Key, because the server then replays the first
 * answer instead of doing the work again.
 */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function isRetrySafe(request: Request): boolean {
  return IDEMPOTENT_METHODS.has(request.method) || (request.method === 'POST' && request.headers.has('idempotency-key'));
}

/** Retry-After in milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with the day's name; Date.parse alone would take "-1" for a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential back-off with "equal jitter": half fixed, half random, so many clients do not retry in step. */
function backoffMs(attempt: number, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A network failure, as fetch reports it (a TypeError); an abort or time-out is the caller's decision, not retried. */
const isNetworkError = (error: unknown): boolean => error instanceof TypeError;

export type Fetch = (input: Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps fetch so that a retry-safe request is sent again after a network error, a 429 or a
 * 503, waiting what Retry-After asks (else backing off), at most `retries` more times. Each
 * attempt sends a clone of the same Request, so headers (the Idempotency-Key above all) and body
 * are the same every time. Anything else, and the last attempt's outcome, goes to the caller.
 */
export function retryingFetch(fetch: Fetch, options: RetryOptions): Fetch {
  return async (request, init) => {
    if (!isRetrySafe(request)) return fetch(request, init);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt >= options.retries;
      let response: Response;
      try {
        response = await fetch(last ? request : request.clone(), init);
      } catch (error) {
        if (last || !isNetworkError(error) || request.signal.aborted) throw error;
        await sleep(backoffMs(attempt, options), request.signal);
        continue;
      }
      if (last || !RETRYABLE_STATUS.has(response.status)) return response;
      const asked = retryAfterMs(response.headers.get('retry-after'));
      if (asked !== undefined && asked > options.maxRetryAfterMs) return response;
      // The answer is dropped: release its connection before waiting.
      await response.body?.cancel();
      await sleep(asked ?? backoffMs(attempt, options), request.signal);
    }
  };
}
