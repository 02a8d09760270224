// Home program: exercises that address the cause (REFERENCE "Home programs that address the cause"),
// chosen from the library for the case's presentations, regions, mechanism and goals, at a load the
// case tolerates, never with a tag its restrictions forbid. Every goal in play and the mechanism get at
// least one item; each item carries its dose (adjusted to irritability and age) and its progression.
import type { HomeProgramItem } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import { CHRONICITIES, type Chronicity, type HomeExerciseEntry } from '../catalog/catalog.types';
import type { ConditionCode } from '../catalog/catalog.conditions';
import {
  EXERCISE_KINDS,
  HOME_EXERCISE_CODES,
  HOME_EXERCISES,
  PRESENTATION_CODES,
  PRESENTATIONS,
  type ExerciseDose,
  type ExerciseKind,
  type ExerciseTag,
  type HomeExerciseCode,
  type PresentationCode,
} from '../catalog/catalog.exercises';
import { CHRONICITY, GOAL_TYPES, MECHANISM_CODES, MECHANISMS, type GoalType, type MechanismCode } from '../catalog/catalog.goals';
import { MEASURES } from '../catalog/catalog.measures';
import { REGION_CODES, type RegionCode } from '../catalog/catalog.regions';
import type { Explainer } from '../engine.util';
import { INCISION_CLOSED_DAYS, type Restrictions } from '../screening/restrictions.rules';
import { caseSigns, type CaseSigns } from './case-signs';
import { PROCEDURES, protocolPhase } from '../catalog/catalog.surgeries';
import { forbiddenExerciseTags, TAG_BIT } from './exercise-restrictions';
import type { Focus } from './focus.rules';
import { CandidateIndex } from './index-set';
import type { ActiveCondition } from '../screening/screening.rules';

const TIMES = ['', 'once a day', 'twice a day'];
const MAX_ITEMS_SMALL = 4;
const MAX_ITEMS = 5;
const MAX_ITEMS_CHRONIC = 6;
const AREAS_FOR_HOME = 3;
const MAX_SAME_KIND = 2;
const OLDER_ADULT = 70;
const VERY_OLD = 75;
/** Score of an exercise the case does not allow (scores themselves may be negative). */
const NOT_ALLOWED = -1e9;

// ---- Indexes built once at module load -------------------------------------------------------

interface View {
  code: HomeExerciseCode;
  index: number;
  tagMask: number;
  regionMask: number;
  goalMask: number;
  mechanismMask: number;
  /** Indices (in PRESENTATION_CODES) of the presentations it is written for: more than 32, so no bit mask. */
  presentations: number[];
  /** Those of them whose core is given whatever the goals (stairs, falls, bone health). */
  anyGoalPresentations: number[];
  level: number;
  kind: ExerciseKind;
  general: boolean;
  progressionText: string;
  /** Tags of the exercise the progression moves on to: a case that forbids one keeps the patient at this level. */
  nextTagMask: number;
  /** Index of the exercise that comes next, or -1. */
  next: number;
  notAcute: boolean;
  requiresClosedScar: boolean;
  swellingOnly: boolean;
  avoidWith: readonly string[];
  entry: HomeExerciseEntry;
  /** The catalog dose in words, for items whose dose is not adjusted. */
  amount: string;
  kindIndex: number;
  /** Instructions and frequency with the catalog dose, for items whose dose is not adjusted. */
  plainInstructions: string;
  plainFrequency: string;
}

const bitOf = <T>(list: readonly T[]) => {
  const m = new Map<T, number>();
  list.forEach((v, i) => m.set(v, 1 << i));
  return m;
};
const REGION_BIT = bitOf(REGION_CODES);
const GOAL_BIT = bitOf(GOAL_TYPES);
const MECHANISM_BIT = bitOf(MECHANISM_CODES);
const PRESENTATION_INDEX = new Map(PRESENTATION_CODES.map((p, i) => [p, i]));
// Pictures an operation brings: their exercises belong to the operated limb (ankle pumps for a hip or
// knee, arm pumping for an arm), so they count only where the exercise's regions meet the operated or
// painful ones.
const SITE_BOUND = new Set(
  (['total_knee_arthroplasty', 'total_hip_arthroplasty', 'acl_reconstruction', 'post_surgical_swelling'] as const).map(
    (p) => PRESENTATION_INDEX.get(p) as number,
  ),
);
const maskOf = <T>(bits: Map<T, number>, list: readonly T[]) => list.reduce((m, v) => m | (bits.get(v) as number), 0);

const DEFAULT_PROGRESSION: Record<ExerciseKind, string> = {
  advice: 'keep it up; it is reviewed at the reassessment',
  aerobic: 'add 5 minutes a week up to 30 minutes',
  mobility: 'move a little further into the range as it eases',
  stretch: 'hold a little longer, up to 60 seconds, as the stretch eases',
  strength: 'add repetitions up to 3 sets of 15, then add load',
  motor_control: 'hold longer and add repetitions, then a harder position',
  balance: 'eyes closed, then on a softer surface',
  relaxation: 'lengthen the practice by a few minutes a week',
  self_care: 'keep it up while it helps',
};

const tagMaskOf = (tags: readonly ExerciseTag[]) => tags.reduce((m, t) => m | TAG_BIT[t], 0);
/** Said instead of the progression when the next step asks for something the case forbids. */
const HELD_PROGRESSION = 'When this is easy: keep to this level; the next step waits until the restriction above is lifted at a reassessment.';

const VIEWS: View[] = HOME_EXERCISE_CODES.map((code, index) => {
  const e = HOME_EXERCISES[code];
  const next = e.progression ? HOME_EXERCISES[e.progression].label.toLowerCase() : null;
  const how = next ? (e.progressionNote ? `${e.progressionNote}; then ${next}` : `move on to ${next}`) : e.progressionNote || DEFAULT_PROGRESSION[e.kind];
  return {
    code,
    index,
    tagMask: tagMaskOf(e.tags),
    regionMask: maskOf(REGION_BIT, e.regions),
    goalMask: maskOf(GOAL_BIT, e.goalTypes),
    mechanismMask: maskOf(MECHANISM_BIT, e.mechanisms),
    presentations: e.addresses.map((p) => PRESENTATION_INDEX.get(p) as number),
    anyGoalPresentations: e.addresses.filter((p) => PRESENTATIONS[p].anyGoal).map((p) => PRESENTATION_INDEX.get(p) as number),
    level: e.level,
    kind: e.kind,
    general: e.regions.length === 0,
    progressionText: `When this is easy: ${how}.`,
    nextTagMask: e.progression ? tagMaskOf(HOME_EXERCISES[e.progression].tags) : 0,
    next: e.progression ? HOME_EXERCISE_CODES.indexOf(e.progression) : -1,
    notAcute: e.notAcute,
    requiresClosedScar: e.requiresClosedScar,
    swellingOnly: e.swellingOnly,
    avoidWith: e.avoidWith,
    entry: e,
    amount: amountText(e.dose),
    kindIndex: EXERCISE_KINDS.indexOf(e.kind),
    plainInstructions: withAmount(e.instructions, amountText(e.dose)),
    plainFrequency: e.frequency || frequencyText(e.dose),
  };
});
const INDEX = new Map(VIEWS.map((v) => [v.code, v.index]));
const CANDIDATES = new CandidateIndex(VIEWS, PRESENTATION_CODES.length);
/** For each exercise, those whose progression it is. */
const PREVIOUS = VIEWS.map((v) => VIEWS.filter((u) => u.next === v.index).map((u) => u.index));
const GOAL_BITS = GOAL_TYPES.map((g) => GOAL_BIT.get(g) as number);
const CORE = Object.fromEntries(PRESENTATION_CODES.map((p) => [p, PRESENTATIONS[p].core.map((group) => group.map((c) => INDEX.get(c) as number))])) as Record<
  PresentationCode,
  number[][]
>;

const PRESENTATION_RULES = Object.fromEntries(
  PRESENTATION_CODES.map((p) => [p, { id: `home.presentation.${p}`, because: PRESENTATIONS[p].because }]),
) as Record<PresentationCode, { id: string; because: string }>;
const MECHANISM_HOME_RULES = Object.fromEntries(
  MECHANISM_CODES.map((m) => [m, { id: `mechanism.${m}.home`, because: `${MECHANISMS[m].label}: the home program includes an exercise that addresses it.` }]),
) as Record<MechanismCode, { id: string; because: string }>;
// Conditions that bring a program of their own: bone loading for low bone density, pelvic floor work in
// pregnancy, foot care with reduced feeling, aerobic activity for raised blood pressure, moving often
// with a raised clot risk.
const CONDITION_PRESENTATIONS: readonly [ConditionCode, PresentationCode][] = [
  ['lymphoedema', 'lymphoedema'],
  ['fibromyalgia', 'fibromyalgia'],
  ['osteoporosis', 'bone_health'],
  ['osteopenia', 'bone_health'],
  ['pregnancy', 'pregnancy'],
  ['diabetic_neuropathy', 'diabetic_feet'],
  ['controlled_hypertension', 'blood_pressure'],
  ['elevated_blood_pressure', 'blood_pressure'],
  ['dvt_risk_factor', 'clot_risk'],
];
// A recent fracture: nothing that loads the fractured region (resisted, balance, stretch, aerobic work
// whose regions include it) and, in the leg, nothing weight-bearing; range of motion and advice remain.
const FRACTURE_LOADING_KINDS: ReadonlySet<ExerciseKind> = new Set(['strength', 'motor_control', 'balance', 'stretch', 'aerobic']);
const LOWER_LIMB_MASK = maskOf(REGION_BIT, ['hip', 'gluteal', 'thigh', 'hamstring', 'knee', 'calf', 'ankle_foot']);
const LEVEL_WORDS = Object.fromEntries(CHRONICITIES.map((c) => [c, CHRONICITY[c].label.toLowerCase()])) as Record<Chronicity, string>;
const GOAL_RULE = 'home.goal';
const GOAL_BECAUSE = 'Every goal in play gets at least one home exercise, the best-matched one the restrictions allow.';
const REGION_RULE = 'home.region_match';
const REGION_BECAUSE = 'Home exercises are matched to the focus areas, their presentation and the goals, at the load the case tolerates.';

// ---- Per plan ---------------------------------------------------------------------------------

interface Situation {
  facts: CaseFacts;
  signs: CaseSigns;
  acute: boolean;
  scarClosed: boolean;
  swelling: boolean;
  forbidden: number;
  codes: ReadonlySet<string>;
  maxLevel: number;
  /** Region bits of the first focus areas, in order. */
  areaBits: number[];
  mechanismBit: number;
  /** Goal bits of the goals in play, in order. */
  goalBits: number[];
  /** All of areaBits. */
  areaMask: number;
  /** The focus areas and the operated regions: where the pictures an operation brings apply. */
  siteMask: number;
  /** Regions of a recent fracture: no loading exercise for them. */
  fractureMask: number;
  /** The first area is stiff (mobility first) or tight (stretching first). */
  stiff: boolean;
  tight: boolean;
}

interface Chosen {
  view: View;
  goals: GoalType[];
  ruleIds: string[];
}

/** Written for a presentation of the case whose core is given whatever the goals. */
function forAnyGoal(v: View, inPlay: readonly number[]): boolean {
  for (const i of v.anyGoalPresentations) if (inPlay[i] === 1) return true;
  return false;
}

function eligible(v: View, s: Situation): boolean {
  if ((v.tagMask & s.forbidden) !== 0 || v.level > s.maxLevel) return false;
  if ((v.regionMask & s.fractureMask) !== 0 && FRACTURE_LOADING_KINDS.has(v.kind)) return false;
  if ((v.notAcute && s.acute) || (v.requiresClosedScar && !s.scarClosed) || (v.swellingOnly && !s.swelling)) return false;
  for (const c of v.avoidWith) if (s.codes.has(c)) return false;
  return true;
}

/** How many exercises a program holds: fewer when the pain is irritable or the patient very old (adherence), more when chronic and calm. */
function itemLimit(facts: CaseFacts, signs: CaseSigns, explain: Explainer): number {
  if (signs.irritability === 'high' || (facts.age !== null && facts.age >= 80)) {
    explain.add('home.size.small', 'Irritable pain or age 80 or over: a short home program (about 4 exercises) that is done beats a long one that is not.');
    return MAX_ITEMS_SMALL;
  }
  const base = facts.chronicity === 'chronic' ? MAX_ITEMS_CHRONIC : MAX_ITEMS;
  return signs.irritability === 'low' ? base + 1 : base;
}

/** The most a case tolerates: acute or irritable tissue gets low load, chronic calm tissue high load; and why. */
function loadLevel(facts: CaseFacts, signs: CaseSigns): { level: number; why: string[] } {
  const why: string[] = [];
  let level = facts.chronicity === 'chronic' ? 3 : 2;
  why.push(`${LEVEL_WORDS[facts.chronicity]}: level ${level}`);
  if (signs.irritability === 'high' && level > (facts.chronicity === 'chronic' ? 2 : 1)) {
    level = facts.chronicity === 'chronic' ? 2 : 1;
    why.push(`irritable (${signs.irritabilityWhy}): level ${level}`);
  }
  if (facts.mechanism === 'post_surgical') {
    const days = facts.surgeryDays;
    const cap = days === null || days < 42 ? 1 : days < 84 ? 2 : 3;
    if (cap < level) {
      level = cap;
      why.push(`${days === null ? 'time since surgery unknown' : `day ${days} after surgery`}: level ${level}`);
    }
  }
  if (facts.age !== null && facts.age >= VERY_OLD && level > 2) {
    level = 2;
    why.push(`age ${facts.age}: level 2`);
  }
  return { level, why };
}

/**
 * 1: written for a presentation of the case (a post-surgical one only at the operated or painful
 * regions); -1: written only for others; 0: for none in particular.
 */
function presentationFit(v: View, inPlay: readonly number[], siteMask: number): number {
  if (v.presentations.length === 0) return 0;
  const atSite = v.general || (v.regionMask & siteMask) !== 0;
  for (const i of v.presentations) if (inPlay[i] === 1 && (atSite || !SITE_BOUND.has(i))) return 1;
  return -1;
}

function score(v: View, s: Situation, fit: number): number {
  let points = 0;
  const areaBits = s.areaBits;
  for (let i = 0; i < areaBits.length; i++) {
    if ((v.regionMask & (areaBits[i] as number)) !== 0) {
      points += 40 - 10 * i;
      break;
    }
  }
  if (v.general) points += 8;
  if (fit > 0) points += 30;
  else if (fit < 0) points -= 40; // written for another picture (a heel exercise for a sprain)
  if ((v.mechanismMask & s.mechanismBit) !== 0) points += 12;
  const goalBits = s.goalBits;
  for (let i = 0; i < goalBits.length; i++) if ((v.goalMask & (goalBits[i] as number)) !== 0) points += 10 - 2 * i;
  if (v.level === s.maxLevel) points += 8;
  else if (v.level === s.maxLevel - 1) points += 4;
  const kind = v.kind;
  if (s.facts.chronicity === 'chronic' && (kind === 'strength' || kind === 'motor_control' || kind === 'aerobic')) points += 8;
  if (s.acute && (kind === 'mobility' || kind === 'advice')) points += 6;
  if (s.signs.irritability === 'low' && (kind === 'stretch' || kind === 'strength') && v.level === s.maxLevel) points += 6;
  if (s.signs.irritability === 'high' && v.level === 1 && (kind === 'mobility' || kind === 'motor_control' || kind === 'relaxation')) points += 6;
  if ((s.stiff && kind === 'mobility') || (s.tight && kind === 'stretch')) points += 6;
  return points;
}

const GOAL = 0;
const MECHANISM = 1;
const REGION = 2;
const FILL = 3;
/** A filler must match a focus area at least (40 points is a first-area match). */
const FILL_MIN_SCORE = 40;
const HIGH_STRESS = MEASURES.pss10.bands.find((band) => band.label === 'high');
const WALKING = INDEX.get('walking_program') as number;
const SCAR = INDEX.get('scar_self_massage') as number;
const CHRONIC_HOME_BECAUSE = `${CHRONICITY.chronic.label}: a home program always, with graded walking (ACP 2017).`;

function maskIn(v: View, field: number): number {
  return field === GOAL ? v.goalMask : field === MECHANISM ? v.mechanismMask : v.regionMask;
}

/** The program being built: scores of the allowed exercises, what is taken, and the picks. */
class Builder {
  readonly scores: number[] = new Array<number>(VIEWS.length).fill(NOT_ALLOWED);
  readonly taken: number[] = new Array<number>(VIEWS.length).fill(-1);
  readonly chosen: Chosen[] = [];
  /** Indices of the allowed exercises, in catalog order. */
  private readonly allowedList: View[] = [];
  /** Not to be added as a filler: taken, or the progression or predecessor of a taken one. */
  private readonly blocked: boolean[] = new Array<boolean>(VIEWS.length).fill(false);
  private readonly kindCount: number[] = EXERCISE_KINDS.map(() => 0);

  constructor(
    private readonly s: Situation,
    goalMask: number,
    inPlay: readonly number[],
    readonly limit: number,
    private readonly levelRule: string,
  ) {
    // Only exercises serving a goal in play and allowed by the restrictions get a score. Candidates:
    // for a focus area, general, or written for one of the case's presentations — looked up by index
    // (index-set.ts), in catalog order, each then tested in full.
    for (const index of CANDIDATES.candidates(s.areaMask, goalMask, inPlay)) {
      const v = VIEWS[index] as View;
      const fit = presentationFit(v, inPlay, s.siteMask);
      // Advice written for another situation (overhead work, running) is not given for the region alone.
      const relevant = fit > 0 || ((v.general || (v.regionMask & s.areaMask) !== 0) && !(v.kind === 'advice' && fit < 0));
      // A presentation given whatever the goals (falls, stairs, bone health) brings its items without a goal match.
      if (!relevant || ((v.goalMask & goalMask) === 0 && !forAnyGoal(v, inPlay)) || !eligible(v, s)) continue;
      this.scores[index] = score(v, s, fit);
      this.allowedList.push(v);
    }
  }

  allowed(index: number): boolean {
    return (this.scores[index] as number) > NOT_ALLOWED;
  }

  /** The first goal in play an exercise serves. */
  firstGoal(index: number): GoalType | null {
    const mask = (VIEWS[index] as View).goalMask;
    for (let i = 0; i < this.s.goalBits.length; i++) if ((mask & (this.s.goalBits[i] as number)) !== 0) return this.s.facts.goalTypes[i] as GoalType;
    return null;
  }

  has(field: number, bit: number): boolean {
    for (const c of this.chosen) if ((maskIn(c.view, field) & bit) !== 0) return true;
    return false;
  }

  /** The best-scored allowed exercise matching `bit` in `field` (FILL: a regional one not yet taken, no progression of a taken one, at most 2 of a kind). */
  best(field: number, bit: number): number {
    let top = -1;
    let topScore = NOT_ALLOWED;
    for (const v of this.allowedList) {
      const sc = this.scores[v.index] as number;
      if (sc <= topScore) continue;
      if (field === FILL) {
        if ((v.regionMask & this.s.areaMask) === 0 || this.blocked[v.index] || (this.kindCount[v.kindIndex] as number) >= MAX_SAME_KIND) continue;
      } else if ((maskIn(v, field) & bit) === 0) continue;
      top = v.index;
      topScore = sc;
    }
    return top;
  }

  take(index: number, goal: GoalType | null, ruleId: string): void {
    const at = this.taken[index] as number;
    if (at !== -1) {
      const existing = this.chosen[at] as Chosen;
      if (goal && !existing.goals.includes(goal)) existing.goals.push(goal);
      if (!existing.ruleIds.includes(ruleId)) existing.ruleIds.push(ruleId);
      return;
    }
    const view = VIEWS[index] as View;
    this.taken[index] = this.chosen.length;
    this.blocked[index] = true;
    if (view.next >= 0) this.blocked[view.next] = true;
    for (const before of PREVIOUS[index] as number[]) this.blocked[before] = true;
    this.chosen.push({ view, goals: goal ? [goal] : [], ruleIds: [ruleId, this.levelRule] });
    this.kindCount[view.kindIndex] = (this.kindCount[view.kindIndex] as number) + 1;
  }
}

/** The home program of a plan that goes ahead. */
export function planHomeProgram(
  facts: CaseFacts,
  areas: Focus[],
  codes: Set<ConditionCode>,
  conditions: readonly ActiveCondition[],
  restrictions: Restrictions,
  explain: Explainer,
): HomeProgramItem[] {
  const signs = caseSigns(facts);
  let scarClosed = false;
  // for…in: no array of the values per plan.
  for (const region in restrictions.regions) {
    const days = restrictions.regions[region as RegionCode]?.surgicalDays ?? null;
    if (days !== null && days >= INCISION_CLOSED_DAYS) scarClosed = true;
  }
  if (facts.mechanism === 'post_surgical' && facts.surgeryDays !== null && facts.surgeryDays >= INCISION_CLOSED_DAYS) scarClosed = true;

  let presentations = signs.presentations;
  for (const [code, presentation] of CONDITION_PRESENTATIONS) {
    if (codes.has(code) && !presentations.includes(presentation)) presentations = [...presentations, presentation];
  }
  // A hip replacement read only from the complaint brings its protocol (approach unknown: both sets).
  const hipFromText = presentations.includes('total_hip_arthroplasty') && !facts.surgeries.some((s) => s.procedure === 'total_hip_arthroplasty');
  const hipPhase = hipFromText ? protocolPhase('total_hip_arthroplasty', null, facts.surgeryDays ?? 0) : null;
  const protocolMovements = hipPhase
    ? [...restrictions.forbiddenMovements, ...hipPhase.forbidMovements.map((tag) => ({ tag, ruleId: 'surgery.total_hip_arthroplasty.protocol' }))]
    : restrictions.forbiddenMovements;
  const forbidden = forbiddenExerciseTags(codes, {
    chronicity: facts.chronicity,
    mechanism: facts.mechanism,
    surgeryDays: facts.surgeryDays,
    age: facts.age,
    protocolMovements,
  });
  for (const r of forbidden.reasons) explain.add(r.ruleId, r.text);
  // The fracture's recorded place; unrecorded, the screening has put it at the painful regions.
  let fractureMask = 0;
  for (const c of conditions) if (c.code === 'recent_fracture') for (const p of c.places) fractureMask |= REGION_BIT.get(p.region) as number;
  let forbiddenMask = forbidden.mask;
  if (fractureMask !== 0) {
    const leg = (fractureMask & LOWER_LIMB_MASK) !== 0;
    if (leg) forbiddenMask |= TAG_BIT.weight_bearing;
    explain.add(
      'home.recent_fracture',
      `Recent fracture: no strengthening, balance, stretching or aerobic exercise for the fractured region${leg ? ', nothing standing or walking on the leg' : ''} until it has healed and the fracture clinic allows it; gentle range of motion of the joints around it and advice remain.`,
    );
  }

  const { level, why } = loadLevel(facts, signs);
  const firstArea = areas[0];
  const firstQualities = firstArea ? facts.painAreas.find((a) => a.region === firstArea.region)?.qualities : undefined;
  const levelRule = explain.add('home.load_level', `Home exercise load up to level ${level} of 3 (${why.join('; ')}).`);
  const s: Situation = {
    facts,
    signs,
    acute: facts.chronicity === 'acute',
    scarClosed,
    swelling: signs.swollen.size > 0,
    forbidden: forbiddenMask,
    codes,
    maxLevel: level,
    areaBits: areas.slice(0, AREAS_FOR_HOME).map((a) => REGION_BIT.get(a.region) as number),
    mechanismBit: MECHANISM_BIT.get(facts.mechanism) as number,
    goalBits: facts.goalTypes.map((g) => GOAL_BITS[GOAL_TYPES.indexOf(g)] as number),
    areaMask: 0,
    siteMask: 0,
    fractureMask,
    stiff: (firstQualities?.includes('stiffness') ?? false) || signs.cues.has('stiff'),
    tight: firstQualities?.includes('tightness') ?? false,
  };
  for (const bit of s.areaBits) s.areaMask |= bit;
  s.siteMask = s.areaMask;
  for (const surgery of facts.surgeries) {
    for (const region of surgery.region ? [surgery.region] : PROCEDURES[surgery.procedure].regions) s.siteMask |= REGION_BIT.get(region) as number;
  }
  let goalMask = 0;
  for (const g of s.goalBits) goalMask |= g;
  const inPlay = new Array<number>(PRESENTATION_CODES.length).fill(0);
  for (const p of presentations) inPlay[PRESENTATION_INDEX.get(p) as number] = 1;
  const b = new Builder(s, goalMask, inPlay, itemLimit(facts, signs, explain), levelRule);

  // 1. The core of each presentation: the first of the case's in full, one item of each other.
  for (let pi = 0; pi < presentations.length; pi++) {
    const p = presentations[pi] as PresentationCode;
    const groups = CORE[p];
    // A safety item (the daily foot check with numb feet) is given even when the program is full.
    const limit = PRESENTATIONS[p].beyondLimit ? Infinity : b.limit;
    for (let gi = 0; gi < groups.length && (pi === 0 || gi === 0); gi++) {
      // The best-scored allowed exercise of the group (region, level and kind decide; ties: the group's
      // order), one not yet in the program first so that each presentation adds its own.
      let pick = -1;
      let fresh = -1;
      for (const index of groups[gi] as number[]) {
        if (!b.allowed(index)) continue;
        if (pick < 0 || (b.scores[index] as number) > (b.scores[pick] as number)) pick = index;
        if (b.taken[index] === -1 && (fresh < 0 || (b.scores[index] as number) > (b.scores[fresh] as number))) fresh = index;
      }
      if (fresh >= 0 && b.chosen.length < limit) pick = fresh;
      if (pick >= 0 && (b.chosen.length < limit || b.taken[pick] !== -1))
        b.take(pick, b.firstGoal(pick), explain.add(PRESENTATION_RULES[p].id, PRESENTATION_RULES[p].because));
    }
  }
  // 1b. Stress with poor sleep (not sleeping, a few hours a night, waking at 3am): the sleep routine as well
  // as the breathing, even when the program is full (REFERENCE: "Stress: paced breathing, sleep routine").
  if (presentations.includes('stress') && signs.cues.has('poor_sleep')) {
    const rule = explain.add('home.presentation.stress.poor_sleep', 'Stress with poor sleep: a sleep routine with a wind-down, as well as the breathing.');
    for (const group of CORE.stress) {
      if (group.some((index) => b.taken[index] !== -1)) continue;
      let pick = -1;
      for (const index of group) if (b.allowed(index) && (pick < 0 || (b.scores[index] as number) > (b.scores[pick] as number))) pick = index;
      if (pick >= 0) b.take(pick, b.firstGoal(pick), rule);
    }
  }
  // 1c. Stress asked for first, or measured high: the breathing, even when the program is full (a neck
  // stretch that also serves the stress goal is not the reference's "paced breathing").
  const stress = facts.measures.stress;
  const highStress = stress !== undefined && HIGH_STRESS !== undefined && stress.score >= HIGH_STRESS.min;
  if (presentations.includes('stress') && (facts.goalTypes[0] === 'stress_reduction' || highStress)) {
    const breathing = CORE.stress[0] as number[];
    if (!breathing.some((index) => b.taken[index] !== -1)) {
      let pick = -1;
      for (const index of breathing) if (b.allowed(index) && (pick < 0 || (b.scores[index] as number) > (b.scores[pick] as number))) pick = index;
      if (pick >= 0) b.take(pick, b.firstGoal(pick), explain.add(PRESENTATION_RULES.stress.id, PRESENTATION_RULES.stress.because));
    }
  }
  // 2. Every goal in play is served (beyond the size limit if need be).
  for (let gi = 0; gi < s.goalBits.length; gi++) {
    const bit = s.goalBits[gi] as number;
    if (b.has(GOAL, bit)) continue;
    const index = b.best(GOAL, bit);
    if (index >= 0) b.take(index, facts.goalTypes[gi] as GoalType, explain.add(GOAL_RULE, GOAL_BECAUSE));
  }
  // 3. The mechanism: at least one item that addresses the cause.
  if (!b.has(MECHANISM, s.mechanismBit)) {
    const index = b.best(MECHANISM, s.mechanismBit);
    const rule = MECHANISM_HOME_RULES[facts.mechanism];
    if (index >= 0) b.take(index, b.firstGoal(index), explain.add(rule.id, rule.because));
  }
  // 4. Chronic care centres on exercise (ACP 2017): walking, when allowed.
  if (CHRONICITY[facts.chronicity].homeProgramAlways && b.allowed(WALKING)) {
    b.take(WALKING, b.firstGoal(WALKING), explain.add('chronicity.chronic.home_program', CHRONIC_HOME_BECAUSE));
  }
  // 5. After surgery, once the incision has closed: scar self-massage.
  if (facts.mechanism === 'post_surgical' && b.allowed(SCAR)) {
    b.take(SCAR, b.firstGoal(SCAR), explain.add('home.post_surgical.scar', 'The incision has closed: scar self-massage at home keeps the scar mobile.'));
  }
  // 6. Each of the first two focus areas gets one of its own (beyond the limit if need be: the program
  // addresses the regions), then the best of the rest while there is room.
  for (let i = 0; i < s.areaBits.length && i < 2; i++) {
    const bit = s.areaBits[i] as number;
    if (b.has(REGION, bit)) continue;
    const index = b.best(REGION, bit);
    if (index >= 0) b.take(index, b.firstGoal(index), explain.add(REGION_RULE, REGION_BECAUSE));
  }
  while (b.chosen.length < b.limit) {
    const index = b.best(FILL, 0);
    if (index < 0 || (b.scores[index] as number) < FILL_MIN_SCORE) break;
    b.take(index, b.firstGoal(index), explain.add(REGION_RULE, REGION_BECAUSE));
  }
  const chosen = b.chosen;

  const dosing = doseRules(facts, signs, explain);
  return chosen.map((c) => toItem(c, facts, dosing, forbidden.mask));
}

interface Dosing {
  irritable: string | null;
  older: string | null;
  calm: string | null;
}

function doseRules(facts: CaseFacts, signs: CaseSigns, explain: Explainer): Dosing {
  return {
    irritable:
      signs.irritability === 'high'
        ? explain.add('home.dose.irritable', `Irritable pain (${signs.irritabilityWhy}): fewer repetitions and sets to start, holds kept.`)
        : null,
    older:
      facts.age !== null && facts.age >= OLDER_ADULT
        ? explain.add('home.dose.older_adult', `Age ${facts.age}: at most 2 sets, shorter aerobic bouts to start.`)
        : null,
    calm: signs.irritability === 'low' ? explain.add('home.dose.progressed', `Calm pain (${signs.irritabilityWhy}): strengthening starts at 3 sets.`) : null,
  };
}

const STRENGTH_KINDS: ReadonlySet<ExerciseKind> = new Set(['strength', 'motor_control']);

const NO_IDS: string[] = [];

function adjust(base: ExerciseDose, kind: ExerciseKind, dosing: Dosing): { dose: ExerciseDose; ruleIds: string[]; changed: boolean } {
  if (!dosing.irritable && !dosing.older && !dosing.calm) return { dose: { ...base }, ruleIds: NO_IDS, changed: false };
  const dose: ExerciseDose = { ...base };
  const ruleIds: string[] = [];
  if (dosing.irritable) {
    if (dose.reps !== undefined && dose.reps > 5) dose.reps = Math.max(5, Math.round(dose.reps * 0.6));
    if (dose.sets !== undefined && dose.sets > 2) dose.sets = 2;
    if (dose.minutes !== undefined && kind === 'aerobic') dose.minutes = Math.max(5, Math.round(dose.minutes * 0.6));
    ruleIds.push(dosing.irritable);
  }
  if (dosing.older) {
    if (dose.sets !== undefined && dose.sets > 2) dose.sets = 2;
    if (dose.minutes !== undefined && kind === 'aerobic') dose.minutes = Math.max(5, Math.round(dose.minutes * 0.8));
    ruleIds.push(dosing.older);
  }
  if (dosing.calm && STRENGTH_KINDS.has(kind) && dose.reps !== undefined) {
    dose.sets = Math.max(dose.sets ?? 1, 3);
    ruleIds.push(dosing.calm);
  }
  return { dose, ruleIds, changed: true };
}

function frequencyText(dose: ExerciseDose): string {
  const day = dose.perDay === undefined ? '' : (TIMES[dose.perDay] ?? `${dose.perDay} times a day`);
  if (dose.daysPerWeek === undefined) return day || 'daily';
  if (dose.daysPerWeek === 7) return day ? `${day}, every day` : 'daily';
  return day ? `${day}, ${dose.daysPerWeek} days a week` : `${dose.daysPerWeek} days a week`;
}

function withAmount(instructions: string, amount: string): string {
  return amount ? `${instructions} How much: ${amount}.` : instructions;
}

function amountText(dose: ExerciseDose): string {
  const parts: string[] = [];
  if (dose.sets !== undefined && dose.reps !== undefined) parts.push(`${dose.sets} set${dose.sets === 1 ? '' : 's'} of ${dose.reps}`);
  else if (dose.reps !== undefined) parts.push(`${dose.reps} repetition${dose.reps === 1 ? '' : 's'}`);
  if (dose.holdSeconds !== undefined) parts.push(`hold ${dose.holdSeconds} seconds`);
  if (dose.minutes !== undefined) parts.push(`${dose.minutes} minute${dose.minutes === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function toItem(c: Chosen, facts: CaseFacts, dosing: Dosing, forbiddenMask: number): HomeProgramItem {
  const e = c.view.entry;
  const { dose, ruleIds, changed } = adjust(e.dose, e.kind, dosing);
  const goalTypes = facts.goalTypes.filter((g) => c.goals.includes(g) || e.goalTypes.includes(g));
  return {
    code: c.view.code,
    instructions: changed ? withAmount(e.instructions, amountText(dose)) : c.view.plainInstructions,
    frequency: e.frequency || (changed ? frequencyText(dose) : c.view.plainFrequency),
    goalTypes,
    dose,
    progression: (c.view.nextTagMask & forbiddenMask) === 0 ? c.view.progressionText : HELD_PROGRESSION,
    ruleIds: [...c.ruleIds, ...ruleIds],
  };
}
