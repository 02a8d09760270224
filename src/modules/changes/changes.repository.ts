import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/database';
import { changes } from '../../db/schema';
import type { FeedPosition } from './feed-cursor';

export interface ChangeRow {
  txid: string;
  seq: number;
  resourceType: string;
  resourceId: string;
  version: number;
  op: string;
  changedAt: Date;
}

export const changesRepository = {
  /**
   * Changes after `position`, in commit-safe order. Only transactions older than the oldest
   * one still running (pg_snapshot_xmin) are read: each of those has committed or aborted,
   * and any transaction that commits later has a txid at or above that horizon, so it sorts
   * after every cursor handed out now. A slow transaction is therefore never skipped; its
   * changes, and those of younger transactions, simply appear once it ends.
   */
  async after(db: Executor, clinicId: string, position: FeedPosition, limit: number): Promise<ChangeRow[]> {
    // The text copies get names of their own: "order by txid" must sort the xid8 column, not its text.
    const rows = await queryRows<{
      txid_text: string;
      seq_text: string;
      resource_type: string;
      resource_id: string;
      version: number;
      op: string;
      changed_at: string | Date;
    }>(
      db,
      sql`select txid::text as txid_text, seq::text as seq_text, resource_type, resource_id, version, op, changed_at
          from ${changes}
          where clinic_id = ${clinicId}
            and (txid, seq) > (${position.txid}::xid8, ${position.seq}::bigint)
            and txid < pg_snapshot_xmin(pg_current_snapshot())
          order by txid, seq
          limit ${limit}`,
    );
    return rows.map((r) => ({
      txid: r.txid_text,
      seq: Number(r.seq_text),
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      version: Number(r.version),
      op: r.op,
      changedAt: new Date(r.changed_at),
    }));
  },
};
