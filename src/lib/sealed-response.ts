import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { idempotencyMacKey } from './fingerprint';

/**
 * Idempotency records keep the first response for a day so a retry can replay it. That
 * response may hold what must not rest in plain text: the secret of a new API key (SPEC §1:
 * keys are stored hashed, shown once), or a patient's data. So the table stores only a keyed
 * digest of the client's Idempotency-Key, and the response sealed with AES-256-GCM under a key
 * derived from the Idempotency-Key itself: only a caller who presents the key can open it.
 * A replay is then exactly as secret as the client's key; clients should use random keys.
 */

const KEY_DIGEST_CONTEXT = 'manuplan idempotency key';
const SEAL_INFO = 'manuplan idempotent response v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What is stored instead of the Idempotency-Key: an HMAC under a key derived from it and the clinic (lib/fingerprint), hex. */
export function idempotencyKeyDigest(key: string, clinicId: string): string {
  return createHmac('sha256', idempotencyMacKey(key, clinicId)).update(KEY_DIGEST_CONTEXT).digest('hex');
}

function sealingKey(key: string, clinicId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, clinicId, SEAL_INFO, 32));
}

export interface Sealed {
  sealed: string;
}

/** Encrypts a JSON value for the holder of `key` in `clinicId`. */
export function seal(key: string, clinicId: string, value: unknown): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key, clinicId), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value ?? null), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url') };
}

/** Decrypts what `seal` produced with the same key and clinic; throws when it was tampered with. */
export function unseal(key: string, clinicId: string, box: Sealed): unknown {
  const bytes = Buffer.from(box.sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key, clinicId), bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  return JSON.parse(text);
}
