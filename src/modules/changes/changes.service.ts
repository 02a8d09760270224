import type { Change, ChangesPage } from '../../contracts/change.contract';
import type { Database } from '../../db/database';
import { readInClinic } from '../../db/tenant';
import type { PageRequest } from '../paging';
import type { RequestContext } from '../../http/context';
import { changesRepository, type ChangeRow } from './changes.repository';
import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor';

export type ChangesService = ReturnType<typeof createChangesService>;

const toChange = (row: ChangeRow): Change => ({
  type: row.resourceType as Change['type'],
  id: row.resourceId,
  version: row.version,
  op: row.op as Change['op'],
  changedAt: row.changedAt.toISOString(),
});

/** The clinic's change feed: every create, update and soft delete of its synced resources, in order. */
export function createChangesService({ database }: { database: Database }) {
  const { db } = database;
  return {
    /**
     * A page of changes after the cursor. `syncCursor` is always the position after the page,
     * so a client can checkpoint after every page and poll from it later; `nextCursor` is the
     * same position while more changes are ready now, and null once the client has caught up.
     */
    async list(ctx: RequestContext, query: PageRequest): Promise<ChangesPage> {
      const from = decodeFeedCursor(query.cursor, ctx.clinicId);
      const rows = await readInClinic(db, ctx.clinicId, (tx) => changesRepository.after(tx, ctx.clinicId, from, query.limit + 1));
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const syncCursor = encodeFeedCursor(ctx.clinicId, last ? { txid: last.txid, seq: last.seq } : from);
      return { data: page.map(toChange), nextCursor: rows.length > query.limit ? syncCursor : null, syncCursor };
    },
  };
}
