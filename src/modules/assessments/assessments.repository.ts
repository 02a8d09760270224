import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { assessments } from '../../db/schema';

export type AssessmentRow = typeof assessments.$inferSelect;

export const assessmentsRepository = {
  async insert(db: Executor, row: typeof assessments.$inferInsert): Promise<AssessmentRow> {
    const [created] = await db.insert(assessments).values(row).returning();
    return created!;
  },

  async findById(db: Executor, clinicId: string, id: string): Promise<AssessmentRow | undefined> {
    const [row] = await db
      .select()
      .from(assessments)
      .where(and(eq(assessments.clinicId, clinicId), eq(assessments.id, id), isNull(assessments.deletedAt)));
    return row;
  },
};
