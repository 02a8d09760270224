// Dose: session length, frequency, duration and the reassessment point, consistent with each other.
import type { Schedule } from '../../contracts/plan.contract';
import type { CaseFacts } from '../case.facts';
import { CHRONICITY, MECHANISM_CODES, MECHANISMS, type MechanismCode } from '../catalog/catalog.goals';
import { CHRONICITIES, type Chronicity } from '../catalog/catalog.types';
import type { Explainer } from '../engine.util';

/** Sherman 2014: 60-minute sessions beat 30-minute ones, which were no better than wait-list. */
export const DEFAULT_SESSION_MINUTES = 60;
/** A Medicare plan of care is certified for at most 90 days. */
export const MAX_WEEKS = 12;
/** A progress report is due at least every 10 treatment days. */
export const MAX_SESSIONS_BEFORE_REASSESSMENT = 10;
const STRESS_ONLY = { sessionsPerWeek: 1, weeks: 6 };

// Rule ids and reasons prepared once from the catalog.
const DOSE_RULES = Object.fromEntries(
  CHRONICITIES.map((c) => {
    const k = CHRONICITY[c];
    return [c, { id: `chronicity.${c}.dose`, because: `${k.label}: ${k.sessionsPerWeek}×/week for ${k.weeks} weeks. ${k.note}` }];
  }),
) as Record<Chronicity, { id: string; because: string }>;
const WEEKS_RULES = Object.fromEntries(
  MECHANISM_CODES.map((m) => [m, { id: `mechanism.${m}.weeks`, because: `${MECHANISMS[m].label}: rehabilitation runs at least ${MECHANISMS[m].minWeeks} weeks.` }]),
) as Record<MechanismCode, { id: string; because: string }>;

/** Minutes of a session kept for check-in, positioning and re-measuring; the rest is technique time. */
export function techniqueBudget(sessionMinutes: number): number {
  return sessionMinutes - (sessionMinutes >= 45 ? 10 : 5);
}

/** The schedule of a plan that goes ahead. */
export function planSchedule(facts: CaseFacts, explain: Explainer): Schedule {
  const ruleIds: string[] = [];
  const why: string[] = [];
  const chronicity = CHRONICITY[facts.chronicity];
  const stressOnly = facts.goalTypes.every((g) => g === 'stress_reduction');

  const sessionMinutes = facts.preferences.sessionMinutes ?? DEFAULT_SESSION_MINUTES;
  if (facts.preferences.sessionMinutes !== null) {
    ruleIds.push(explain.add('schedule.preference.minutes', `Session length ${sessionMinutes} minutes as the patient prefers.`));
    why.push(`${sessionMinutes}-minute sessions as preferred`);
    if (sessionMinutes < DEFAULT_SESSION_MINUTES) {
      ruleIds.push(explain.add('schedule.short_sessions', 'Sessions under 60 minutes: in a neck-pain trial 30-minute sessions were no better than wait-list (Sherman 2014).'));
      why.push('shorter than the 60 minutes that worked in trials (Sherman 2014)');
    }
  } else {
    ruleIds.push(explain.add('schedule.default.minutes', '60-minute sessions: 60 minutes 2–3 times a week beat 30-minute sessions (Sherman 2014).'));
    why.push('60-minute sessions (Sherman 2014)');
  }

  let sessionsPerWeek: number;
  let weeks: number;
  if (stressOnly) {
    ({ sessionsPerWeek, weeks } = STRESS_ONLY);
    ruleIds.push(explain.add('schedule.stress_only', 'Stress reduction only: weekly sessions for 6 weeks, with daily relaxation practice at home.'));
    why.push('weekly for 6 weeks for stress reduction');
  } else {
    sessionsPerWeek = chronicity.sessionsPerWeek;
    weeks = chronicity.weeks;
    const dose = DOSE_RULES[facts.chronicity];
    ruleIds.push(explain.add(dose.id, dose.because));
    why.push(`${chronicity.label.toLowerCase()}: ${chronicity.sessionsPerWeek}×/week for ${chronicity.weeks} weeks`);
    const mechanism = MECHANISMS[facts.mechanism];
    if (mechanism.minWeeks > weeks) {
      weeks = mechanism.minWeeks;
      const rule = WEEKS_RULES[facts.mechanism];
      ruleIds.push(explain.add(rule.id, rule.because));
      why.push(`at least ${mechanism.minWeeks} weeks after surgery`);
    }
  }
  if (facts.preferences.sessionsPerWeek !== null) {
    sessionsPerWeek = facts.preferences.sessionsPerWeek;
    ruleIds.push(explain.add('schedule.preference.frequency', `${sessionsPerWeek} session(s) a week as the patient prefers.`));
    why.push(`${sessionsPerWeek}×/week as preferred`);
  }
  weeks = Math.min(weeks, MAX_WEEKS);
  const totalSessions = sessionsPerWeek * weeks;
  const reassessAfterSessions = Math.min(MAX_SESSIONS_BEFORE_REASSESSMENT, Math.max(1, Math.ceil(totalSessions / 2)));
  ruleIds.push(
    explain.add('schedule.reassessment', `Reassess half-way, and at least every ${MAX_SESSIONS_BEFORE_REASSESSMENT} sessions (progress report every 10 treatment days); plans run at most ${MAX_WEEKS} weeks (90-day certification).`),
  );
  const rationale = `${why.join('; ')}: ${totalSessions} sessions over ${weeks} weeks, reassessed after session ${reassessAfterSessions}.`;
  return { sessionMinutes, sessionsPerWeek, weeks, totalSessions, reassessAfterSessions, ruleIds, rationale: rationale.charAt(0).toUpperCase() + rationale.slice(1) };
}

/** The schedule of a plan that does not go ahead: no sessions until the patient is cleared. */
export function heldSchedule(facts: CaseFacts, decision: 'postpone' | 'refer', explain: Explainer): Schedule {
  const ruleId = explain.add(`schedule.${decision}`, decision === 'refer' ? 'Referred: no sessions are scheduled until a physician has seen the patient.' : 'Postponed: no sessions until the patient is re-screened.');
  return {
    sessionMinutes: facts.preferences.sessionMinutes ?? DEFAULT_SESSION_MINUTES,
    sessionsPerWeek: 0,
    weeks: 0,
    totalSessions: 0,
    reassessAfterSessions: 0,
    ruleIds: [ruleId],
    rationale: decision === 'refer' ? 'No sessions: refer first; re-assess after medical clearance.' : 'No sessions now: re-screen when the contraindication has resolved.',
  };
}
