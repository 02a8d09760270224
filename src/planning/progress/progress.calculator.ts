// Progress toward each plan goal from the sessions so far, and what to do next (SPEC §5, second
// edition §9). In order of precedence:
// - a severe adverse event → refer; a worsening beyond the MCID on two consecutive measurements
//   of a goal (a trend) → refer;
// - a moderate adverse event (plain text reads as moderate) → reassess; a worsening beyond the
//   MCID on the latest measurement only (a flare) → reassess;
// - the screening decision (refer, postpone) stands until the therapist acts on it;
// - every goal at target on the two latest sessions that measured it → discharge; at target on
//   only the latest → progress (one good session does not discharge);
// - no change reaching the MCID by the reassessment point, or every planned session done → reassess;
// - goals moving → progress, else continue.
// A mild reaction (transient soreness or fatigue under 48 h) at the latest session refers no one:
// the next dose is eased, so a `progress` becomes `continue` (clinical reference: "Adverse events
// and flares").
import type { AdverseEvent, AdverseEventSeverity, GoalProgress, Measures, PlanContent, PlanGoal, Progress, Recommendation } from '../engine.types';
import { CHRONICITY } from '../catalog/catalog.goals';
import { MEASURES } from '../catalog/catalog.measures';
import { targetFor } from '../plan/goal.rules';

export interface SessionForProgress {
  performedAt: string;
  measures: Measures;
  /** The techniques delivered; empty for a visit that only measures. Absent reads as a treatment. */
  techniques?: readonly string[];
  adverseEvents?: readonly AdverseEvent[];
}

interface Point {
  value: number;
  session: SessionForProgress;
  /** Index of the session in time order. */
  at: number;
}

interface Evaluated {
  goal: PlanGoal;
  progress: GoalProgress;
  improvement: number | null;
  /** The latest measurement is at target. */
  atTarget: boolean;
  /** The two latest measurements are both at target. */
  atTargetTwice: boolean;
  /** The latest measurement is worse than baseline by at least the MCID. */
  worseNow: boolean;
  /** …and so was the one before it: a trend, not a flare. */
  worseTwice: boolean;
  points: Point[];
}

/** The value of a goal's measure in a session's measures, or null when it was not measured. */
export function valueOf(goal: Pick<PlanGoal, 'measure' | 'joint' | 'movement'>, measures: Measures | undefined): number | null {
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

/** The target progress works toward: the plan's, else the conservative (chronic, 30 %) one from the baseline. */
export function targetOf(goal: PlanGoal, baseline: number | null): number | null {
  if (goal.target !== null) return goal.target;
  if (baseline === null) return null;
  return targetFor(goal.measure, baseline, { painShare: CHRONICITY.chronic.painReduction, joint: goal.joint, movement: goal.movement }).target;
}

function evaluate(goal: PlanGoal, sessions: SessionForProgress[]): Evaluated {
  const points: Point[] = [];
  sessions.forEach((session, at) => {
    const value = valueOf(goal, session.measures);
    if (value !== null) points.push({ value, session, at });
  });
  const values = points.map((p) => p.value);
  const baseline = goal.baseline ?? values[0] ?? null;
  const latest = values.at(-1) ?? null;
  const target = targetOf(goal, baseline);
  const episodeBaseline = goal.episodeBaseline ?? null;
  const empty: GoalProgress = {
    type: goal.type,
    measure: goal.measure,
    ...(goal.joint ? { joint: goal.joint } : {}),
    ...(goal.movement ? { movement: goal.movement } : {}),
    baseline,
    latest,
    target,
    change: null,
    episodeBaseline,
    episodeChange: episodeBaseline !== null && latest !== null ? round2(latest - episodeBaseline) : null,
    mcidReached: null,
    percentToTarget: null,
    trend: null,
  };
  const none = { goal, progress: empty, improvement: null, atTarget: false, atTargetTwice: false, worseNow: false, worseTwice: false, points };
  if (baseline === null || latest === null) return none;

  const lowerIsBetter = goal.direction === 'lower_is_better';
  const improvementOf = (value: number) => (lowerIsBetter ? baseline - value : value - baseline);
  const reaches = (value: number) => target !== null && (lowerIsBetter ? value <= target : value >= target);
  const worse = (value: number) => -improvementOf(value) >= goal.mcid;
  const change = round2(latest - baseline);
  const improvement = lowerIsBetter ? -change : change;
  const percent = MEASURES[goal.measure].mcidPercent;
  // Farrar 2001: 2 points or 30 % (whichever comes first) is a clinically important improvement.
  const mcidReached = improvement >= goal.mcid || (percent !== null && baseline > 0 && (improvement / baseline) * 100 >= percent);
  const gap = target === null ? null : lowerIsBetter ? baseline - target : target - baseline;
  const percentToTarget = gap === null ? null : gap <= 0 ? (improvement >= 0 ? 100 : 0) : Math.max(0, Math.min(100, Math.round((100 * improvement) / gap)));
  const trend = improvement >= goal.mcid / 2 ? 'improving' : improvement <= -goal.mcid / 2 ? 'worsening' : 'flat';
  const previous = values.length >= 2 ? (values[values.length - 2] as number) : null;
  return {
    goal,
    progress: { ...empty, change, mcidReached, percentToTarget, trend },
    improvement,
    atTarget: reaches(latest),
    atTargetTwice: previous !== null && reaches(previous) && reaches(latest),
    worseNow: worse(latest),
    worseTwice: previous !== null && worse(previous) && worse(latest),
    points,
  };
}

const label = (g: PlanGoal) => (g.measure === 'rom' ? `${g.joint} ${g.movement?.replace(/_/g, ' ')}` : MEASURES[g.measure].label);

interface ReportedEvent {
  description: string;
  severity: AdverseEventSeverity;
  session: SessionForProgress;
}

/** Every adverse event with its severity: plain text reads as moderate (SPEC §9). Blank text is no event. */
function eventsOf(sessions: SessionForProgress[]): ReportedEvent[] {
  return sessions.flatMap((session) =>
    (session.adverseEvents ?? [])
      .map((e) =>
        typeof e === 'string' ? { description: e.trim(), severity: 'moderate' as const } : { description: e.description.trim(), severity: e.severity },
      )
      .filter((e) => e.description.length > 0)
      .map((e) => ({ ...e, session })),
  );
}

const treated = (s: SessionForProgress) => s.techniques === undefined || s.techniques.length > 0;

function recommendWithoutDose(
  plan: PlanContent,
  evaluated: Evaluated[],
  sessions: SessionForProgress[],
  events: ReportedEvent[],
): Omit<Recommendation, 'easeNextDose'> {
  const severe = events.find((e) => e.severity === 'severe');
  if (severe) {
    return {
      action: 'refer',
      reason: `Severe adverse event at the session of ${severe.session.performedAt}: “${severe.description}”. Stop and refer for medical review.`,
    };
  }
  const trend = evaluated.find((e) => e.worseTwice);
  if (trend) {
    const [before, last] = trend.points.slice(-2) as [Point, Point];
    return {
      action: 'refer',
      reason: `${label(trend.goal)} was worse than its baseline ${trend.progress.baseline} by at least its MCID of ${trend.goal.mcid} on two consecutive sessions (${before.value} on ${before.session.performedAt}, ${last.value} on ${last.session.performedAt}): a worsening trend, not a flare — refer for medical review.`,
    };
  }
  const moderate = events.find((e) => e.severity === 'moderate');
  if (moderate) {
    return {
      action: 'reassess',
      reason: `Adverse event at the session of ${moderate.session.performedAt}: “${moderate.description}” (moderate: lasting or limiting activity). Reassess before the next treatment.`,
    };
  }
  const flare = evaluated.find((e) => e.worseNow);
  if (flare) {
    const last = flare.points.at(-1) as Point;
    const afterTreatment = sessions.slice(0, last.at + 1).some(treated);
    return {
      action: 'reassess',
      reason: afterTreatment
        ? `${label(flare.goal)} worsened from ${flare.progress.baseline} to ${flare.progress.latest} on ${last.session.performedAt}, beyond its MCID of ${flare.goal.mcid}, after treatment: a flare. Reassess and ease the dose; refer if the next session is worse again.`
        : `${label(flare.goal)} worsened from ${flare.progress.baseline} to ${flare.progress.latest} on ${last.session.performedAt}, beyond its MCID of ${flare.goal.mcid}, before any treatment: reassess.`,
    };
  }
  const decision = plan.screening.decision;
  if (decision === 'refer') return { action: 'refer', reason: 'Screening referred the patient: treat only after medical clearance.' };
  if (decision === 'postpone') return { action: 'reassess', reason: 'Treatment was postponed at screening: re-screen before the first session.' };
  if (evaluated.length > 0 && evaluated.every((e) => e.atTargetTwice)) {
    return { action: 'discharge', reason: 'Every goal was at its target on the two latest sessions that measured it: discharge with the home program.' };
  }
  if (evaluated.length > 0 && evaluated.every((e) => e.atTarget)) {
    const unconfirmed = evaluated.filter((e) => !e.atTargetTwice).map((e) => label(e.goal));
    return {
      action: 'progress',
      reason: `Every goal is at its target on the latest session that measured it; ${unconfirmed.join(', ')} must hold its target at one more session before discharge: progress toward independence (home program).`,
    };
  }
  const completed = sessions.length;
  const reassessAt = plan.schedule.reassessAfterSessions;
  const moving = evaluated.filter((e) => e.progress.mcidReached === true);
  if (reassessAt > 0 && completed >= reassessAt && moving.length === 0) {
    return {
      action: 'reassess',
      reason: `${completed} sessions done (reassessment point ${reassessAt}) and no goal has changed by its MCID: reassess the plan.`,
    };
  }
  if (moving.length > 0) {
    return {
      action: 'progress',
      reason: `${moving.map((e) => label(e.goal)).join(', ')} improved beyond the MCID but not every goal is at target: progress the plan (dose, home program) toward the remaining targets.`,
    };
  }
  return {
    action: 'continue',
    reason:
      completed === 0
        ? 'No session recorded yet: continue as planned.'
        : 'Change so far is below the MCID and the reassessment point is not reached: continue as planned.',
  };
}

function recommend(plan: PlanContent, evaluated: Evaluated[], sessions: SessionForProgress[]): Recommendation {
  const events = eventsOf(sessions);
  const base = recommendWithoutDose(plan, evaluated, sessions, events);
  const last = sessions.at(-1);
  const mild = last ? events.filter((e) => e.session === last && e.severity === 'mild') : [];
  if (mild.length === 0 || base.action === 'refer' || base.action === 'discharge') return { ...base, easeNextDose: false };
  const note = `Mild reaction after the session of ${last!.performedAt} (${mild.map((e) => `“${e.description}”`).join(', ')}): ease the next dose (lighter pressure, shorter time on the area) and check it has settled within 48 h.`;
  // Easing and progressing the dose at once contradict: hold the dose where it is this time.
  if (base.action === 'progress')
    return {
      action: 'continue',
      reason: `${note} ${base.reason.replace(/: progress[^.]*\.?$/, '.')} Progress once the reaction has settled.`,
      easeNextDose: true,
    };
  return { action: base.action, reason: `${note} ${base.reason}`, easeNextDose: true };
}

/** Sessions in time order (ties keep the order given). */
export function inTimeOrder<T extends { performedAt: string }>(sessions: readonly T[]): T[] {
  return sessions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.performedAt < b.s.performedAt ? -1 : a.s.performedAt > b.s.performedAt ? 1 : a.i - b.i))
    .map(({ s }) => s);
}

/** Progress of a plan's goals over its sessions (in time order), with the recommended next step. */
export function computeProgress(plan: { id: string; content: PlanContent }, sessions: SessionForProgress[]): Progress {
  const ordered = inTimeOrder(sessions);
  const evaluated = plan.content.goals.map((g) => evaluate(g, ordered));
  return {
    planId: plan.id,
    sessionsCompleted: ordered.length,
    sessionsPlanned: plan.content.schedule.totalSessions,
    goals: evaluated.map((e) => e.progress),
    recommendation: recommend(plan.content, evaluated, ordered),
  };
}
