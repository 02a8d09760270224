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
  ])('stops on a bad %s naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads rate limits and the audit write-behind bound', () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: '600', RATE_LIMIT_BURST: '20', AUDIT_FLUSH_MS: '100', AUDIT_MAX_PENDING: '5000' });
    expect(config.rateLimit).toEqual({ perMinute: 600, burst: 20 });
    expect(config.audit).toEqual({ flushMs: 100, maxPending: 5000 });
  });
});
