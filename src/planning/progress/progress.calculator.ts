// Progress toward each plan goal from the sessions so far, and what to do next (SPEC §5): refer on an
// adverse event or a worsening beyond the MCID, discharge when every goal is at target, reassess when
// nothing has moved by the reassessment point, progress when goals are moving, otherwise continue.
import type { Measures } from '../../contracts/assessment.contract';
import type { PlanContent, PlanGoal } from '../../contracts/plan.contract';
import type { GoalProgress, Progress, Recommendation } from '../../contracts/progress.contract';
import { CHRONICITY } from '../catalog/catalog.goals';
import { MEASURES } from '../catalog/catalog.measures';
import { targetFor } from '../plan/goal.rules';

export interface SessionForProgress {
  performedAt: string;
  measures: Measures;
  adverseEvents?: string[];
}

interface Evaluated {
  goal: PlanGoal;
  progress: GoalProgress;
  improvement: number | null;
  atTarget: boolean;
}

function valueOf(goal: PlanGoal, measures: Measures | undefined): number | null {
  if (!measures) return null;
  switch (goal.measure) {
    case 'pain_nrs':
      return measures.painNrs ?? null;
    case 'rom':
      return measures.rom?.find((r) => r.joint === goal.joint && r.movement === goal.movement)?.degrees ?? null;
    case 'pss10':
      return measures.stress?.instrument === 'pss10' ? measures.stress.score : null;
    default:
      return measures.function?.instrument === goal.measure ? measures.function.score : null;
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function evaluate(goal: PlanGoal, sessions: SessionForProgress[]): Evaluated {
  const values = sessions.map((s) => valueOf(goal, s.measures)).filter((v): v is number => v !== null);
  const baseline = goal.baseline ?? values[0] ?? null;
  const latest = values.length > 0 ? (values[values.length - 1] as number) : null;
  // A goal recorded without a baseline gets the conservative (chronic, 30 %) target from its first value.
  const target =
    goal.target ??
    (baseline !== null ? targetFor(goal.measure, baseline, { painShare: CHRONICITY.chronic.painReduction, joint: goal.joint, movement: goal.movement }).target : null);
  const empty: GoalProgress = {
    type: goal.type,
    measure: goal.measure,
    ...(goal.joint ? { joint: goal.joint } : {}),
    ...(goal.movement ? { movement: goal.movement } : {}),
    baseline,
    latest,
    target,
    change: null,
    mcidReached: null,
    percentToTarget: null,
    trend: null,
  };
  if (baseline === null || latest === null) return { goal, progress: empty, improvement: null, atTarget: false };

  const lowerIsBetter = goal.direction === 'lower_is_better';
  const change = round2(latest - baseline);
  const improvement = lowerIsBetter ? -change : change;
  const percent = MEASURES[goal.measure].mcidPercent;
  // Farrar 2001: 2 points or 30 % (whichever comes first) is a clinically important improvement.
  const mcidReached = improvement >= goal.mcid || (percent !== null && baseline > 0 && (improvement / baseline) * 100 >= percent);
  const gap = target === null ? null : lowerIsBetter ? baseline - target : target - baseline;
  const percentToTarget = gap === null ? null : gap <= 0 ? (improvement >= 0 ? 100 : 0) : Math.max(0, Math.min(100, Math.round((100 * improvement) / gap)));
  const trend = improvement >= goal.mcid / 2 ? 'improving' : improvement <= -goal.mcid / 2 ? 'worsening' : 'flat';
  const atTarget = target !== null && (lowerIsBetter ? latest <= target : latest >= target);
  return { goal, progress: { ...empty, change, mcidReached, percentToTarget, trend }, improvement, atTarget };
}

const label = (g: PlanGoal) => (g.measure === 'rom' ? `${g.joint} ${g.movement?.replace(/_/g, ' ')}` : MEASURES[g.measure].label);

function recommend(plan: PlanContent, evaluated: Evaluated[], sessions: SessionForProgress[]): Recommendation {
  const adverse = sessions.find((s) => (s.adverseEvents ?? []).some((e) => e.trim().length > 0));
  if (adverse) {
    const event = (adverse.adverseEvents ?? []).find((e) => e.trim().length > 0) as string;
    return { action: 'refer', reason: `Adverse event reported at the session of ${adverse.performedAt}: “${event.trim()}”. Stop and refer for medical review.` };
  }
  const worse = evaluated.find((e) => e.improvement !== null && -e.improvement >= e.goal.mcid);
  if (worse) {
    return {
      action: 'refer',
      reason: `${label(worse.goal)} worsened from ${worse.progress.baseline} to ${worse.progress.latest}, beyond its MCID of ${worse.goal.mcid}: refer for medical review.`,
    };
  }
  const decision = plan.screening.decision;
  if (decision === 'refer') return { action: 'refer', reason: 'Screening referred the patient: treat only after medical clearance.' };
  if (decision === 'postpone') return { action: 'reassess', reason: 'Treatment was postponed at screening: re-screen before the first session.' };
  if (evaluated.length > 0 && evaluated.every((e) => e.atTarget)) {
    return { action: 'discharge', reason: 'Every goal has reached its target: discharge with the home program.' };
  }
  const completed = sessions.length;
  const reassessAt = plan.schedule.reassessAfterSessions;
  const moving = evaluated.filter((e) => e.progress.mcidReached === true);
  if (reassessAt > 0 && completed >= reassessAt && moving.length === 0) {
    return { action: 'reassess', reason: `${completed} sessions done (reassessment point ${reassessAt}) and no goal has changed by its MCID: reassess the plan.` };
  }
  if (plan.schedule.totalSessions > 0 && completed >= plan.schedule.totalSessions) {
    return { action: 'reassess', reason: `All ${plan.schedule.totalSessions} planned sessions are done and not every goal is at target: re-evaluate before continuing.` };
  }
  if (moving.length > 0) {
    return {
      action: 'progress',
      reason: `${moving.map((e) => label(e.goal)).join(', ')} improved beyond the MCID but not every goal is at target: progress the plan (dose, home program) toward the remaining targets.`,
    };
  }
  return { action: 'continue', reason: completed === 0 ? 'No session recorded yet: continue as planned.' : 'Change so far is below the MCID and the reassessment point is not reached: continue as planned.' };
}

/** Progress of a plan's goals over its sessions (in time order), with the recommended next step. */
export function computeProgress(plan: { id: string; content: PlanContent }, sessions: SessionForProgress[]): Progress {
  const ordered = sessions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.performedAt < b.s.performedAt ? -1 : a.s.performedAt > b.s.performedAt ? 1 : a.i - b.i))
    .map(({ s }) => s);
  const evaluated = plan.content.goals.map((g) => evaluate(g, ordered));
  return {
    planId: plan.id,
    sessionsCompleted: ordered.length,
    sessionsPlanned: plan.content.schedule.totalSessions,
    goals: evaluated.map((e) => e.progress),
    recommendation: recommend(plan.content, evaluated, ordered),
  };
}
