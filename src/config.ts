import { z } from 'zod';

const integer = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Environment → typed configuration. Nothing here carries a default secret; the database
 * defaults to the embedded PGlite folder so a fresh clone runs with `npm start` alone.
 */
const ConfigSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    // The owner that applies migrations (at start and in `manuplan migrate`) and runs the CLI's
    // operator commands, when DATABASE_URL is the restricted runtime login (SPEC §7).
    DATABASE_MIGRATE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    // Scale-out (SPEC §7): a direct connection for what needs a session (LISTEN) when
    // DATABASE_URL goes through a transaction pooler, and a streaming replica for reads.
    DATABASE_LISTEN_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_READ_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    // Past this much replay lag the replica is bypassed; above the replica probe's period (1 s).
    DATABASE_READ_MAX_LAG_MS: integer(5000, 2000, 3_600_000),
    PGLITE_DIR: z.string().min(1).default('./data'),
    PORT: integer(3000, 0, 65535),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DB_POOL_SIZE: integer(10, 1, 200),
    DB_CONNECT_TIMEOUT_MS: integer(2000, 100, 60000),
    DB_STATEMENT_TIMEOUT_MS: integer(5000, 100, 600000),
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(10000, 100, 600000),
    HEALTH_TIMEOUT_MS: integer(1000, 50, 60000),
    REQUEST_TIMEOUT_MS: integer(30000, 1000, 600000),
    // Past this event-loop delay the process is saturated: new requests get 503 with Retry-After
    // (@fastify/under-pressure) rather than queueing behind the backlog. 0 turns it off.
    MAX_EVENT_LOOP_DELAY_MS: integer(1000, 0, 60000),
    // The whole header block must arrive within this (slow-header clients hold sockets), and must not exceed REQUEST_TIMEOUT_MS.
    HEADERS_TIMEOUT_MS: integer(10000, 1000, 600000),
    // Above a load balancer's idle time-out (often 60 s), so the balancer, not the server, closes an idle connection.
    KEEP_ALIVE_TIMEOUT_MS: integer(65000, 1000, 600000),
    SHUTDOWN_GRACE_MS: integer(10000, 0, 600000),
    IDEMPOTENCY_WAIT_MS: integer(3000, 0, 60000),
    IDEMPOTENCY_TTL_HOURS: integer(24, 24, 24 * 30),
    // Per API key. Generous by default so integrations and benchmarks are not throttled;
    // an operator sets what the database can take. 0 turns limiting off.
    RATE_LIMIT_PER_MINUTE: integer(600000, 0, 100_000_000),
    RATE_LIMIT_BURST: integer(10000, 1, 1_000_000),
    // The audit write-behind: what a crash of the process can lose is bounded by these.
    AUDIT_FLUSH_MS: integer(200, 10, 5000),
    AUDIT_MAX_PENDING: integer(20000, 100, 1_000_000),
    // How long an instance trusts an API key it checked without asking the database again.
    // Revocations reach it at once through NOTIFY (api-key-cache.ts); this bounds only a lost one.
    API_KEY_CACHE_TTL_MS: integer(5000, 0, 60000),
    // Failed authentications per client address and per key prefix (a made-up or mistyped key),
    // counted in PostgreSQL for every instance: past the burst, 429 until the bucket drains at
    // the sustained rate. 0 turns the throttle off.
    AUTH_FAILURES_PER_MINUTE: integer(30, 0, 100_000),
    AUTH_FAILURE_BURST: integer(20, 1, 100_000),
    // Requests of one API key in flight at once on one instance, so that one key cannot hold the
    // whole database pool: unset → DB_POOL_SIZE − 2 (at least 1); 0 → no cap.
    KEY_MAX_IN_FLIGHT: z.coerce.number().int().min(0).max(100_000).optional(),
    // How long a key prefix that matched no key is answered 401 without a database lookup.
    AUTH_UNKNOWN_PREFIX_TTL_MS: integer(60000, 0, 3_600_000),
    // Which proxies' X-Forwarded-For/-Proto to believe (client address for throttling, https for
    // HSTS): unset or false: none; true: any (only behind a proxy that overwrites them); or a
    // comma-separated list of the proxies' addresses/CIDRs.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/, 'must be true, false or a comma-separated list of addresses/CIDRs')
      .default('false'),
    // Webhooks (SPEC §11). The key seals signing secrets at rest; there is no default, and
    // without it webhooks are off. Any string of 32+ characters (e.g. `openssl rand -base64 32`).
    WEBHOOKS_SECRET_KEY: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
    WEBHOOKS_ALLOW_PRIVATE_URLS: z.enum(['true', 'false']).default('false'),
    WEBHOOKS_DISPATCHER: z.enum(['on', 'off']).default('on'),
    WEBHOOKS_POLL_MS: integer(1000, 50, 60000),
    WEBHOOKS_TIMEOUT_MS: integer(10000, 100, 60000),
    WEBHOOKS_CONCURRENCY: integer(8, 1, 256),
    WEBHOOKS_RETRY_BASE_MS: integer(5000, 100, 3_600_000),
    WEBHOOKS_RETRY_HOURS: integer(24, 24, 24 * 30),
    WEBHOOKS_RETENTION_DAYS: integer(30, 1, 3650),
  })
  .superRefine((e, ctx) => {
    // The wait is a lock wait inside one statement: past the statement time-out the retry would
    // end in 503 instead of the 409 that tells the client its first request is still running.
    if (e.DATABASE_MIGRATE_URL && !e.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_MIGRATE_URL'], message: 'needs DATABASE_URL (the runtime login) too' });
    }
    for (const name of ['DATABASE_LISTEN_URL', 'DATABASE_READ_URL'] as const) {
      if (e[name] && !e.DATABASE_URL) ctx.addIssue({ code: 'custom', path: [name], message: 'needs DATABASE_URL (the primary) too' });
    }
    if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HEADERS_TIMEOUT_MS'], message: 'must not exceed REQUEST_TIMEOUT_MS' });
    }
    if (e.IDEMPOTENCY_WAIT_MS >= e.DB_STATEMENT_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['IDEMPOTENCY_WAIT_MS'], message: 'must be below DB_STATEMENT_TIMEOUT_MS' });
    }
  });

type Env = z.infer<typeof ConfigSchema>;

/** How webhooks are stored and delivered (WEBHOOKS_*); modules/webhooks takes it as is. */
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

export interface Config {
  database: {
    url?: string;
    migrateUrl?: string;
    /** A direct connection for LISTEN (DATABASE_LISTEN_URL); LISTEN runs on `url` when unset. */
    listenUrl?: string;
    /** A streaming replica for reads (DATABASE_READ_URL) and the lag past which it is bypassed. */
    readUrl?: string;
    readMaxLagMs: number;
    pgliteDir: string;
    poolSize: number;
    connectTimeoutMs: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
  };
  http: {
    port: number;
    host: string;
    requestTimeoutMs: number;
    shutdownGraceMs: number;
    healthTimeoutMs: number;
    trustProxy: boolean | string;
    maxInFlightPerKey: number;
    headersTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxEventLoopDelayMs: number;
  };
  idempotency: { waitMs: number; ttlSeconds: number };
  rateLimit: { perMinute: number; burst: number };
  audit: { flushMs: number; maxPending: number };
  apiKeyCacheTtlMs: number;
  authThrottle: { failuresPerMinute: number; failureBurst: number; unknownPrefixTtlMs: number };
  webhooks: WebhookOptions & { dispatcher: boolean };
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset" here, as in most twelve-factor tooling (docker-compose writes `X=`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    database: {
      url: e.DATABASE_URL,
      // Migrations hold a session-level advisory lock, which a transaction pooler cannot keep:
      // without an owner URL of their own they take the direct LISTEN connection when there is one.
      migrateUrl: e.DATABASE_MIGRATE_URL ?? e.DATABASE_LISTEN_URL ?? e.DATABASE_URL,
      listenUrl: e.DATABASE_LISTEN_URL,
      readUrl: e.DATABASE_READ_URL,
      readMaxLagMs: e.DATABASE_READ_MAX_LAG_MS,
      pgliteDir: e.PGLITE_DIR,
      poolSize: e.DB_POOL_SIZE,
      connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    http: {
      port: e.PORT,
      host: e.HOST,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      healthTimeoutMs: e.HEALTH_TIMEOUT_MS,
      trustProxy: trustProxyOf(e.TRUST_PROXY),
      maxInFlightPerKey: e.KEY_MAX_IN_FLIGHT ?? Math.max(1, e.DB_POOL_SIZE - 2),
      maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    },
    idempotency: { waitMs: e.IDEMPOTENCY_WAIT_MS, ttlSeconds: e.IDEMPOTENCY_TTL_HOURS * 3600 },
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    audit: { flushMs: e.AUDIT_FLUSH_MS, maxPending: e.AUDIT_MAX_PENDING },
    apiKeyCacheTtlMs: e.API_KEY_CACHE_TTL_MS,
    authThrottle: { failuresPerMinute: e.AUTH_FAILURES_PER_MINUTE, failureBurst: e.AUTH_FAILURE_BURST, unknownPrefixTtlMs: e.AUTH_UNKNOWN_PREFIX_TTL_MS },
    webhooks: {
      secretKey: e.WEBHOOKS_SECRET_KEY,
      allowPrivateUrls: e.WEBHOOKS_ALLOW_PRIVATE_URLS === 'true',
      dispatcher: e.WEBHOOKS_DISPATCHER === 'on',
      pollMs: e.WEBHOOKS_POLL_MS,
      timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
      concurrency: e.WEBHOOKS_CONCURRENCY,
      retryBaseMs: e.WEBHOOKS_RETRY_BASE_MS,
      retryWindowMs: e.WEBHOOKS_RETRY_HOURS * 3_600_000,
      retentionMs: e.WEBHOOKS_RETENTION_DAYS * 24 * 3_600_000,
    },
    logLevel: e.LOG_LEVEL,
  };
}

/** TRUST_PROXY as Fastify's trustProxy option. */
function trustProxyOf(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}
