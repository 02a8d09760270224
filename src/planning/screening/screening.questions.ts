// Which screening questions a presentation calls for, and which of them are still open (SPEC §8): an
// unasked question is an unknown, never a "no" (team reference, "Screening in detail").
import type { AssessmentInput } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import type { ConditionCode } from '../catalog/catalog.conditions';
import { NEURAL_QUALITIES } from '../catalog/catalog.goals';
import { SCREENING_QUESTION_CODES, SCREENING_QUESTIONS, type Answer, type ScreeningQuestionCode } from '../catalog/catalog.screening';

/** Post-operative weeks during which DVT questions are asked whatever hurts (Wells: major surgery within 12 weeks). */
const DVT_SURGERY_DAYS = 84;

/** Whether a question belongs to this presentation. */
export function questionApplies(code: ScreeningQuestionCode, facts: CaseFacts): boolean {
  const scope = SCREENING_QUESTIONS[code].appliesTo;
  if (scope.always) return true;
  if (scope.minAge !== null && facts.age !== null && facts.age >= scope.minAge) return true;
  if (scope.mechanisms.includes(facts.mechanism)) return true;
  for (const area of facts.painAreas) {
    if (scope.regions.includes(area.region)) return true;
    if (scope.nerveSymptomRegions.includes(area.region) && area.qualities.some((q) => NEURAL_QUALITIES.includes(q))) return true;
  }
  if (SCREENING_QUESTIONS[code].group === 'dvt' && facts.surgeries.some((s) => s.days < DVT_SURGERY_DAYS)) return true;
  return false;
}

/** The answers given, as a lookup. */
export function answersOf(input: AssessmentInput): Partial<Record<ScreeningQuestionCode, Answer>> {
  return input.screening?.answers ?? {};
}

/** The questions answered "yes", in catalog order. */
export function yesAnswers(input: AssessmentInput): ScreeningQuestionCode[] {
  const answers = answersOf(input);
  return SCREENING_QUESTION_CODES.filter((q) => answers[q] === 'yes');
}

/** The red flags a "no" answer speaks against, so a contrary complaint finding can say so. */
export function deniedFlags(input: AssessmentInput): Map<ConditionCode, ScreeningQuestionCode[]> {
  const answers = answersOf(input);
  const denied = new Map<ConditionCode, ScreeningQuestionCode[]>();
  for (const q of SCREENING_QUESTION_CODES) {
    if (answers[q] !== 'no') continue;
    const flag = SCREENING_QUESTIONS[q].redFlag;
    denied.set(flag, [...(denied.get(flag) ?? []), q]);
  }
  return denied;
}

/**
 * The applicable questions without a yes or no. A condition coded in the screening counts as a "yes"
 * to the question that would raise it (the therapist already knows the answer).
 */
export function unansweredQuestions(input: AssessmentInput, facts: CaseFacts, coded: ReadonlySet<ConditionCode>): ScreeningQuestionCode[] {
  const answers = answersOf(input);
  return SCREENING_QUESTION_CODES.filter((q) => {
    const answer = answers[q];
    if (answer === 'yes' || answer === 'no') return false;
    if (coded.has(SCREENING_QUESTIONS[q].redFlag)) return false;
    return questionApplies(q, facts);
  });
}
