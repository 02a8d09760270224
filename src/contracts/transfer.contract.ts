// The NDJSON line format of `manuplan export` / `manuplan import`: one JSON object per line,
// `{ "type": …, "data": … }`, where data is the resource exactly as the API shows it. The first line
// is a header; then patients, assessments, plans, plan versions and sessions, in that order, so a
// reader meets every resource after the ones it refers to.
import { z } from 'zod';
import { AssessmentSchema } from './assessment-resource.contract';
import { Timestamp, Uuid } from './http.contract';
import { PatientSchema } from './patient.contract';
import { PlanSchema, PlanVersionSchema } from './plan-resource.contract';
import { SessionSchema } from './session.contract';

export const EXPORT_FORMAT = 'manuplan-ndjson';
export const EXPORT_FORMAT_VERSION = 1;

/** Resource lines, in the order an export writes them (each refers only to earlier types). */
export const RESOURCE_LINE_TYPES = ['patient', 'assessment', 'plan', 'plan_version', 'session'] as const;
export type ResourceLineType = (typeof RESOURCE_LINE_TYPES)[number];

export const ExportCountsSchema = z.strictObject(Object.fromEntries(RESOURCE_LINE_TYPES.map((t) => [t, z.int().min(0)])) as Record<ResourceLineType, z.ZodInt>);

export const ExportHeaderSchema = z.looseObject({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  clinicId: Uuid.meta({ description: 'The clinic exported' }),
  exportedAt: Timestamp,
  engineVersion: z.string().meta({ description: 'The planning engine of the exporting service (plans carry their own)' }),
  counts: ExportCountsSchema.meta({ description: 'Lines of each type that follow: an import warns when the file holds fewer (truncated)' }),
});

// Exports made before reassessments (SPEC §10) have no episode links: a missing link reads as null.
const episodeLinks = { previousPlanId: PlanSchema.shape.previousPlanId.default(null), nextPlanId: PlanSchema.shape.nextPlanId.default(null) };

// Lines are read strictly: a field the format does not have is a mistake worth reporting, not dropping.
export const ExportLineSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('header'), data: ExportHeaderSchema }),
  z.strictObject({ type: z.literal('patient'), data: PatientSchema.strict() }),
  z.strictObject({ type: z.literal('assessment'), data: AssessmentSchema }),
  z.strictObject({ type: z.literal('plan'), data: PlanSchema.extend(episodeLinks) }),
  z.strictObject({ type: z.literal('plan_version'), data: PlanVersionSchema.extend(episodeLinks) }),
  z.strictObject({ type: z.literal('session'), data: SessionSchema.strict() }),
]);

export type ExportHeader = z.infer<typeof ExportHeaderSchema>;
export type ExportCounts = z.infer<typeof ExportCountsSchema>;
export type ExportLine = z.infer<typeof ExportLineSchema>;
export type ResourceLine = Exclude<ExportLine, { type: 'header' }>;
