import { and, asc, eq, inArray, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { builder, compile, rowMapper, rowsOf } from '../../db/compiled-query';
import type { Executor } from '../../db/database';
import { assessments, patients, plans, sessions } from '../../db/schema';
import { after, type Position } from '../paging';

export type PatientRow = typeof patients.$inferSelect;
type PatientFields = Pick<PatientRow, 'externalId' | 'firstName' | 'lastName' | 'birthDate' | 'sex'>;

const live = (clinicId: string | SQLWrapper, id: string | SQLWrapper) => and(eq(patients.clinicId, clinicId), eq(patients.id, id), isNull(patients.deletedAt));

// Reading a patient by id is on the hot paths (every assessment and preview): built once, see compiled-query.ts.
const toPatientRow = rowMapper(patients);
const selectLive = compile<{ clinicId: string; id: string }>(
  builder
    .select()
    .from(patients)
    .where(live(sql.placeholder('clinicId'), sql.placeholder('id'))),
);

/** Restricts a write to the versions If-Match accepted: the optimistic lock is enforced in SQL. */
export const versionIn = (expected: number[] | 'any'): SQL | undefined => (expected === 'any' ? undefined : inArray(patients.version, expected));

/** SQL for patients; every statement is scoped by clinic and ignores tombstones unless it writes them. */
export const patientsRepository = {
  async insert(db: Executor, row: PatientFields & { clinicId: string; id: string }): Promise<PatientRow> {
    const [created] = await db.insert(patients).values(row).returning();
    return created!;
  },

  async findById(db: Executor, clinicId: string, id: string): Promise<PatientRow | undefined> {
    const [row] = await rowsOf(db, selectLive({ clinicId, id }), toPatientRow);
    return row;
  },

  async findByExternalId(db: Executor, clinicId: string, externalId: string): Promise<PatientRow | undefined> {
    const [row] = await db
      .select()
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.externalId, externalId), isNull(patients.deletedAt)));
    return row;
  },

  async list(db: Executor, clinicId: string, filter: { externalId?: string }, limit: number, position?: Position): Promise<PatientRow[]> {
    return db
      .select()
      .from(patients)
      .where(
        and(
          eq(patients.clinicId, clinicId),
          isNull(patients.deletedAt),
          filter.externalId ? eq(patients.externalId, filter.externalId) : undefined,
          after(patients.updatedAt, patients.id, position),
        ),
      )
      .orderBy(asc(patients.updatedAt), asc(patients.id))
      .limit(limit);
  },

  /** Applies changes when the version is one If-Match accepted; undefined when none matched. */
  async update(db: Executor, clinicId: string, id: string, expected: number[] | 'any', changes: Partial<PatientFields>): Promise<PatientRow | undefined> {
    const [row] = await db
      .update(patients)
      .set({ ...changes, version: sql`${patients.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(clinicId, id), versionIn(expected)))
      .returning();
    return row;
  },

  async softDelete(db: Executor, clinicId: string, id: string, expected: number[] | 'any'): Promise<PatientRow | undefined> {
    const [row] = await db
      .update(patients)
      .set({ deletedAt: sql`now()`, version: sql`${patients.version} + 1`, updatedAt: sql`now()` })
      .where(and(live(clinicId, id), versionIn(expected)))
      .returning();
    return row;
  },

  /** Tombstones the patient's assessments, plans and sessions, so sync clients drop them too. */
  async softDeleteRecordsOf(db: Executor, clinicId: string, patientId: string): Promise<void> {
    const tombstone = { deletedAt: sql`now()`, updatedAt: sql`now()` };
    const patientPlans = db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), eq(plans.patientId, patientId)));
    await db
      .update(sessions)
      .set({ ...tombstone, version: sql`${sessions.version} + 1` })
      .where(and(eq(sessions.clinicId, clinicId), inArray(sessions.planId, patientPlans), isNull(sessions.deletedAt)));
    await db
      .update(plans)
      .set({ ...tombstone, version: sql`${plans.version} + 1` })
      .where(and(eq(plans.clinicId, clinicId), eq(plans.patientId, patientId), isNull(plans.deletedAt)));
    await db
      .update(assessments)
      .set({ ...tombstone, version: sql`${assessments.version} + 1` })
      .where(and(eq(assessments.clinicId, clinicId), eq(assessments.patientId, patientId), isNull(assessments.deletedAt)));
  },
};
