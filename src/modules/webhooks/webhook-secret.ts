import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Webhook signing secrets. Standard Webhooks signs with HMAC, a symmetric key, so the service
 * must be able to read the secret back: it cannot be hashed like an API key. It is sealed
 * with AES-256-GCM under a key derived (HKDF) from the sealing key (webhook-sealing-key.ts), per
 * clinic, with the webhook id as associated data — so a sealed secret copied to another row does
 * not open. With WEBHOOKS_SECRET_KEY configured, a database dump alone reveals no secret.
 */

const SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;
const SEAL_INFO = 'manuplan webhook secret v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new secret as shown to the client once: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

function sealingKey(masterKey: string, clinicId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, clinicId, SEAL_INFO, 32));
}

/** Encrypts a webhook's secret for storage. */
export function sealSecret(masterKey: string, clinicId: string, webhookId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(masterKey, clinicId), iv);
  cipher.setAAD(Buffer.from(webhookId));
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Decrypts what sealSecret produced; throws when the key, clinic or webhook differ or it was tampered with. */
export function unsealSecret(masterKey: string, clinicId: string, webhookId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(masterKey, clinicId), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(webhookId));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/**
 * The Standard Webhooks signature header value: `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)),
 * the key being the base64-decoded part of the secret after `whsec_`.
 */
export function signDelivery(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  const mac = createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}
