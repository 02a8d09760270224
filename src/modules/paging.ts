import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, isIsoTimestamp, isUuid } from '../lib/cursor';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** Position in a list ordered by (timestamp, id): the last row a client has seen. */
export interface Position {
  at: Date;
  id: string;
}

export function decodePosition(cursor: string | undefined): Position | undefined {
  if (!cursor) return undefined;
  const [at, id] = decodeCursor<[string, string]>(cursor, [isIsoTimestamp, isUuid]);
  return { at: new Date(at), id };
}

/** Rows strictly after the position, as a row comparison the (clinic_id, ts, id) index serves. */
export function after(at: AnyColumn, id: AnyColumn, position: Position | undefined): SQL | undefined {
  return position ? sql`(${at}, ${id}) > (${position.at.toISOString()}::timestamptz, ${position.id}::uuid)` : undefined;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says that more exist, and
 * the cursor points at the last row returned.
 */
export function toPage<R, T>(rows: R[], limit: number, position: (row: R) => Position, map: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const more = rows.length > limit && last !== undefined;
  return {
    data: page.map(map),
    nextCursor: more ? encodeCursor([position(last).at.toISOString(), position(last).id]) : null,
  };
}
