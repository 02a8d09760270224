// Clinical signs the plan rules share, read once per case: irritability (how easily the pain flares),
// swelling and where, and the presentations (clinical pictures) the home program is written for.
import type { CaseFacts } from '../case.facts';
import type { PresentationCode } from '../catalog/catalog.exercises';
import { NEURAL_QUALITIES } from '../catalog/catalog.goals';
import type { RegionCode } from '../catalog/catalog.regions';
import { swellingDenied, swollenRegions } from '../screening/complaint.reader';

export type Irritability = 'high' | 'moderate' | 'low';

export interface CaseSigns {
  irritability: Irritability;
  /** Why, in words (empty for moderate). */
  irritabilityWhy: string;
  neural: boolean;
  nightPain: boolean;
  /** Regions with swelling reported (pain quality, the complaint, or the facts when they carry it). */
  swollen: Set<RegionCode>;
  presentations: PresentationCode[];
  /** Tendon or scar as the target of a region (cross-fibre friction has a target there). */
  tendonRegions: Set<RegionCode>;
  /** Cue words read from the complaint, not negated (e.g. `sitting`, `stress`, `spasm`, `stiff`). */
  cues: ReadonlySet<string>;
}

/** Pain at or above this NRS makes a case irritable (engine choice, from the severe band of the NRS). */
const IRRITABLE_PAIN = 7;
const CALM_PAIN = 3;
/** Up to remodelling (~6 weeks) an operated region is expected to swell. */
export const EARLY_SURGICAL_DAYS = 42;
// Words read from the complaint, one alternation each; scanned in one pass of a combined expression.
const KEYWORDS: [string, string][] = [
  ['(?:osteo)?arthriti?s\\b|\\boa\\b|wear and tear|degenerat', 'arthritis'],
  ['\\b(?:replace\\w*|arthroplast\\w*|tka|tha|tkr|thr)\\b', 'replacement'],
  ['\\b(?:acl|cruciate)\\b', 'acl'],
  ['tennis elbow|lateral epicond|\\bepicondyl', 'tennis_elbow'],
  ['\\b(?:heel|plantar|arch of (?:the|my) foot)\\b', 'heel'],
  ['\\bachilles\\b', 'achilles'],
  ['\\b(?:rolled|twisted|turned|went over on|went over) (?:(?:my|the|an?|his|her|their|left|right|l|r) ){0,2}ankle|\\bsprain', 'sprain'],
  ['\\b(?:lift\\w*|carry\\w*|bending over|mov(?:ed|ing) house)\\b', 'lifting'],
  ['\\b(?:desk|computer|laptop|screen|typing|office|sitting all day|mouse|mousing|keyboard|workstation|spreadsheets?)\\b', 'desk'],
  ['\\bfibromyalgia\\b', 'fibromyalgia'],
  ['\\blymph(?:o)?edema\\b|\\blymphoedema\\b', 'lymphoedema'],
  ['\\b(?:at night|wakes? me|waking|night pain|at rest|while resting|lying in bed)\\b', 'night'],
  // What keeps loading the tissue (the home program addresses it) and signs of the tissue itself.
  ['\\b(?:sitting|sits|seated|driv(?:e|es|ing)|car trip|commut\\w*)\\b', 'sitting'],
  ['\\b(?:long (?:drive|drives|journey|car trip|trip)|long[- ]haul|flight|flew|drives for work)\\b', 'travel'],
  ['\\b(?:garden\\w*|digging|weeding|diy|housework|decorating|bending)\\b', 'bending'],
  ['\\b(?:standing|on (?:my|her|his|their) feet|long shifts|\\d+ ?h(?:ou)?r? shifts)\\b', 'standing'],
  ['\\b(?:overhead|ceiling|reaching up|painting)\\b', 'overhead'],
  ['\\b(?:pillow|slept|sleeping awkwardly|turn(?:s|ing)? (?:over )?in bed|lie on (?:it|that side)|lying on (?:that|her|his|my) side)\\b', 'sleep_position'],
  ['\\b(?:in the mornings?|mornings|morning stiffness|first thing|on waking)\\b', 'morning'],
  ['\\b(?:stress\\w*|anxious|anxiety|overwhelmed|exams?|not sleeping|sleeping badly|poor sleep|insomnia)\\b', 'stress'],
  ['\\b(?:spasm\\w*|cramp\\w*|guarding)\\b', 'spasm'],
  ['\\bstiff', 'stiff'],
  ['\\b(?:run|runs|running|ran|runner|jog\\w*|marathon|sprint\\w*|10k|5k|race)\\b', 'running'],
  ['\\b(?:swim\\w*|serve|serving|throw\\w*|volleyball|pitching)\\b', 'overhead_sport'],
  ['\\b(?:gym|squats?|bench(?:ing)?(?: press)?|deadlifts?|weights|press-ups|push-ups)\\b', 'gym'],
  // "First steps" in the morning is heel pain, not stairs.
  ['\\b(?:stairs|(?<!first )steps|climbing)\\b', 'stairs'],
  ['\\b(?:knots?|knotted|tender (?:spot|point)s?|trigger points?)\\b', 'knot'],
  ['\\b(?:afraid of falling|fear of falling|scared of falling|terrified of falling)\\b', 'falling'],
  ['\\b(?:eases|easier|better|settles|improves) (?:with|when|on|once) (?:walking|moving|movement|(?:i|she|he) moves?)|\\bbetter moving\\b', 'eases_moving'],
  // What the home program and the session's targets are written for (variety rules, engine 2.2).
  ['\\bclick(?:s|ing|ed|y)?\\b', 'jaw_click'],
  // Grinding the teeth is sleep bruxism unless told of the day (review round 7): "grinds her teeth", "teeth
  // grinding", "dentist says she grinds", "bruxist", a night guard; clenching only when told of sleep
  // ("clenches overnight", "wakes with her jaw clenched"). A jaw that grinds when it opens is the joint's
  // noise, and clenching when stressed or at the desk is the daytime habit.
  [
    '(?:grind(?:s|ing)?|gnash\\w*) (?:(?:my|her|his|their|the) )?teeth(?![^.;\\n]*\\b(?:during the day|in the day|daytime|by day|at (?:my|her|his|their|the|a) desk|when concentrating|while concentrating|when driving|while driving)\\b)' +
      '|(?:teeth|tooth)[ -]?grind\\w*(?![^.;\\n]*\\b(?:during the day|in the day|daytime|by day|at (?:my|her|his|their|the|a) desk|when concentrating|while concentrating|when driving|while driving)\\b)' +
      '|(?:(?:she|he|i|they) grinds?|(?:from|with|and|of|due to|known|heavy|bad) grinding)\\b(?! (?:when|on|as) (?:she |he |i |they )?(?:open|chew|eat|yawn|bit|mov))(?![^.;\\n]*\\b(?:during the day|in the day|daytime|by day|at (?:my|her|his|their|the|a) desk|when concentrating|while concentrating|when driving|while driving|noise|sound|sensation|feeling|joint)\\b)' +
      '|brux\\w*|(?:night|mouth|bite|occlusal|dental) ?(?:guard|splint)' +
      '|(?:hears?|heard|hearing) (?:her|him|me|them) grind\\w*' +
      '|clench\\w*(?: (?:my|her|his|their) (?:teeth|jaw))? (?:overnight|through the night|all night|in bed|when (?:asleep|sleeping)|while sleeping|during sleep)' +
      '|(?:nocturnal|sleep|night[- ]?time) (?:clench\\w*|grind\\w*)' +
      '|wak(?:e|es|ing|ens?)(?: up)? (?:with )?(?:(?:my|her|his|their|a) )?(?:jaw |teeth )?clench\\w*' +
      '|wak(?:e|es|ing|ens?)(?: up)? with (?:(?:my|her|his|their|a) )?(?:jaw|teeth) (?:tightly )?clenched',
    'bruxism',
  ],
  ['\\b(?:clench\\w*|grind\\w*)(?: (?:my|her|his|their) teeth)? (?:at night|in (?:my|her|his|their) sleep|while asleep)|\\bbruxism\\b', 'bruxism'],
  ['\\b(?:clench\\w*|grind\\w*)', 'clench'],
  ['\\b(?:leaks?|leaking|leakage)\\b[^.;\\n]*\\b(?:cough\\w*|sneez\\w*|laugh\\w*)|\\bstress incontinence\\b', 'stress_leak'],
  ['\\b(?:little finger|ring finger|pinky|ulnar|funny bone)\\b|\\blean(?:s|ing)? on (?:my|her|his|their|the) elbows?\\b', 'ulnar'],
  ['\\b(?:at work|for work|warehouse|crates|labou?r(?:er|ing))\\b', 'work'],
  ['\\bhik(?:e|es|ed|ing)\\b', 'hiking'],
  ['\\bdoms\\b|\\bdelayed[- ]onset\\b', 'doms'],
  ['\\b(?:twinge|pulled|tear|torn|strain(?:ed)?)\\b', 'strain_word'],
  ['\\b(?:walking stick|with a stick|cane|crutch(?:es)?|walker|zimmer|limp(?:s|ing)?)\\b', 'gait_aid'],
];
// Poor sleep, read on its own (the stress cue above also takes some of these words): not sleeping, a few
// hours a night, insomnia, waking at 3am, a mind that will not switch off.
const POOR_SLEEP =
  /\b(?:not sleeping|sleeping (?:badly|poorly)|poor(?:ly)? sleep\w*|bad(?:ly)? sleep\w*|insomnia|can[’']?t sleep|cannot sleep|unable to sleep|struggl\w* to (?:get to )?sleep|(?:trouble|difficulty|problems?) (?:getting to )?sleep\w*|broken sleep|disturbed sleep|lies? awake|lying awake|awake (?:at|half) (?:night|the night)|wak(?:e|es|ing|ens?) (?:up )?(?:at|around|about) (?:[1-5]|three|four) ?(?:am|a\.m\.|o[’']?clock)?\b|(?:[1-5](?: ?(?:-|to|or) ?[2-6])?|two|three|four|five) ?(?:hrs?|hours?)(?: of)?(?: sleep| a night| per night)|sleep(?:ing|s)? (?:only |about |around )?(?:[1-5](?: ?(?:-|to|or) ?[2-6])?|two|three|four|five) ?(?:hrs?|hours?)\b|can[’']?t (?:switch|turn) off|mind (?:racing|won[’']?t stop))/g;

// From night pain on, a sign word is dropped when its clause holds a negation ("no night pain", "not
// stressed"): they are cues for the dose and the home program, not safety findings (the complaint
// reader judges those). The words before it name a diagnosis or an operation, read as written.
const NEGATABLE_FROM = KEYWORDS.findIndex(([, word]) => word === 'night');
const NEGATION_CUE = /\b(?:no|not|denies|denied|without|nil|never)\b/;
const CLAUSE_END = /[.,;:!?\n]/;
// Every keyword starts a word: the leading \b is factored out so the engine tries the alternatives at
// word starts only (half the time of trying them at every character).
const SCAN = new RegExp(`\\b(?:${KEYWORDS.map(([re]) => `(${re})`).join('|')})`, 'g');
const WORD_OF = KEYWORDS.map(([, word]) => word);

/** The keywords of a complaint in one pass. */
function scan(text: string): Set<string> {
  const words = new Set<string>();
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m !== null; m = SCAN.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const word = WORD_OF[group - 1] as string;
    if (!words.has(word) && (group - 1 < NEGATABLE_FROM || !negated(text, m.index))) words.add(word);
  }
  return words;
}

/** Whether the complaint tells poor sleep, not negated ("sleeping well, no insomnia" is not). */
function poorSleep(text: string): boolean {
  POOR_SLEEP.lastIndex = 0;
  for (let m = POOR_SLEEP.exec(text); m !== null; m = POOR_SLEEP.exec(text)) if (!negated(text, m.index)) return true;
  return false;
}

/** Whether the clause before `at` holds a negation cue. */
function negated(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && !CLAUSE_END.test(text.charAt(from - 1))) from--;
  return from < at && NEGATION_CUE.test(text.slice(from, at));
}

// One-entry memo: the rules of one plan ask in turn with the same facts object (plan generation is
// synchronous), so the signs are read once per plan without a WeakMap entry per plan for the GC.
let lastFacts: CaseFacts | null = null;
let lastSigns: CaseSigns | null = null;

/** The signs of a case; read once per facts object (a pure function of it). */
export function caseSigns(facts: CaseFacts): CaseSigns {
  if (facts !== lastFacts || lastSigns === null) {
    lastSigns = readSigns(facts);
    lastFacts = facts;
  }
  return lastSigns;
}

function readSigns(facts: CaseFacts): CaseSigns {
  const words = scan(facts.complaint.toLowerCase());
  if (poorSleep(facts.complaint.toLowerCase())) words.add('poor_sleep');

  const worst = Math.max(facts.painAreas[0]?.intensity ?? 0, facts.measures.painNrs ?? 0);
  const neural = facts.painAreas.some((a) => a.qualities.some((q) => NEURAL_QUALITIES.includes(q)));
  const nightPain = words.has('night');
  let irritability: Irritability = 'moderate';
  let irritabilityWhy = '';
  if (worst >= IRRITABLE_PAIN || nightPain || neural) {
    irritability = 'high';
    irritabilityWhy = [worst >= IRRITABLE_PAIN ? `pain ${worst}/10` : '', nightPain ? 'pain at night or at rest' : '', neural ? 'nerve-type symptoms' : '']
      .filter(Boolean)
      .join(', ');
  } else if (facts.painAreas.length > 0 && worst <= CALM_PAIN && facts.chronicity !== 'acute') {
    irritability = 'low';
    irritabilityWhy = `pain ${worst}/10 outside the acute phase`;
  }

  const swollen = new Set<RegionCode>();
  for (const a of facts.painAreas) if (a.qualities.includes('swelling')) swollen.add(a.region);
  // Swelling the complaint reports now, on the region it names (the complaint reader decides).
  for (const r of swollenRegions(
    facts.complaint,
    facts.painAreas.map((a) => a.region),
    false,
    facts.today,
  ))
    swollen.add(r);
  // Early after surgery swelling is expected (swelling management early: REFERENCE surgery protocols),
  // unless the complaint says there is none ("wound healed, no swelling now").
  if (facts.mechanism === 'post_surgical' && (facts.surgeryDays === null || facts.surgeryDays < EARLY_SURGICAL_DAYS))
    for (const a of facts.painAreas) if (!swellingDenied(facts.complaint, a.region, facts.today)) swollen.add(a.region);

  return {
    irritability,
    irritabilityWhy,
    neural,
    nightPain,
    swollen,
    presentations: presentationsOf(facts, words),
    tendonRegions: tendonRegions(facts, words),
    cues: words,
  };
}

const TENDON_REGIONS: ReadonlySet<RegionCode> = new Set(['shoulder', 'elbow', 'forearm', 'wrist_hand', 'knee', 'calf', 'ankle_foot', 'hamstring', 'hip']);

/** Regions where a tendon is the target: an overuse mechanism on a tendon region, or a named tendinopathy. */
function tendonRegions(facts: CaseFacts, words: Set<string>): Set<RegionCode> {
  const out = new Set<RegionCode>();
  const overuse = facts.mechanism === 'repetitive_strain' || (facts.mechanism === 'sports' && facts.chronicity !== 'acute');
  for (const a of facts.painAreas) {
    if (!TENDON_REGIONS.has(a.region)) continue;
    if (
      overuse ||
      (words.has('tennis_elbow') && (a.region === 'elbow' || a.region === 'forearm')) ||
      ((words.has('achilles') || words.has('heel')) && (a.region === 'ankle_foot' || a.region === 'calf'))
    )
      out.add(a.region);
  }
  return out;
}

const RUNNING_REGIONS: ReadonlySet<RegionCode> = new Set(['ankle_foot', 'calf', 'knee', 'thigh', 'hamstring', 'hip', 'gluteal', 'lower_back']);
const STAIR_REGIONS: ReadonlySet<RegionCode> = new Set(['knee', 'thigh', 'hip', 'gluteal', 'ankle_foot', 'calf']);
const OVERHEAD_REGIONS: ReadonlySet<RegionCode> = new Set(['shoulder', 'upper_arm', 'neck', 'upper_back']);
/** From this age the home program adds balance practice (WHO 2020). */
const OLDER_ADULT = 65;

/** Both sides of a paired region (left and right bits). */
const BOTH_SIDES = 3;
/**
 * Delayed-onset muscle soreness: both legs sore within a week of a race, a hike, a long run or a gym
 * session, with no injury named (no twinge, pull or tear). Sore muscles, not torn ones: active
 * recovery, not a strain's loading program (engine choice from the DOMS literature).
 */
function doms(facts: CaseFacts, a: CaseFacts['painAreas'][number], words: Set<string>): boolean {
  if (facts.mechanism !== 'sports' || facts.durationWeeks === null || facts.durationWeeks > 1 || words.has('strain_word')) return false;
  if ((a.mask & BOTH_SIDES) !== BOTH_SIDES) return false;
  return words.has('doms') || words.has('running') || words.has('hiking') || words.has('gym');
}

function add(out: PresentationCode[], p: PresentationCode): void {
  if (!out.includes(p)) out.push(p);
}

function presentationsOf(facts: CaseFacts, words: Set<string>): PresentationCode[] {
  const out: PresentationCode[] = [];
  const { mechanism, chronicity } = facts;
  const acute = chronicity === 'acute';
  const older = facts.age !== null && facts.age >= 50;
  const injury = mechanism === 'sports' || mechanism === 'trauma';
  const operated = mechanism === 'post_surgical';
  const arthritis = words.has('arthritis') || (older && chronicity === 'chronic' && (mechanism === 'unknown' || mechanism === 'postural'));
  for (const a of facts.painAreas.slice(0, 3)) {
    switch (a.region) {
      case 'lower_back':
      case 'sacroiliac':
        add(out, acute ? 'acute_low_back_pain' : 'chronic_low_back_pain');
        if (words.has('lifting')) add(out, 'lifting');
        break;
      case 'knee':
      case 'thigh':
        if (a.region === 'thigh' && doms(facts, a, words)) add(out, 'exercise_soreness');
        else if (operated) add(out, words.has('acl') ? 'acl_reconstruction' : words.has('replacement') || older ? 'total_knee_arthroplasty' : 'knee_pain');
        else add(out, arthritis && a.region === 'knee' ? 'knee_osteoarthritis' : 'knee_pain');
        break;
      case 'hip':
      case 'gluteal':
        if (operated && (words.has('replacement') || older)) add(out, 'total_hip_arthroplasty');
        else add(out, arthritis && a.region === 'hip' ? 'hip_osteoarthritis' : 'hip_pain');
        break;
      case 'elbow':
      case 'forearm':
        if (words.has('ulnar')) add(out, 'ulnar_nerve');
        else if (words.has('tennis_elbow') || mechanism === 'repetitive_strain' || (mechanism === 'sports' && !acute)) add(out, 'lateral_elbow_tendinopathy');
        else add(out, 'wrist_hand_pain');
        break;
      case 'ankle_foot':
        if (words.has('achilles')) add(out, 'achilles_tendinopathy');
        // A sprain named in an injury wins over the heel its bruising tracks to ("inversion sprain … bruising to heel").
        else if (words.has('sprain') && injury) add(out, 'ankle_sprain');
        else if (words.has('heel')) add(out, 'plantar_heel_pain');
        else if (words.has('sprain') || (injury && chronicity !== 'chronic')) add(out, 'ankle_sprain');
        else if (!injury && !operated) add(out, 'plantar_heel_pain');
        else add(out, 'ankle_sprain');
        break;
      case 'hamstring':
        if (doms(facts, a, words)) add(out, 'exercise_soreness');
        else if (injury) add(out, 'muscle_strain');
        break;
      case 'calf':
        if (doms(facts, a, words)) add(out, 'exercise_soreness');
        else if (words.has('achilles') || ((mechanism === 'sports' || mechanism === 'repetitive_strain') && !acute)) add(out, 'achilles_tendinopathy');
        else if (injury) add(out, 'muscle_strain');
        break;
      case 'neck':
      case 'head':
        add(out, 'neck_pain');
        break;
      case 'jaw':
        add(out, 'jaw_pain');
        if (words.has('jaw_click')) add(out, 'jaw_clicking');
        if (words.has('bruxism')) add(out, 'night_bruxism');
        break;
      case 'shoulder':
      case 'upper_arm':
        add(out, 'shoulder_pain');
        break;
      case 'upper_back':
        add(out, 'upper_back_pain');
        break;
      case 'chest':
        // A pectoral strain from a lift or a blow: loading of the muscle, not the thoracic program.
        add(out, injury && chronicity !== 'chronic' ? 'chest_wall_strain' : 'upper_back_pain');
        break;
      case 'wrist_hand':
        add(out, words.has('ulnar') ? 'ulnar_nerve' : 'wrist_hand_pain');
        break;
      default:
        break;
    }
  }
  // What keeps loading the tissue, from the complaint: the home program changes the habit.
  if (words.has('lifting') && words.has('work')) add(out, 'manual_handling');
  if (words.has('stress_leak')) add(out, 'stress_incontinence');
  if (words.has('desk')) add(out, 'screen_work');
  if (words.has('running') && facts.painAreas.some((a) => RUNNING_REGIONS.has(a.region))) add(out, 'running');
  if (words.has('overhead_sport') && facts.painAreas.some((a) => OVERHEAD_REGIONS.has(a.region))) add(out, 'overhead_sport');
  if (words.has('gym') && mechanism === 'sports') add(out, 'gym_training');
  if (words.has('falling')) add(out, 'fear_of_falling');
  if (words.has('eases_moving')) add(out, 'eases_with_movement');
  if (words.has('stairs') && facts.painAreas.some((a) => STAIR_REGIONS.has(a.region))) add(out, 'stairs');
  // A long journey is long sitting too (the scan reads "long drive" as the journey).
  if (words.has('sitting') || words.has('travel')) add(out, 'prolonged_sitting');
  if (words.has('travel')) add(out, 'long_travel');
  if (words.has('bending')) add(out, 'bending_tasks');
  if (words.has('standing')) add(out, 'prolonged_standing');
  if (words.has('overhead') && facts.painAreas.some((a) => OVERHEAD_REGIONS.has(a.region))) add(out, 'overhead_work');
  if (words.has('sleep_position')) add(out, 'sleep_position');
  if (words.has('morning') && (words.has('stiff') || facts.painAreas.some((a) => a.qualities.includes('stiffness')))) add(out, 'morning_stiffness');
  if (facts.painAreas.some((a) => a.region !== 'ankle_foot' && a.region !== 'calf' && a.region !== 'knee') && (mechanism === 'postural' || words.has('desk')))
    add(out, 'desk_posture');
  if (operated && facts.painAreas.length > 0 && (facts.surgeryDays === null || facts.surgeryDays < EARLY_SURGICAL_DAYS)) add(out, 'post_surgical_swelling');
  // Older adults: balance and sit-to-stand practice whatever the complaint (falls prevention, WHO 2020).
  if (facts.age !== null && facts.age >= OLDER_ADULT && facts.painAreas.length > 0) add(out, 'older_adult_balance');
  if (words.has('fibromyalgia')) add(out, 'fibromyalgia');
  if (words.has('lymphoedema')) add(out, 'lymphoedema');
  if (facts.requested.has('stress_reduction') || facts.measures.stress || words.has('stress')) add(out, 'stress');
  return out;
}
