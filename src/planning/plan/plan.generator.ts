import type { AssessmentInput } from '../../contracts/assessment.contract';
import type { Decision, Finding, PlanContent } from '../../contracts/plan.contract';
import { deriveFacts, type PlanningContext } from '../case.facts';
import { ENGINE_VERSION } from '../engine.version';
import { Explainer } from '../engine.util';
import { buildRestrictions } from '../screening/restrictions.rules';
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
    const screening = { decision, findings: outcome.findings };
    const summary = writeSummary(facts, { screening, focusAreas: [], techniques: [], schedule, goals: [], homeProgram: [] });
    return { engineVersion: ENGINE_VERSION, screening, summary, focusAreas: [], techniques: [], schedule, goals: [], homeProgram: [], precautions, billing: [], rationale: explain.entries };
  }

  const restrictions = buildRestrictions(facts, outcome, explain);
  const areas = chooseFocus(facts, restrictions, explain);
  const schedule = planSchedule(facts, explain);
  const techniques = chooseTechniques(facts, areas, restrictions, techniqueBudget(schedule.sessionMinutes), explain);
  const goals = planGoals(facts, areas, schedule.weeks, explain);
  const homeProgram = planHomeProgram(facts, areas, outcome.codes, restrictions, explain);
  const billing = planBilling(techniques, explain);
  const precautions = [...restrictions.precautions];
  if (techniques.some((t) => t.code === 'joint_mobilisation')) precautions.push('Joint mobilisation is within physical therapy or chiropractic scope only; a massage therapist substitutes muscle energy technique.');
  const screening = { decision, findings: outcome.findings };
  const focusAreas = toFocusAreas(areas);
  const summary = writeSummary(facts, { screening, focusAreas, techniques, schedule, goals, homeProgram });
  return { engineVersion: ENGINE_VERSION, screening, summary, focusAreas, techniques, schedule, goals, homeProgram, precautions, billing, rationale: explain.entries };
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
