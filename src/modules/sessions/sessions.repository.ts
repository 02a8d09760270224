import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { sessions } from '../../db/schema';
import { after, type Position } from '../paging';

export type SessionRow = typeof sessions.$inferSelect;

const ofPlan = (clinicId: string, planId: string) => and(eq(sessions.clinicId, clinicId), eq(sessions.planId, planId), isNull(sessions.deletedAt));

export const sessionsRepository = {
  async insert(db: Executor, row: typeof sessions.$inferInsert): Promise<SessionRow> {
    const [created] = await db.insert(sessions).values(row).returning();
    return created!;
  },

  /** A page of the plan's sessions in the order they were performed. */
  async listByPlan(db: Executor, clinicId: string, planId: string, limit: number, position?: Position): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(and(ofPlan(clinicId, planId), after(sessions.performedAt, sessions.id, position)))
      .orderBy(asc(sessions.performedAt), asc(sessions.id))
      .limit(limit);
  },

  /** Every session of the plan, in the order performed: what progress is computed from. */
  async allOfPlan(db: Executor, clinicId: string, planId: string): Promise<SessionRow[]> {
    return db.select().from(sessions).where(ofPlan(clinicId, planId)).orderBy(asc(sessions.performedAt), asc(sessions.id));
  },
};
