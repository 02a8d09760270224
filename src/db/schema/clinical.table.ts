import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentInput, Measures } from '../../contracts/assessment.contract';
import type { PlanContent } from '../../contracts/plan.contract';
import type { AdverseEvent, Session } from '../../contracts/session.contract';
import { clinicIdColumn, resourceColumns, timestamptz } from './columns';
import { clinics } from './tenancy.table';

export const patients = pgTable(
  'patients',
  {
    clinicId: clinicIdColumn().references(() => clinics.id),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    birthDate: date('birth_date', { mode: 'string' }),
    sex: text('sex'),
    ...resourceColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    // A deleted patient frees its external id, so a sync client can create it again.
    uniqueIndex('patients_clinic_external_id_key')
      .on(t.clinicId, t.externalId)
      .where(sql`deleted_at IS NULL`),
    index('patients_clinic_updated_idx').on(t.clinicId, t.updatedAt, t.id),
  ],
);

export const assessments = pgTable(
  'assessments',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    practitioner: text('practitioner').notNull(),
    assessedAt: timestamptz('assessed_at').notNull(),
    // The request as the therapist sent it: assessments are immutable records.
    input: jsonb('input').$type<AssessmentInput>().notNull(),
    createdByKeyId: uuid('created_by_key_id'),
    ...resourceColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    index('assessments_clinic_patient_idx').on(t.clinicId, t.patientId, t.assessedAt),
  ],
);

export const plans = pgTable(
  'plans',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    patientId: uuid('patient_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    status: text('status').notNull(),
    engineVersion: text('engine_version').notNull(),
    // The engine's plan as edited by the therapist (screening, techniques, schedule, goals…).
    content: jsonb('content').$type<PlanContent>().notNull(),
    notes: text('notes'),
    // The episode of care: the plan a reassessment replaced, and the one that replaced this plan.
    previousPlanId: uuid('previous_plan_id'),
    nextPlanId: uuid('next_plan_id'),
    updatedByKeyId: uuid('updated_by_key_id'),
    ...resourceColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    foreignKey({ columns: [t.clinicId, t.assessmentId], foreignColumns: [assessments.clinicId, assessments.id] }),
    // An assessment yields exactly one plan; the index also finds it from the assessment.
    uniqueIndex('plans_clinic_assessment_key').on(t.clinicId, t.assessmentId),
    index('plans_clinic_updated_idx').on(t.clinicId, t.updatedAt, t.id),
    index('plans_clinic_patient_updated_idx').on(t.clinicId, t.patientId, t.updatedAt, t.id),
    index('plans_clinic_status_updated_idx').on(t.clinicId, t.status, t.updatedAt, t.id),
  ],
);

/** Every earlier state of a plan: a row is written for version n when version n+1 replaces it. */
export const planVersions = pgTable(
  'plan_versions',
  {
    clinicId: clinicIdColumn(),
    planId: uuid('plan_id').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    notes: text('notes'),
    changedAt: timestamptz('changed_at').notNull(),
    changedByKeyId: uuid('changed_by_key_id'),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.planId, t.version] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    clinicId: clinicIdColumn(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    performedAt: timestamptz('performed_at').notNull(),
    minutes: integer('minutes').notNull(),
    techniques: text('techniques').array().notNull(),
    regions: text('regions').array().notNull(),
    measures: jsonb('measures').$type<Measures>().notNull(),
    notes: jsonb('notes').$type<NonNullable<Session['notes']>>(),
    // Text (read as moderate) or { description, severity } (SPEC §9); text[] until migration 0006.
    adverseEvents: jsonb('adverse_events').$type<AdverseEvent[]>().notNull(),
    createdByKeyId: uuid('created_by_key_id'),
    ...resourceColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.planId], foreignColumns: [plans.clinicId, plans.id] }),
    index('sessions_clinic_plan_performed_idx').on(t.clinicId, t.planId, t.performedAt, t.id),
  ],
);
