import { createApiKeyCache } from '../../src/modules/api-keys/api-key-cache';

describe('the API-key cache', () => {
  const key = { principal: { clinicId: 'c', keyId: 'k', scopes: ['read' as const] }, secretHash: 'h' };
  const hearingCache = (ttlMs = 1000) => {
    const cache = createApiKeyCache(ttlMs);
    cache.hearing(true);
    return cache;
  };

  it('answers a key put within its TTL, and not after', () => {
    const cache = hearingCache();
    cache.put('p', key, cache.generation(), 0);
    expect(cache.get('p', 999)).toEqual(expect.objectContaining(key));
    expect(cache.get('p', 1000)).toBeUndefined();
  });

  it('is not used while changes made elsewhere cannot be heard, and starts empty when they can again', () => {
    const cache = createApiKeyCache(1000);
    cache.put('p', key, cache.generation(), 0);
    expect(cache.get('p', 1)).toBeUndefined();
    cache.hearing(true);
    cache.put('p', key, cache.generation(), 0);
    cache.hearing(false);
    expect(cache.get('p', 1)).toBeUndefined();
    cache.hearing(true);
    expect(cache.get('p', 1)).toBeUndefined();
  });

  it('does not keep a key read before it was forgotten (a revocation racing the lookup)', () => {
    const cache = hearingCache();
    const readStarted = cache.generation();
    cache.forget('p');
    cache.put('p', key, readStarted, 0);
    expect(cache.get('p', 1)).toBeUndefined();
    cache.put('p', key, cache.generation(), 0);
    expect(cache.get('p', 1)).toBeDefined();
    cache.forget('p');
    expect(cache.get('p', 1)).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = hearingCache(0);
    cache.put('p', key, cache.generation(), 0);
    expect(cache.get('p', 0)).toBeUndefined();
  });
});
