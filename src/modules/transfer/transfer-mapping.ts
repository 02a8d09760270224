// Between the export's lines (API shapes) and table rows, and the renaming of ids for --new-ids.
import type { Assessment } from '../../contracts/assessment-resource.contract';
import type { AssessmentInput } from '../../contracts/assessment.contract';
import type { Plan, PlanVersion } from '../../contracts/plan-resource.contract';
import type { ResourceLine } from '../../contracts/transfer.contract';
import { assessments, patients, plans, planVersions, sessions } from '../../db/schema';
import { derivedUuid } from '../../lib/derived-uuid';

/** The engine's content of a plan or plan version: everything but the resource fields around it. */
function contentOf(plan: Plan | PlanVersion) {
  const { id: _id, patientId: _p, assessmentId: _a, status: _s, version: _v, notes: _n, createdAt: _c, ...rest } = plan as Plan & Partial<PlanVersion>;
  const { updatedAt: _u, changedAt: _ca, changedBy: _cb, previousPlanId: _pp, nextPlanId: _np, ...content } = rest;
  return content;
}

export const toRow = {
  patient: (clinicId: string, p: Extract<ResourceLine, { type: 'patient' }>['data']): typeof patients.$inferInsert => ({
    clinicId,
    id: p.id,
    externalId: p.externalId,
    firstName: p.firstName,
    lastName: p.lastName,
    birthDate: p.birthDate,
    sex: p.sex,
    version: p.version,
    createdAt: new Date(p.createdAt),
    updatedAt: new Date(p.updatedAt),
  }),
  assessment: (clinicId: string, a: Assessment): typeof assessments.$inferInsert => {
    const { id, planId: _planId, version, createdAt, ...input } = a;
    return {
      clinicId,
      id,
      patientId: a.patientId,
      practitioner: a.practitioner,
      assessedAt: new Date(a.assessedAt),
      // The input as the service stores it; assessedAt is stated explicitly, as the engine reasoned from it.
      input: input satisfies AssessmentInput,
      version,
      createdAt: new Date(createdAt),
      // Assessments are immutable: their last change is their creation.
      updatedAt: new Date(createdAt),
    };
  },
  plan: (clinicId: string, p: Plan): typeof plans.$inferInsert => ({
    clinicId,
    id: p.id,
    patientId: p.patientId,
    assessmentId: p.assessmentId,
    status: p.status,
    engineVersion: p.engineVersion,
    content: contentOf(p),
    notes: p.notes,
    previousPlanId: p.previousPlanId,
    nextPlanId: p.nextPlanId,
    version: p.version,
    createdAt: new Date(p.createdAt),
    updatedAt: new Date(p.updatedAt),
  }),
  planVersion: (clinicId: string, v: PlanVersion): typeof planVersions.$inferInsert => ({
    clinicId,
    planId: v.id,
    version: v.version,
    status: v.status,
    content: contentOf(v),
    notes: v.notes,
    changedAt: new Date(v.changedAt),
    changedByKeyId: v.changedBy,
  }),
  session: (clinicId: string, s: Extract<ResourceLine, { type: 'session' }>['data']): typeof sessions.$inferInsert => ({
    clinicId,
    id: s.id,
    planId: s.planId,
    performedAt: new Date(s.performedAt),
    minutes: s.minutes,
    techniques: s.techniques,
    regions: s.regions,
    measures: s.measures,
    notes: s.notes,
    adverseEvents: s.adverseEvents,
    version: s.version,
    createdAt: new Date(s.createdAt),
    updatedAt: new Date(s.createdAt),
  }),
};

/**
 * The id a record gets when imported with --new-ids into a clinic: derived from the target clinic
 * and the original id (UUIDv5), so importing the same file twice still renames the same way and
 * changes nothing the second time. A time-ordered (v7) original keeps its 48-bit timestamp, so the
 * new ids stay in creation order for the primary-key indexes.
 */
export function renamedId(targetClinicId: string, kind: string, id: string): string {
  const derived = derivedUuid(targetClinicId, `${kind}/${id.toLowerCase()}`);
  if (id[14] !== '7') return derived;
  const hex = id.replace(/-/g, '').slice(0, 12) + '7' + derived.replace(/-/g, '').slice(13);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The line with every id of ours renamed by `rename(kind, id)`: its own and those it refers to. */
export function renameIds(line: ResourceLine, rename: (kind: string, id: string) => string): ResourceLine {
  switch (line.type) {
    case 'patient':
      return { type: line.type, data: { ...line.data, id: rename('patient', line.data.id) } };
    case 'assessment':
      return {
        type: line.type,
        data: {
          ...line.data,
          id: rename('assessment', line.data.id),
          patientId: rename('patient', line.data.patientId),
          planId: rename('plan', line.data.planId),
        },
      };
    case 'plan':
    case 'plan_version':
      return {
        type: line.type,
        data: {
          ...line.data,
          id: rename('plan', line.data.id),
          patientId: rename('patient', line.data.patientId),
          assessmentId: rename('assessment', line.data.assessmentId),
          previousPlanId: line.data.previousPlanId ? rename('plan', line.data.previousPlanId) : line.data.previousPlanId,
          nextPlanId: line.data.nextPlanId ? rename('plan', line.data.nextPlanId) : line.data.nextPlanId,
        },
      } as ResourceLine;
    case 'session':
      return { type: line.type, data: { ...line.data, id: rename('session', line.data.id), planId: rename('plan', line.data.planId) } };
  }
}
