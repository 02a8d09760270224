import type { Readable } from 'node:stream';
import {
  ExportLineSchema,
  RESOURCE_LINE_TYPES,
  type ExportCounts,
  type ExportHeader,
  type ResourceLine,
  type ResourceLineType,
} from '../../contracts/transfer.contract';
import type { Database, Tx } from '../../db/database';
import { inClinic } from '../../db/tenant';
import type { FieldError } from '../../errors';
import { toFieldErrors } from '../../lib/field-errors';
import { ndjsonLines } from './ndjson-lines';
import { renamedId, renameIds, toRow } from './transfer-mapping';
import { transferRepository as repo } from './transfer.repository';

export interface ImportOptions {
  /** Lines written per transaction. */
  batchSize?: number;
  /** Give every record a new id, derived from the target clinic and its old id (so still idempotent). */
  newIds?: boolean;
  /** Called after each batch with the bytes of the file read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Called for every rejected line as soon as it is known. */
  onRejected?: (rejected: RejectedLine) => void;
}

export interface RejectedLine {
  line: number;
  errors: FieldError[];
}

export interface ImportReport {
  header: ExportHeader | null;
  /** Records written. */
  imported: ExportCounts;
  /** Records whose id the clinic already had (left exactly as they were): a repeated import lands here. */
  alreadyPresent: ExportCounts;
  rejectedCount: number;
  /** The first rejected lines (all of them go to onRejected). */
  rejected: RejectedLine[];
  warnings: string[];
}

const MAX_REJECTIONS_KEPT = 1000;
const zero = (): ExportCounts => ({ patient: 0, assessment: 0, plan: 0, plan_version: 0, session: 0 });

interface Numbered<T extends ResourceLine = ResourceLine> {
  line: number;
  record: T;
}
type Of<T extends ResourceLineType> = Numbered<Extract<ResourceLine, { type: T }>>;

interface BatchResult {
  imported: ExportCounts;
  alreadyPresent: ExportCounts;
  rejected: RejectedLine[];
}

const rejection = (line: number, path: string, message: string): RejectedLine => ({ line, errors: [{ path, message }] });

/**
 * Writes one batch in the clinic's transaction (row-level security applies). Each record is
 * inserted only if its id is new to the clinic; records whose parent is neither in the clinic nor
 * earlier in the file are rejected with the field that names it.
 */
async function applyBatch(tx: Tx, clinicId: string, batch: Numbered[]): Promise<BatchResult> {
  const result: BatchResult = { imported: zero(), alreadyPresent: zero(), rejected: [] };
  const of = <T extends ResourceLineType>(type: T) => batch.filter((n): n is Of<T> => n.record.type === type);
  const reject = (line: number, path: string, message: string) => result.rejected.push(rejection(line, path, message));

  /** The records to write: new ids only, each id once (a repeat within the file counts as present). */
  const fresh = <N extends Numbered>(type: ResourceLineType, items: N[], keyOf: (n: N) => string, existing: Set<string>): N[] => {
    const seen = new Set<string>();
    return items.filter((n) => {
      const key = keyOf(n);
      if (existing.has(key) || seen.has(key)) {
        result.alreadyPresent[type] += 1;
        return false;
      }
      seen.add(key);
      return true;
    });
  };
  const written = (type: ResourceLineType, items: Numbered[], keyOf: (n: Numbered) => string, inserted: Set<string>, onMissing: (n: Numbered) => void) => {
    for (const n of items) {
      if (inserted.has(keyOf(n))) result.imported[type] += 1;
      else onMissing(n);
    }
  };
  const idOf = (n: Numbered) => (n.record.data as { id: string }).id;

  const patients = of('patient');
  if (patients.length > 0) {
    const todo = fresh('patient', patients, idOf, await repo.existingIds(tx, 'patient', clinicId, patients.map(idOf)));
    const inserted = await repo.insertPatients(
      tx,
      todo.map((n) => toRow.patient(clinicId, n.record.data)),
    );
    for (const n of todo) {
      if (inserted.has(n.record.data.id)) result.imported.patient += 1;
      else {
        const holder = n.record.data.externalId ? await repo.patientWithExternalId(tx, clinicId, n.record.data.externalId) : undefined;
        reject(
          n.line,
          '/data/externalId',
          holder ? `already belongs to patient ${holder} of this clinic` : 'could not be stored (clashes with an existing record)',
        );
      }
    }
  }

  const assessments = of('assessment');
  if (assessments.length > 0) {
    let todo = fresh('assessment', assessments, idOf, await repo.existingIds(tx, 'assessment', clinicId, assessments.map(idOf)));
    const patientsFound = await repo.livePatientIds(
      tx,
      clinicId,
      todo.map((n) => n.record.data.patientId),
    );
    todo = todo.filter(
      (n) =>
        patientsFound.has(n.record.data.patientId) || (reject(n.line, '/data/patientId', 'no such patient in this clinic, nor earlier in the file'), false),
    );
    const inserted = await repo.insertAssessments(
      tx,
      todo.map((n) => toRow.assessment(clinicId, n.record.data)),
    );
    written('assessment', todo, idOf, inserted, (n) => reject(n.line, '/data/id', 'could not be stored (clashes with an existing record)'));
  }

  const plans = of('plan');
  if (plans.length > 0) {
    let todo = fresh('plan', plans, idOf, await repo.existingIds(tx, 'plan', clinicId, plans.map(idOf)));
    const assessmentIds = todo.map((n) => n.record.data.assessmentId);
    const patientOf = await repo.liveAssessmentPatients(tx, clinicId, assessmentIds);
    const planOf = await repo.plansOfAssessments(tx, clinicId, assessmentIds);
    const claimed = new Set<string>();
    todo = todo.filter((n) => {
      const { assessmentId, patientId } = n.record.data;
      const problem = !patientOf.has(assessmentId)
        ? ['/data/assessmentId', 'no such assessment in this clinic, nor earlier in the file']
        : patientOf.get(assessmentId) !== patientId
          ? ['/data/patientId', `is not the patient of assessment ${assessmentId}`]
          : planOf.has(assessmentId) || claimed.has(assessmentId)
            ? ['/data/assessmentId', `already has a plan (${planOf.get(assessmentId) ?? 'earlier in the file'}): an assessment yields one plan`]
            : undefined;
      if (problem) reject(n.line, problem[0]!, problem[1]!);
      else claimed.add(assessmentId);
      return !problem;
    });
    const inserted = await repo.insertPlans(
      tx,
      todo.map((n) => toRow.plan(clinicId, n.record.data)),
    );
    written('plan', todo, idOf, inserted, (n) => reject(n.line, '/data/id', 'could not be stored (clashes with an existing record)'));
  }

  const versions = of('plan_version');
  if (versions.length > 0) {
    const keyOf = (n: Numbered) => `${idOf(n)}/${(n.record.data as { version: number }).version}`;
    let todo = fresh(
      'plan_version',
      versions,
      keyOf,
      await repo.existingPlanVersions(
        tx,
        clinicId,
        versions.map((n) => ({ planId: n.record.data.id, version: n.record.data.version })),
      ),
    );
    const plansFound = await repo.livePlanIds(tx, clinicId, todo.map(idOf));
    todo = todo.filter((n) => plansFound.has(idOf(n)) || (reject(n.line, '/data/id', 'no such plan in this clinic, nor earlier in the file'), false));
    const inserted = await repo.insertPlanVersions(
      tx,
      todo.map((n) => toRow.planVersion(clinicId, n.record.data)),
    );
    written('plan_version', todo, keyOf, inserted, (n) => reject(n.line, '/data/version', 'could not be stored (clashes with an existing record)'));
  }

  const sessions = of('session');
  if (sessions.length > 0) {
    let todo = fresh('session', sessions, idOf, await repo.existingIds(tx, 'session', clinicId, sessions.map(idOf)));
    const plansFound = await repo.livePlanIds(
      tx,
      clinicId,
      todo.map((n) => n.record.data.planId),
    );
    todo = todo.filter(
      (n) => plansFound.has(n.record.data.planId) || (reject(n.line, '/data/planId', 'no such plan in this clinic, nor earlier in the file'), false),
    );
    const inserted = await repo.insertSessions(
      tx,
      todo.map((n) => toRow.session(clinicId, n.record.data)),
    );
    written('session', todo, idOf, inserted, (n) => reject(n.line, '/data/id', 'could not be stored (clashes with an existing record)'));
  }
  return result;
}

/**
 * Reads an export (NDJSON) into a clinic. Idempotent: a record whose id the clinic already has is
 * left exactly as it is, so importing a file twice changes nothing. Every line is validated with
 * the API's own contracts; a bad line is reported by number and the rest still go in. Batches are
 * written in the clinic's transaction; a batch the database refuses is retried line by line, so one
 * bad record cannot take its neighbours down with it.
 */
export async function importClinic(database: Database, clinicId: string, input: Readable, options: ImportOptions = {}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 500;
  const report: ImportReport = { header: null, imported: zero(), alreadyPresent: zero(), rejectedCount: 0, rejected: [], warnings: [] };
  const seen = zero();
  const rejected = (r: RejectedLine) => {
    report.rejectedCount += 1;
    if (report.rejected.length < MAX_REJECTIONS_KEPT) report.rejected.push(r);
    options.onRejected?.(r);
  };
  const rename = (kind: string, id: string) => renamedId(clinicId, kind, id);

  const write = async (batch: Numbered[]): Promise<void> => {
    let outcome: BatchResult;
    try {
      outcome = await inClinic(database.db, clinicId, (tx) => applyBatch(tx, clinicId, batch));
    } catch (err) {
      if (batch.length > 1) {
        for (const one of batch) await write([one]);
        return;
      }
      rejected(rejection(batch[0]!.line, '', `the database refused it: ${(err as Error).message.split('\n')[0]}`));
      return;
    }
    for (const t of RESOURCE_LINE_TYPES) {
      report.imported[t] += outcome.imported[t];
      report.alreadyPresent[t] += outcome.alreadyPresent[t];
    }
    [...outcome.rejected].sort((a, b) => a.line - b.line).forEach(rejected);
  };

  let batch: Numbered[] = [];
  let firstLine = true;
  let bytesRead = 0;
  for await (const { number, text, bytesRead: read } of ndjsonLines(input)) {
    bytesRead = read;
    if (text === undefined) {
      rejected(rejection(number, '', 'line too long: skipped'));
      continue;
    }
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      rejected(rejection(number, '', `not JSON: ${(err as Error).message}`));
      firstLine = false;
      continue;
    }
    const type = (json as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && type in seen) seen[type as ResourceLineType] += 1;
    const parsed = ExportLineSchema.safeParse(json);
    const isFirst = firstLine;
    firstLine = false;
    if (!parsed.success) {
      rejected({ line: number, errors: toFieldErrors(parsed.error.issues) });
      continue;
    }
    if (parsed.data.type === 'header') {
      if (isFirst) report.header = parsed.data.data;
      else rejected(rejection(number, '/type', 'a header may only be the first line'));
      continue;
    }
    if (isFirst) report.warnings.push('The file has no header line: it may not be a manuplan export; its lines were imported all the same.');
    batch.push({ line: number, record: options.newIds ? renameIds(parsed.data, rename) : parsed.data });
    if (batch.length >= batchSize) {
      await write(batch);
      batch = [];
      options.onProgress?.(bytesRead);
    }
  }
  if (batch.length > 0) await write(batch);
  options.onProgress?.(bytesRead);

  const announced = report.header?.counts;
  if (announced) {
    for (const t of RESOURCE_LINE_TYPES) {
      if (seen[t] < announced[t]) report.warnings.push(`The header announces ${announced[t]} ${t} line(s) but the file has ${seen[t]}: it may be truncated.`);
    }
  }
  return report;
}
