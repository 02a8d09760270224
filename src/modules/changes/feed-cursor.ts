import { createHash } from 'node:crypto';
import { gone } from '../../errors';

/** A position in a clinic's change feed: after the change (txid, seq). */
export interface FeedPosition {
  /** PostgreSQL xid8 as decimal text: 64 bits do not fit a JavaScript number. */
  txid: string;
  seq: number;
}

export const FEED_START: FeedPosition = { txid: '0', seq: 0 };

const VERSION = 'f1';
const TXID = /^\d{1,20}$/;
const MAX_XID8 = 2n ** 64n - 1n;

// The cursor names its clinic by a short digest, so a cursor handed to another clinic is
// recognised (and refused) without putting the clinic id itself into the token.
const clinicTag = (clinicId: string) => createHash('sha256').update(clinicId).digest('base64url').slice(0, 12);

export function encodeFeedCursor(clinicId: string, position: FeedPosition): string {
  return Buffer.from(JSON.stringify([VERSION, clinicTag(clinicId), position.txid, position.seq])).toString('base64url');
}

const resync = () =>
  gone('This cursor is not a position in this clinic’s change feed. Resynchronise: read the feed again from its start (no cursor).', 'cursor-gone');

/**
 * The position a cursor names. A sync client cannot repair a cursor it does not understand,
 * so anything that is not a feed position of this clinic answers 410 "resynchronise", not 400.
 */
export function decodeFeedCursor(cursor: string | undefined, clinicId: string): FeedPosition {
  if (cursor === undefined) return FEED_START;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw resync();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw resync();
  const [version, tag, txid, seq] = parsed as unknown[];
  if (version !== VERSION || tag !== clinicTag(clinicId)) throw resync();
  if (typeof txid !== 'string' || !TXID.test(txid) || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) throw resync();
  // Past what xid8 holds, PostgreSQL would answer an error (500), not an empty page.
  if (BigInt(txid) > MAX_XID8) throw resync();
  return { txid, seq };
}
