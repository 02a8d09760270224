/**
 * WAL positions (PostgreSQL's pg_lsn, "16/B374D848") as comparable numbers, and the opaque
 * consistency token a client gets after a write: the position of the primary's WAL at or after
 * that write's commit, base64url-encoded so clients do not read meaning into it.
 */

const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** A pg_lsn text as a number that orders as WAL positions do; undefined when it is not one. */
export function parseWalPosition(text: string): bigint | undefined {
  const match = LSN.exec(text);
  if (!match) return undefined;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** The token for a WAL position as PostgreSQL prints it. */
export function encodeConsistencyToken(walPosition: string): string {
  return Buffer.from(walPosition, 'utf8').toString('base64url');
}

/** The WAL position a token stands for; undefined when it is not a token this service issued. */
export function decodeConsistencyToken(token: string): bigint | undefined {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(token)) return undefined;
  return parseWalPosition(Buffer.from(token, 'base64url').toString('utf8'));
}
