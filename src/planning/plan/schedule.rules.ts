// Dose: session length, frequency, duration and the reassessment point, consistent with each other.
import type { Schedule } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import { CHRONICITY, MECHANISM_CODES, MECHANISMS, type MechanismCode } from '../catalog/catalog.goals';
import { CHRONICITIES, type Chronicity } from '../catalog/catalog.types';
import { placeName, type Explainer } from '../engine.util';
import type { FunctionInstrument } from '../catalog/catalog.measures';
import type { RegionCode } from '../catalog/catalog.regions';
import { caseSigns, type CaseSigns } from './case-signs';

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
  MECHANISM_CODES.map((m) => [
    m,
    { id: `mechanism.${m}.weeks`, because: `${MECHANISMS[m].label}: rehabilitation runs at least ${MECHANISMS[m].minWeeks} weeks.` },
  ]),
) as Record<MechanismCode, { id: string; because: string }>;

/** Minutes of a session kept for check-in, positioning and re-measuring; the rest is technique time. */
export function techniqueBudget(sessionMinutes: number): number {
  return sessionMinutes - (sessionMinutes >= 45 ? 10 : 5);
}

// Questionnaire scores from which function counts as severely limited (engine choice: the upper
// third of each scale's range, direction considered).
const SEVERE_FUNCTION: Record<FunctionInstrument, (score: number) => boolean> = {
  odi: (x) => x >= 40,
  ndi: (x) => x >= 25,
  quickdash: (x) => x >= 50,
  spadi: (x) => x >= 50,
  lefs: (x) => x <= 30,
  psfs: (x) => x <= 3,
};
/** Regions small enough that 45 minutes cover them when they are the only one (engine choice). */
const SMALL_REGIONS: ReadonlySet<RegionCode> = new Set(['jaw', 'wrist_hand', 'elbow', 'forearm', 'ankle_foot', 'head']);
const SHORT_MINUTES = 45;
const LONG_MINUTES = 75;
const OLDER_ADULT = 65;
/** From this age at most 2 sessions a week: a day of recovery between sessions (engine choice). */
const FREQUENCY_AGE = 70;
const VERY_OLD = 80;
/** A strain this recent (weeks) with calm pain is reassessed after a short course (engine choice). */
const RECENT_STRAIN_WEEKS = 2;
const RECENT_STRAIN_COURSE = 2;

/** Collects the facts that moved the dose: a rule id and the words for the schedule's rationale. */
class Dose {
  readonly ruleIds: string[] = [];
  readonly why: string[] = [];
  constructor(private readonly explain: Explainer) {}
  note(ruleId: string, because: string, why: string): void {
    this.ruleIds.push(this.explain.add(ruleId, because));
    this.why.push(why);
  }
}

function defaultMinutes(facts: CaseFacts, signs: CaseSigns, dose: Dose): number {
  if (facts.age !== null && facts.age >= VERY_OLD) {
    dose.note('schedule.age.minutes', `Age ${facts.age}: 45-minute sessions for tolerance.`, `45-minute sessions at age ${facts.age}`);
    return SHORT_MINUTES;
  }
  if (signs.presentations.includes('fibromyalgia')) {
    dose.note('schedule.fibromyalgia.minutes', 'Fibromyalgia: shorter first sessions, pressure guided by the patient.', '45-minute sessions for fibromyalgia');
    return SHORT_MINUTES;
  }
  if (signs.irritability === 'high' && facts.chronicity !== 'chronic') {
    dose.note(
      'schedule.irritable.minutes',
      `Irritable pain (${signs.irritabilityWhy}): 45-minute sessions while it settles.`,
      `45-minute sessions while the pain is irritable (${signs.irritabilityWhy})`,
    );
    return SHORT_MINUTES;
  }
  const first = facts.painAreas[0];
  if (facts.painAreas.length === 1 && first && SMALL_REGIONS.has(first.region) && facts.goalTypes.length <= 2) {
    dose.note('schedule.small_region.minutes', 'One small region: 45 minutes cover it.', `45-minute sessions for the ${placeName(first.region, null)} alone`);
    return SHORT_MINUTES;
  }
  if (facts.painAreas.length >= 3 && facts.goalTypes.length >= 3) {
    dose.note(
      'schedule.many_regions.minutes',
      'Three or more painful regions and goals: 75-minute sessions to cover them.',
      '75-minute sessions for several regions and goals',
    );
    return LONG_MINUTES;
  }
  dose.note(
    'schedule.default.minutes',
    '60-minute sessions: 60 minutes 2–3 times a week beat 30-minute sessions (Sherman 2014).',
    '60-minute sessions (Sherman 2014)',
  );
  return DEFAULT_SESSION_MINUTES;
}

/** The schedule of a plan that goes ahead: length, frequency and duration from the case, each change named. */
export function planSchedule(facts: CaseFacts, explain: Explainer): Schedule {
  const dose = new Dose(explain);
  const signs = caseSigns(facts);
  const chronicity = CHRONICITY[facts.chronicity];
  const stressOnly = facts.goalTypes.every((g) => g === 'stress_reduction');

  let sessionMinutes: number;
  if (facts.preferences.sessionMinutes !== null) {
    sessionMinutes = facts.preferences.sessionMinutes;
    dose.note(
      'schedule.preference.minutes',
      `Session length ${sessionMinutes} minutes as the patient prefers.`,
      `${sessionMinutes}-minute sessions as preferred`,
    );
    if (sessionMinutes < DEFAULT_SESSION_MINUTES) {
      dose.note(
        'schedule.short_sessions',
        'Sessions under 60 minutes: in a neck-pain trial 30-minute sessions were no better than wait-list (Sherman 2014).',
        'shorter than the 60 minutes that worked in trials (Sherman 2014)',
      );
    }
  } else {
    sessionMinutes = stressOnly ? DEFAULT_SESSION_MINUTES : defaultMinutes(facts, signs, dose);
    if (stressOnly)
      dose.note(
        'schedule.default.minutes',
        '60-minute sessions: 60 minutes 2–3 times a week beat 30-minute sessions (Sherman 2014).',
        '60-minute sessions (Sherman 2014)',
      );
  }

  let sessionsPerWeek: number;
  let weeks: number;
  if (stressOnly) {
    ({ sessionsPerWeek, weeks } = STRESS_ONLY);
    dose.note(
      'schedule.stress_only',
      'Stress reduction only: weekly sessions for 6 weeks, with daily relaxation practice at home.',
      'weekly for 6 weeks for stress reduction',
    );
  } else {
    sessionsPerWeek = chronicity.sessionsPerWeek;
    weeks = chronicity.weeks;
    const base = DOSE_RULES[facts.chronicity];
    dose.note(base.id, base.because, `${chronicity.label.toLowerCase()}: ${chronicity.sessionsPerWeek}×/week for ${chronicity.weeks} weeks`);
    ({ sessionsPerWeek, weeks } = adjustCourse(facts, signs, dose, sessionsPerWeek, weeks));
  }
  if (facts.preferences.sessionsPerWeek !== null) {
    sessionsPerWeek = facts.preferences.sessionsPerWeek;
    dose.note('schedule.preference.frequency', `${sessionsPerWeek} session(s) a week as the patient prefers.`, `${sessionsPerWeek}×/week as preferred`);
  }
  weeks = Math.min(weeks, MAX_WEEKS);
  const totalSessions = sessionsPerWeek * weeks;
  // Irritable cases are checked a third of the way in, others half-way; never past 10 sessions.
  const share = signs.irritability === 'high' ? 3 : 2;
  const reassessAfterSessions = Math.min(MAX_SESSIONS_BEFORE_REASSESSMENT, Math.max(1, Math.ceil(totalSessions / share)));
  if (share === 3)
    dose.note('schedule.irritable.reassess', 'Irritable pain: reassessed a third of the way in.', 'reassessed early because the pain is irritable');
  dose.ruleIds.push(
    explain.add(
      'schedule.reassessment',
      `Reassess half-way, and at least every ${MAX_SESSIONS_BEFORE_REASSESSMENT} sessions (progress report every 10 treatment days); plans run at most ${MAX_WEEKS} weeks (90-day certification).`,
    ),
  );
  const rationale = `${dose.why.join('; ')}: ${totalSessions} sessions over ${weeks} weeks, reassessed after session ${reassessAfterSessions}.`;
  return {
    sessionMinutes,
    sessionsPerWeek,
    weeks,
    totalSessions,
    reassessAfterSessions,
    ruleIds: dose.ruleIds,
    rationale: rationale.charAt(0).toUpperCase() + rationale.slice(1),
  };
}

/** Frequency and duration moved by the case: region (neck), irritability, goals, function, age, surgery. */
function adjustCourse(facts: CaseFacts, signs: CaseSigns, dose: Dose, perWeek: number, weeks: number): { sessionsPerWeek: number; weeks: number } {
  let sessionsPerWeek = perWeek;
  let w = weeks;
  const first = facts.painAreas[0];
  const chronic = facts.chronicity === 'chronic';
  // A fresh strain with pain that is not irritable mostly settles within weeks (natural history of acute
  // back and neck pain): a short course, then the reassessment decides whether more is needed.
  if (
    facts.durationWeeks !== null &&
    facts.durationWeeks < RECENT_STRAIN_WEEKS &&
    signs.irritability !== 'high' &&
    MECHANISMS[facts.mechanism].injury &&
    !facts.requested.has('injury_rehabilitation')
  ) {
    w = RECENT_STRAIN_COURSE;
    dose.note(
      'schedule.recent_strain.weeks',
      `Injury under ${RECENT_STRAIN_WEEKS} weeks ago, pain not irritable: a ${RECENT_STRAIN_COURSE}-week course, then reassess (most acute strains settle within weeks).`,
      `${RECENT_STRAIN_COURSE} weeks for a recent strain that is not irritable`,
    );
  }
  if (chronic && first?.region === 'neck') {
    sessionsPerWeek = 3;
    w = 4;
    dose.note(
      'schedule.neck.sherman',
      'Chronic neck pain: 60-minute sessions 3×/week for 4 weeks did best in the dose trial (Sherman 2014).',
      '3×/week for 4 weeks for chronic neck pain (Sherman 2014)',
    );
  } else if (signs.irritability === 'low' && facts.chronicity !== 'acute') {
    sessionsPerWeek = 1;
    dose.note(
      'schedule.calm.frequency',
      `Calm pain (${signs.irritabilityWhy}): weekly sessions, the home program carries the rest.`,
      'weekly because the pain is calm',
    );
  }
  if (facts.requested.has('injury_rehabilitation') && facts.chronicity !== 'acute') {
    w += 2;
    dose.note(
      'schedule.rehabilitation.weeks',
      'Injury rehabilitation: 2 more weeks for graded progression of loading.',
      '2 more weeks for graded rehabilitation',
    );
  }
  const fn = facts.measures.function;
  if (fn && SEVERE_FUNCTION[fn.instrument](fn.score)) {
    w += 2;
    dose.note(
      'schedule.function.severe',
      `Function severely limited (${fn.instrument.toUpperCase()} ${fn.score}): 2 more weeks.`,
      `2 more weeks for severely limited function (${fn.instrument.toUpperCase()} ${fn.score})`,
    );
  }
  const mechanism = MECHANISMS[facts.mechanism];
  if (mechanism.minWeeks > w) {
    w = mechanism.minWeeks;
    const rule = WEEKS_RULES[facts.mechanism];
    dose.note(rule.id, rule.because, `at least ${mechanism.minWeeks} weeks after surgery`);
  }
  if (
    signs.presentations.includes('total_knee_arthroplasty') ||
    signs.presentations.includes('total_hip_arthroplasty') ||
    signs.presentations.includes('acl_reconstruction')
  ) {
    if (w < MAX_WEEKS) {
      w = MAX_WEEKS;
      dose.note(
        'schedule.arthroplasty.weeks',
        'Joint replacement or ACL reconstruction: range and strength goals run to about 3 months (knee flexion 110° by 3 months).',
        '12 weeks for a joint replacement or reconstruction',
      );
    }
  }
  if (facts.age !== null && facts.age >= OLDER_ADULT && (chronic || mechanism.injury || facts.mechanism === 'post_surgical') && w < MAX_WEEKS) {
    w += 2;
    dose.note('schedule.age.weeks', `Age ${facts.age}: recovery is slower, 2 more weeks.`, `2 more weeks at age ${facts.age}`);
  }
  if (facts.age !== null && facts.age >= FREQUENCY_AGE && sessionsPerWeek > 2) {
    sessionsPerWeek = 2;
    dose.note('schedule.age.frequency', `Age ${facts.age}: at most 2 sessions a week (recovery between sessions).`, `at most 2×/week at age ${facts.age}`);
  }
  return { sessionsPerWeek, weeks: w };
}

/** The schedule of a plan that does not go ahead: no sessions until the patient is cleared. */
export function heldSchedule(facts: CaseFacts, decision: 'postpone' | 'refer', explain: Explainer): Schedule {
  const ruleId = explain.add(
    `schedule.${decision}`,
    decision === 'refer'
      ? 'Referred: no sessions are scheduled until a physician has seen the patient.'
      : 'Postponed: no sessions until the patient is re-screened.',
  );
  return {
    sessionMinutes: facts.preferences.sessionMinutes ?? DEFAULT_SESSION_MINUTES,
    sessionsPerWeek: 0,
    weeks: 0,
    totalSessions: 0,
    reassessAfterSessions: 0,
    ruleIds: [ruleId],
    rationale:
      decision === 'refer'
        ? 'No sessions: refer first; re-assess after medical clearance.'
        : 'No sessions now: re-screen when the contraindication has resolved.',
  };
}
