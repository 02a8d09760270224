import { createHash } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * RFC 9562 UUID version 5: SHA-1 of a namespace UUID and a name. The same namespace and name
 * always give the same id, so things without an id of their own (the Conditions of an
 * assessment, the Procedures of a session…) get one that repeated exports agree on, and an
 * import that renames ids renames them the same way every time.
 */
export function derivedUuid(namespace: string, name: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new Error(`derivedUuid: namespace must be a UUID, got "${namespace}"`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
