// Which screening questions a presentation calls for, and which of them are still open (SPEC §8): an
// unasked question is an unknown, never a "no" (team reference, "Screening in detail").
// Each question's scope is compiled once into bit masks over the regions, so that asking whether a
// question applies costs a few bit tests per plan rather than scans of the catalog's lists.
import type { AssessmentInput } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import type { ConditionCode } from '../catalog/catalog.conditions';
import { NEURAL_QUALITIES } from '../catalog/catalog.goals';
import { REGION_CODES, type RegionCode } from '../catalog/catalog.regions';
import { SCREENING_QUESTION_CODES, SCREENING_QUESTIONS, type Answer, type ScreeningQuestionCode } from '../catalog/catalog.screening';

/** Post-operative weeks during which DVT questions are asked whatever hurts (Wells: major surgery within 12 weeks). */
const DVT_SURGERY_DAYS = 84;

const REGION_BIT = new Map<RegionCode, number>(REGION_CODES.map((r, i) => [r, 1 << i]));
const regionBits = (regions: readonly RegionCode[]) => regions.reduce((mask, r) => mask | (REGION_BIT.get(r) as number), 0);

interface CompiledQuestion {
  code: ScreeningQuestionCode;
  redFlag: ConditionCode;
  always: boolean;
  minAge: number | null;
  mechanisms: readonly string[];
  regions: number;
  nerveSymptomRegions: number;
  dvt: boolean;
}

const QUESTIONS: CompiledQuestion[] = SCREENING_QUESTION_CODES.map((code) => {
  const { appliesTo, redFlag, group } = SCREENING_QUESTIONS[code];
  return {
    code,
    redFlag,
    always: appliesTo.always,
    minAge: appliesTo.minAge,
    mechanisms: appliesTo.mechanisms,
    regions: regionBits(appliesTo.regions),
    nerveSymptomRegions: regionBits(appliesTo.nerveSymptomRegions),
    dvt: group === 'dvt',
  };
});
const QUESTION_BY_CODE = new Map<ScreeningQuestionCode, CompiledQuestion>(QUESTIONS.map((q) => [q.code, q]));

/** What the question scopes read of a presentation: its painful regions (all, and with nerve-like pain) as bits. */
interface Presentation {
  regions: number;
  neuralRegions: number;
  recentSurgery: boolean;
}

function presentationOf(facts: CaseFacts): Presentation {
  let regions = 0;
  let neuralRegions = 0;
  for (const area of facts.painAreas) {
    const bit = REGION_BIT.get(area.region) as number;
    regions |= bit;
    for (const q of area.qualities) if (NEURAL_QUALITIES.includes(q)) neuralRegions |= bit;
  }
  let recentSurgery = false;
  for (const s of facts.surgeries) if (s.days < DVT_SURGERY_DAYS && !s.minor) recentSurgery = true;
  return { regions, neuralRegions, recentSurgery };
}

function applies(q: CompiledQuestion, facts: CaseFacts, p: Presentation): boolean {
  if (q.always) return true;
  if (q.minAge !== null && facts.age !== null && facts.age >= q.minAge) return true;
  if (q.mechanisms.includes(facts.mechanism)) return true;
  if ((q.regions & p.regions) !== 0 || (q.nerveSymptomRegions & p.neuralRegions) !== 0) return true;
  return q.dvt && p.recentSurgery;
}

/** Whether a question belongs to this presentation. */
export function questionApplies(code: ScreeningQuestionCode, facts: CaseFacts): boolean {
  return applies(QUESTION_BY_CODE.get(code) as CompiledQuestion, facts, presentationOf(facts));
}

/** The answers given, in catalog order of the questions (undefined where none was given): read once per plan. */
export function answersOf(input: AssessmentInput): (Answer | undefined)[] {
  const given = input.screening?.answers;
  const out = new Array<Answer | undefined>(QUESTIONS.length);
  for (let i = 0; i < QUESTIONS.length; i++) out[i] = given ? given[(QUESTIONS[i] as CompiledQuestion).code] : undefined;
  return out;
}

/** The questions answered "yes", in catalog order. */
export function yesAnswers(answers: readonly (Answer | undefined)[]): ScreeningQuestionCode[] {
  const yes: ScreeningQuestionCode[] = [];
  for (let i = 0; i < QUESTIONS.length; i++) if (answers[i] === 'yes') yes.push((QUESTIONS[i] as CompiledQuestion).code);
  return yes;
}

/** The red flags a "no" answer speaks against, so a contrary complaint finding can say so. */
export function deniedFlags(answers: readonly (Answer | undefined)[]): Map<ConditionCode, ScreeningQuestionCode[]> {
  const denied = new Map<ConditionCode, ScreeningQuestionCode[]>();
  for (let i = 0; i < QUESTIONS.length; i++) {
    if (answers[i] !== 'no') continue;
    const q = QUESTIONS[i] as CompiledQuestion;
    const list = denied.get(q.redFlag);
    if (list) list.push(q.code);
    else denied.set(q.redFlag, [q.code]);
  }
  return denied;
}

/**
 * The applicable questions without a yes or no. A condition coded in the screening counts as a "yes"
 * to the question that would raise it (the therapist already knows the answer).
 */
export function unansweredQuestions(answers: readonly (Answer | undefined)[], facts: CaseFacts, coded: ReadonlySet<ConditionCode>): ScreeningQuestionCode[] {
  const open: ScreeningQuestionCode[] = [];
  let presentation: Presentation | null = null;
  for (let i = 0; i < QUESTIONS.length; i++) {
    const answer = answers[i];
    if (answer === 'yes' || answer === 'no') continue;
    const q = QUESTIONS[i] as CompiledQuestion;
    if (coded.has(q.redFlag)) continue;
    presentation ??= presentationOf(facts);
    if (applies(q, facts, presentation)) open.push(q.code);
  }
  return open;
}
