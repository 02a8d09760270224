import type { CreateSessionBody, Session } from '../../contracts/session.contract';
import type { PlanStatus } from '../../contracts/plan-resource.contract';
import type { Database } from '../../db/database';
import { inClinic } from '../../db/tenant';
import type { SessionForProgress } from '../../planning';
import { conflict, notFound } from '../../errors';
import { uuidv7 } from '../../lib/uuid';
import { decodePosition, toPage, type Page, type PageRequest } from '../paging';
import { acceptsSessions } from '../plans/plan-status';
import { plansRepository } from '../plans/plans.repository';
import type { Outcome, RequestContext } from '../../http/context';
import type { WriteUnit } from '../write-unit';
import { sessionsRepository, type SessionRow } from './sessions.repository';

export type SessionsService = ReturnType<typeof createSessionsService>;

export function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    planId: row.planId,
    performedAt: row.performedAt.toISOString(),
    minutes: row.minutes,
    techniques: row.techniques as Session['techniques'],
    regions: row.regions as Session['regions'],
    measures: row.measures,
    notes: row.notes ?? null,
    adverseEvents: row.adverseEvents,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A stored session as the progress calculator reads it. */
export function toProgressSession(row: SessionRow): SessionForProgress {
  return { performedAt: row.performedAt.toISOString(), measures: row.measures, techniques: row.techniques, adverseEvents: row.adverseEvents };
}

/** Treatment sessions delivered against a plan. */
export function createSessionsService({ database, write }: { database: Database; write: WriteUnit }) {
  const { db } = database;
  return {
    /** Records a session; a completed or discontinued plan takes no more (409). */
    create(ctx: RequestContext, planId: string, body: CreateSessionBody): Promise<Outcome<Session>> {
      return write(ctx, async (tx) => {
        const plan = await plansRepository.findById(tx, ctx.clinicId, planId);
        if (!plan) throw notFound('Plan');
        if (!acceptsSessions(plan.status as PlanStatus)) {
          throw conflict(`The plan is ${plan.status}: it takes no more sessions.`, 'plan-closed');
        }
        const row = await sessionsRepository.insert(tx, {
          clinicId: ctx.clinicId,
          id: uuidv7(),
          planId,
          performedAt: new Date(body.performedAt),
          minutes: body.minutes,
          techniques: body.techniques,
          regions: body.regions,
          measures: body.measures ?? {},
          notes: body.notes ?? null,
          adverseEvents: body.adverseEvents ?? [],
          createdByKeyId: ctx.keyId,
        });
        return { status: 201, body: toSession(row) };
      });
    },

    /** The plan's sessions in the order performed. */
    async list(ctx: RequestContext, planId: string, query: PageRequest): Promise<Page<Session>> {
      const position = decodePosition(query.cursor);
      const rows = await inClinic(db, ctx.clinicId, async (tx) => {
        if (!(await plansRepository.findById(tx, ctx.clinicId, planId))) throw notFound('Plan');
        return sessionsRepository.listByPlan(tx, ctx.clinicId, planId, query.limit + 1, position);
      });
      return toPage(rows, query.limit, (r) => ({ at: r.performedAt, id: r.id }), toSession);
    },
  };
}
