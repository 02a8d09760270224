import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: resolved from a valid, unrevoked API key. */
export interface Principal {
  clinicId: string;
  keyId: string;
  scopes: Scope[];
}

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const TOKEN_PATTERN = /^(mpk_[a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedToken {
  /** The whole key, shown to its owner once and never stored. */
  token: string;
  /** Non-secret head of the key, stored and shown in key lists. */
  prefix: string;
  /** SHA-256 of the whole key. A slow hash buys nothing for 256 random bits. */
  hash: string;
}

/** A new API key: a 12-character public prefix and 256 random secret bits. */
export function generateToken(): GeneratedToken {
  const prefixBytes = randomBytes(12);
  let prefix = 'mpk_';
  for (const byte of prefixBytes) prefix += PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length];
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The prefix of a well-formed key, or null for anything that cannot be one of ours. */
export function tokenPrefix(token: string): string | null {
  return TOKEN_PATTERN.exec(token)?.[1] ?? null;
}

/** Compares a presented key with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** `admin` may do everything and `write` includes `read`: a key that may change data may see it. */
export function scopeGrants(scopes: readonly string[], required: Scope): boolean {
  if (scopes.includes('admin')) return true;
  if (required === 'read') return scopes.includes('read') || scopes.includes('write');
  return scopes.includes(required);
}
