import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

// Random bytes are drawn from the system in blocks: one call per 256 ids rather than two per id.
const RANDOM_BLOCK = 4096;
let randomPool = Buffer.alloc(0);
let randomOffset = 0;

/** `n` fresh random bytes, a view into a block no other caller is given. */
function random(n: number): Buffer {
  if (randomOffset + n > randomPool.length) {
    randomPool = randomBytes(RANDOM_BLOCK);
    randomOffset = 0;
  }
  randomOffset += n;
  return randomPool.subarray(randomOffset - n, randomOffset);
}

/**
 * RFC 9562 UUID version 7: time-ordered, so primary-key indexes grow at the right edge.
 * A 12-bit counter in rand_a keeps ids monotonic within one millisecond of one process.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = random(2).readUInt16BE(0) & 0x7ff;
  }
  const bytes = random(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
