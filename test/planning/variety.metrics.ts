// How customised plans are over a set of cases (issue 13): distinct technique-by-region sets and home
// programs per treated case, distinct schedule patterns, and the share of treated plans whose home
// program addresses the case's mechanism. Shared by bench/engine-variety.ts and the variety test.
import type { AssessmentInput } from '../../src/contracts/assessment.contract';
import type { PlanContent } from '../../src/contracts/plan.contract';
import { HOME_EXERCISES } from '../../src/planning/catalog/catalog.exercises';

export interface VarietyReport {
  cases: number;
  treated: number;
  techniqueSets: number;
  homePrograms: number;
  schedulePatterns: number;
  mechanismCovered: number;
  /** Treated cases whose home program has no item for the mechanism (ids). */
  uncovered: string[];
}

/** The targets of issue 13. */
export const VARIETY_TARGETS = { techniqueShare: 0.7, homeShare: 0.8, schedulePatterns: 20, mechanismShare: 1 };

const treats = (p: PlanContent) => p.screening.decision === 'treat' || p.screening.decision === 'treat_with_precautions';

/** Measures the variety of the plans made for `cases`. */
export function measureVariety(cases: { id: string; assessment: AssessmentInput; plan: PlanContent }[]): VarietyReport {
  const techniques = new Set<string>();
  const homes = new Set<string>();
  const schedules = new Set<string>();
  let treated = 0;
  let covered = 0;
  const uncovered: string[] = [];
  for (const { id, assessment, plan } of cases) {
    if (!treats(plan)) continue;
    treated++;
    techniques.add([...new Set(plan.techniques.map((t) => `${t.code}@${t.region}`))].sort().join(','));
    homes.add(
      plan.homeProgram
        .map((h) => h.code)
        .sort()
        .join(','),
    );
    schedules.add(`${plan.schedule.sessionMinutes}min×${plan.schedule.sessionsPerWeek}/wk×${plan.schedule.weeks}wk`);
    const mechanism = assessment.mechanism ?? 'unknown';
    if (plan.homeProgram.some((h) => HOME_EXERCISES[h.code].mechanisms.includes(mechanism))) covered++;
    else uncovered.push(id);
  }
  return {
    cases: cases.length,
    treated,
    techniqueSets: techniques.size,
    homePrograms: homes.size,
    schedulePatterns: schedules.size,
    mechanismCovered: covered,
    uncovered,
  };
}
