import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('defaults to the embedded database on port 3000', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.database.pgliteDir).toBe('./data');
    expect(config.http.port).toBe(3000);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).http.port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['LOG_LEVEL', 'loud'],
    ['DB_POOL_SIZE', '0'],
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_BURST', '0'],
    ['AUDIT_FLUSH_MS', '60000'],
    ['IDEMPOTENCY_WAIT_MS', '9000'],
    ['AUTH_FAILURE_BURST', '0'],
    ['TRUST_PROXY', 'yes please'],
    ['KEY_MAX_IN_FLIGHT', '-1'],
  ])('stops on a bad %s naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads rate limits and the audit write-behind bound', () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '600', RATE_LIMIT_BURST: '20', AUDIT_FLUSH_MS: '100', AUDIT_MAX_PENDING: '5000' });
    expect(config.rateLimit).toEqual({ perMinute: 600, burst: 20 });
    expect(config.audit).toEqual({ flushMs: 100, maxPending: 5000 });
  });

  it('reads the security settings, with documented defaults', () => {
    const defaults = loadConfig({});
    expect(defaults.authThrottle).toEqual({ failuresPerMinute: 30, failureBurst: 20, unknownPrefixTtlMs: 60000 });
    expect(defaults.http).toMatchObject({
      trustProxy: false,
      maxInFlightPerKey: 8,
      requestTimeoutMs: 30000,
      headersTimeoutMs: 10000,
      keepAliveTimeoutMs: 65000,
    });
    const set = loadConfig({ AUTH_FAILURES_PER_MINUTE: '0', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', DB_POOL_SIZE: '4', KEY_MAX_IN_FLIGHT: '0' });
    expect(set.authThrottle.failuresPerMinute).toBe(0);
    expect(set.http).toMatchObject({ trustProxy: '10.0.0.0/8, 127.0.0.1', maxInFlightPerKey: 0 });
    expect(loadConfig({ DB_POOL_SIZE: '2' }).http.maxInFlightPerKey).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
  });
});
