import type { PlanningContext } from '../../planning';

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * What the engine reasons from besides the input: the assessment date as "today" (so an
 * imported historical assessment gets the plan it got then), and the age from the patient's
 * birth date for when the screening gives none.
 */
export function planningContext(assessedAt: Date, birthDate: string | null): PlanningContext {
  const today = assessedAt.toISOString().slice(0, 10);
  return { today, age: birthDate ? ageOn(birthDate, today) : null };
}
