// Which techniques, where, at what pressure and for how many minutes. For each focus area and goal the
// best technique the restrictions allow is taken (the mechanism's preferences first, gentle ones first
// in the acute phase); minutes follow the priority of area and goal and fit the session.
import type { PlanTechnique } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import { CHRONICITY, GOAL_TYPES, GOALS, MECHANISM_CODES, MECHANISMS, type GoalType, type MechanismCode, type PainQuality } from '../catalog/catalog.goals';
import { CONDITION_CODES, CONDITIONS } from '../catalog/catalog.conditions';
import { REGION_TECHNIQUES, TECHNIQUE_CODES, TECHNIQUES, type TechniqueCode } from '../catalog/catalog.techniques';
import { REGION_CODES, type RegionCode } from '../catalog/catalog.regions';
import { caseSigns, type CaseSigns } from './case-signs';
import type { Pressure, TechniqueEntry } from '../catalog/catalog.types';
import { Explainer, placeName, PRESSURE_RANK, pressureOf, sideOf } from '../engine.util';
import { forbiddenBits, INCISION_CLOSED_DAYS, pressureCap, regionRules, type Restrictions } from '../screening/restrictions.rules';
import type { Focus } from './focus.rules';

const MAX_AREAS = 4;
const CHOICES_PER_GOAL = 2;
const MINUTES_PER_TECHNIQUE = 10;
const MAX_TECHNIQUES = 8;
const FIRST_CHOICE = 'technique.first_choice';
const SECOND_CHOICE = 'technique.second_choice';
const MINUTES_RULE = 'technique.minutes';

interface Candidate {
  code: TechniqueCode;
  preferred: boolean;
}

interface Reason {
  goal: GoalType | null;
  round: number;
  preferred: boolean;
  /** Set when a sign of the case, not a goal's list, brought the technique in. */
  sign?: string;
}

interface Pick {
  code: TechniqueCode;
  entry: TechniqueEntry;
  area: Focus;
  goals: GoalType[];
  weight: number;
  round: number;
  pressure: Pressure;
  ruleIds: string[];
  /** The rules that hold its pressure below the technique's default. */
  capRuleIds: string[];
  /** Why it was picked, per goal; worded only for the techniques that make it into the plan. */
  reasons: Reason[];
  /** The region is an operated one (post-surgical phase rules apply). */
  operated: boolean;
  /** Creation order, the last tie-breaker. */
  order: number;
}

// A goal's techniques in order of preference, per mechanism, region and phase. Calm tissue: the
// mechanism's preferences, then the region's, then the goal's list. Acute: the same order with deep work
// last. Irritable (high pain, night pain, nerve signs): gentle hands-on work first, then gentle active
// work, then the rest, the region's preferences leading each group (stable sorts keep the order).
const DRAINAGE: Candidate = { code: 'manual_lymphatic_drainage', preferred: false };

/** Where swelling is reported, drainage comes first for the goals it serves. */
function withDrainage(goal: GoalType, ranked: Candidate[]): Candidate[] {
  if (!TECHNIQUES.manual_lymphatic_drainage.goalTypes.includes(goal)) return ranked;
  return [DRAINAGE, ...ranked.filter((c) => c.code !== DRAINAGE.code)];
}

const LIGHT_RANK = PRESSURE_RANK.light;
type Phase = 0 | 1 | 2;
const CALM: Phase = 0;
const ACUTE: Phase = 1;
const IRRITABLE: Phase = 2;
function rank(mechanism: MechanismCode, goal: GoalType, region: RegionCode, phase: Phase): Candidate[] {
  const preferred = MECHANISMS[mechanism].prefer[goal] ?? [];
  const forRegion = REGION_TECHNIQUES[region].filter((t) => TECHNIQUES[t].goalTypes.includes(goal) || GOALS[goal].techniques.includes(t));
  const order = phase === IRRITABLE ? [...forRegion, ...preferred, ...GOALS[goal].techniques] : [...preferred, ...forRegion, ...GOALS[goal].techniques];
  const list: Candidate[] = [];
  for (const code of order) {
    if (!list.some((c) => c.code === code)) list.push({ code, preferred: preferred.includes(code) });
  }
  const gentleness = (c: TechniqueCode) =>
    TECHNIQUES[c].intensity !== 'gentle' ? (TECHNIQUES[c].intensity === 'deep' ? 3 : 2) : TECHNIQUES[c].handsOn ? 0 : 1;
  if (phase === IRRITABLE) list.sort((a, b) => gentleness(a.code) - gentleness(b.code));
  else if (phase === ACUTE) list.sort((a, b) => Number(TECHNIQUES[a.code].intensity === 'deep') - Number(TECHNIQUES[b.code].intensity === 'deep'));
  return list;
}
const RANKED = Object.fromEntries(
  MECHANISM_CODES.map((m) => [
    m,
    Object.fromEntries(
      GOAL_TYPES.map((g) => [
        g,
        Object.fromEntries(
          REGION_CODES.map((r) => {
            const phases = [rank(m, g, r, CALM), rank(m, g, r, ACUTE), rank(m, g, r, IRRITABLE)];
            // Then the same with drainage first, for swollen areas.
            return [r, [...phases, ...phases.map((list) => withDrainage(g, list))]];
          }),
        ),
      ]),
    ),
  ]),
) as Record<MechanismCode, Record<GoalType, Record<RegionCode, Candidate[][]>>>;
/** Offset of the drainage-first lists in RANKED. */
const SWOLLEN = 3;

const REGION_RULES = Object.fromEntries(
  REGION_CODES.map((r) => [
    r,
    {
      id: `technique.region.${r}`,
      techniques: new Set(REGION_TECHNIQUES[r]),
      because: `${placeName(r, null)}: ${REGION_TECHNIQUES[r].map((t) => TECHNIQUES[t].label.toLowerCase()).join(', ')} suit its tissue.`,
    },
  ]),
) as Record<RegionCode, { id: string; techniques: Set<TechniqueCode>; because: string }>;

const GOAL_WORDS = Object.fromEntries(GOAL_TYPES.map((g) => [g, GOALS[g].label.toLowerCase()])) as Record<GoalType, string>;
const PRESSURE_WORDS: Record<Pressure, string> = { light: 'Light', moderate: 'Moderate', firm: 'Firm' };
const NO_RULES: string[] = [];
const MECHANISM_WORDS = Object.fromEntries(MECHANISM_CODES.map((m) => [m, MECHANISMS[m].label.replace(/ \([^)]*\)/g, '').toLowerCase()])) as Record<
  MechanismCode,
  string
>;
// The rules that can cap pressure, in words for the rationale (their ids stay in ruleIds).
const CAP_WORDS: Record<string, string> = {
  ...Object.fromEntries(CONDITION_CODES.map((c) => [`condition.${c}.max_pressure`, CONDITIONS[c].label.toLowerCase()])),
  'age.older_adult': 'age',
  'measures.severe_pain': 'severe pain',
  'preference.pressure': 'the patient’s preference',
  'chronicity.acute.pressure': 'the acute phase',
  'surgery.phase.pressure': 'post-surgical healing',
  'mechanism.acute_injury.first_week': 'the first week after the injury',
  'mechanism.acute_injury.swelling': 'swelling after the injury',
  'surgery.mastectomy.lymphoedema_risk': 'lymphoedema risk after axillary surgery',
};
const capWords = (ruleId: string) => CAP_WORDS[ruleId] ?? ruleId;
const PREFER_RULES = Object.fromEntries(
  MECHANISM_CODES.map((m) => [m, { id: `mechanism.${m}.prefer`, because: `${MECHANISMS[m].label}: ${MECHANISMS[m].note}` }]),
) as Record<MechanismCode, { id: string; because: string }>;

/** What the selection needs of a technique, as numbers (it runs for every candidate of every area and goal). */
interface TechniqueView {
  code: TechniqueCode;
  bit: number;
  regions: Set<string>;
  defaultRank: number;
  minRank: number;
  handsOn: boolean;
  gentle: boolean;
  requiresClosedScar: boolean;
  entry: TechniqueEntry;
}
const VIEWS = new Map<TechniqueCode, TechniqueView>(
  TECHNIQUE_CODES.map((code, i) => {
    const t = TECHNIQUES[code];
    const view: TechniqueView = {
      code,
      bit: 1 << i,
      regions: new Set<string>(t.regions),
      defaultRank: PRESSURE_RANK[t.defaultPressure],
      minRank: PRESSURE_RANK[t.minPressure],
      handsOn: t.handsOn,
      gentle: t.intensity === 'gentle',
      requiresClosedScar: t.requiresClosedScar,
      entry: t,
    };
    return [code, view];
  }),
);
const GOAL_MAX_RANK = Object.fromEntries(GOAL_TYPES.map((g) => [g, PRESSURE_RANK[GOALS[g].maxPressure]])) as Record<GoalType, number>;

/** The restrictions of one focus area, folded once: forbidden technique bits, the pressure ceiling, days since surgery. */
interface AreaView {
  area: Focus;
  forbidden: number;
  capRank: number;
  days: number | null;
  /** Swelling reported here (or expected early after surgery): lymphatic drainage has something to do. */
  swollen: boolean;
  /** The restriction that makes lymphatic drainage the core technique here (lymphoedema, a fresh injury); else null. */
  drainageRuleId: string | null;
  /** A tendon is the target here (overuse, named tendinopathy): cross-fibre friction has a target. */
  tendon: boolean;
  /** Per goal in play (in order), the ranked lists of this region and the case's mechanism, by phase. */
  ranked: Candidate[][][];
  /** The order this area's lists follow: the case's phase, or gentle first when the area calls for it. */
  phase: Phase;
  /** Why gentle techniques come first here (irritable pain, light pressure only, the first weeks). */
  gentleRule: { id: string; because: string } | null;
  /** The pain qualities reported for this region. */
  qualities: readonly PainQuality[];
  regionRule: { id: string; techniques: Set<TechniqueCode>; because: string };
}

const NO_QUALITIES: readonly PainQuality[] = [];
/** Under two weeks since onset the muscles still guard the injured tissue (engine choice from healing phases). */
const GUARDING_WEEKS = 2;

/** The order of an area's technique lists, and the rule that puts gentle techniques first when it does. */
function areaPhase(casePhase: Phase, capRank: number, facts: CaseFacts, signs: CaseSigns, region: RegionCode): { phase: Phase; rule: AreaView['gentleRule'] } {
  if (casePhase === IRRITABLE)
    return {
      phase: IRRITABLE,
      rule: { id: 'technique.irritable.gentle_first', because: `Irritable pain (${signs.irritabilityWhy}): gentle techniques are chosen first.` },
    };
  if (capRank === LIGHT_RANK)
    return {
      phase: IRRITABLE,
      rule: {
        id: LIGHT_PRESSURE_RULE,
        because: `Light pressure only on the ${placeName(region, null)}: the techniques that work at light pressure (positional release, effleurage) come first.`,
      },
    };
  if (casePhase === ACUTE && facts.durationWeeks !== null && facts.durationWeeks < GUARDING_WEEKS && strained(facts, signs))
    return {
      phase: IRRITABLE,
      rule: {
        id: 'technique.first_weeks.gentle_first',
        because: `A strain (an injury, lifting or bending) under ${GUARDING_WEEKS} weeks ago: the muscles still guard the injured tissue, so gentle techniques come first.`,
      },
    };
  return { phase: casePhase, rule: null };
}

/** An injury, or a load the complaint names (lifting, bending jobs), strained the tissue. */
function strained(facts: CaseFacts, signs: CaseSigns): boolean {
  return MECHANISMS[facts.mechanism].injury || signs.cues.has('lifting') || signs.cues.has('bending');
}

function areaView(area: Focus, restrictions: Restrictions, signs: CaseSigns, facts: CaseFacts, casePhase: Phase): AreaView {
  const rules = regionRules(restrictions, area.region);
  const byGoal = RANKED[facts.mechanism];
  const ranked: Candidate[][][] = [];
  for (const g of facts.goalTypes) ranked.push(byGoal[g][area.region]);
  const capRank = pressureCap(restrictions, area.region, 'firm').rank;
  const { phase, rule } = areaPhase(casePhase, capRank, facts, signs, area.region);
  return {
    area,
    phase,
    gentleRule: rule,
    qualities: facts.painAreas.find((a) => a.region === area.region)?.qualities ?? NO_QUALITIES,
    forbidden: forbiddenBits(restrictions, area.region),
    capRank,
    days: rules.surgicalDays,
    swollen: signs.swollen.has(area.region) || signs.presentations.includes('lymphoedema') || rules.drainageRuleId !== null,
    drainageRuleId: rules.drainageRuleId,
    tendon: signs.tendonRegions.has(area.region),
    ranked,
    regionRule: REGION_RULES[area.region],
  };
}

/** An operated region whose incision has closed (scar work allowed). */
function scarClosed(view: AreaView): boolean {
  return view.days !== null && view.days >= INCISION_CLOSED_DAYS;
}

/** Whether a technique may be used on an area for a goal, and at what pressure (with the rules capping it). */
function evaluate(code: TechniqueCode, view: AreaView, goal: GoalType, restrictions: Restrictions): { pressure: Pressure; ruleIds: string[] } | null {
  const t = VIEWS.get(code) as TechniqueView;
  if (!t.regions.has(view.area.region) || (view.forbidden & t.bit) !== 0) return null;
  if (t.requiresClosedScar && !scarClosed(view)) return null;
  // Drainage only where there is swelling; friction only on a tendon or a closed scar.
  if (code === 'manual_lymphatic_drainage' && !view.swollen) return null;
  if (code === 'cross_fiber_friction' && !view.tendon && !scarClosed(view)) return null;
  const wanted = Math.min(t.defaultRank, GOAL_MAX_RANK[goal]);
  if (!t.handsOn || view.capRank >= wanted) return { pressure: pressureOf(t.handsOn ? wanted : t.defaultRank), ruleIds: NO_RULES };
  if (view.capRank < t.minRank) return null;
  return { pressure: pressureOf(view.capRank), ruleIds: pressureCap(restrictions, view.area.region, pressureOf(wanted)).ruleIds };
}

const SCAR_WORK = TECHNIQUE_CODES.filter((t) => TECHNIQUES[t].requiresClosedScar);

/** On an operated region whose incision has closed, scar work comes first for the goals it serves. */
function withScarWork(goal: GoalType, ranked: Candidate[]): Candidate[] {
  const scar = SCAR_WORK.filter((t) => TECHNIQUES[t].goalTypes.includes(goal));
  if (scar.length === 0) return ranked;
  return [...scar.map((code) => ({ code, preferred: false })), ...ranked.filter((c) => !scar.includes(c.code))];
}

/** Adds a pick, or merges it into the same technique already picked for the same region. */
function addPick(picks: Pick[], fresh: Pick): void {
  const existing = picks.find((p) => p.code === fresh.code && p.area.region === fresh.area.region);
  if (!existing) {
    picks.push(fresh);
    return;
  }
  for (const g of fresh.goals) if (!existing.goals.includes(g)) existing.goals.push(g);
  for (const r of fresh.reasons) existing.reasons.push(r);
  for (const id of fresh.ruleIds) if (!existing.ruleIds.includes(id)) existing.ruleIds.push(id);
  existing.weight += fresh.weight;
  existing.round = Math.min(existing.round, fresh.round);
}

interface Selection {
  facts: CaseFacts;
  signs: CaseSigns;
  goals: GoalType[];
  picks: Pick[];
  restrictions: Restrictions;
  explain: Explainer;
}

/** For each goal, the technique of this round (0: first allowed choice, 1: second) on one focus area. */
function pickForArea(s: Selection, view: AreaView, ai: number, round: number): void {
  const { facts, goals, picks, explain } = s;
  const phase = view.phase;
  for (let gi = 0; gi < goals.length; gi++) {
    const goal = goals[gi] as GoalType;
    let ranked = (view.ranked[gi] as Candidate[][])[view.swollen ? phase + SWOLLEN : phase] as Candidate[];
    if (scarClosed(view)) ranked = withScarWork(goal, ranked);
    let found = 0;
    for (const { code, preferred } of ranked) {
      const ok = evaluate(code, view, goal, s.restrictions);
      if (!ok || found++ < round) continue;
      const technique = VIEWS.get(code) as TechniqueView;
      const ruleIds = [round === 0 ? FIRST_CHOICE : SECOND_CHOICE];
      if (preferred) ruleIds.push(explain.add(PREFER_RULES[facts.mechanism].id, PREFER_RULES[facts.mechanism].because));
      if (phase === IRRITABLE && technique.gentle && view.gentleRule) ruleIds.push(explain.add(view.gentleRule.id, view.gentleRule.because));
      else if (phase === ACUTE)
        ruleIds.push(explain.add('chronicity.acute.no_deep_first', 'Acute phase (< 6 weeks), not irritable: the region’s usual techniques, deep work last.'));
      const regionRule = view.regionRule;
      if (regionRule.techniques.has(code)) ruleIds.push(explain.add(regionRule.id, regionRule.because));
      if (code === 'manual_lymphatic_drainage') {
        ruleIds.push(explain.add('technique.drainage.swelling', 'Manual lymphatic drainage only where swelling is reported or expected early after surgery.'));
        if (view.drainageRuleId) ruleIds.push(view.drainageRuleId);
      }
      if (code === 'cross_fiber_friction')
        ruleIds.push(explain.add('technique.friction.target', 'Cross-fibre friction only where a tendon or a closed scar is the target.'));
      for (const id of ok.ruleIds) ruleIds.push(id);
      // Minutes follow priority: earlier focus areas, higher-priority goals and first choices weigh more.
      const weight = (MAX_AREAS - ai) * (goals.length - gi) * (round === 0 ? 2 : 1);
      const reasons = [{ goal, round, preferred }];
      const operated = view.days !== null;
      addPick(picks, {
        code,
        entry: technique.entry,
        area: view.area,
        goals: [goal],
        weight,
        round,
        pressure: ok.pressure,
        ruleIds,
        capRuleIds: ok.ruleIds,
        reasons,
        operated,
        order: picks.length,
      });
      break;
    }
  }
}

// Signs of the tissue and of the complaint that call for a technique of their own on an area, beyond the
// goals' lists (engine choice from typical practice; each named in the rationale).
interface SignRule {
  id: string;
  because: string;
  /** The sign in words, for the technique's rationale. */
  words: string;
  code: TechniqueCode;
  applies: (view: AreaView, ai: number, s: Selection) => boolean;
}
// A long journey is long sitting (the scan reads "long drive" as the journey).
const SUSTAINED_CUES = ['sitting', 'travel', 'standing', 'desk'];
const LIGHT_PRESSURE_RULE = 'technique.light_pressure.gentle_first';
/** A gym lift (squats, deadlifts) loads these: the hinge is practised like any lift. */
const SPINE_LIFT_REGIONS: ReadonlySet<RegionCode> = new Set(['lower_back', 'sacroiliac']);
/** Nerve-type qualities a glide suits (burning alone is as often the skin's, numbness alone a neuropathy's). */
const NERVE_GLIDE_QUALITIES: readonly PainQuality[] = ['tingling', 'shooting', 'radiating'];
const STRAIN_REGIONS: ReadonlySet<RegionCode> = new Set(['hamstring', 'calf', 'thigh', 'chest']);
const GAIT_REGIONS: ReadonlySet<RegionCode> = new Set(['hip', 'gluteal', 'thigh', 'knee', 'calf', 'ankle_foot', 'lower_back']);
const SIGN_RULES: SignRule[] = [
  {
    id: 'technique.sign.stiffness',
    because: 'Stiffness: muscle energy technique takes the joint to its barrier with the patient’s own gentle contractions, without thrust.',
    words: 'stiffness reported',
    code: 'muscle_energy_technique',
    // Not on highly irritable pain (night pain, nerve-type symptoms, pain 7/10 or more): the stiffness
    // is worked once the irritability has settled.
    applies: (v, ai, s) => s.signs.irritability !== 'high' && (v.qualities.includes('stiffness') || (ai === 0 && s.signs.cues.has('stiff'))),
  },
  {
    id: 'technique.sign.tightness',
    because: 'Tightness: sustained myofascial release lengthens the restricted fascia.',
    words: 'tightness reported',
    code: 'myofascial_release',
    applies: (v) => v.qualities.includes('tightness'),
  },
  {
    id: 'technique.sign.spasm',
    because: 'Spasm or cramp: positional release shortens the guarding muscle until it lets go, without stretching or compressing it.',
    words: 'spasm or cramp reported',
    code: 'positional_release',
    applies: (v, ai, s) => v.qualities.includes('cramping') || (ai === 0 && s.signs.cues.has('spasm')),
  },
  {
    id: 'technique.sign.wry_neck',
    because: 'Neck locked after sleeping awkwardly (acute wry neck): positional release eases the guarding without stretching it.',
    words: 'neck locked after sleeping awkwardly',
    code: 'positional_release',
    applies: (v, _ai, s) =>
      (v.area.region === 'neck' || v.area.region === 'upper_back') && s.signs.cues.has('sleep_position') && s.facts.chronicity === 'acute',
  },
  {
    id: 'technique.sign.trigger_point',
    because: 'A knot or tender spot named in the complaint: trigger point therapy on it, where pressure is allowed and the injury is not fresh.',
    words: 'knot or tender spot named',
    code: 'trigger_point_therapy',
    applies: (v, ai, s) => ai === 0 && v.phase !== IRRITABLE && s.signs.cues.has('knot'),
  },
  {
    id: 'technique.sign.stress',
    because: 'Stress named in the complaint: slow Swedish effleurage calms the nervous system alongside the pain work.',
    words: 'stress named in the complaint',
    code: 'swedish_massage',
    applies: (_v, ai, s) => ai === 0 && s.signs.cues.has('stress') && !s.goals.includes('stress_reduction'),
  },
  {
    id: 'technique.sign.sustained_posture',
    because:
      'Hours in one posture (sitting, driving, standing, desk work) overload the same muscles; their trigger points are a usual source of the ache (Simons). Not after an injury, on irritable pain or under a light-pressure limit.',
    words: 'sustained posture named in the complaint',
    code: 'trigger_point_therapy',
    applies: (v, ai, s) => ai === 0 && v.phase !== IRRITABLE && !MECHANISMS[s.facts.mechanism].injury && SUSTAINED_CUES.some((c) => s.signs.cues.has(c)),
  },
  {
    id: 'technique.sign.sustained_posture_light',
    because:
      'Hours in one posture overload the same muscles, but pressure must stay light here (a precaution, not irritable tissue): sustained myofascial release works them at light pressure where trigger point pressure cannot.',
    words: 'sustained posture named, light pressure only',
    code: 'myofascial_release',
    applies: (v, ai, s) =>
      ai === 0 &&
      v.gentleRule?.id === LIGHT_PRESSURE_RULE &&
      s.signs.irritability !== 'high' &&
      !MECHANISMS[s.facts.mechanism].injury &&
      SUSTAINED_CUES.some((c) => s.signs.cues.has(c)),
  },
  {
    id: 'technique.sign.lifting',
    because: 'Lifting or bending jobs named as the cause: the hip hinge with the load close is taught and practised in the session.',
    words: 'lifting or bending named as the cause',
    code: 'therapeutic_exercise',
    applies: (v, ai, s) =>
      ai === 0 && (s.signs.cues.has('lifting') || s.signs.cues.has('bending') || (s.signs.cues.has('gym') && SPINE_LIFT_REGIONS.has(v.area.region))),
  },
  {
    id: 'technique.sign.eases_moving',
    because: 'Pain that eases with movement: a few minutes of guided movement in the session show the patient the movement that helps.',
    words: 'pain eases with movement',
    code: 'therapeutic_exercise',
    applies: (_v, ai, s) => ai === 0 && s.signs.cues.has('eases_moving'),
  },
  {
    id: 'technique.subacute.session_exercise',
    because:
      'Subacute (6–12 weeks): graded exercise starts in the session so that the pain does not settle into a chronic pattern (NICE NG59; exercise with manual therapy, JOSPT neck 2017).',
    words: 'exercise starts in the subacute phase',
    code: 'therapeutic_exercise',
    applies: (_v, ai, s) => ai === 0 && s.facts.chronicity === 'subacute',
  },
  // Targets and pictures of the region (engine 2.2): the technique that suits the tissue the
  // presentation puts first.
  {
    id: 'technique.sign.nerve_glide',
    because:
      'Tingling, shooting or radiating symptoms: gentle nerve glides (sliders) move the nerve without stretching it and are taught in the session, with no deep pressure over the nerve (neural mobilisation, Basson 2017).',
    words: 'nerve-type symptoms: nerve glides taught',
    code: 'therapeutic_exercise',
    applies: (v) => v.qualities.some((q) => NERVE_GLIDE_QUALITIES.includes(q)),
  },
  {
    id: 'technique.sign.overhead_loading',
    because:
      'Overhead work or sport behind the shoulder pain: scapular setting and rotator cuff loading are taught in the session, exercise being the first treatment for cuff-related shoulder pain. Not while the pain is highly irritable.',
    words: 'overhead load behind the shoulder pain: cuff and scapular loading taught',
    code: 'therapeutic_exercise',
    applies: (v, _ai, s) =>
      (v.area.region === 'shoulder' || v.area.region === 'upper_arm') &&
      s.signs.irritability !== 'high' &&
      (s.signs.cues.has('overhead') || s.signs.cues.has('overhead_sport')),
  },
  {
    id: 'technique.sign.sprain_balance',
    because: 'Ankle sprain past its first week: balance and proprioceptive training in the session lowers the risk of another sprain (Hupperets 2009).',
    words: 'ankle sprain: balance and proprioception',
    code: 'neuromuscular_reeducation',
    applies: (v, _ai, s) =>
      v.area.region === 'ankle_foot' && s.signs.presentations.includes('ankle_sprain') && s.facts.durationWeeks !== null && s.facts.durationWeeks >= 1,
  },
  {
    id: 'technique.sign.strain_loading',
    because:
      'A muscle strain: pain-free isometric loading of the muscle starts in the session within days of the injury, which shortens recovery (Bayer 2017).',
    words: 'muscle strain: early isometric loading',
    code: 'therapeutic_exercise',
    applies: (v, _ai, s) =>
      STRAIN_REGIONS.has(v.area.region) && (s.signs.presentations.includes('muscle_strain') || s.signs.presentations.includes('chest_wall_strain')),
  },
  {
    id: 'technique.sign.plantar_fascia',
    because: 'Plantar heel pain named: sustained myofascial release of the plantar fascia and the calf, at the pressure allowed (it works at light pressure).',
    words: 'plantar fascia the target',
    code: 'myofascial_release',
    applies: (v, _ai, s) => v.area.region === 'ankle_foot' && s.signs.cues.has('heel') && s.signs.presentations.includes('plantar_heel_pain'),
  },
  {
    id: 'technique.sign.gait_aid',
    because: 'Walking with a stick, crutches or a limp: gait and balance re-education in the session, toward walking without the aid.',
    words: 'walking aid or limp: gait and balance re-education',
    code: 'neuromuscular_reeducation',
    applies: (v, ai, s) => ai === 0 && GAIT_REGIONS.has(v.area.region) && s.signs.cues.has('gait_aid'),
  },
];

/** Adds the techniques that the signs on an area call for (merged into the same technique when already picked). */
function pickForSigns(s: Selection, view: AreaView, ai: number): void {
  for (const rule of SIGN_RULES) {
    if (!rule.applies(view, ai, s)) continue;
    const technique = VIEWS.get(rule.code) as TechniqueView;
    const goal = s.goals.find((g) => technique.entry.goalTypes.includes(g));
    if (!goal) continue;
    const ok = evaluate(rule.code, view, goal, s.restrictions);
    if (!ok) continue;
    const ruleIds = [s.explain.add(rule.id, rule.because)];
    for (const id of ok.ruleIds) ruleIds.push(id);
    addPick(s.picks, {
      code: rule.code,
      entry: technique.entry,
      area: view.area,
      goals: [goal],
      weight: MAX_AREAS - ai,
      round: 1,
      pressure: ok.pressure,
      ruleIds,
      capRuleIds: ok.ruleIds,
      reasons: [{ goal, round: 1, preferred: false, sign: rule.words }],
      operated: view.days !== null,
      order: s.picks.length,
    });
  }
}

/** Chooses the session's techniques within `budget` minutes of hands-on and exercise time. */
export function chooseTechniques(facts: CaseFacts, areas: Focus[], restrictions: Restrictions, budget: number, explain: Explainer): PlanTechnique[] {
  const goals = facts.goalTypes;
  const signs = caseSigns(facts);
  const phase: Phase = signs.irritability === 'high' ? IRRITABLE : facts.chronicity === 'acute' ? ACUTE : CALM;
  const picks: Pick[] = [];
  const views = areas.slice(0, MAX_AREAS).map((area) => areaView(area, restrictions, signs, facts, phase));
  const limit = techniqueLimit(budget);
  const selection: Selection = { facts, signs, goals, picks, restrictions, explain };
  // First choices for every area and goal; second choices only while the session has room for more.
  for (let round = 0; round < CHOICES_PER_GOAL && picks.length < limit; round++) {
    for (let ai = 0; ai < views.length; ai++) pickForArea(selection, views[ai] as AreaView, ai, round);
  }
  // Then what the tissue and the complaint show: stiffness, tightness, spasm, stress, sustained postures.
  for (let ai = 0; ai < views.length; ai++) pickForSigns(selection, views[ai] as AreaView, ai);

  // Chronic pain care centres on exercise (ACP 2017): exercise is taught in the session too.
  const chronicity = CHRONICITY[facts.chronicity];
  const exerciseGoals = goals.filter((g) => TECHNIQUES.therapeutic_exercise.goalTypes.includes(g));
  const first = views[0];
  if (chronicity.sessionExercise && exerciseGoals.length > 0 && first) {
    const ok = evaluate('therapeutic_exercise', first, exerciseGoals[0] as GoalType, restrictions);
    if (ok) {
      const ruleId = explain.once('chronicity.chronic.session_exercise', () => `${chronicity.label}: ${chronicity.note}`);
      const reasons = [{ goal: null, round: 0, preferred: false }];
      const entry = TECHNIQUES.therapeutic_exercise;
      addPick(picks, {
        code: 'therapeutic_exercise',
        entry,
        area: first.area,
        goals: exerciseGoals,
        weight: 3,
        round: 0,
        pressure: ok.pressure,
        ruleIds: [ruleId],
        capRuleIds: [],
        reasons,
        operated: first.days !== null,
        order: picks.length,
      });
    }
  }

  const chosen = select(picks, goals, budget, limit);
  if (chosen.length === 0) return [];
  const minutes = allocate(chosen, budget);
  explain.once(
    MINUTES_RULE,
    () => `Technique minutes follow the priority of focus area and goal, within each technique's catalog range, and fit ${budget} minutes of the session.`,
  );
  explain.add(FIRST_CHOICE, 'Each focus area gets, for each goal, the first technique of the goal’s preference list that the restrictions allow.');
  if (chosen.some((p) => p.ruleIds.includes(SECOND_CHOICE)))
    explain.add(SECOND_CHOICE, 'When the session has time, a second technique for the same goal and area is added.');

  const keyed = chosen.map((p, i) => ({ p, minutes: minutes[i] as number, key: sortKey(p) }));
  keyed.sort((a, b) => a.key - b.key || a.p.order - b.p.order);
  return keyed.map(({ p, minutes: m }) => toTechnique(p, m, goals, MECHANISM_WORDS[facts.mechanism]));
}

/** How many techniques a session of this length can hold (about one per 10 minutes). */
function techniqueLimit(budget: number): number {
  return Math.max(1, Math.min(MAX_TECHNIQUES, Math.floor(budget / MINUTES_PER_TECHNIQUE)));
}

/** Output order: focus area, first-choice before second, goal, then catalog order. */
function sortKey(p: Pick): number {
  return ((p.area.priority * 4 + p.round) * 8 + GOAL_TYPES.indexOf(p.goals[0] as GoalType)) * 32 + TECHNIQUE_CODES.indexOf(p.code);
}

/** The techniques that fit the session: every goal's best first, then by weight, within the budget and the limit. */
function select(picks: Pick[], goals: GoalType[], budget: number, limit: number): Pick[] {
  const sorted = [...picks].sort((a, b) => a.round - b.round || b.weight - a.weight || a.order - b.order);
  const chosen: Pick[] = [];
  let used = 0;
  // Every goal first gets its best technique, then the rest by weight, while time allows.
  const ordered: Pick[] = [];
  for (const goal of goals) {
    const best = sorted.find((p) => p.goals.includes(goal));
    if (best && !ordered.includes(best)) ordered.push(best);
  }
  for (const p of sorted) if (!ordered.includes(p)) ordered.push(p);
  for (const p of ordered) {
    const need = p.entry.minMinutes;
    if (chosen.length >= limit || used + need > budget) continue;
    chosen.push(p);
    used += need;
  }
  return chosen;
}

/** Each technique gets its minimum, then the rest of the budget by weight up to each maximum (integer minutes). */
function allocate(chosen: Pick[], budget: number): number[] {
  const alloc = chosen.map((p) => p.entry.minMinutes);
  let remaining = budget;
  for (const m of alloc) remaining -= m;
  while (remaining > 0) {
    let total = 0;
    for (let i = 0; i < chosen.length; i++) if ((alloc[i] as number) < (chosen[i] as Pick).entry.maxMinutes) total += (chosen[i] as Pick).weight;
    if (total === 0) break;
    let given = 0;
    for (let i = 0; i < chosen.length; i++) {
      const p = chosen[i] as Pick;
      const room = p.entry.maxMinutes - (alloc[i] as number);
      if (room <= 0) continue;
      const share = Math.min(room, Math.floor((remaining * p.weight) / total));
      alloc[i] = (alloc[i] as number) + share;
      given += share;
    }
    if (given === 0) {
      // Shares rounded down to nothing: one minute each, heaviest first.
      const open = chosen.map((_, i) => i).filter((i) => (alloc[i] as number) < (chosen[i] as Pick).entry.maxMinutes);
      open.sort((a, b) => (chosen[b] as Pick).weight - (chosen[a] as Pick).weight || a - b);
      for (const i of open) {
        if (given >= remaining) break;
        alloc[i] = (alloc[i] as number) + 1;
        given++;
      }
    }
    remaining -= given;
  }
  return alloc;
}

/** Why a technique was picked, in words. */
function reasonText(r: Reason, mechanism: string): string {
  if (r.sign) return r.sign;
  if (r.goal === null) return 'chronic pain care centres on exercise (ACP 2017)';
  const why = `${r.round === 0 ? 'first allowed choice' : 'second choice'} for ${GOAL_WORDS[r.goal]}`;
  return r.preferred ? `${why} (preferred for a ${mechanism} complaint)` : why;
}

/** A chosen technique as the plan shows it, with its rationale. */
function toTechnique(p: Pick, minutes: number, inPlay: GoalType[], mechanism: string): PlanTechnique {
  const t = p.entry;
  // A technique also serves the other goals in play that it is made for (Swedish for pain also relaxes).
  const goalTypes = inPlay.filter((g) => p.goals.includes(g) || t.goalTypes.includes(g));
  const ruleIds = [...p.ruleIds, MINUTES_RULE];
  const side = sideOf(p.area.mask);
  let rationale = `${t.label} on the ${placeName(p.area.region, side)} (${p.area.tissues}) for ${goalTypes.map((g) => GOAL_WORDS[g]).join(' and ')}: ${p.reasons.map((r) => reasonText(r, mechanism)).join('; ')}.`;
  if (t.handsOn)
    rationale += ` ${PRESSURE_WORDS[p.pressure]} pressure${p.capRuleIds.length > 0 ? ` (limited by ${p.capRuleIds.map(capWords).join(', ')})` : ''}.`;
  rationale += ` ${minutes} minutes.`;
  if (t.scopeNote) rationale += ` ${t.scopeNote}`;
  if (t.surgicalNote && p.operated) rationale += ` ${t.surgicalNote}`;
  return { code: p.code, region: p.area.region, side, minutes, pressure: p.pressure, goalTypes, rationale, ruleIds };
}
