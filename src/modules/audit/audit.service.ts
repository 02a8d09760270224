import type { Logger } from 'pino';
import type { AuditEvent, AuditOutcome, ListAuditEventsQuery } from '../../contracts/audit-event.contract';
import type { Database } from '../../db/database';
import { readInClinic } from '../../db/tenant';
import { decodeCursor, encodeCursor, isUuid } from '../../lib/cursor';
import { uuidv7 } from '../../lib/uuid';
import type { Page } from '../paging';
import type { AuditRecord } from '../../http/audit';
import type { RequestContext } from '../../http/context';
import { auditRepository, type AuditRow } from './audit.repository';
import { createWriteBehind } from './write-behind';

export type AuditService = ReturnType<typeof createAuditService>;

export interface AuditOptions {
  /** At most this long between a request's answer and its audit event being written. */
  flushMs: number;
  /** Events kept while the database does not accept them; beyond it the oldest are dropped. */
  maxPending: number;
}

const BATCH_SIZE = 500;

const toAuditEvent = (row: AuditRow): AuditEvent => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  keyId: row.keyId,
  action: row.action,
  resourceType: row.resourceType,
  resourceId: row.resourceId,
  outcome: row.outcome as AuditOutcome,
  statusCode: row.statusCode,
  requestId: row.requestId,
});

/**
 * The audit trail. Events are written behind the response, in batches, at most `flushMs`
 * later: an INSERT and a commit of its own on every read would cost more than the read
 * itself, and a read has no write transaction to ride in. The price, stated in docs/integration.md:
 * a crash of the process loses at most the events of its last `flushMs`.
 */
export function createAuditService({ database, logger, options }: { database: Database; logger: Logger; options: AuditOptions }) {
  const buffer = createWriteBehind<AuditRow>({
    write: (rows) => auditRepository.insertBatch(database.db, rows),
    logger,
    flushMs: options.flushMs,
    batchSize: BATCH_SIZE,
    maxPending: options.maxPending,
  });

  return {
    /** Queues an event; it reaches the database within `flushMs`. */
    record(event: AuditRecord): void {
      buffer.add({ ...event, id: uuidv7(), occurredAt: new Date() });
    },

    /** Writes every queued event now. */
    flush: () => buffer.flush(),

    /** Writes what is queued and stops; called when the app closes. */
    close: () => buffer.close(),

    /**
     * The clinic's audit trail, newest first. This instance's queued events are written first,
     * so a caller sees its own earlier requests; other instances' arrive within `flushMs`.
     */
    async list(ctx: RequestContext, query: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
      const before = query.cursor ? decodeCursor<[string]>(query.cursor, [isUuid])[0] : undefined;
      await buffer.flush();
      const rows = await readInClinic(database.db, ctx.clinicId, (tx) =>
        auditRepository.list(tx, ctx.clinicId, { resourceType: query.resourceType, resourceId: query.resourceId }, query.limit + 1, before),
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { data: page.map(toAuditEvent), nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
    },
  };
}
