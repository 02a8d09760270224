import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { clinics } from '../../db/schema';

export type ClinicRow = typeof clinics.$inferSelect;

export const clinicsRepository = {
  async insert(db: Executor, row: { id: string; name: string }): Promise<ClinicRow> {
    const [created] = await db.insert(clinics).values(row).returning();
    return created!;
  },

  async findById(db: Executor, id: string): Promise<ClinicRow | undefined> {
    const [row] = await db.select().from(clinics).where(eq(clinics.id, id));
    return row;
  },
};
