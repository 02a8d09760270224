/** Who asks, for which clinic, in which request: what every service call carries. */
export interface RequestContext {
  clinicId: string;
  keyId: string;
  requestId: string;
  /** Present on a POST that carried Idempotency-Key: the key and a fingerprint of the request. */
  idempotency?: { key: string; fingerprint: string; method: string; path: string };
}

/** What a write produced: the HTTP status and body it answers with (and replays under Idempotency-Key). */
export interface Outcome<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed?: boolean;
}
