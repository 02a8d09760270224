// The paragraph a therapist reads aloud: decision, who and what, the plan in numbers, what to watch.
import type { Finding, PlanContent } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import {
  CHRONICITY,
  GOAL_TYPES,
  GOALS,
  HOME_EXERCISE_CODES,
  MECHANISM_CODES,
  MECHANISMS,
  type GoalType,
  type HomeExerciseCode,
  type MechanismCode,
} from '../catalog/catalog.goals';
import { CHRONICITIES, type Chronicity } from '../catalog/catalog.types';
import { MEASURE_CODES, MEASURES, type MeasureCode } from '../catalog/catalog.measures';
import { TECHNIQUE_CODES, TECHNIQUES, type TechniqueCode } from '../catalog/catalog.techniques';
import { placeName } from '../engine.util';

type Parts = Pick<PlanContent, 'screening' | 'focusAreas' | 'techniques' | 'schedule' | 'goals' | 'homeProgram'>;

// Words used in the summary, prepared once: "Myofascial release" → "myofascial release", "Pain, numeric
// rating scale 0–10" → "pain"; names (Swedish, PNF, Oswestry…) keep their capitals.
const words = (label: string) => {
  const short = label.replace(/ \([^)]*\)/g, '').split(',')[0] ?? label;
  return /^[A-Z][a-z]+ [a-z]/.test(short) && !short.startsWith('Swedish') ? short.charAt(0).toLowerCase() + short.slice(1) : short;
};
const TECHNIQUE_WORDS = Object.fromEntries(TECHNIQUE_CODES.map((t) => [t, words(TECHNIQUES[t].label)])) as Record<TechniqueCode, string>;
const MEASURE_WORDS = Object.fromEntries(MEASURE_CODES.map((m) => [m, words(MEASURES[m].label)])) as Record<MeasureCode, string>;
const MECHANISM_WORDS = Object.fromEntries(MECHANISM_CODES.map((m) => [m, words(MECHANISMS[m].label).toLowerCase()])) as Record<MechanismCode, string>;
const GOAL_WORDS = Object.fromEntries(GOAL_TYPES.map((g) => [g, GOALS[g].label.toLowerCase()])) as Record<GoalType, string>;
const HOME_WORDS = Object.fromEntries(HOME_EXERCISE_CODES.map((c) => [c, c.replace(/_/g, ' ')])) as Record<HomeExerciseCode, string>;
const PHASE_WORDS = Object.fromEntries(CHRONICITIES.map((c) => [c, CHRONICITY[c].label.split(' ')[0]?.toLowerCase() ?? c])) as Record<Chronicity, string>;
const HANDS_ON = new Set(TECHNIQUE_CODES.filter((t) => TECHNIQUES[t].handsOn));
const SHOWN_TECHNIQUES = 4;

const quote = (f: Finding) => (f.source === 'complaint' ? `“${f.evidence}” in the complaint` : f.evidence);

function patient(facts: CaseFacts): string {
  const who = facts.age !== null ? `${facts.age}-year-old` : 'Patient';
  const weeks = facts.durationWeeks;
  const duration = weeks !== null ? `${PHASE_WORDS[facts.chronicity]} (${weeks} week${weeks === 1 ? '' : 's'})` : 'duration not recorded';
  const mechanism = facts.mechanism !== 'unknown' ? `, ${MECHANISM_WORDS[facts.mechanism]}` : '';
  const worst = facts.painAreas[0];
  const pain = worst ? `, worst pain ${placeName(worst.region, null)} ${worst.intensity}/10` : '';
  return `${who}: ${duration}${mechanism}${pain}.`;
}

/** One paragraph summarising the plan. */
export function writeSummary(facts: CaseFacts, plan: Parts): string {
  const { decision, findings } = plan.screening;
  if (decision === 'refer' || decision === 'postpone') {
    let reasons = '';
    for (const f of findings) if (f.severity === 'stop') reasons += ` ${f.message} (${quote(f)})`;
    const head = decision === 'refer' ? 'Refer before any treatment.' : 'Postpone treatment.';
    const until = decision === 'refer' ? 'medically cleared' : 're-screened';
    return `${head} ${patient(facts)}${reasons} No hands-on techniques and no sessions are planned until the patient is ${until}.`;
  }
  const s = plan.schedule;
  let text = `${decision === 'treat' ? 'Treat.' : 'Treat with precautions.'} ${patient(facts)}`;
  text += ` Plan: ${s.sessionMinutes}-minute sessions ${s.sessionsPerWeek}× a week for ${s.weeks} weeks (${s.totalSessions} sessions), reassess after session ${s.reassessAfterSessions}.`;
  if (plan.techniques.length > 0) {
    const shown = plan.techniques.slice(0, SHOWN_TECHNIQUES).map((t) => {
      const pressure = HANDS_ON.has(t.code) ? `, ${t.pressure}` : '';
      return `${TECHNIQUE_WORDS[t.code]} to the ${placeName(t.region, t.side)} (${t.minutes} min${pressure})`;
    });
    const more = plan.techniques.length > SHOWN_TECHNIQUES ? ` and ${plan.techniques.length - SHOWN_TECHNIQUES} more` : '';
    text += ` Each session: ${shown.join(', ')}${more}.`;
  } else {
    text += ' No hands-on technique fits the restrictions: the home program carries the goals.';
  }
  if (plan.goals.length > 0) {
    const goals = plan.goals.map((g) => {
      const what = g.measure === 'rom' ? `${g.joint} ${g.movement?.replace('_', ' ')}` : MEASURE_WORDS[g.measure];
      return g.baseline !== null ? `${what} ${g.baseline} → ${g.target} by week ${g.byWeek}` : `${what} (baseline at the first session)`;
    });
    text += ` Goals: ${goals.join('; ')}.`;
  }
  const cautions: string[] = [];
  for (const f of findings) if (f.severity === 'caution' && !cautions.includes(f.code)) cautions.push(f.code);
  if (cautions.length > 0) text += ` Precautions for ${cautions.map((c) => c.replace(/_/g, ' ')).join(', ')}.`;
  if (plan.homeProgram.length > 0) text += ` Home program: ${plan.homeProgram.map((h) => HOME_WORDS[h.code]).join(', ')}.`;
  const served = GOAL_TYPES.filter((g) => plan.techniques.some((t) => t.goalTypes.includes(g)) || plan.homeProgram.some((h) => h.goalTypes.includes(g)));
  if (served.length > 0) text += ` Serves ${served.map((g) => GOAL_WORDS[g]).join(', ')}.`;
  return text;
}
