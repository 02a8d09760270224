// Home program: stretches and self-care for the focus areas and goals. Chronic complaints always get
// one (ACP 2017: chronic pain care centres on exercise); every goal in play gets at least one item, so
// a goal is served even when restrictions leave its regions untreated in the session.
import type { HomeProgramItem } from '../../contracts/plan.contract';
import type { CaseFacts } from '../case.facts';
import type { ConditionCode } from '../catalog/catalog.conditions';
import { CHRONICITY, GOAL_TYPES, HOME_EXERCISE_CODES, HOME_EXERCISES, MECHANISM_CODES, MECHANISMS, type GoalType, type HomeExerciseCode, type MechanismCode } from '../catalog/catalog.goals';
import { REGION_CODES, type RegionCode } from '../catalog/catalog.regions';
import type { Explainer } from '../engine.util';
import { INCISION_CLOSED_DAYS, type Restrictions } from '../screening/restrictions.rules';
import type { Focus } from './focus.rules';

const MAX_ITEMS = 6;
const AREAS_FOR_HOME = 3;
const REGION_RULE = 'home.region_match';
const REGION_BECAUSE = 'Home exercises are matched to the focus areas and goals, skipping those a condition or the acute phase rules out.';
const GENERAL_RULE = 'home.general';
const GENERAL_BECAUSE = 'General self-care items serve a goal anywhere: relaxation breathing for stress, walking and activity for pain and rehabilitation.';

// Candidates in catalog order, per region and goal, and the general (region-free) ones per goal.
const byGoal = (codes: readonly HomeExerciseCode[]) =>
  Object.fromEntries(GOAL_TYPES.map((g) => [g, codes.filter((c) => HOME_EXERCISES[c].goalTypes.includes(g))])) as Record<GoalType, HomeExerciseCode[]>;
const FOR_REGION = Object.fromEntries(REGION_CODES.map((r) => [r, byGoal(HOME_EXERCISE_CODES.filter((c) => HOME_EXERCISES[c].regions.includes(r)))])) as Record<
  RegionCode,
  Record<GoalType, HomeExerciseCode[]>
>;
const GENERAL = byGoal(HOME_EXERCISE_CODES.filter((c) => HOME_EXERCISES[c].regions.length === 0));

const MECHANISM_HOME_RULES = Object.fromEntries(
  MECHANISM_CODES.map((m) => {
    const because = `${MECHANISMS[m].label}: ${MECHANISMS[m].homeExercises.map((c) => HOME_EXERCISES[c].label.toLowerCase()).join(', ')} at home where they fit.`;
    return [m, { id: `mechanism.${m}.home`, because }];
  }),
) as Record<MechanismCode, { id: string; because: string }>;

interface Situation {
  codes: Set<ConditionCode>;
  acute: boolean;
  scarClosed: boolean;
  swelling: boolean;
}

interface Chosen {
  code: HomeExerciseCode;
  goals: GoalType[];
  ruleIds: string[];
}

function allowed(code: HomeExerciseCode, s: Situation): boolean {
  const e = HOME_EXERCISES[code];
  if (e.notAcute && s.acute) return false;
  if (e.requiresClosedScar && !s.scarClosed) return false;
  if (e.swellingOnly && !s.swelling) return false;
  for (const c of e.avoidWith) if (s.codes.has(c)) return false;
  return true;
}

function firstAllowed(candidates: HomeExerciseCode[], s: Situation): HomeExerciseCode | undefined {
  for (const c of candidates) if (allowed(c, s)) return c;
  return undefined;
}

/** Adds an item (or a goal to it); beyond the size limit only when `force`d, to serve a goal. */
function add(chosen: Chosen[], code: HomeExerciseCode, goal: GoalType | null, ruleId: string, force: boolean): void {
  const existing = chosen.find((c) => c.code === code);
  if (existing) {
    if (goal && !existing.goals.includes(goal)) existing.goals.push(goal);
    if (!existing.ruleIds.includes(ruleId)) existing.ruleIds.push(ruleId);
    return;
  }
  if (force || chosen.length < MAX_ITEMS) chosen.push({ code, goals: goal ? [goal] : [], ruleIds: [ruleId] });
}

/** The home program of a plan that goes ahead. */
export function planHomeProgram(facts: CaseFacts, areas: Focus[], codes: Set<ConditionCode>, restrictions: Restrictions, explain: Explainer): HomeProgramItem[] {
  let scarClosed = false;
  let operated = facts.mechanism === 'post_surgical';
  for (const r of Object.values(restrictions.regions)) {
    if (r.surgicalDays === null) continue;
    operated = true;
    if (r.surgicalDays >= INCISION_CLOSED_DAYS) scarClosed = true;
  }
  const acute = facts.chronicity === 'acute';
  const s: Situation = { codes, acute, scarClosed, swelling: operated || (MECHANISMS[facts.mechanism].injury && acute) };
  const chosen: Chosen[] = [];

  // First pass: one item per goal, so that every goal is served.
  const first = areas[0];
  for (const goal of facts.goalTypes) {
    const specific = first ? firstAllowed(FOR_REGION[first.region][goal], s) : undefined;
    const general = firstAllowed(GENERAL[goal], s);
    if (specific && goal !== 'stress_reduction') add(chosen, specific, goal, explain.add(REGION_RULE, REGION_BECAUSE), true);
    else if (general) add(chosen, general, goal, explain.add(GENERAL_RULE, GENERAL_BECAUSE), true);
  }
  // Then the other focus areas, the chronic exercise emphasis and the mechanism's own items.
  for (const goal of facts.goalTypes) {
    for (let i = 0; i < areas.length && i < AREAS_FOR_HOME; i++) {
      const specific = firstAllowed(FOR_REGION[(areas[i] as Focus).region][goal], s);
      if (specific) add(chosen, specific, goal, explain.add(REGION_RULE, REGION_BECAUSE), false);
    }
  }
  const chronicity = CHRONICITY[facts.chronicity];
  const walkingGoal = facts.goalTypes.find((g) => HOME_EXERCISES.walking_program.goalTypes.includes(g));
  if (chronicity.homeProgramAlways && walkingGoal && allowed('walking_program', s)) {
    add(chosen, 'walking_program', walkingGoal, explain.once('chronicity.chronic.home_program', () => `${chronicity.label}: a home program always, with graded walking (ACP 2017).`), true);
  }
  const mechanism = MECHANISMS[facts.mechanism];
  for (const code of mechanism.homeExercises) {
    const e = HOME_EXERCISES[code];
    const goal = facts.goalTypes.find((g) => e.goalTypes.includes(g));
    const fitsRegion = e.regions.length === 0 || areas.some((a) => e.regions.includes(a.region));
    if (!goal || !fitsRegion || !allowed(code, s)) continue;
    add(chosen, code, goal, explain.add(MECHANISM_HOME_RULES[facts.mechanism].id, MECHANISM_HOME_RULES[facts.mechanism].because), false);
  }

  return chosen.map((c) => {
    const e = HOME_EXERCISES[c.code];
    const goalTypes = facts.goalTypes.filter((g) => c.goals.includes(g) || e.goalTypes.includes(g));
    return { code: c.code, instructions: e.instructions, frequency: e.frequency, goalTypes, ruleIds: c.ruleIds };
  });
}
