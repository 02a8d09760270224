import type { PatchPlanBody } from '../../contracts/plan-resource.contract';
import type { PlanContent, PlanGoal } from '../../contracts/plan.contract';
import { badRequest, type FieldError } from '../../errors';
import { billingFor, type TechniqueViolation } from '../../planning';
import { MEASURES } from '../../planning/catalog/catalog.measures';

/** The engine's verdict on a list of techniques for this plan's assessment. */
export type TechniqueCheck = (techniques: PlanContent['techniques']) => TechniqueViolation[];

export const THERAPIST_RULE = 'therapist_edit';

const sameGoal = (goal: PlanGoal, edit: { type: string; measure: string; joint?: string; movement?: string }) =>
  goal.type === edit.type && goal.measure === edit.measure && goal.joint === edit.joint && goal.movement === edit.movement;

/** The schedule fields a therapist sets; totalSessions, rules and rationale follow from them. */
const scheduleFields = ({ sessionMinutes, sessionsPerWeek, weeks, reassessAfterSessions }: PlanContent['schedule']) => ({
  sessionMinutes,
  sessionsPerWeek,
  weeks,
  reassessAfterSessions,
});

/**
 * The plan content after a therapist's edit, held to the rules the engine's own output keeps:
 * schedule arithmetic, techniques fitting the session and safe for the assessment (`safety`),
 * goal targets inside the measure's range and on the improving side of the baseline. Billing
 * follows the techniques. Throws 400 naming every field that breaks a rule.
 */
export function applyPlanEdit(current: PlanContent, edit: PatchPlanBody, safety: TechniqueCheck): PlanContent {
  const errors: FieldError[] = [];
  const next: PlanContent = { ...current };
  const because = 'Set by the therapist';

  if (edit.schedule) {
    const { totalSessions: stated, ...changes } = edit.schedule;
    const s = { ...scheduleFields(current.schedule), ...changes };
    const totalSessions = s.sessionsPerWeek * s.weeks;
    if (stated !== undefined && stated !== totalSessions) {
      errors.push({ path: '/schedule/totalSessions', message: `must equal sessionsPerWeek × weeks (${totalSessions})` });
    }
    if (s.reassessAfterSessions > totalSessions) {
      errors.push({ path: '/schedule/reassessAfterSessions', message: `must not exceed the ${totalSessions} sessions planned` });
    }
    next.schedule = { ...s, totalSessions, ruleIds: [THERAPIST_RULE], rationale: because };
  }

  if (edit.techniques) {
    next.techniques = edit.techniques.map((t) => ({ ...t, rationale: t.rationale ?? because, ruleIds: [THERAPIST_RULE] }));
    next.billing = billingFor(next.techniques);
    for (const v of safety(next.techniques)) errors.push({ path: `/techniques/${v.index}`, message: v.message });
  }
  const techniqueMinutes = next.techniques.reduce((sum, t) => sum + t.minutes, 0);
  if ((edit.techniques || edit.schedule) && techniqueMinutes > next.schedule.sessionMinutes) {
    errors.push({
      path: edit.techniques ? '/techniques' : '/schedule/sessionMinutes',
      message: `techniques take ${techniqueMinutes} minutes but a session lasts ${next.schedule.sessionMinutes}`,
    });
  }

  // Plan goal index → index in the request of the edit that set its byWeek, for error paths.
  const byWeekSentAt = new Map<number, number>();
  if (edit.goals) {
    const goals = [...next.goals];
    edit.goals.forEach((g, i) => {
      const index = goals.findIndex((goal) => sameGoal(goal, g));
      const goal = goals[index];
      if (!goal) {
        errors.push({ path: `/goals/${i}`, message: 'matches no goal of this plan (type, measure, joint, movement)' });
        return;
      }
      const { min, max } = MEASURES[goal.measure];
      if (g.target < min || g.target > max) errors.push({ path: `/goals/${i}/target`, message: `must be between ${min} and ${max}` });
      const improves = goal.baseline === null || (goal.direction === 'lower_is_better' ? g.target < goal.baseline : g.target > goal.baseline);
      if (!improves)
        errors.push({ path: `/goals/${i}/target`, message: `must be better than the baseline ${goal.baseline} (${goal.direction.replace(/_/g, ' ')})` });
      if (g.byWeek !== undefined) byWeekSentAt.set(index, i);
      goals[index] = {
        ...goal,
        target: g.target,
        byWeek: g.byWeek ?? goal.byWeek,
        ruleIds: [...goal.ruleIds.filter((r) => r !== THERAPIST_RULE), THERAPIST_RULE],
      };
    });
    next.goals = goals;
  }
  next.goals.forEach((goal, i) => {
    if ((edit.goals || edit.schedule) && goal.byWeek > next.schedule.weeks) {
      const sentAt = byWeekSentAt.get(i);
      errors.push({
        path: sentAt === undefined ? '/schedule/weeks' : `/goals/${sentAt}/byWeek`,
        message: `goal due in week ${goal.byWeek}, after the plan's ${next.schedule.weeks} weeks`,
      });
    }
  });

  if (edit.homeProgram) next.homeProgram = edit.homeProgram.map((h) => ({ ...h, ruleIds: [THERAPIST_RULE] }));
  if (edit.precautions) next.precautions = edit.precautions;

  if (errors.length > 0) throw badRequest('The edit would make an inconsistent plan.', errors);
  return next;
}
