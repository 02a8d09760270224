// A therapist may change a plan's techniques, but not into what the engine would never do for the
// same assessment: hands-on work after a stop finding, work on a region a condition rules out,
// a technique a precaution forbids, or more pressure than a precaution allows (SPEC §4).
import type { AssessmentInput, BillingLine, PlanTechnique } from '../engine.types';
import { deriveFacts, type PlanningContext } from '../case.facts';
import { TECHNIQUE_CODES, TECHNIQUES } from '../catalog/catalog.techniques';
import { coverage, Explainer, placeName, PRESSURE_RANK, pressureOf } from '../engine.util';
import { buildRestrictions, forbiddenBits, INCISION_CLOSED_DAYS, pressureCap, regionRules } from '../screening/restrictions.rules';
import { screen } from '../screening/screening.rules';
import { planBilling } from './billing.rules';

/** Why the technique at `index` of an edited list cannot be in the plan. */
export interface TechniqueViolation {
  index: number;
  message: string;
}

type EditedTechnique = Pick<PlanTechnique, 'code' | 'region' | 'side' | 'pressure'>;

/** The techniques of an edit that the assessment's screening and precautions rule out; empty when all may stay. */
export function techniqueViolations(input: AssessmentInput, context: PlanningContext, techniques: readonly EditedTechnique[]): TechniqueViolation[] {
  if (techniques.length === 0) return [];
  const facts = deriveFacts(input, context);
  const outcome = screen(input, facts);
  if (outcome.decision === 'refer' || outcome.decision === 'postpone') {
    const because = `screening decided to ${outcome.decision}: hands-on treatment needs a new assessment after clearance`;
    return techniques.flatMap((t, index) => (TECHNIQUES[t.code].handsOn ? [{ index, message: because }] : []));
  }
  const restrictions = buildRestrictions(facts, outcome, new Explainer());
  const violations: TechniqueViolation[] = [];
  techniques.forEach((t, index) => {
    const technique = TECHNIQUES[t.code];
    const place = placeName(t.region, t.side);
    const rules = regionRules(restrictions, t.region);
    if (!(technique.regions as readonly string[]).includes(t.region)) {
      violations.push({ index, message: `${technique.label} is not a technique for the ${place}` });
    } else if ((rules.avoidMask & coverage(t.region, t.side)) !== 0) {
      violations.push({ index, message: `the ${place} is to be left alone (${rules.avoidRuleIds.join(', ')})` });
    } else if ((forbiddenBits(restrictions, t.region) & (1 << TECHNIQUE_CODES.indexOf(t.code))) !== 0) {
      violations.push({ index, message: `${technique.label} is ruled out on the ${place} by the screening's precautions` });
    } else if (technique.requiresClosedScar && (rules.surgicalDays === null || rules.surgicalDays < INCISION_CLOSED_DAYS)) {
      violations.push({ index, message: `${technique.label} waits until the incision has closed (~${INCISION_CLOSED_DAYS} days)` });
    } else if (technique.handsOn) {
      const cap = pressureCap(restrictions, t.region, t.pressure);
      if (cap.rank < PRESSURE_RANK[t.pressure]) {
        violations.push({ index, message: `${pressureOf(cap.rank)} pressure at most on the ${place} (${cap.ruleIds.join(', ')})` });
      }
    }
  });
  return violations;
}

/** The billing hints of a session with these techniques (8-minute rule; never 97124 with 97140 on one region). */
export function billingFor(techniques: PlanTechnique[]): BillingLine[] {
  return planBilling(techniques, new Explainer());
}
