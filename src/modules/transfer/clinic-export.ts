import { once } from 'node:events';
import type { Writable } from 'node:stream';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  RESOURCE_LINE_TYPES,
  type ExportCounts,
  type ExportHeader,
  type ResourceLineType,
} from '../../contracts/transfer.contract';
import type { Database, Tx } from '../../db/database';
import { sql } from 'drizzle-orm';
import { inClinic } from '../../db/tenant';
import { ENGINE_VERSION } from '../../planning';
import { toAssessment } from '../assessments/assessments.service';
import { toPatient } from '../patients/patients.service';
import { toPlan, toPlanVersion } from '../plans/plan-mapping';
import type { PlanRow } from '../plans/plans.repository';
import { toSession } from '../sessions/sessions.service';
import { transferRepository as repo } from './transfer.repository';

export interface ExportOptions {
  /**
   * Rows read per query, and written per chunk: what bounds the memory an export needs. Plans,
   * their versions and assessments are ~10 KiB of JSON each, so they go in batches a fifth this size.
   */
  batchSize?: number;
  /** Called after each chunk with the resources written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

/** Writes a chunk, waiting for the reader when the stream's buffer is full (backpressure). */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

const line = (type: string, data: unknown) => JSON.stringify({ type, data }) + '\n';

/**
 * One section of the export: keyset batches of rows, each batch mapped to lines and written as one
 * chunk. A row whose line is null (a version of a deleted plan) is passed over.
 */
async function section<R, K>(
  out: Writable,
  read: (after: K | null) => Promise<R[]>,
  keyOf: (row: R) => K,
  toLine: (row: R) => string | null,
  written: (n: number) => void,
): Promise<number> {
  let after: K | null = null;
  let total = 0;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return total;
    const lines = rows.map(toLine).filter((l): l is string => l !== null);
    if (lines.length > 0) await write(out, lines.join(''));
    total += lines.length;
    written(lines.length);
    after = keyOf(rows.at(-1)!);
  }
}

/**
 * Every live record of the clinic as NDJSON (see contracts/transfer.contract.ts): a header, then
 * patients, assessments, plans, plan versions and sessions as the API shows them. One consistent
 * snapshot; memory stays flat whatever the size (one batch in flight, writes wait for the reader).
 */
export async function exportClinic(database: Database, clinicId: string, out: Writable, options: ExportOptions = {}): Promise<ExportCounts> {
  const batchSize = options.batchSize ?? 500;
  const heavyBatchSize = Math.max(1, Math.floor(batchSize / 5));
  const now = options.now ?? (() => new Date());
  return inClinic(
    database.db,
    clinicId,
    async (tx: Tx) => {
      // Between batches the export waits for its reader (backpressure): allow a slow pipe, not a stuck one.
      await tx.execute(sql`select set_config('idle_in_transaction_session_timeout', '600s', true)`);
      const counts = await repo.counts(tx, clinicId);
      const total = RESOURCE_LINE_TYPES.reduce((n, t) => n + counts[t], 0);
      const header: ExportHeader = {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        clinicId,
        exportedAt: now().toISOString(),
        engineVersion: ENGINE_VERSION,
        counts,
      };
      await write(out, line('header', header));

      let done = 0;
      const progress = (n: number) => {
        done += n;
        options.onProgress?.(done, total);
      };
      const written: Record<ResourceLineType, number> = {
        patient: await section(
          out,
          (after: string | null) => repo.patientsAfter(tx, clinicId, after, batchSize),
          (r) => r.id,
          (r) => line('patient', toPatient(r)),
          progress,
        ),
        assessment: await section(
          out,
          (after: string | null) => repo.assessmentsAfter(tx, clinicId, after, heavyBatchSize),
          (r) => r.planId,
          (r) => (r.assessment ? line('assessment', toAssessment(r.assessment, r.planId)) : null),
          progress,
        ),
        plan: await section(
          out,
          (after: string | null) => repo.plansAfter(tx, clinicId, after, heavyBatchSize),
          (r) => r.id,
          (r) => line('plan', toPlan(r)),
          progress,
        ),
        plan_version: await section(
          out,
          (after: { planId: string; version: number } | null) => repo.planVersionsAfter(tx, clinicId, after, heavyBatchSize),
          (r) => ({ planId: r.version.planId, version: r.version.version }),
          // toPlanVersion reads only the plan's id, patient, assessment and creation time.
          (r) => (r.plan ? line('plan_version', toPlanVersion(r.plan as PlanRow, r.version)) : null),
          progress,
        ),
        session: await section(
          out,
          (after: string | null) => repo.sessionsAfter(tx, clinicId, after, batchSize),
          (r) => r.id,
          (r) => line('session', toSession(r)),
          progress,
        ),
      };
      options.onProgress?.(done, total);
      return written;
    },
    // One consistent snapshot of the clinic, however long the export takes.
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
