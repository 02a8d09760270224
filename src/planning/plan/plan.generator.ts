import type { AssessmentInput, Decision, Finding, PlanContent, PlanGoal, Schedule } from '../engine.types';
import { deriveFacts, type PlanningContext } from '../case.facts';
import { ENGINE_VERSION } from '../engine.version';
import { Explainer } from '../engine.util';
import { buildRestrictions, romLimit, type Restrictions } from '../screening/restrictions.rules';
import { screen } from '../screening/screening.rules';
import { planBilling } from './billing.rules';
import { chooseFocus, toFocusAreas } from './focus.rules';
import { planGoals } from './goal.rules';
import { planHomeProgram } from './home-program.rules';
import { heldSchedule, planSchedule, techniqueBudget } from './schedule.rules';
import { writeSummary } from './summary.writer';
import { chooseTechniques } from './technique.rules';

/** Turns a validated assessment into a plan: pure and deterministic, "today" comes from the context. */
export function generatePlan(input: AssessmentInput, context: PlanningContext): PlanContent {
  const explain = new Explainer();
  const facts = deriveFacts(input, context);
  const outcome = screen(input, facts);
  const decision = outcome.decision;
  explain.add('screen.decision', decisionReason(outcome.findings, decision));

  if (decision === 'refer' || decision === 'postpone') {
    const schedule = heldSchedule(facts, decision, explain);
    const stops = outcome.findings.filter((f) => f.severity === 'stop');
    const precautions = stops.map((f) => f.message);
    const screening = { decision, findings: outcome.findings, unanswered: outcome.unanswered };
    const summary = writeSummary(facts, { screening, focusAreas: [], techniques: [], schedule, goals: [], homeProgram: [] });
    return {
      engineVersion: ENGINE_VERSION,
      screening,
      summary,
      focusAreas: [],
      techniques: [],
      schedule,
      goals: [],
      homeProgram: [],
      precautions,
      billing: [],
      rationale: explain.entries,
    };
  }

  const restrictions = buildRestrictions(facts, outcome, explain);
  const areas = chooseFocus(facts, restrictions, explain);
  const planned = planSchedule(facts, explain);
  const techniques = chooseTechniques(facts, areas, restrictions, techniqueBudget(planned.sessionMinutes), explain);
  const goals = withinProtocol(planGoals(facts, areas, planned.weeks, explain), restrictions, explain);
  const homeProgram = planHomeProgram(facts, areas, outcome.codes, outcome.conditions, restrictions, explain);
  // Without any technique there is nothing to deliver in a session; the home program stays as self-care.
  const schedule = techniques.length === 0 ? emptySchedule(planned, homeProgram.length > 0, explain) : planned;
  const billing = planBilling(techniques, explain);
  const precautions = [...restrictions.precautions];
  if (techniques.some((t) => t.code === 'joint_mobilisation'))
    precautions.push('Joint mobilisation is within physical therapy or chiropractic scope only; a massage therapist substitutes muscle energy technique.');
  const screening = { decision, findings: outcome.findings, unanswered: outcome.unanswered };
  const focusAreas = toFocusAreas(areas);
  const summary = writeSummary(facts, { screening, focusAreas, techniques, schedule, goals, homeProgram });
  return {
    engineVersion: ENGINE_VERSION,
    screening,
    summary,
    focusAreas,
    techniques,
    schedule,
    goals,
    homeProgram,
    precautions,
    billing,
    rationale: explain.entries,
  };
}

/** Range-of-motion targets stay inside the surgery protocols in force (team reference, "Surgery protocols"). */
function withinProtocol(goals: PlanGoal[], restrictions: Restrictions, explain: Explainer): PlanGoal[] {
  if (restrictions.romLimits.length === 0) return goals;
  return goals.map((g) => {
    if (g.measure !== 'rom' || !g.joint || !g.movement || g.target === null) return g;
    const limit = romLimit(restrictions, g.joint, g.movement);
    if (!limit || g.target <= limit.maxDegrees) return g;
    const ruleId = explain.add('goal.rom.protocol_limit', `Range-of-motion targets stay inside the surgery protocol (${limit.ruleId}).`);
    // Already at or past the limit: hold the range, never push further while the protocol lasts.
    const target = g.baseline !== null && g.baseline > limit.maxDegrees ? g.baseline : limit.maxDegrees;
    const rationale = `${g.rationale} Held at ${target}° by the surgery protocol (limit ${limit.maxDegrees}°) while it lasts.`;
    return { ...g, target, ruleIds: [...g.ruleIds, limit.ruleId, ruleId], rationale };
  });
}

/** A plan with no technique to deliver schedules no sessions (SPEC §8); a home program is self-care meanwhile. */
function emptySchedule(planned: Schedule, selfCare: boolean, explain: Explainer): Schedule {
  const because = selfCare
    ? 'No technique can be delivered on the regions in play: no sessions are scheduled; the home program is self-care until the assessment changes.'
    : 'Every region is ruled out and no home exercise fits: no sessions are scheduled until the assessment changes.';
  const ruleId = explain.add('schedule.no_content', because);
  return { ...planned, sessionsPerWeek: 0, weeks: 0, totalSessions: 0, reassessAfterSessions: 0, ruleIds: [ruleId], rationale: `No sessions: ${because}` };
}

function codesOf(findings: Finding[], severity: Finding['severity']): string {
  const codes: string[] = [];
  for (const f of findings) if (f.severity === severity && !codes.includes(f.code)) codes.push(f.code);
  return codes.join(', ');
}

function decisionReason(findings: Finding[], decision: Decision): string {
  switch (decision) {
    case 'refer':
      return `Red flag or a contraindication needing medical care (${codesOf(findings, 'stop')}): refer, no hands-on treatment.`;
    case 'postpone':
      return `Systemic contraindication (${codesOf(findings, 'stop')}): postpone, no hands-on treatment until it has resolved.`;
    case 'treat_with_precautions':
      return `Precautions (${codesOf(findings, 'caution')}) change the plan: treat with them.`;
    default:
      return 'No contraindication or red flag found: treat.';
  }
}
