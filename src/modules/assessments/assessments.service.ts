import type { Assessment } from '../../contracts/assessment-resource.contract';
import type { AssessmentInput } from '../../contracts/assessment.contract';
import type { Plan, PlanStatus } from '../../contracts/plan-resource.contract';
import type { PlanContent } from '../../contracts/plan.contract';
import type { Database, Executor } from '../../db/database';
import { inClinic, readInClinic } from '../../db/tenant';
import { badRequest, conflict, notFound, ProblemError, type FieldError } from '../../errors';
import { uuidv7 } from '../../lib/uuid';
import { ENGINE_VERSION, generatePlan, withEpisodeBaselines, type EpisodePlan } from '../../planning';
import { patientsRepository, type PatientRow } from '../patients/patients.repository';
import { toPlan } from '../plans/plan-mapping';
import { acceptsSessions, initialStatus } from '../plans/plan-status';
import { plansRepository, type PlanRow } from '../plans/plans.repository';
import { sessionsRepository } from '../sessions/sessions.repository';
import { toProgressSession } from '../sessions/sessions.service';
import type { Outcome, RequestContext } from '../../http/context';
import type { WriteUnit } from '../write-unit';
import { assessmentsRepository, type AssessmentRow } from './assessments.repository';
import { planningContext } from './planning-context';

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;

const patientNotFound = () =>
  new ProblemError(404, 'not-found', 'Not found', 'Patient was not found.', [{ path: '/patientId', message: 'no such patient in this clinic' }]);

/** An operation dated after the assessment cannot have happened: refused before anything is stored. */
function checkSurgeryDates(input: AssessmentInput, today: string): void {
  const screening = input.screening;
  const errors: FieldError[] = [];
  const after = (date: string) => `The operation date ${date} is after the assessment date ${today}`;
  if (screening?.surgeryDate && screening.surgeryDate > today) errors.push({ path: '/screening/surgeryDate', message: after(screening.surgeryDate) });
  screening?.surgeries?.forEach((s, i) => {
    if (s.date > today) errors.push({ path: `/screening/surgeries/${i}/date`, message: after(s.date) });
  });
  if (errors.length > 0) throw badRequest('A surgery is dated after the assessment.', errors);
}

/** The engine's plan for an input, as of the assessment date. */
function planFor(input: AssessmentInput, patient: PatientRow, assessedAt: Date): PlanContent {
  const context = planningContext(assessedAt, patient.birthDate);
  checkSurgeryDates(input, context.today);
  return generatePlan(input, context);
}

async function requirePatient(tx: Executor, ctx: RequestContext, patientId: string): Promise<PatientRow> {
  const patient = await patientsRepository.findById(tx, ctx.clinicId, patientId);
  if (!patient) throw patientNotFound();
  return patient;
}

// A chain longer than this is not an episode of care but a loop in the data: stop walking.
const MAX_EPISODE_PLANS = 100;

/** The earlier plans of the episode `plan` belongs to, oldest first, `plan` itself last, with their sessions. */
async function episodeOf(tx: Executor, clinicId: string, plan: PlanRow): Promise<EpisodePlan[]> {
  const chain: PlanRow[] = [plan];
  const seen = new Set([plan.id]);
  for (let id = plan.previousPlanId; id && !seen.has(id) && chain.length < MAX_EPISODE_PLANS;) {
    const earlier = await plansRepository.findById(tx, clinicId, id);
    if (!earlier) break;
    chain.unshift(earlier);
    seen.add(id);
    id = earlier.previousPlanId;
  }
  return Promise.all(
    chain.map(async (p) => ({
      goals: p.content.goals,
      sessions: (await sessionsRepository.allOfPlan(tx, clinicId, p.id)).map(toProgressSession),
    })),
  );
}

/** A stored assessment as the API shows it: the input as sent, with the service's fields. */
export function toAssessment(row: AssessmentRow, planId: string): Assessment {
  const { assessedAt: _sent, ...input } = row.input;
  return { ...input, id: row.id, assessedAt: row.assessedAt.toISOString(), planId, version: row.version, createdAt: row.createdAt.toISOString() };
}

/** Assessments and the plans generated from them. */
export function createAssessmentsService({ database, write, now = () => new Date() }: { database: Database; write: WriteUnit; now?: () => Date }) {
  const { db } = database;
  /** The date the engine reasons from: the one sent, else now. */
  const assessedAtOf = (input: AssessmentInput) => (input.assessedAt ? new Date(input.assessedAt) : now());
  return {
    /** Stores the assessment and its generated plan in one transaction. */
    create(ctx: RequestContext, input: AssessmentInput): Promise<Outcome<{ assessment: Assessment; plan: Plan }>> {
      return write(ctx, async (tx) => {
        const patient = await requirePatient(tx, ctx, input.patientId);
        const assessedAt = assessedAtOf(input);
        const content = planFor(input, patient, assessedAt);
        const { assessment, plan } = await assessmentsRepository.insertWithPlan(
          tx,
          { clinicId: ctx.clinicId, id: uuidv7(), patientId: patient.id, practitioner: input.practitioner, assessedAt, input, createdByKeyId: ctx.keyId },
          { id: uuidv7(), status: initialStatus(content.screening.decision), engineVersion: ENGINE_VERSION, content, updatedByKeyId: ctx.keyId },
        );
        return { status: 201, body: { assessment: toAssessment(assessment, plan.id), plan: toPlan(plan) } };
      });
    },

    /**
     * A reassessment of a plan (SPEC §10): stores the new assessment of the plan's patient and its
     * plan, which carries the episode baselines and points back at the plan it replaces; the
     * replaced plan is completed and points forward — all in one transaction. A plan already
     * completed or discontinued cannot be reassessed (409).
     */
    reassess(ctx: RequestContext, planId: string, body: Omit<AssessmentInput, 'patientId'>): Promise<Outcome<{ assessment: Assessment; plan: Plan }>> {
      return write(ctx, async (tx) => {
        const current = await plansRepository.findForUpdate(tx, ctx.clinicId, planId);
        if (!current) throw notFound('Plan');
        if (!acceptsSessions(current.status as PlanStatus)) {
          throw conflict(`The plan is ${current.status}: only an open plan can be reassessed.`, 'plan-closed');
        }
        const patient = await patientsRepository.findById(tx, ctx.clinicId, current.patientId);
        if (!patient) throw notFound('Plan');
        const input: AssessmentInput = { ...body, patientId: patient.id };
        const assessedAt = assessedAtOf(input);
        const generated = planFor(input, patient, assessedAt);
        const content: PlanContent = { ...generated, goals: withEpisodeBaselines(generated.goals, await episodeOf(tx, ctx.clinicId, current)) };
        const { assessment, plan } = await assessmentsRepository.insertWithPlan(
          tx,
          { clinicId: ctx.clinicId, id: uuidv7(), patientId: patient.id, practitioner: input.practitioner, assessedAt, input, createdByKeyId: ctx.keyId },
          {
            id: uuidv7(),
            status: initialStatus(content.screening.decision),
            engineVersion: ENGINE_VERSION,
            content,
            updatedByKeyId: ctx.keyId,
            previousPlanId: current.id,
          },
        );
        const replaced = await plansRepository.replace(tx, current, {
          status: 'completed',
          content: current.content,
          notes: current.notes,
          updatedByKeyId: ctx.keyId,
          nextPlanId: plan.id,
        });
        // The row is locked for update, so its version cannot have moved under us.
        if (!replaced) throw new Error('the reassessed plan changed under its row lock');
        return { status: 201, body: { assessment: toAssessment(assessment, plan.id), plan: toPlan(plan) } };
      });
    },

    /** The plan this input would get, computed and returned without storing anything. */
    async preview(ctx: RequestContext, input: AssessmentInput): Promise<PlanContent> {
      const patient = await readInClinic(db, ctx.clinicId, (tx) => requirePatient(tx, ctx, input.patientId));
      return planFor(input, patient, assessedAtOf(input));
    },

    async get(ctx: RequestContext, id: string): Promise<Assessment> {
      const found = await inClinic(db, ctx.clinicId, async (tx) => {
        const row = await assessmentsRepository.findById(tx, ctx.clinicId, id);
        return row && { row, planId: await plansRepository.idForAssessment(tx, ctx.clinicId, row.id) };
      });
      if (!found?.planId) throw notFound('Assessment');
      return toAssessment(found.row, found.planId);
    },
  };
}
