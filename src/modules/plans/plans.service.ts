import type { PatchPlanBody, Plan, PlanStatus, PlanVersion } from '../../contracts/plan-resource.contract';
import type { Progress } from '../../contracts/progress.contract';
import type { Database, Tx } from '../../db/database';
import { inClinic, readInClinic } from '../../db/tenant';
import { notFound, preconditionFailed } from '../../errors';
import { decodeCursor, encodeCursor, isNonNegativeInteger } from '../../lib/cursor';
import { expectedVersions, versionMatches } from '../../lib/etag';
import { canonicalJson } from '../../lib/fingerprint';
import { computeProgress, techniqueViolations } from '../../planning';
import { assessmentsRepository } from '../assessments/assessments.repository';
import { planningContext } from '../assessments/planning-context';
import { patientsRepository } from '../patients/patients.repository';
import { decodePosition, toPage, type Page, type PageRequest } from '../paging';
import type { RequestContext } from '../../http/context';
import { sessionsRepository } from '../sessions/sessions.repository';
import { toProgressSession } from '../sessions/sessions.service';
import { applyPlanEdit, type TechniqueCheck } from './plan-edit';
import { toPlan, toPlanVersion } from './plan-mapping';
import { assertStatusMove } from './plan-status';
import { plansRepository, type PlanFilter, type PlanJson, type PlanRow } from './plans.repository';

export type PlansService = ReturnType<typeof createPlansService>;

const noCheck: TechniqueCheck = () => [];

/** Checks techniques against the screening of the assessment the plan came from. */
async function techniqueCheckFor(tx: Tx, plan: PlanRow): Promise<TechniqueCheck> {
  const assessment = await assessmentsRepository.findById(tx, plan.clinicId, plan.assessmentId);
  const patient = await patientsRepository.findById(tx, plan.clinicId, plan.patientId);
  if (!assessment) return noCheck;
  const input = assessment.input;
  const context = planningContext(assessment.assessedAt, patient?.birthDate ?? null);
  return (techniques) => techniqueViolations(input, context, techniques);
}

/** Plans: reading, listing, therapist edits with their history, and progress. */
export function createPlansService({ database }: { database: Database }) {
  const { db } = database;
  return {
    /** The plan as JSON text, with its version for the ETag. */
    async get(ctx: RequestContext, id: string): Promise<PlanJson> {
      const row = await readInClinic(db, ctx.clinicId, (tx) => plansRepository.findJsonById(tx, ctx.clinicId, id));
      if (!row) throw notFound('Plan');
      return row;
    },

    async list(ctx: RequestContext, query: PageRequest & { patientId?: string; status?: PlanStatus; updatedSince?: string }): Promise<Page<Plan>> {
      const position = decodePosition(query.cursor);
      const filter: PlanFilter = {
        patientId: query.patientId,
        status: query.status,
        updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      };
      const rows = await readInClinic(db, ctx.clinicId, (tx) => plansRepository.list(tx, ctx.clinicId, filter, query.limit + 1, position));
      return toPage(rows, query.limit, (r) => ({ at: r.updatedAt, id: r.id }), toPlan);
    },

    /**
     * A therapist's edit, when If-Match names the current version: the current version is kept
     * in the history, the status move must be legal (409), and the new content consistent (400).
     */
    async patch(ctx: RequestContext, id: string, ifMatch: string | undefined, edit: PatchPlanBody): Promise<Plan> {
      const expected = expectedVersions(ifMatch);
      const row = await inClinic(db, ctx.clinicId, async (tx) => {
        const current = await plansRepository.findForUpdate(tx, ctx.clinicId, id);
        if (!current) throw notFound('Plan');
        if (!versionMatches(expected, current.version)) {
          throw preconditionFailed(`The plan is at version ${current.version}; fetch it again and retry with its ETag.`);
        }
        const status = edit.status ?? (current.status as PlanStatus);
        assertStatusMove(current.status as PlanStatus, status);
        const content = applyPlanEdit(current.content, edit, edit.techniques ? await techniqueCheckFor(tx, current) : noCheck);
        const notes = edit.notes === undefined ? current.notes : edit.notes;
        // An edit that changes nothing is no new version (and no entry in the history).
        if (status === current.status && notes === current.notes && canonicalJson(content) === canonicalJson(current.content)) return current;
        const next = await plansRepository.replace(tx, current, { status, content, notes, updatedByKeyId: ctx.keyId });
        if (!next) throw preconditionFailed('The plan changed while this edit was applied; fetch it again.');
        return next;
      });
      return toPlan(row);
    },

    /** Every earlier version of the plan, oldest first, with who made it and when. */
    async versions(ctx: RequestContext, id: string, query: PageRequest): Promise<Page<PlanVersion>> {
      const afterVersion = query.cursor ? decodeCursor<[number]>(query.cursor, [isNonNegativeInteger])[0] : 0;
      const { plan, rows } = await inClinic(db, ctx.clinicId, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, id);
        if (!plan) throw notFound('Plan');
        return { plan, rows: await plansRepository.versions(tx, ctx.clinicId, id, query.limit + 1, afterVersion) };
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        data: page.map((row) => toPlanVersion(plan, row)),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.version]) : null,
      };
    },

    /** Progress toward each goal from the sessions so far, and what to do next (SPEC §5). */
    async progress(ctx: RequestContext, id: string): Promise<Progress> {
      const { plan, sessions } = await inClinic(db, ctx.clinicId, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, id);
        if (!plan) throw notFound('Plan');
        return { plan, sessions: await sessionsRepository.allOfPlan(tx, ctx.clinicId, id) };
      });
      return computeProgress({ id: plan.id, content: plan.content }, sessions.map(toProgressSession));
    },
  };
}
