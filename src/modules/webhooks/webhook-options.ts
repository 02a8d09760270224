/** How webhooks are stored and delivered (config.ts: WEBHOOKS_*). */
export interface WebhookOptions {
  /** Seals signing secrets at rest; without it webhooks are off (503), as there is no default secret. */
  secretKey?: string;
  /** Lets URLs point at loopback and private networks: development and tests only. */
  allowPrivateUrls: boolean;
  /** How often a dispatcher looks for due deliveries. */
  pollMs: number;
  /** Time-out of one attempt, connect to answer. */
  timeoutMs: number;
  /** Most attempts one dispatcher runs at once. */
  concurrency: number;
  /** The first retry waits about this long; each further one twice as long. */
  retryBaseMs: number;
  /** A delivery is retried for this long after its event, then failed; a receiver failing this long is disabled. */
  retryWindowMs: number;
  /** Succeeded and failed deliveries are deleted this long after their last attempt. */
  retentionMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  allowPrivateUrls: false,
  pollMs: 1000,
  timeoutMs: 10_000,
  concurrency: 8,
  retryBaseMs: 5000,
  retryWindowMs: 24 * 3_600_000,
  retentionMs: 30 * 24 * 3_600_000,
};
