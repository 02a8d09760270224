// Reads the free-text complaint for red flags and contraindications. Words are matched against the
// lexicon's concepts (longest phrase first; a misspelt critical word is corrected first), negation
// scopes are marked NegEx-style, and a rule fires when its concepts are mentioned, un-negated, close
// together in one sentence: word order and case do not matter ("calf swollen and hot", "Hot, swollen
// calf"). A mention of the past ("DVT in 2015, treated", "fever last week, now gone") is history: each
// rule says whether history is dropped, kept or reported as another code. Vital signs written as numbers
// ("BP 190/115", "temp 38.9") are read too. Everything is compiled once at load.
import { CONDITIONS, SKIN_LESION_CODES, type ConditionCode } from '../catalog/catalog.conditions';
import { REGION_CODES, REGIONS, type RegionCode } from '../catalog/catalog.regions';
import { dayNumber } from '../engine.util';
import { correctSpelling } from './complaint.fuzzy';
import { civilYear, dated, monthDated, MONTHS, numericDated, seasonDated } from './complaint.dates';
import { CONCEPTS, MEDICINE_STOPPED, NEGATION, SIDE_WORDS, SITE_WORDS, TEXT_RULES, type LexiconConcept } from './complaint.lexicon';
import {
  AMBIGUOUS as NEG_AMBIGUOUS,
  ARTICLES,
  markNegation,
  markOtherPeople,
  markOtherSexPossessives,
  ownedByPersonBefore,
  markFormAnswers,
  markFormLines,
  markDashAnswers,
  markSafetyNets,
  markSections,
  markWorkplaces,
  NEGATED as NEG_NEGATED,
  NOT_NEGATED as NEG_NOT_NEGATED,
  recursAfter,
  type Span,
} from './complaint.negation';
import { decimalCommasAsPoints, normalBloodPressureNow, NUMBER_WORDS, readsBloodPressure, readVitals, spokenPressuresAsFigures } from './complaint.numbers';
import {
  capitalised,
  COMMA as TOKEN_COMMA,
  dashBefore,
  matchWordsAt,
  STOP as TOKEN_STOP,
  tokenize,
  WORD as TOKEN_WORD,
  type Tokens,
} from './complaint.tokenizer';
// Imported bindings are read once: a module namespace read costs a getter call in the hot loops.
const K_COMMA = TOKEN_COMMA;
const K_STOP = TOKEN_STOP;
const K_WORD = TOKEN_WORD;
const AMBIGUOUS = NEG_AMBIGUOUS;
const NEGATED = NEG_NEGATED;
const NOT_NEGATED = NEG_NOT_NEGATED;

type Side = 'left' | 'right' | 'bilateral' | null;

export interface ComplaintMatch {
  code: ConditionCode | 'trauma';
  /** The matched words as the patient or therapist wrote them. */
  evidence: string;
  region: RegionCode | null;
  side: Side;
  /**
   * Set when a negation might have covered the words ("No fever or chills, numb groin") and the safer
   * reading won: the finding is raised, and may have been negated.
   */
  uncertain?: true;
  /** Set when the patient is unsure of a red flag ("not sure if I've lost weight"): a question to ask, not a yes. */
  unsure?: true;
  /**
   * Set on a treated condition whose treatment is told as stopped and no reading is written ("ran out of
   * BP meds"): it is no longer known to be controlled.
   */
  treatmentStopped?: true;
}

/** A body region the complaint names (not negated, not history), with its words as evidence. */
export interface RegionMention {
  region: RegionCode;
  side: Side;
  evidence: string;
}

interface Phrase {
  words: string[];
  prefix: boolean[];
  concepts: number[];
  /** The concepts that rules read (filled once the rules are compiled). */
  indexed: number[];
  region: boolean;
  side: boolean;
}

// ---- compile the lexicon -------------------------------------------------------------------------

const conceptIds = new Map<string, number>();
const conceptRegion: (RegionCode | null)[] = [];
const conceptSide: Side[] = [];
const phrasesByText = new Map<string, Phrase>();

function conceptId(name: string, region: RegionCode | null = null, side: Side = null): number {
  let id = conceptIds.get(name);
  if (id === undefined) {
    id = conceptIds.size;
    conceptIds.set(name, id);
    conceptRegion.push(region);
    conceptSide.push(side);
  }
  return id;
}

const LETTER_DIGIT_BOUNDARY = /(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/;

function addPhrase(text: string, concept: number): void {
  const existing = phrasesByText.get(text);
  if (existing) {
    if (!existing.concepts.includes(concept)) existing.concepts.push(concept);
    return;
  }
  // Split as the tokenizer splits a complaint: letters and digits are separate words ("t2dm" → t 2 dm), and an
  // ampersand is no word ("pins & needles" → pins needles).
  const raw = text
    .split(' ')
    .filter((w) => w !== '&')
    .flatMap((w) => w.split(LETTER_DIGIT_BOUNDARY));
  phrasesByText.set(text, {
    words: raw.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w).replace(/'/g, '').replace(/-/g, ' ')),
    prefix: raw.map((w) => w.endsWith('*')),
    concepts: [concept],
    indexed: [],
    region: false,
    side: false,
  });
}

const normalise = (text: string) => text.replace(/-/g, ' ').replace(/'/g, '');

// Therapists write in the third person and the past ("she can't feel the toilet paper", "couldn't hold
// it"): each lexicon phrase also stands for those forms.
const PERSON: Record<string, string[]> = {
  i: ['she', 'he', 'they'],
  my: ['her', 'his', 'their'],
  myself: ['herself', 'himself', 'themselves'],
  im: ['shes', 'hes'],
  ive: ['shes', 'hes'],
  me: ['her', 'him'],
};
const TENSE: Record<string, string[]> = { cant: ['couldnt'], cannot: ['couldnt'], dont: ['doesnt', 'didnt'], am: ['is'] };
// After "she" / "he" a verb takes an s ("when she sits").
const THIRD_PERSON: Record<string, string> = {
  sit: 'sits',
  walk: 'walks',
  stop: 'stops',
  rest: 'rests',
  need: 'needs',
  feel: 'feels',
  go: 'goes',
  lie: 'lies',
  wipe: 'wipes',
  turn: 'turns',
  move: 'moves',
  get: 'gets',
  have: 'has',
  try: 'tries',
  stand: 'stands',
  pee: 'pees',
  wee: 'wees',
  wake: 'wakes',
  roll: 'rolls',
  climb: 'climbs',
  hurry: 'hurries',
  do: 'does',
  cant: 'cant',
  keep: 'keeps',
  trip: 'trips',
  drop: 'drops',
  push: 'pushes',
  press: 'presses',
  bend: 'bends',
  look: 'looks',
  sleep: 'sleeps',
};
const NEG_MODALS = new Set(['cant', 'cannot', 'couldnt', 'dont', 'doesnt', 'didnt', 'wont', 'unable']);
const ADVERBS = [
  'really',
  'even',
  'actually',
  'quite',
  'properly',
  'fully',
  'always',
  'totally',
  'completely',
  'hardly',
  'barely',
  'seem to',
  'really seem to',
];
function variants(text: string): string[] {
  const words = text.split(' ');
  const out: string[] = [];
  const person = (form: number) => {
    let changed = false;
    const w2: string[] = [];
    for (let k = 0; k < words.length; k++) {
      const w = words[k] as string;
      const alt = PERSON[w];
      if (alt) {
        w2.push(alt[Math.min(form, alt.length - 1)] as string);
        changed = true;
        const next = words[k + 1];
        if ((w === 'i' || w === 'im') && next !== undefined && form < 2 && THIRD_PERSON[next]) {
          w2.push(THIRD_PERSON[next] as string);
          k++;
        }
      } else w2.push(w);
    }
    return changed ? w2.join(' ') : null;
  };
  for (let form = 0; form < 3; form++) {
    const v = person(form);
    if (v) out.push(v);
  }
  for (const base of [text, ...out]) {
    const bw = base.split(' ');
    for (let k = 0; k < bw.length; k++) {
      for (const alt of TENSE[bw[k] as string] ?? []) out.push([...bw.slice(0, k), alt, ...bw.slice(k + 1)].join(' '));
    }
  }
  // An adverb between a negated verb and what it governs ("I can't really feel", "she doesn't even feel").
  for (const base of [text, ...out]) {
    const bw = base.split(' ');
    for (let k = 0; k + 1 < bw.length; k++) {
      if (!NEG_MODALS.has(bw[k] as string)) continue;
      for (const adverb of ADVERBS) out.push([...bw.slice(0, k + 1), adverb, ...bw.slice(k + 1)].join(' '));
    }
  }
  return out;
}

for (const name of Object.keys(CONCEPTS) as LexiconConcept[]) {
  const id = conceptId(name);
  for (const text of CONCEPTS[name]) {
    const phrase = normalise(text);
    addPhrase(phrase, id);
  }
}
// Variants after the phrases as written, so a written phrase keeps its own concepts first.
for (const name of Object.keys(CONCEPTS) as LexiconConcept[]) {
  const id = conceptId(name);
  for (const text of CONCEPTS[name]) for (const v of variants(normalise(text))) if (!phrasesByText.has(v)) addPhrase(v, id);
}
for (const region of REGION_CODES) {
  const id = conceptId(`region:${region}`, region);
  for (const term of REGIONS[region].terms) addPhrase(term, id);
}
// A site word places a condition on its catalog region(s): the first as the concept's region, the others as
// its extra regions ("armpit": shoulder and chest).
const siteExtra = new Map<number, readonly RegionCode[]>();
const SITE_CONCEPTS = new Set<number>();
for (const site of SITE_WORDS) {
  const id = conceptId(`site:${site.terms[0]}`, site.regions[0] as RegionCode);
  SITE_CONCEPTS.add(id);
  siteExtra.set(id, site.regions.slice(1));
  for (const term of site.terms) addPhrase(term, id);
}
for (const side of Object.keys(SIDE_WORDS) as (keyof typeof SIDE_WORDS)[]) {
  const id = conceptId(`side:${side}`, null, side);
  for (const term of SIDE_WORDS[side]) addPhrase(term, id);
}

const CONCEPT_COUNT = conceptIds.size;
const NO_PHRASES: Phrase[] = [];
const NO_STEMS: { stem: string; phrase: Phrase }[] = [];
const exactFirst = new Map<string, Phrase[]>();
// Stems ("numb*") are indexed by their first two letters, so a word is compared with few of them.
const prefixFirst = new Map<number, { stem: string; phrase: Phrase }[]>();
function stemKey(word: string): number {
  const a = word.charCodeAt(0);
  const b = word.charCodeAt(1);
  return a < 128 && b < 128 ? a * 128 + b : -1;
}
for (const phrase of phrasesByText.values()) {
  const first = phrase.words[0] ?? '';
  if (phrase.prefix[0]) {
    const key = stemKey(first);
    if (key < 0) throw new Error(`Lexicon stems need two ASCII letters: ${first}`);
    const list = prefixFirst.get(key) ?? [];
    list.push({ stem: first, phrase });
    prefixFirst.set(key, list);
  } else {
    const list = exactFirst.get(first) ?? [];
    list.push(phrase);
    exactFirst.set(first, list);
  }
}
// A written word that a stem also matches ("pregnant", "pregnan*") means both.
for (const list of exactFirst.values()) {
  for (const phrase of list) {
    for (const { phrase: stemmed } of prefixFirst.get(stemKey(phrase.words[0] as string)) ?? NO_STEMS) {
      if (stemmed.words.length !== phrase.words.length) continue;
      let same = true;
      for (let k = 0; k < phrase.words.length && same; k++) {
        const w = phrase.words[k] as string;
        const p = stemmed.words[k] as string;
        same = stemmed.prefix[k] ? w.startsWith(p) : w === p;
      }
      if (same) for (const c of stemmed.concepts) if (!phrase.concepts.includes(c)) phrase.concepts.push(c);
    }
  }
}
// Longest phrase first, so "no feeling" (a symptom) wins over "no" (a negation) and "upper back" over "back".
for (const list of exactFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
for (const list of prefixFirst.values()) list.sort((a, b) => b.phrase.words.length - a.phrase.words.length);

/** The longest phrase that starts at word `i` of `words`, other than `self`. */
function longestAt(words: string[], i: number, self: Phrase | null): Phrase | null {
  const w = words[i] as string;
  let best: Phrase | null = null;
  let bestLen = 0;
  const fits = (phrase: Phrase) => {
    if (phrase === self || phrase.words.length <= bestLen || i + phrase.words.length > words.length) return;
    for (let k = 0; k < phrase.words.length; k++) {
      const word = words[i + k] as string;
      const p = phrase.words[k] as string;
      if (phrase.prefix[k] ? !word.startsWith(p) : word !== p) return;
    }
    best = phrase;
    bestLen = phrase.words.length;
  };
  for (const phrase of exactFirst.get(w) ?? NO_PHRASES) fits(phrase);
  for (const { phrase } of prefixFirst.get(stemKey(w)) ?? NO_STEMS) fits(phrase);
  return best;
}

// A phrase also means what its parts mean, when they are body parts, sides or symptoms: "both legs" is
// legs on both sides, "sore shoulder" a painful shoulder, "left arm" the arm on the left.
const INHERITED = new Set<number>(
  (
    [
      'leg',
      'calf_word',
      'hand_word',
      'both_hands',
      'both_legs',
      'gait',
      'spine_or_limbs',
      'face_area',
      'cardiac_site',
      'cardiac_site_weak',
      'cardiac_site_specific',
      'cardiac_site_limb',
      'feet_word',
      'limb',
      'chest_area',
      'abdomen_word',
      'saddle_area',
      'neck_context',
      'pain_word',
      'discomfort',
      'tender',
      'chest_symptom',
      'swelling',
      'sensation_loss',
      'weakness',
      'warmth',
      'redness',
      'cancer_word',
      'headache',
      'vehicle',
      'collision',
      'fall_verb',
    ] as LexiconConcept[]
  ).map((c) => conceptId(c)),
);
const NO_INHERITANCE = new Set<number>(
  // A face's part is not what its words name elsewhere: a "bottom lip" is no saddle.
  (['not_body', 'not_a_fall', 'infection_word', 'spinal_infection_word', 'contagious_word', 'low_energy', 'face_area'] as LexiconConcept[]).map((c) =>
    conceptId(c),
  ),
);
{
  const own = new Map<Phrase, number[]>();
  for (const phrase of phrasesByText.values()) own.set(phrase, [...phrase.concepts]);
  for (const phrase of phrasesByText.values()) {
    if (phrase.words.length < 2 || phrase.concepts.some((c) => NO_INHERITANCE.has(c))) continue;
    const hasRegion = phrase.concepts.some((c) => conceptRegion[c] !== null);
    let lastRegion: number | null = null;
    for (let i = 0; i < phrase.words.length;) {
      const part = longestAt(phrase.words, i, phrase);
      if (!part || part.words.length >= phrase.words.length) {
        i++;
        continue;
      }
      for (const c of own.get(part) ?? []) {
        if (conceptRegion[c] !== null) lastRegion = c;
        else if ((conceptSide[c] !== null || INHERITED.has(c)) && !phrase.concepts.includes(c)) phrase.concepts.push(c);
      }
      i += part.words.length;
    }
    if (!hasRegion && lastRegion !== null) phrase.concepts.push(lastRegion);
  }
}

interface CompiledRule {
  code: ConditionCode | 'trauma';
  stop: boolean;
  all: number[];
  some: { of: number[]; min: number } | null;
  any: number[];
  none: number[];
  context: number[];
  window: number;
  region: 'optional' | 'required' | 'forbidden' | null;
  history: 'keep' | 'drop' | 'resolved' | 'longPast' | ConditionCode;
  medicine: boolean;
  notFamiliar: boolean;
  preEclampsiaSign: boolean;
  noneNear: { of: number[]; near: number[] } | null;
  noneNearUnless: number[];
  benign: { all: number[]; unless: number[] }[];
  notOfPlace: number[];
  transient: boolean;
  ownPlace: number[];
  excludedAfter: number[];
  explainedBy: number[];
  bilateral: boolean;
  contextBefore: boolean;
  contextNow: boolean;
  /** Exertional pain, told at length: how long and how sure do not count against its window. */
  exertional: boolean;
  measuredDecides: boolean;
}

const RULES: CompiledRule[] = TEXT_RULES.map((r) => ({
  code: r.code,
  stop: r.code !== 'trauma' && CONDITIONS[r.code].severity === 'stop',
  all: r.all.map((c) => conceptId(c)),
  some: r.some ? { of: r.some.of.map((c) => conceptId(c)), min: r.some.min } : null,
  any: (r.any ?? []).map((c) => conceptId(c)),
  none: (r.none ?? []).map((c) => conceptId(c)),
  context: (r.context ?? []).map((c) => conceptId(c)),
  window: r.window ?? 10,
  region: r.region ?? null,
  history: r.history ?? 'keep',
  medicine: r.medicine ?? false,
  notFamiliar: r.notFamiliar ?? false,
  preEclampsiaSign: r.preEclampsiaSign ?? false,
  noneNear: r.noneNear ? { of: r.noneNear.of.map((c) => conceptId(c)), near: r.noneNear.near.map((c) => conceptId(c)) } : null,
  noneNearUnless: (r.noneNearUnless ?? []).map((c) => conceptId(c)),
  benign: (r.benign ?? []).map((b) => ({ all: b.all.map((c) => conceptId(c)), unless: b.unless.map((c) => conceptId(c)) })),
  notOfPlace: (r.notOfPlace ?? []).map((c) => conceptId(c)),
  transient: r.transient ?? false,
  ownPlace: (r.ownPlace ?? []).map((c) => conceptId(c)),
  excludedAfter: (r.excludedAfter ?? []).map((c) => conceptId(c)),
  explainedBy: (r.explainedBy ?? []).map((c) => conceptId(c)),
  bilateral: r.bilateral ?? false,
  contextBefore: r.contextBefore ?? false,
  contextNow: r.contextNow ?? false,
  measuredDecides: r.measuredDecides ?? false,
  exertional: r.code === 'cardiac_symptoms' && r.all.some((c) => c === 'exertion' || c === 'exertion_strong'),
}));

// The rules by the first concept they need, in rule order: a text is checked only against the rules its
// concepts can start.
const RULES_BY_FIRST: number[][] = [];
RULES.forEach((r, k) => (RULES_BY_FIRST[r.all[0] as number] ??= []).push(k));

const cid = (c: LexiconConcept) => conceptId(c);
{
  const read = new Set<number>([
    cid('swelling'),
    cid('lymphoedema_word'),
    cid('calf_word'),
    cid('leg'),
    cid('warmth'),
    cid('redness'),
    cid('calf_tender'),
    cid('dvt_risk_hormonal'),
    cid('bruising'),
    cid('dizzy'),
    cid('faint'),
    cid('palpitation'),
    cid('dyspnoea'),
  ]);
  for (const r of RULES) for (const list of [r.all, r.any, r.none, r.context, r.explainedBy, r.some?.of ?? []]) for (const c of list) read.add(c);
  for (const r of RULES)
    for (const c of [...(r.noneNear?.of ?? []), ...(r.noneNear?.near ?? []), ...r.noneNearUnless, ...(r.benign ?? []).flatMap((b) => [...b.all, ...b.unless])])
      read.add(c);
  for (const phrase of phrasesByText.values()) {
    phrase.region = phrase.concepts.some((c) => conceptRegion[c] !== null);
    phrase.side = phrase.concepts.some((c) => conceptSide[c] !== null);
    phrase.indexed = phrase.concepts.filter((c) => read.has(c));
  }
}
const HISTORY_BEFORE = cid('history_before');
const FALL_VERB = cid('fall_verb');
const BP_TREATMENT = cid('bp_treatment');
const FAMILIAR = cid('familiar');
const GESTATION = cid('gestation');
const PREGNANCY_WORD = cid('pregnancy_word');
const VISUAL = cid('visual');
const PREGNANCY_WARNING = cid('pregnancy_warning');
const HEADACHE = cid('headache');
const NOVEL_HEADACHE = cid('novel_headache');
const MEDICINE_CONCEPTS = new Set<number>(
  (['anticoagulant', 'blood_thinner_generic', 'antiplatelet', 'aspirin', 'nsaid', 'bp_treatment', 'dvt_risk_hormonal'] as LexiconConcept[]).map(cid),
);
const HISTORY_AFTER = cid('history_after');
const RESOLVED = cid('resolved_word');
const RECENT = cid('recent_word');
const CURRENT = cid('current_word');
const SWELLING = cid('swelling');
const CALF = cid('calf_word');
const LEG = cid('leg');
const CALF_SIGNS = [SWELLING, cid('warmth'), cid('redness'), cid('calf_tender')];
const HORMONAL_RISK = cid('dvt_risk_hormonal');
/** How far (in words) a calf sign may be from the calf it describes ("left calf is redder and achy"). */
const CALF_SIGN_REACH = 6;
// Words that keep what follows current ("DVT in 2015 but now calf hot").
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'still', 'now', 'whereas']);
const LYMPHOEDEMA = cid('lymphoedema_word');
const BRUISING = cid('bruising');
const HEART_RATE_SYMPTOMS = [cid('dizzy'), cid('faint'), cid('palpitation'), cid('dyspnoea')];
const SWELLING_ONLY = [SWELLING, LYMPHOEDEMA];
const SWELLING_OR_BRUISING = [SWELLING, LYMPHOEDEMA, BRUISING];
// Mentions that do not end the reach of a history word: places, sides, time words, pain words.
const NEUTRAL = new Set<number>(
  (
    [
      'leg',
      'calf_word',
      'limb',
      'pain_word',
      'tender',
      'discomfort',
      'chest_symptom',
      'recent_word',
      'long_ago',
      'history_before',
      'history_after',
      'mechanical_night',
      // The circumstance of an old injury: "broke a bone in my lower back in a motorbike crash back in 2011".
      'vehicle',
      'collision',
      'height',
      'not_body',
      // Words read only as the circumstance of another finding (a benign picture, a context): not findings themselves.
      'sleep_word',
      'broken_thing',
      'star_sign',
      'collapse_of_thing',
      'fiction_word',
      'tiredness_word',
      'respiratory_illness',
      'menopause_word',
      'fever_measured',
      'supplement_word',
      'explains_word',
      'clot_prevention',
      'aneurysm_screening',
      'expected_after_surgery',
      'bone_unhealed',
      'neck_fine',
      'cardiac_procedure',
      'gestational_diabetes',
      'single_occasion',
      'leg_joint_injury',
      'chronic_deformity',
      'cold_exposure',
      'rewarmed',
      'skin_ok_elsewhere',
      'warning_elsewhere',
      'eased_by_moving',
      'spin_class',
      'limb_part',
      'cardiac_quality',
      'gp_practice',
      'temperature_word',
      // A gestation told with an old pregnancy's event ("2019 - pre-eclampsia at 36/40, induced, resolved postpartum").
      'gestation',
      'gestation_written',
      // How hard a collision was ("rear-end shunt"): its circumstance, not a finding of its own.
      'low_speed',
      'low_energy',
      'vaccination',
      'age_word',
      'conception_plan',
      'weight_gain',
      'pe_lessons',
      'cold_vasospasm',
      'manipulation_denied',
      'skin_noun',
      'skin_sign',
      'anaesthetic_drug',
      'reach_limit',
      'weight_bearing_word',
      'not_tender',
      'tattoo_fresh',
      'injected_verb',
      'sensation_noun',
      'dvt_risk',
      'immobility',
      'surgery_word',
      'feet_word',
      'hand_word',
      'gait',
      'spine_or_limbs',
      'neck_context',
      'cardiac_site',
      'cardiac_site_weak',
      'cardiac_site_specific',
      'cardiac_site_limb',
      'chest_area',
      'both_legs',
      'both_hands',
      'face_area',
      'abdomen_word',
      'regular_use',
      'nsaid_regular',
      'controlled',
      'lymph_surgery',
      'fever_word',
      'chills_word',
      'contagious_word',
      'infection_word',
      'spinal_infection_word',
      'systemic_sign',
      'familiar',
      'usual_comparison',
      'bp_treatment',
      'exertion_lay',
      'lower_body_site',
      'msk_strain',
      'stress_leak_trigger',
      'continence_longstanding',
      'continence_new',
      'leak_word',
      'morning_waking',
      // "Pre-eclampsia in her first pregnancy in 2021": the pregnancy named does not end the date's reach.
      'pregnancy_word',
    ] as LexiconConcept[]
  ).map(cid),
);
for (let c = 0; c < CONCEPT_COUNT; c++) if (conceptRegion[c] !== null || conceptSide[c] !== null) NEUTRAL.add(c);

// Words that only qualify a mention — when it happened, how often it is taken, that it is familiar — and
// are never themselves what a negation denies.
const QUALIFIERS = new Set<number>(
  (['recent_word', 'long_ago', 'history_before', 'history_after', 'regular_use', 'familiar', 'usual_comparison', 'controlled'] as LexiconConcept[]).map(cid),
);
const qualifiesOnly = (o: Occurrence): boolean => o.concepts.every((c) => QUALIFIERS.has(c));

// ---- match concepts ------------------------------------------------------------------------------

interface Occurrence {
  concepts: number[];
  indexed: number[];
  region: boolean;
  side: boolean;
  from: number;
  to: number;
  sentence: number;
  /** NOT_NEGATED, NEGATED or AMBIGUOUS. */
  negated: number;
  /** -1 not yet known, 0 current, 1 history. */
  history: number;
}

/** The phrase's length if it is written at word `i`, else 0; its words before `from` are known to match. */
function matchPhraseAt(t: Tokens, i: number, phrase: Phrase, from: number): number {
  const len = phrase.words.length;
  for (let k = from; k < len; k++) {
    const j = i + k;
    if (j >= t.words.length || t.kind[j] !== K_WORD) return 0;
    const w = t.words[j] as string;
    const p = phrase.words[k] as string;
    if (phrase.prefix[k] ? !w.startsWith(p) : w !== p) return 0;
  }
  return len;
}

// Every word the lexicon spells out, with what the reader asks of it: the phrases it starts (by their
// second word) and the stems that may start it. A text's words are looked up once each, and the second
// word of a phrase is then found by its number, not by comparing strings again. Membership also means
// that a word is no misspelling.
interface LexiconWord {
  /** Its number: a phrase is found by the numbers of its first two words. */
  id: number;
  first: FirstWord | undefined;
  stems: { stem: string; phrase: Phrase }[] | undefined;
}
interface FirstWord {
  single: Phrase | null;
  /** Phrases whose second word is a stem. */
  loose: Phrase[];
}
const LEXICON_WORDS = new Map<string, LexiconWord>();
for (const phrase of phrasesByText.values()) {
  phrase.words.forEach((w, k) => {
    if (!phrase.prefix[k] && !LEXICON_WORDS.has(w)) LEXICON_WORDS.set(w, { id: LEXICON_WORDS.size, first: undefined, stems: prefixFirst.get(stemKey(w)) });
  });
}
// Phrases by their first two words, so a common first word ("no", "on", "my") costs one more lookup,
// not a comparison with every phrase that starts with it: one table for all of them, keyed by the two
// words' numbers (one lookup in one table touches less memory than a table per first word).
const PAIR_STRIDE = LEXICON_WORDS.size;
const BY_FIRST_TWO = new Map<number, Phrase[]>();
for (const [first, list] of exactFirst) {
  const entry: FirstWord = { single: null, loose: [] };
  const firstId = (LEXICON_WORDS.get(first) as LexiconWord).id;
  for (const phrase of list) {
    if (phrase.words.length === 1) entry.single = phrase;
    else if (phrase.prefix[1]) entry.loose.push(phrase);
    else {
      const key = firstId * PAIR_STRIDE + (LEXICON_WORDS.get(phrase.words[1] as string) as LexiconWord).id;
      const l = BY_FIRST_TWO.get(key);
      if (l) l.push(phrase);
      else BY_FIRST_TWO.set(key, [phrase]);
    }
  }
  (LEXICON_WORDS.get(first) as LexiconWord).first = entry;
}

// The length of the last phrase bestPhraseAt found (no object per word).
let matchedLength = 0;

/** The longest phrase at word `i`; `lexicon` holds each word's lexicon entry, if any. */
function bestPhraseAt(t: Tokens, i: number, lexicon: (LexiconWord | undefined)[]): Phrase | null {
  const w = t.words[i] as string;
  let best: Phrase | null = null;
  let bestLen = 0;
  const known = lexicon[i];
  const entry = known ? known.first : undefined;
  if (entry) {
    if (i + 1 < t.words.length && t.kind[i + 1] === K_WORD) {
      const second = lexicon[i + 1];
      // Found by its first two words: the rest is compared.
      for (const phrase of (second && BY_FIRST_TWO.get((known as LexiconWord).id * PAIR_STRIDE + second.id)) || NO_PHRASES) {
        if (phrase.words.length <= bestLen) break;
        const len = matchPhraseAt(t, i, phrase, 2);
        if (len > bestLen) {
          best = phrase;
          bestLen = len;
        }
      }
      for (const phrase of entry.loose) {
        if (phrase.words.length <= bestLen) break;
        const len = matchPhraseAt(t, i, phrase, 1);
        if (len > bestLen) {
          best = phrase;
          bestLen = len;
        }
      }
    }
    if (!best && entry.single) {
      best = entry.single;
      bestLen = 1;
    }
  }
  const stems = known ? known.stems : prefixFirst.get(stemKey(w));
  if (stems) {
    for (const { stem, phrase } of stems) {
      if (phrase.words.length <= bestLen) break;
      if (!w.startsWith(stem)) continue;
      const len = matchPhraseAt(t, i, phrase, 1);
      if (len > bestLen) {
        best = phrase;
        bestLen = len;
      }
    }
  }
  matchedLength = bestLen;
  return best;
}

// A year ("in 2015", "DVT 2015") marks history; "since 2015" does not, nor a full date of the last three
// months ("fracture sustained 28/10/2026", "DVT on duplex 14 October 2026" read on 16 November 2026).
/** How far back a "since" still makes a year a start date ("since the TIA in March 2025"). */
const SINCE_REACH = 5;
/** Days within which a date is recent: the reference's three months (a DVT under 3 months, surgery within 12 weeks). */
const RECENT_DAYS = 91;
const YEAR_CONCEPTS = [HISTORY_BEFORE, HISTORY_AFTER];
const ONE_OFF_INJURY = new Set([cid('fracture_word'), cid('fracture_bare'), cid('fall_verb')]);
function isPastYear(t: Tokens, i: number, day: number | null, before: readonly Occurrence[] = NO_OCCURRENCES): boolean {
  const w = t.words[i] as string;
  if (w.length !== 4) return false;
  const y = Number(w);
  if (!(y >= 1940 && y <= 2099)) return false;
  if (i > 0 && t.kind[i - 1] === K_WORD && t.words[i - 1] === 'from') return false;
  if (day !== null) {
    // A year to come, or a date of it still ahead ("EDD 12/02/2027"), dates nothing of the past.
    if (y > civilYear(day)) return false;
    const back = daysBackOfDate(t, i, day);
    if (back !== null && back < RECENT_DAYS) return false;
    if (back === null && datedInFull(t, i)) return false;
  }
  // "since 2015", "since my TIA in 2024": the year dates the start of something still going on — not a
  // one-off injury told between them, which it dates ("no falls since her hip fracture in 2020").
  for (let j = i - 1; j >= 0 && i - j <= SINCE_REACH && t.kind[j] === K_WORD; j--)
    if (t.words[j] === 'since') return before.some((o) => o.from > j && o.concepts.some((c) => ONE_OFF_INJURY.has(c)));
  return true;
}

/** Whether the year at word `i` ends or starts a date daysBackOfDate reads ("12/02/2026", "October 2026", "2026-10-28"). */
function datedInFull(t: Tokens, i: number): boolean {
  return daysBackOfDate(t, i, Number.MAX_SAFE_INTEGER) !== null;
}

/**
 * Days back to the date whose year is word `i`, when the year ends a date with its day or month ("28/10/2026",
 * "28 October 2026", "October 2026") or starts one ("2026-10-28"); null for a year alone.
 */
function daysBackOfDate(t: Tokens, i: number, day: number): number | null {
  const year = t.words[i] as string;
  const isDayOrMonth = (j: number) => j >= 0 && j < t.words.length && t.kind[j] === K_WORD && /^\d{1,2}$/.test(t.words[j] as string);
  const separator = (j: number) =>
    j >= 0 && t.kind[j] !== K_WORD && (t.text.charCodeAt(t.start[j] as number) === 47 || t.text.charCodeAt(t.start[j] as number) === 46);
  if (isDayOrMonth(i - 4) && separator(i - 3) && isDayOrMonth(i - 2) && separator(i - 1))
    return numericDated(day, Number(t.words[i - 4]), Number(t.words[i - 2]), year);
  const month = i > 0 && t.kind[i - 1] === K_WORD ? (t.words[i - 1] as string) : '';
  if (MONTH_NAMES.has(month)) return isDayOrMonth(i - 2) ? dated(day, Number(t.words[i - 2]), month, year) : monthDated(day, month, year);
  const hyphen = (j: number) => t.text.slice(t.end[j], t.start[j + 1]) === '-';
  if (isDayOrMonth(i + 1) && isDayOrMonth(i + 2) && hyphen(i) && hyphen(i + 1)) return numericDated(day, Number(t.words[i + 2]), Number(t.words[i + 1]), year);
  return null;
}
/**
 * A month told as when something happened, without its year ("flew back in early July", "at the end of
 * September"): history when its latest occurrence ended more than three months before the assessment.
 */
function isPastMonth(t: Tokens, i: number, day: number): boolean {
  const w = t.words[i] as string;
  if (!MONTH_NAMES.has(w) || t.kind[i - 1] !== K_WORD) return false;
  const before = t.words[i - 1] as string;
  const led = MONTH_LEADS.has(before) || (before === 'in' && t.words[i - 2] === 'back') || (before === 'of' && PART_OF_MONTH.has(t.words[i - 2] as string));
  if (!led) return false;
  // "Expecting her second in early March", "surgery booked for late January": a month to come.
  for (let j = i - 1; j >= 0 && i - j <= 5 && t.kind[j] === K_WORD; j--) if (FUTURE_WORDS.has(t.words[j] as string)) return false;
  // With its year or its day the year or the date decides.
  const next = t.kind[i + 1] === K_WORD ? (t.words[i + 1] as string) : '';
  if (/^\d/.test(next)) return false;
  return (monthDated(day, w, undefined) ?? 0) >= RECENT_DAYS;
}
/**
 * A holiday told as when something happened ("a clot last Christmas", "over Easter"): history when its latest
 * day ended more than three months before the assessment. Not "since Christmas", which dates a start.
 */
function isPastHoliday(t: Tokens, i: number, day: number): boolean {
  const w = t.words[i] as string;
  const holiday = HOLIDAYS.get(w);
  if (!holiday || i === 0 || t.kind[i - 1] !== K_WORD || !HOLIDAY_LEADS.has(t.words[i - 1] as string)) return false;
  for (let j = i - 1; j >= 0 && i - j <= 5 && t.kind[j] === K_WORD; j--) if (FUTURE_WORDS.has(t.words[j] as string)) return false;
  // With its year the year decides ("Christmas 2024").
  if (t.kind[i + 1] === K_WORD && /^\d/.test(t.words[i + 1] as string)) return false;
  const back = holiday.day === null ? monthDated(day, holiday.month, undefined) : dated(day, holiday.day, holiday.month, undefined);
  return (back ?? 0) >= RECENT_DAYS;
}
/**
 * A season told as when something happened ("a clot last spring", "in the summer", "this spring"): history
 * when it ended more than three months before the assessment. Not "since the summer", nor "fall" (a fall).
 */
function isPastSeason(t: Tokens, i: number, day: number): boolean {
  const w = t.words[i] as string;
  if (!SEASON_WORDS.has(w) || i === 0 || t.kind[i - 1] !== K_WORD) return false;
  const before = t.words[i - 1] as string;
  const led = before === 'last' || before === 'this' || (before === 'the' && SEASON_LEADS.has(t.words[i - 2] as string));
  if (!led) return false;
  for (let j = i - 1; j >= 0 && i - j <= 5 && t.kind[j] === K_WORD; j--) if (FUTURE_WORDS.has(t.words[j] as string)) return false;
  // With its year the year decides ("spring 2025").
  if (t.kind[i + 1] === K_WORD && /^\d/.test(t.words[i + 1] as string)) return false;
  return (seasonDated(day, w, undefined, before === 'last') ?? 0) >= RECENT_DAYS;
}
const SEASON_WORDS = new Set(['spring', 'summer', 'autumn', 'winter']);
const SEASON_LEADS = new Set(['in', 'over', 'during', 'through']);

// Easter moves between late March and late April: its month, read at its end (the later reading).
const HOLIDAYS = new Map<string, { month: string; day: number | null }>([
  ['christmas', { month: 'dec', day: 25 }],
  ['xmas', { month: 'dec', day: 25 }],
  ['easter', { month: 'apr', day: null }],
]);
const HOLIDAY_LEADS = new Set(['last', 'at', 'over', 'around', 'during', 'before', 'after', 'by']);

// A part of a month, or "back in": a bare "in March" may be a month to come.
const MONTH_LEADS = new Set(['early', 'late', 'mid', 'during', 'back']);
const FUTURE_WORDS = new Set(['due', 'expecting', 'expected', 'booked', 'planned', 'scheduled', 'next', 'until', 'till', 'will', 'going']);
const PART_OF_MONTH = new Set(['end', 'start', 'beginning', 'middle']);
const MONTH_NAMES = new Set([
  ...MONTHS,
  'sept',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

// A bare number of weeks, 12 to 42, that is not a duration ("32 weeks, face swollen"; not "for 16 weeks",
// "6 weeks ago", "3 weeks post op").
const GESTATION_CONCEPTS = [cid('gestation')];
const WRITTEN_GESTATION = [cid('gestation'), cid('gestation_written')];
const WEEKS = new Set(['weeks', 'wks', 'wk', 'week']);
const DURATION_BEFORE = new Set(['for', 'past', 'last', 'over', 'since', 'after', 'about', 'the', 'within', 'in', 'first', 'next', 'few', 'every', 'than']);
const DURATION_AFTER = new Set(['ago', 'post', 'after', 'since', 'of', 'postop', 'now', 'later', 'before', 'old']);
function isGestation(t: Tokens, i: number): boolean {
  const n = Number(t.words[i]);
  if (!(n >= 12 && n <= 42)) return false;
  // "30+2 weeks": weeks and days, as obstetric notes write them.
  if (t.kind[i + 1] === K_WORD && /^[0-6]$/.test(t.words[i + 1] as string) && t.text.slice(t.end[i], t.start[i + 1]) === '+') i++;
  if (t.kind[i + 1] !== K_WORD || !WEEKS.has(t.words[i + 1] as string)) return false;
  if (i > 0 && t.kind[i - 1] === K_WORD && DURATION_BEFORE.has(t.words[i - 1] as string)) return false;
  if (t.kind[i + 2] !== K_WORD || !DURATION_AFTER.has(t.words[i + 2] as string)) return true;
  // "27 weeks now", "I'm 27 weeks now": the weeks of a pregnancy, not how long something has lasted.
  return t.words[i + 2] === 'now' && (i === 0 || t.kind[i - 1] !== K_WORD || BEING.has(t.words[i - 1] as string));
}
const BEING = new Set(['im', 'am', 'is', 'shes', 'she', 'nearly', 'almost', 'about', 'around']);

/** Weeks of gestation written as a figure over words `from`…`to`. */
function gestationAt(t: Tokens, from: number, to: number, concepts: number[]): Occurrence {
  return { concepts, indexed: concepts, region: false, side: false, from, to, sentence: t.sentence[from] as number, negated: 0, history: -1 };
}

/** A year or a month of the past at word `i`: a history word for the mentions around it. */
function pastTimeAt(t: Tokens, i: number): Occurrence {
  return { concepts: YEAR_CONCEPTS, indexed: [], region: false, side: false, from: i, to: i + 1, sentence: t.sentence[i] as number, negated: 0, history: -1 };
}

function findOccurrences(t: Tokens, consumed: number[], day: number | null): Occurrence[] {
  const found: Occurrence[] = [];
  const n = t.words.length;
  // A word outside the lexicon, of five letters or more, may be a misspelling. Misspelt critical words are corrected first, so that they also count inside longer phrases ("high temprature").
  const lexicon = new Array<LexiconWord | undefined>(n).fill(undefined);
  for (let j = 0; j < n; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    const known = LEXICON_WORDS.get(w);
    if (known !== undefined || w.length < 5) {
      lexicon[j] = known;
      continue;
    }
    const corrected = correctSpelling(w);
    if (corrected !== null) {
      t.words[j] = corrected;
      lexicon[j] = LEXICON_WORDS.get(corrected);
    }
  }
  let i = 0;
  while (i < n) {
    if (t.kind[i] !== K_WORD) {
      i++;
      continue;
    }
    const best = bestPhraseAt(t, i, lexicon);
    if (best === null) {
      const w = t.words[i] as string;
      const c = w.charCodeAt(0);
      const digits = c >= 48 && c <= 57;
      if (digits ? isPastYear(t, i, day, found) : day !== null && (isPastMonth(t, i, day) || isPastHoliday(t, i, day) || isPastSeason(t, i, day))) {
        found.push(pastTimeAt(t, i));
        i++;
        continue;
      }
      if (digits) {
        if (
          i + 2 < n &&
          t.kind[i + 1] === K_COMMA &&
          t.text.charCodeAt(t.start[i + 1] as number) === 47 &&
          t.words[i + 2] === '40' &&
          Number(w) >= 4 &&
          Number(w) <= 42
        ) {
          // "28/40": weeks of gestation as obstetric notes write them.
          found.push(gestationAt(t, i, i + 3, WRITTEN_GESTATION));
          i += 3;
          continue;
        } else if (
          i + 1 < n &&
          t.kind[i + 1] === K_WORD &&
          /^[0-6]$/.test(t.words[i + 1] as string) &&
          t.text.slice(t.end[i], t.start[i + 1]) === '+' &&
          Number(w) >= 4 &&
          Number(w) <= 42 &&
          !(t.kind[i + 2] === K_WORD && !WEEKS.has(t.words[i + 2] as string) && t.words[i + 2] !== 'days')
        ) {
          // "G2P1 at 30+4": weeks and days of gestation as obstetric notes write them.
          found.push(gestationAt(t, i, i + 2, WRITTEN_GESTATION));
          i += 2;
          continue;
        } else if (isGestation(t, i)) {
          found.push(gestationAt(t, i, i + 2, GESTATION_CONCEPTS));
          consumed[i] = 1;
          consumed[i + 1] = 1;
          i += 2;
          continue;
        }
        i++;
        continue;
      }
    }
    if (best !== null) {
      const len = matchedLength;
      found.push({
        concepts: best.concepts,
        indexed: best.indexed,
        region: best.region,
        side: best.side,
        from: i,
        to: i + len,
        sentence: t.sentence[i] as number,
        negated: 0,
        history: -1,
      });
      for (let k = i; k < i + len; k++) consumed[k] = 1;
      i += len;
    } else {
      i++;
    }
  }
  return found;
}

// ---- the analysis of one text --------------------------------------------------------------------

interface Analysis {
  t: Tokens;
  /** The assessment date as a day number, when the caller gave it. */
  day: number | null;
  occurrences: Occurrence[];
  /** Occurrence index per token, or -1. */
  at: number[];
  /** Un-negated (or ambiguously negated) mentions per concept. */
  byConcept: (Occurrence[] | undefined)[];
  /** The concepts with a mention in byConcept, in first-mention order. */
  mentioned: number[];
  byRegion: Occurrence[];
  bySide: Occurrence[];
}

// A place says where, not what: "shingles on the left side of the chest in 2019" is dated by what follows the place.
const neutral = (o: Occurrence) => o.concepts.every((c) => NEUTRAL.has(c) || conceptRegion[c] !== null || conceptSide[c] !== null);
const has = (o: Occurrence, c: number) => o.concepts.includes(c);

/** Whether the words from..to are told as the past: a history word close before or after, nothing current between. */
/**
 * Whether the words around a mention tell it as the past. A medicine's (`medicine`) indication and its date
 * follow it without ending it ("Plavix 75 mg od (TIA in 2023)", "Lixiana, started after a PE last year"): a
 * bracket after it, or what follows "started", dates why it is taken.
 */
function isHistory(a: Analysis, from: number, to: number, medicine = false): boolean {
  const { t, at, occurrences } = a;
  const self = (at[from] as number) >= 0 ? occurrences[at[from] as number] : undefined;
  if (self !== undefined && self.concepts.some((c) => ONE_OFF_INJURY.has(c) || c === COLLISION || c === MINOR_TRAUMA) && toldInDatedBracket(a, from))
    return true;
  // Before: "history of", "previous", "years ago I…", within the clause, up to 3 words away.
  for (let j = from - 1, words = 0; j >= 0 && words <= 3; j--) {
    if (t.kind[j] !== K_WORD) break;
    // "AF diagnosed 2024 - on rivaroxaban": a spaced hyphen ends the clause that dates.
    if (dashBefore(t, j + 1)) break;
    const k = at[j] as number;
    if (k >= 0) {
      const o = occurrences[k] as Occurrence;
      if (o.negated === NEGATED) break;
      // Its own recent time outweighs a history word before it: "had a DVT in 2019 and a PE last week".
      if (has(o, HISTORY_BEFORE)) {
        if (daysAgoRightAfter(t, to)) break;
        return true;
      }
      // One event told with another it came with shares its time: "In 2019 she fell and broke her wrist".
      if (!has(o, CURRENT) && !neutral(o) && t.words[o.to] === 'and' && !daysAgoRightAfter(t, to)) return historyOf(a, o);
      if (has(o, CURRENT) || !neutral(o)) break;
      j = o.from;
    } else if (CONTRAST.has(t.words[j] as string)) break;
    words++;
  }
  // After: "in 2015", "years ago", "now resolved", across commas, up to 10 words away, in the sentence.
  let causeFollows = false;
  // A medicine named again in a bracket is a list's line: a bare year after it is when it was started
  // ("clopidogrel (Plavix) 2019"), not when it ended.
  let renamedBefore = -1;
  const takenNow = medicine && TAKING_NOW.has(t.words[from - 1] ?? '') && t.kind[from - 1] === K_WORD && !TOLD_PAST.has(t.words[from - 2] ?? '');
  let inBracket = false;
  let bracketTold = false;
  for (let j = to, words = 0; j < t.words.length && words <= 10; j++) {
    if (t.kind[j] === K_STOP) break;
    if (t.kind[j] === K_COMMA) {
      const c = t.text.charCodeAt(t.start[j] as number);
      // "rivaroxaban (Xarelto) 3 months, COMPLETED Oct 2023": a bracket that only names it again is passed over.
      if (medicine && c === 40 && self !== undefined) {
        const inside = (at[j + 1] as number) >= 0 ? (occurrences[at[j + 1] as number] as Occurrence) : undefined;
        if (inside && inside.indexed.some((x) => self.indexed.includes(x)) && t.text.charCodeAt(t.start[inside.to] ?? 0) === 41) {
          j = inside.to;
          renamedBefore = inside.to + 1;
          continue;
        }
      }
      // A bracket of why it is taken ("(TIA in 2023)"), not of when it was taken ("(2015-2016)").
      if (medicine && c === 40 && !/^\d/.test(t.words[j + 1] ?? '')) break;
      // "on rivaroxaban 20 mg daily, gout 2019": the next item of a list has a date of its own.
      if (medicine && c === 44 && t.kind[j + 1] === K_WORD && /^[a-z]/.test(t.words[j + 1] as string) && !COURSE_WORDS.has(t.words[j + 1] as string)) {
        const k = at[j + 1] as number;
        if (k < 0 || !(has(occurrences[k] as Occurrence, HISTORY_AFTER) || has(occurrences[k] as Occurrence, HISTORY_BEFORE))) break;
      }
      if (c === 40) inBracket = true;
      if (c === 41) inBracket = false;
      if (c === 40) bracketTold = false;
      continue;
    }
    // "# L wrist 6/12 ago (slipped on ice), healed on X-ray": how it happened, in a bracket, parts nothing.
    const inside = inBracket && !medicine && (at[j] as number) >= 0 ? (occurrences[at[j] as number] as Occurrence) : undefined;
    // …and what healed after something else told in it healed that ("(fell off bike, scrapes healed)").
    if (inside && !has(inside, CURRENT) && (!has(inside, HISTORY_AFTER) || bracketTold)) {
      if (!neutral(inside) && !has(inside, HISTORY_AFTER)) bracketTold = true;
      j = inside.to - 1;
      continue;
    }
    // "Fractured wrist 2026-11-10 (fell), the old scar fully healed": its own recent date keeps it current.
    if (a.day !== null && /^(19|20)\d\d$/.test(t.words[j] as string) && (daysBackOfDate(t, j, a.day) ?? RECENT_DAYS) < RECENT_DAYS) return false;
    // "on apixaban since my stroke last year": what follows "since" dates the start of something current.
    if (t.words[j] === 'since') break;
    if (medicine && (t.words[j] === 'started' || t.words[j] === 'began' || t.words[j] === 'commenced')) break;
    const k = at[j] as number;
    if (k >= 0) {
      const o = occurrences[k] as Occurrence;
      // "Saddle numbness years ago, resolved, now back again": history that came back is current.
      // "not recovered yet" is not over.
      if (o.from === renamedBefore && o.to - o.from === 1 && /^(19|20)\d\d$/.test(t.words[o.from] as string)) break;
      // "broke my wrist falling off a bike in 2009": how the injury happened is the same event; its year dates both.
      if (self !== undefined && injuryEvent(self) && injuryEvent(o) && !has(o, CURRENT)) {
        j = o.to - 1;
        continue;
      }
      // "TIA 2019, on clopidogrel, nothing since", "on warfarin, no problems since": the events since, not the medicine.
      if (medicine && takenNow && has(o, HISTORY_AFTER) && t.words.slice(o.from, o.to).includes('since')) {
        j = o.to - 1;
        continue;
      }
      if (has(o, HISTORY_AFTER)) return !recursAfter(t, o.to) && !NOT_OVER.has(t.words[o.from - 1] as string) && !NOT_OVER.has(t.words[o.from - 2] as string);
      if (has(o, CURRENT) && t.words[j] !== 'now') break;
      // The same thing named again dates it too: "Blood clots? yes - DVT L calf in 2024"; so does what it came
      // after: "a wound infection after a right hand laceration in 2014".
      if (!has(o, CURRENT) && !neutral(o) && !causeFollows && !(self !== undefined && o.indexed.some((c) => self.indexed.includes(c)))) break;
      j = o.to - 1;
    } else if (CONTRAST.has(t.words[j] as string) && t.words[j] !== 'now') break;
    else if (j === to && (t.words[j] === 'after' || t.words[j] === 'following')) causeFollows = true;
    words++;
  }
  return false;
}

const TAKING_NOW = new Set(['on', 'takes', 'taking', 'take']);
const TOLD_PAST = new Set(['was', 'were', 'been', 'used', 'previously', 'formerly', 'once']);
// A bracket that dates its own fall: "fall 2023 (tripped at home last Tuesday, wrist looks deformed)".
const TOLD_RECENT = new Set(['last', 'ago', 'this', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend']);
const COLLISION = cid('collision');
/** A fracture, a fall or a blow: the words of one injury event. */
const injuryEvent = (o: Occurrence) => o.concepts.some((c) => ONE_OFF_INJURY.has(c) || c === COLLISION || c === MINOR_TRAUMA);
const MINOR_TRAUMA = cid('minor_trauma');
/**
 * Whether the mention at `from` opens a bracket that tells how an event dated before it happened: "1 fall 2021
 * (tripped on garden path, no injury)", "whiplash 2019 (rear-ended)". Not when the bracket dates itself.
 */
function toldInDatedBracket(a: Analysis, from: number): boolean {
  const { t, at, occurrences } = a;
  let open = from - 1;
  while (open >= 0 && from - open <= 3 && t.kind[open] === K_WORD) open--;
  if (open < 1 || t.text.charCodeAt(t.start[open] as number) !== 40 || t.kind[open - 1] !== K_WORD) return false;
  for (let j = from; j < t.words.length && t.kind[j] !== K_STOP && t.text.charCodeAt(t.start[j] as number) !== 41; j++) {
    if (t.kind[j] === K_WORD && (/^\d{4}$/.test(t.words[j] as string) || STILL_NOW.has(t.words[j] as string) || TOLD_RECENT.has(t.words[j] as string)))
      return false;
  }
  const head = open - 1;
  if (isPastYear(t, head, a.day)) return true;
  const k = at[head] as number;
  return k >= 0 && historyOf(a, occurrences[k] as Occurrence);
}

/**
 * Whether sentence `sentence` tells a course as running: of the last few days ("yesterday", "last week", "3 days
 * ago"), or going on ("and still doing them", "2 more weeks to go").
 */
function stillRunningIn(t: Tokens, sentence: number): boolean {
  for (let j = 0; j < t.words.length; j++) {
    if (t.sentence[j] !== sentence || t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    if (w === 'yesterday' || w === 'today' || RUNNING.has(w)) return true;
    if (w === 'to' && t.words[j + 1] === 'go') return true;
    if (w === 'more' && COURSE_UNITS.has(t.words[j + 1] as string)) return true;
    if ((w === 'last' || w === 'this') && (t.words[j + 1] === 'week' || t.words[j + 1] === 'weekend')) return true;
    if (w === 'ago' && (t.words[j - 1] === 'days' || t.words[j - 1] === 'day')) return true;
  }
  return false;
}

const RUNNING = new Set(['still', 'ongoing', 'continuing', 'remaining']);

/** Whether a time of the last days or weeks follows a mention in its clause ("a PE last week", "a clot 3 days ago"). */
function daysAgoRightAfter(t: Tokens, to: number): boolean {
  for (let j = to; j < t.words.length && j - to < 6 && t.kind[j] === K_WORD; j++) {
    const w = t.words[j] as string;
    if (w === 'and' || w === 'but') return false;
    if (w === 'yesterday' || w === 'today') return true;
    if ((w === 'last' || w === 'this') && LATELY_UNITS.has(t.words[j + 1] as string)) return true;
    if (w === 'ago' && j > to && LATELY_UNITS.has(t.words[j - 1] as string)) return true;
  }
  return false;
}
/** What a medicine's own course goes on with after a comma ("warfarin 6 months, stopped 2020", ", no problem since"). */
const COURSE_WORDS = new Set([
  'stopped',
  'discharged',
  'finished',
  'completed',
  'discontinued',
  'ceased',
  'no',
  'not',
  'until',
  'till',
  'then',
  'for',
  'course',
  'tapered',
  'weaned',
  'off',
]);
const LATELY_UNITS = new Set(['day', 'days', 'week', 'weeks', 'wk', 'wks', 'weekend', 'night', 'hours', 'fortnight']);

const WEEKS_UNITS = new Set(['week', 'weeks', 'wk', 'wks', 'month', 'months', 'fortnight']);
const STILL_NOW = new Set(['still', 'yet', 'since', 'started', 'starting', 'now', 'currently', 'ongoing', 'today', 'yesterday', 'got', 'getting', 'coming']);
/**
 * Whether a passing illness is told as dated a week or more back, with nothing current in its clause ("had flu
 * two weeks ago", "covid last month"): it is over. "Flu since last week", "covid 2 weeks ago, still coughing"
 * are not.
 */
function toldWeeksAgo(t: Tokens, at: number, day: number | null): boolean {
  let from = at;
  while (from > 0 && t.kind[from - 1] !== K_STOP && !(t.kind[from - 1] === K_COMMA && t.text.charCodeAt(t.start[from - 1] as number) !== 44)) from--;
  let dated = false;
  for (let j = from; j < t.words.length && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD) {
      if (t.text.charCodeAt(t.start[j] as number) !== 44) break;
      continue;
    }
    const w = t.words[j] as string;
    // "All fine now", "better now", "no temperature now": the now of a recovery.
    if (STILL_NOW.has(w) && !(w === 'now' && (RECOVERED_NOW.has(t.words[j - 1] as string) || goneNow(t, j)))) return false;
    if (
      WEEKS_UNITS.has(w) &&
      ((t.kind[j + 1] === K_WORD && (t.words[j + 1] === 'ago' || (t.words[j + 1] === 'before' && t.kind[j + 2] !== K_WORD))) ||
        (j > 0 && (t.words[j - 1] === 'last' || t.words[j - 1] === 'previous')))
    )
      dated = true;
    // "after a cold in March", "had covid in January": a passing illness in a month over two weeks gone.
    if (day !== null && MONTH_NAMES.has(w) && PAST_MONTH_LEADS.has(t.words[j - 1] as string)) {
      const year = t.kind[j + 1] === K_WORD && /^(19|20)\d\d$/.test(t.words[j + 1] as string) ? (t.words[j + 1] as string) : undefined;
      if ((monthDated(day, w, year) ?? 0) >= PASSED_MONTH_DAYS) dated = true;
    }
  }
  return dated;
}

const PAST_MONTH_LEADS = new Set(['in', 'last', 'early', 'late', 'mid', 'during', 'back', 'over']);
/** How long after its month ends an illness told "in March" is over. */
const PASSED_MONTH_DAYS = 14;

/** Whether the clause of a "now" tells something gone: "no temperature now", "now no more fever" (not "no better now"). */
function goneNow(t: Tokens, now: number): boolean {
  let gone = false;
  for (const step of [-1, 1])
    for (let j = now + step; j >= 0 && j < t.words.length && t.kind[j] === K_WORD && Math.abs(j - now) <= 4; j += step) {
      const w = t.words[j] as string;
      if (RECOVERED_NOW.has(w) || w === 'worse' || w === 'improving') return false;
      if (GONE_WORDS.has(w)) gone = true;
    }
  return gone;
}
const GONE_WORDS = new Set(['no', 'not', 'nil', 'without', 'free']);

/** Whether a record line dates the mention in a past year before it: "Encounter: GP 12/01/2022 — COVID-19". */
function datedLine(t: Tokens, at: number, day: number | null): boolean {
  const k = at - 1;
  if (k < 1 || t.kind[k] === K_WORD) return false;
  const c = t.text.charCodeAt(t.start[k] as number);
  if (c !== 0x2013 && c !== 0x2014 && c !== 58) return false;
  if (t.kind[k - 1] !== K_WORD || !isPastYear(t, k - 1, day)) return false;
  for (let j = at; j < t.words.length && t.kind[j] !== K_STOP; j++) if (t.kind[j] === K_WORD && STILL_NOW.has(t.words[j] as string)) return false;
  return true;
}

const MONTHS_PER_UNIT: Record<string, number> = {
  week: 12 / 52,
  weeks: 12 / 52,
  wk: 12 / 52,
  wks: 12 / 52,
  month: 1,
  months: 1,
  mo: 1,
  mos: 1,
  mth: 1,
  mths: 1,
  year: 12,
  years: 12,
  yr: 12,
  yrs: 12,
};

/**
 * Whether a clot is dated more than 3 months back in its sentence ("a clot in the left calf 14 weeks ago") and
 * not told as still treated: the reference's line between a DVT history (caution) and a recent one (clearance).
 */
const SHORTHAND_MONTHS: Record<string, number> = { '12': 1, '52': 12 / 52, '7': 1 / 30 };
function overThreeMonthsAgo(t: Tokens, o: Occurrence): boolean {
  let months = -1;
  for (let j = o.to; j < t.words.length && j <= o.to + 10 && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    const unit = MONTHS_PER_UNIT[t.words[j + 1] as string];
    if (months < 0 && unit !== undefined && t.words[j + 2] === 'ago') {
      const count = /^\d+(\.\d+)?$/.test(w) ? Number(w) : NUMBER_WORDS[w];
      if (count !== undefined) months = count * unit;
    }
    // Clinical shorthand: "4/12 ago" is four months, "16/52 ago" sixteen weeks.
    const perShorthand = SHORTHAND_MONTHS[t.words[j + 2] as string];
    if (
      months < 0 &&
      /^\d+$/.test(w) &&
      t.kind[j + 1] === K_COMMA &&
      t.text.charCodeAt(t.start[j + 1] as number) === 47 &&
      perShorthand !== undefined &&
      t.words[j + 3] === 'ago'
    )
      months = Number(w) * perShorthand;
  }
  for (let j = o.to; j < t.words.length && t.kind[j] !== K_STOP; j++) if (t.words[j] === 'still' || t.words[j] === 'currently') return false;
  return months > 3;
}

/**
 * Whether a DVT risk factor is dated more than 3 months back right after it, in its clause ("had my baby 5
 * months ago"): not a date of something else ("long flight yesterday, knee pain 4 months ago"), nor the start of
 * what goes on ("in plaster since the fracture 4 months ago", "still in a moon boot").
 */
function riskDatedOverThreeMonths(t: Tokens, o: Occurrence): boolean {
  for (let j = o.to; j < t.words.length && j <= o.to + 2 && t.kind[j] === K_WORD; j++) {
    const w = t.words[j] as string;
    if (w === 'since' || w === 'for') return false;
    const unit = MONTHS_PER_UNIT[t.words[j + 1] as string];
    const count = /^\d+(\.\d+)?$/.test(w) ? Number(w) : NUMBER_WORDS[w];
    if (unit !== undefined && count !== undefined && t.words[j + 2] === 'ago') return count * unit > 3 && overThreeMonthsAgo(t, o);
  }
  return false;
}

/**
 * "DVT at the end of April, still on rivaroxaban": a clot whose treatment its sentence tells as going on is not
 * history, however long ago it began (REFERENCE: a DVT still being treated needs clearance).
 */
function stillTreated(a: Analysis, o: Occurrence): boolean {
  const { t } = a;
  for (const c of ANTICOAGULANT_CONCEPTS)
    for (const m of a.byConcept[c] ?? []) {
      if (m.sentence !== o.sentence || m.negated !== NOT_NEGATED) continue;
      // The patient's taking goes on ("still on rivaroxaban", "currently taking apixaban"), not a record's listing
      // ("our system still lists 'anticoagulant'").
      for (let j = m.from - 1; j >= 0 && m.from - j <= 3 && t.kind[j] === K_WORD; j--) {
        const w = t.words[j] as string;
        if (!TAKING_LINKS.has(w) && !DETERMINERS.has(w) && !ONGOING.has(w)) break;
        if (ONGOING.has(w)) return true;
      }
    }
  return false;
}
const ANTICOAGULANT_CONCEPTS = [cid('anticoagulant'), cid('blood_thinner_generic')];
const ONGOING = new Set(['still', 'currently', 'remains', 'remain', 'ongoing', 'continuing', 'continues', 'continue']);
// What may stand between "still" and the medicine: a verb of taking and a determiner ("still taking the apixaban").
const TAKING_LINKS = new Set(['on', 'taking', 'takes', 'using', 'uses', 'having', 'has', 'gets', 'injecting', 'with']);

/** A temperature reading of an illness told as over: "flu three weeks ago with a temperature of 39 … completely over it now". */
function feverOver(a: Analysis, v: { from: number; to: number }): boolean {
  return toldWeeksAgo(a.t, v.from, a.day) || recoveredAfter(a, { from: v.from, to: v.to, sentence: a.t.sentence[v.from] as number });
}

const NOT_OVER = new Set(['not', 'hasnt', 'havent', 'isnt', 'never']);
const RECOVERED_NOW = new Set(['fine', 'well', 'better', 'ok', 'okay', 'normal', 'gone', 'good', 'recovered']);

/**
 * Whether a passing illness is told as over: "recovered from flu", or by what follows in its sentence or the
 * next ("had flu on the 9th. Since the 12th fever-free and back to normal"), with nothing current in its own clause.
 */
function recoveredAfter(a: Analysis, o: { from: number; to: number; sentence: number }): boolean {
  const { t } = a;
  for (const r of a.occurrences) {
    if (NOT_OVER.has(t.words[r.from - 1] as string) || NOT_OVER.has(t.words[r.from - 2] as string)) continue;
    // "Recovered from flu".
    if (t.words[r.to] === 'from' && (o.from === r.to + 1 || (o.from === r.to + 2 && ARTICLES.has(t.words[r.to + 1] as string))) && has(r, RESOLVED))
      return true;
    if (r.from < o.to || r.sentence > o.sentence + 1 || r.negated === NEGATED || !has(r, RESOLVED) || recursAfter(t, r.to)) continue;
    let from = o.from;
    while (from > 0 && t.kind[from - 1] !== K_STOP && !(t.kind[from - 1] === K_COMMA && t.text.charCodeAt(t.start[from - 1] as number) !== 44)) from--;
    for (let j = from; j < t.words.length && t.kind[j] !== K_STOP; j++) {
      if (t.kind[j] === K_WORD && STILL_NOW.has(t.words[j] as string) && j < r.from) return false;
      if (t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) !== 44) break;
    }
    return true;
  }
  return false;
}

/** Whether a sentence says something happened recently ("last week", "yesterday"): then its past is not long past. */
function recentIn(a: Analysis, sentence: number): boolean {
  for (const r of a.byConcept[RECENT] ?? []) if (r.sentence === sentence && r.negated === NOT_NEGATED) return true;
  return false;
}

/** Whether a mention is told as recent: a word of recency in its sentence, or a date in full of the last three months after it. */
function toldRecent(a: Analysis, o: Occurrence): boolean {
  if (recentIn(a, o.sentence)) return true;
  const { t, day } = a;
  if (day === null) return false;
  for (let j = o.to; j < t.words.length && j - o.to <= 10 && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD || (t.words[j] as string).length !== 4) continue;
    const back = daysBackOfDate(t, j, day);
    if (back !== null && back >= 0 && back < RECENT_DAYS) return true;
  }
  return false;
}

/**
 * Whether a red flag is told as over and long past ("BPPV dizziness in 2019, sorted, none since"): a start
 * date alone does not end it ("incontinence started 2 years ago"), nor does the passing of a recent episode
 * ("double vision last week, went away": a transient sign still counts).
 */
function isOver(a: Analysis, o: Occurrence): boolean {
  const { t, at, occurrences } = a;
  if (recentIn(a, o.sentence)) return false;
  if (deniedLater(a, o)) return true;
  for (let j = o.from - 1, words = 0; j >= 0 && words <= 3 && t.kind[j] === K_WORD; j--, words++) {
    const k = at[j] as number;
    if (k >= 0 && has(occurrences[k] as Occurrence, RESOLVED)) return true;
  }
  for (let j = o.to, words = 0; j < t.words.length && words <= 12; j++) {
    if (t.kind[j] === K_STOP) break;
    if (t.kind[j] === K_COMMA) continue;
    const k = at[j] as number;
    if (k >= 0) {
      const next = occurrences[k] as Occurrence;
      if (has(next, RESOLVED) && next.negated !== NEGATED) return !recursAfter(t, next.to);
      if (has(next, CURRENT)) return false;
      j = next.to - 1;
    } else if (CONTRAST.has(t.words[j] as string)) return false;
    words++;
  }
  return false;
}

/**
 * "Had chest pains last yr, … no chest pain since": a symptom dated in the past and denied later in the
 * text, in the same words, is over.
 */
/** Words that tell how long or how sure, and a speaker's fillers. */
const LIGHT_WORDS = new Set(
  'um umm er erm uh uhm ah this last past fortnight week weeks day days month months couple few or so mainly mostly usually generally about around roughly nearly almost just really quite pretty bit literally basically actually anyway'.split(
    ' ',
  ),
);
function lightTokens(t: Tokens, from: number, to: number): number {
  let light = 0;
  for (let j = from; j < to; j++) if (t.kind[j] === K_WORD && LIGHT_WORDS.has(t.words[j] as string)) light++;
  return light;
}

function deniedLater(a: Analysis, o: Occurrence): boolean {
  if ((historyOf(a, o) || datedPastAfter(a, o)) && resolvedSoonAfter(a, o)) return true;
  return historyOf(a, o) && negatedAfter(a, o);
}

/** "asked about dizziness, I did put yes but that was one morning last year": a past date later in its sentence. */
function datedPastAfter(a: Analysis, o: Occurrence): boolean {
  return a.occurrences.some((x) => x.sentence === o.sentence && x.from >= o.to && has(x, HISTORY_AFTER) && x.negated !== NEGATED);
}

/** "… one morning last year after a stag do, I was hungover, nothing like that since": told as over, in its sentence or the next. */
function resolvedSoonAfter(a: Analysis, o: Occurrence): boolean {
  for (const x of a.occurrences) {
    if (x.from < o.to || x.sentence > o.sentence + 1) continue;
    if (has(x, RESOLVED)) return x.negated !== NEGATED && !recursAfter(a.t, x.to);
    // "Chest pain in 2025 again now. Ankle pain settled.": told as current, or what resolved is something else
    // (another place, another sign) told in between.
    if (has(x, CURRENT) || (x.region && !o.region)) return false;
    if (!neutral(x) && !has(x, HISTORY_AFTER) && !x.indexed.some((c) => o.indexed.includes(c))) return false;
  }
  return false;
}

/** Whether the text denies what `o` names later, in the same words ("… no chest pain since", "DVT excluded"). */
function negatedAfter(a: Analysis, o: Occurrence): boolean {
  return excludedAfter(a, o.concepts, o.to - 1);
}

/** Whether a mention of `concepts` after word `from` is denied ("… ?DVT — Wells 0, DVT excluded"). */
function excludedAfter(a: Analysis, concepts: readonly number[], from: number): boolean {
  for (const o of a.occurrences) if (o.from > from && o.negated === NEGATED && o.concepts.some((c) => concepts.includes(c))) return true;
  return false;
}

/**
 * "?DVT — Doppler negative, no DVT", "query cauda equina … no cauda equina compression": a diagnosis queried
 * and then excluded in the same words is not the patient's. A query left open stays (the safer reading).
 */
function queriedThenExcluded(a: Analysis, o: Occurrence): boolean {
  return queried(a.t, o.from) && negatedAfter(a, o);
}

// Longest first, so a phrase is read whole ("come off", not its "off").
const words = (phrases: readonly string[]) => phrases.map((p) => p.split(' ')).sort((x, y) => y.length - x.length);
const STOPPED_BEFORE = words(MEDICINE_STOPPED.before);
const STOPPED_AFTER = words(MEDICINE_STOPPED.after);
const STOPPED_AFTER_COMMA = words(MEDICINE_STOPPED.afterComma);
const STOPPED_ANY_AFTER = [...STOPPED_AFTER, ...STOPPED_AFTER_COMMA];
const LAPSED_BEFORE = words(MEDICINE_STOPPED.lapsedBefore);
const POINTING_BACK = words(MEDICINE_STOPPED.pointingBack);
const PAST_FRAME = words(MEDICINE_STOPPED.pastFrame);
const NOT_TAKEN_BEFORE = words([...MEDICINE_STOPPED.notYetBefore, ...MEDICINE_STOPPED.handledBefore]);
const KNOWN_OF_BEFORE = words(MEDICINE_STOPPED.knownOfBefore);
const TAKEN_AFTER_ALL = words(MEDICINE_STOPPED.takenAfterAll);

/** Whether sentence `sentence` says the medicine is taken after all ("… as I have been on it for years"). */
function saidTakenIn(t: Tokens, sentence: number): boolean {
  for (let j = 0; j < t.words.length; j++) if (t.sentence[j] === sentence && t.kind[j] === K_WORD && phraseAt(t, j, TAKEN_AFTER_ALL) > 0) return true;
  return false;
}

const BARE_STOP = words(MEDICINE_STOPPED.bare);
const BARE_SUBJECT = new Set<string>(MEDICINE_STOPPED.bareSubject);
const BARE_NO_OBJECT = new Set<string>(MEDICINE_STOPPED.bareNoObject);
const SOMETHING_ELSE = words(MEDICINE_STOPPED.somethingElse);
const RESUMED = words(MEDICINE_STOPPED.resumed);
const MEDICINE_NOUNS = new Set<string>(MEDICINE_STOPPED.nouns);
const MEDICINE_KINDS = new Set<string>([...MEDICINE_STOPPED.nouns, ...MEDICINE_STOPPED.kinds]);
/** Up to this many words between a medicine and the words that say it was stopped ("stopped the blood thinners"). */
const STOPPED_REACH = 3;
/** Words skipped between "came off" and the medicine it came off ("came off all the tablets"). */
const DETERMINERS = new Set(['the', 'my', 'her', 'his', 'their', 'all', 'of', 'those', 'these', 'a', 'an', 'any']);

function wordsAt(t: Tokens, i: number, phrase: string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (t.kind[i + k] !== K_WORD || t.words[i + k] !== phrase[k]) return false;
  return true;
}

/** The length of the first phrase of `phrases` at word `i`, or 0. */
function phraseAt(t: Tokens, i: number, phrases: readonly string[][]): number {
  for (const p of phrases) if (wordsAt(t, i, p)) return p.length;
  return 0;
}

/** Whether a phrase of `phrases` ends at word `j` (inclusive). */
function phraseEndsAt(t: Tokens, j: number, phrases: readonly string[][]): boolean {
  return phraseStartEndingAt(t, j, phrases) >= 0;
}

/** Where the first phrase of `phrases` that ends at word `j` starts, or -1. */
function phraseStartEndingAt(t: Tokens, j: number, phrases: readonly string[][]): number {
  for (const p of phrases) if (j - p.length + 1 >= 0 && wordsAt(t, j - p.length + 1, p)) return j - p.length + 1;
  return -1;
}

// Before a stop, words that make it a plan, not a fact: "coming off the warfarin next month", "wants to come off it".
const PLANNED = new Set(['coming', 'going', 'will', 'to', 'plan', 'planning', 'planned', 'hoping', 'hopes', 'may', 'might', 'should']);
/** Whether the stop phrase starting at `start` is only planned. */
const planned = (t: Tokens, start: number) => start > 0 && t.kind[start - 1] === K_WORD && PLANNED.has(t.words[start - 1] as string);

/**
 * Whether a medicine (the words from..to) is told as stopped: in its clause ("was on warfarin", "stopped the
 * blood thinners", "apixaban, off it now"), or later in its sentence by words that can only point back to it
 * ("was on warfarin for a clot in 2019 but stopped it 2 years ago"). `lenient` also takes a bare stop verb
 * without a past tense before the medicine ("on ramipril but ran out"): for a treatment whose stop only asks
 * for a measurement, not for a medicine whose stop lifts a precaution.
 */
function toldAsStopped(a: Analysis, from: number, to: number, lenient = false): boolean {
  const t = a.t;
  // What is told before a list or a name is told of each medicine in it: "stopped warfarin and aspirin",
  // "counts out warfarin, Eliquis and Xarelto", "had Clexane (enoxaparin) 40 mg injections for 10 days".
  const head = listHead(a, from, to);
  for (let j = head - 1; j >= 0 && head - j <= STOPPED_REACH && t.kind[j] === K_WORD; j--) {
    if (CONTRAST.has(t.words[j] as string)) break;
    const start = Math.max(phraseStartEndingAt(t, j, STOPPED_BEFORE), lenient ? phraseStartEndingAt(t, j, LAPSED_BEFORE) : -1);
    if (start >= 0) return !planned(t, start) && !resumedAfter(a, to);
    if (phraseStartEndingAt(t, j, NOT_TAKEN_BEFORE) >= 0) return true;
    if (phraseStartEndingAt(t, j, KNOWN_OF_BEFORE) >= 0) return !saidTakenIn(t, t.sentence[from] as number);
  }
  // A course of a set length told in the past is over: "had Clexane 40 mg injections for 10 days", "took prednisolone for 5 days".
  // Not when its sentence tells it as recent: "had Clexane injections for 10 days after the op last week" may still run.
  if (courseAfter(t, to) && pastFrameBefore(t, head) && !resumedAfter(a, to) && !stillRunningIn(t, t.sentence[from] as number)) return true;
  let comma = false;
  for (let j = to; j < t.words.length && j - to <= 1; j++) {
    if (t.kind[j] === K_STOP) break;
    if (t.kind[j] === K_COMMA) {
      // A status in brackets is the medicine's own: "warfarin (stopped)".
      if (t.text.charCodeAt(t.start[j] as number) !== 40) comma = true;
      continue;
    }
    if (phraseAt(t, j, comma ? STOPPED_AFTER_COMMA : STOPPED_ANY_AFTER) > 0) return !resumedAfter(a, to);
  }
  // A status after the item's dose or course, set off by a comma: "warfarin 6/12, completed", "apixaban 5 mg, stopped in March".
  const status = statusAfterDose(t, to);
  if (status > 0 && bareStopAt(t, status) > 0 && !toldAsFall(a, status)) return !resumedAfter(a, status);
  return stoppedLater(a, from, to, lenient || pastFrameBefore(t, head) || courseAfter(t, to) || courseBefore(t, head));
}

/**
 * The first medicine of the list or the name in brackets that the medicine at `from`…`to` ends ("warfarin,
 * Eliquis and Xarelto", "Clexane (enoxaparin)"); `from` itself when it opens none. A list is one that "and"
 * or "or" closes: "stopped warfarin, apixaban since" is a switch, not a list.
 */
function listHead(a: Analysis, from: number, to: number): number {
  const { t } = a;
  let head = from;
  let closed = false;
  for (;;) {
    let j = head - 1;
    const c = j >= 0 && t.kind[j] === K_COMMA ? t.text.charCodeAt(t.start[j] as number) : 0;
    if (j >= 0 && t.kind[j] === K_WORD && (t.words[j] === 'and' || t.words[j] === 'or')) {
      closed = true;
      j--;
    } else if (c === 40 || (c === 44 && (closed || (closed = closesList(a, to))))) j--;
    else return head;
    const before = medicineEndingAt(a, j);
    if (!before) return head;
    head = before.from;
  }
}

/** The medicine occurrence whose last word is `j`, if any. */
function medicineEndingAt(a: Analysis, j: number): Occurrence | null {
  const k = j >= 0 ? (a.at[j] as number) : -1;
  const o = k >= 0 ? (a.occurrences[k] as Occurrence) : null;
  return o && o.to === j + 1 && isMedicine(o) ? o : null;
}

/** Whether medicines go on after `to` to an "and" or "or" that closes their list (", Eliquis and Xarelto"). */
function closesList(a: Analysis, to: number): boolean {
  const { t, at, occurrences } = a;
  for (let j = to; j < t.words.length;) {
    const joined = t.kind[j] === K_WORD && (t.words[j] === 'and' || t.words[j] === 'or');
    if (!joined && !(t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 44)) return false;
    const k = at[j + 1] as number;
    const next = k >= 0 ? (occurrences[k] as Occurrence) : null;
    if (!next || next.from !== j + 1 || !isMedicine(next)) return false;
    if (joined) return true;
    j = next.to;
  }
  return false;
}

/** The first word after a medicine's dose or course and the comma that ends it ("6/12, completed"), or -1. */
function statusAfterDose(t: Tokens, to: number): number {
  let j = to;
  // "Clexane 40mg SC od x 28 days, completed course": a dose, a route, a frequency and a course.
  while (j < t.words.length && j - to < 9) {
    const w = t.words[j] as string;
    const slash = t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 47;
    if (
      !slash &&
      (t.kind[j] !== K_WORD || !(isDigitWord(w) || DOSE_WORDS.has(w) || COURSE_UNITS.has(w) || w === 'for' || w === 'x' || NUMBER_WORDS[w] !== undefined))
    )
      break;
    j++;
  }
  if (t.kind[j] !== K_COMMA || t.text.charCodeAt(t.start[j] as number) !== 44) return -1;
  return t.kind[j + 1] === K_WORD ? j + 1 : -1;
}

/** Whether the medicine starting at `from` is told as a course of a set length before it ("3 months of apixaban", "a course of warfarin"). */
function courseBefore(t: Tokens, from: number): boolean {
  if (from < 2 || t.words[from - 1] !== 'of' || t.kind[from - 2] !== K_WORD) return false;
  const unit = t.words[from - 2] as string;
  if (unit === 'course') return true;
  const count = t.words[from - 3] as string;
  return COURSE_UNITS.has(unit) && t.kind[from - 3] === K_WORD && (/^\d+$/.test(count) || NUMBER_WORDS[count] !== undefined);
}

/**
 * Whether the medicine ending at `to` is told as a course of a set length, its dose between ("apixaban for 6
 * weeks", "enoxaparin 40 mg daily for 14 days", "warfarin x 3 months"): a bare stop is then its end.
 */
function courseAfter(t: Tokens, to: number): boolean {
  // Past a name in brackets, or the closing bracket of one: "Clexane (enoxaparin) 40 mg injections for 10 days".
  let j = to;
  if (t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 40)
    for (let k = j + 1; k < t.words.length && k - j <= 6; k++)
      if (t.kind[k] === K_COMMA && t.text.charCodeAt(t.start[k] as number) === 41) {
        j = k;
        break;
      }
  if (t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 41) j++;
  const doseFrom = j;
  while (j < t.words.length && t.kind[j] === K_WORD && j - doseFrom < 4 && (isDigitWord(t.words[j] as string) || DOSE_WORDS.has(t.words[j] as string))) j++;
  // Where the injections went: "blood-thinning injections in my stomach for 10 days".
  if (t.words[j] === 'in' || t.words[j] === 'into') {
    let k = j + 1;
    if (DETERMINERS.has(t.words[k] as string)) k++;
    if (INJECTION_PLACES.has(t.words[k] as string)) j = k + 1;
  }
  // "prednisolone 5 day course", "pred, a course".
  if (t.words[j] === 'course' || (COURSE_UNITS.has(t.words[j] as string) && t.words[j + 1] === 'course')) return true;
  // "apixaban for 6 weeks", "warfarin x 3 months", "prednisolone 40mg od x5/7" (five days in notes' shorthand).
  if ((t.words[j] !== 'for' && t.words[j] !== 'x') || t.kind[j + 1] !== K_WORD) return false;
  const count = t.words[j + 1] as string;
  const shorthand = t.kind[j + 2] === K_COMMA && t.text.charCodeAt(t.start[j + 2] as number) === 47 && SHORTHAND_MONTHS[t.words[j + 3] as string] !== undefined;
  return (/^\d+$/.test(count) || NUMBER_WORDS[count] !== undefined) && (COURSE_UNITS.has(t.words[j + 2] as string) || (/^\d+$/.test(count) && shorthand));
}
const INJECTION_PLACES = new Set(['stomach', 'tummy', 'belly', 'abdomen', 'thigh', 'thighs', 'arm', 'arms', 'leg', 'legs']);
const DOSE_WORDS = new Set([
  'mg',
  'mcg',
  'g',
  'ml',
  'units',
  'iu',
  'daily',
  'od',
  'bd',
  'tds',
  'qds',
  'nocte',
  'once',
  'twice',
  'sc',
  'sq',
  'subcut',
  'im',
  'po',
  'prn',
  'bid',
  'tid',
  'qid',
  'qd',
  'injection',
  'injections',
  'jabs',
  'tablet',
  'tablets',
  'tabs',
]);
const COURSE_UNITS = new Set(['day', 'days', 'week', 'weeks', 'wk', 'wks', 'month', 'months', 'fortnight']);

/** Whether the medicine at `from` is told in the past ("was on warfarin", "took Xarelto"). */
function pastFrameBefore(t: Tokens, from: number): boolean {
  for (let j = from - 1; j >= 0 && from - j <= STOPPED_REACH && t.kind[j] === K_WORD; j--) {
    if (!phraseEndsAt(t, j, PAST_FRAME)) continue;
    // "Has had warfarin for 3 months" is still taking it.
    return !(t.words[j] === 'had' && j > 0 && t.kind[j - 1] === K_WORD && PERFECT.has(t.words[j - 1] as string));
  }
  return false;
}
const PERFECT = new Set(['has', 'have', 'hes', 'shes', 'ive', 'weve', 'theyve', 'youve']);

/**
 * A stop later in the sentence that can only be this medicine's: words that point back to it ("stopped it"),
 * or, when `bare` allows, a stop verb with no subject or object of its own ("… but stopped in 2021"). Not
 * when another medicine or another thing comes between ("on warfarin, tried yoga but stopped it"), nor when
 * it was taken again or stopped only for a while ("stopped it for the op, back on it now").
 */
function stoppedLater(a: Analysis, from: number, to: number, bare: boolean): boolean {
  const { t, at, occurrences } = a;
  let j = to;
  for (; j < t.words.length && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const k = at[j] as number;
    if (k >= 0 && (occurrences[k] as Occurrence).from >= to && isMedicine(occurrences[k] as Occurrence)) return false;
    // "Came off it" read as a fall ("got a new bike and came off it") is not the medicine's stop.
    if (toldAsFall(a, j)) continue;
    let len = phraseAt(t, j, POINTING_BACK);
    if (len === 0 && phraseAt(t, j, SOMETHING_ELSE) > 0) return false;
    if (len === 0 && bare) len = bareStopAt(t, j);
    if (len > 0) return !resumedAfter(a, j + len);
  }
  return stoppedNextSentence(a, j);
}

/** Whether word `j` is read as a fall ("came off yesterday at the roundabout"). */
function toldAsFall(a: Analysis, j: number): boolean {
  const k = a.at[j] as number;
  return k >= 0 && (a.occurrences[k] as Occurrence).concepts.includes(FALL_VERB);
}

/** How many words may open the next sentence before its stop ("GP stopped it", "She came off it"). */
const NEXT_SENTENCE_OPENING = 2;

/** "Was on warfarin for 6 months. Stopped it in 2021.": the next sentence opens with words that point back to the medicine. */
function stoppedNextSentence(a: Analysis, stop: number): boolean {
  const { t } = a;
  let j = stop;
  while (j < t.words.length && t.kind[j] !== K_WORD) j++;
  for (let words = 0; j < t.words.length && t.kind[j] === K_WORD && words <= NEXT_SENTENCE_OPENING; j++, words++) {
    if (toldAsFall(a, j)) return false;
    const len = phraseAt(t, j, POINTING_BACK);
    if (len > 0) return !resumedAfter(a, j + len);
  }
  return false;
}

/** The length of a stop verb at `j` with no subject or object of its own ("but stopped in 2021", ", finished"), or 0. */
function bareStopAt(t: Tokens, j: number): number {
  const len = phraseAt(t, j, BARE_STOP);
  if (len === 0) return 0;
  // A dash is a clause break to the reader here: "x 5 days - finished 3 weeks ago".
  const subjectless = j === 0 || t.kind[j - 1] !== K_WORD || BARE_SUBJECT.has(t.words[j - 1] as string) || dashBefore(t, j);
  const next = j + len;
  const objectless = next >= t.words.length || t.kind[next] !== K_WORD || BARE_NO_OBJECT.has(t.words[next] as string) || isDigitWord(t.words[next] as string);
  return subjectless && objectless ? len : 0;
}

const isDigitWord = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;

/** Whether the words after a stop, up to the next medicine, say it was taken again or stopped only for a while. */
function resumedAfter(a: Analysis, from: number): boolean {
  const { t, at, occurrences } = a;
  for (let j = from; j < t.words.length && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const k = at[j] as number;
    if (k >= 0 && isMedicine(occurrences[k] as Occurrence)) return false;
    if (phraseAt(t, j, RESUMED) > 0) return true;
  }
  return false;
}

/** Whether an occurrence names a medicine. */
function isMedicine(o: Occurrence): boolean {
  for (const c of o.concepts) if (MEDICINE_CONCEPTS.has(c)) return true;
  return false;
}

/**
 * "Came off Eliquis", "came off the tablets": "came off" a medicine is stopping it, not a fall. The fall verb is
 * dropped (the medicine rules read the stop from the words); "came off my bike" stays a fall.
 */
function settleCameOff(t: Tokens, occurrences: Occurrence[]): void {
  for (let k = 0; k < occurrences.length; k++) {
    const o = occurrences[k] as Occurrence;
    if (o.to - o.from !== 2 || t.words[o.from + 1] !== 'off' || !o.concepts.includes(FALL_VERB)) continue;
    let j = o.to;
    while (j < t.words.length && t.kind[j] === K_WORD && DETERMINERS.has(t.words[j] as string)) j++;
    const w = j < t.words.length && t.kind[j] === K_WORD ? (t.words[j] as string) : '';
    const next = w ? occurrences.find((x) => x.from === j) : undefined;
    // "Used warfarin after the DVT, came off in 2019": dated, with no object, what it came off is the medicine
    // told before in the sentence ("came off yesterday at the roundabout" stays a fall).
    const dated = isDigitWord(w) || (w === 'in' && isDigitWord(t.words[j + 1] ?? '')) || w === 'last' || w === 'years' || w === 'months';
    const cameOffMedicine =
      (next && isMedicine(next)) ||
      MEDICINE_KINDS.has(w) ||
      ((w === 'it' || w === 'them' || w === '') && medicineJustBefore(t, occurrences, k)) ||
      (dated && occurrences.some((x) => x.sentence === o.sentence && x.to <= o.from && isMedicine(x)));
    if (cameOffMedicine) {
      o.concepts = NO_CONCEPTS;
      o.indexed = NO_CONCEPTS;
    }
  }
}
const NO_CONCEPTS: number[] = [];

/**
 * "Her face has gone puffy", "my foot has gone weak": "gone" before what a part has become is no recovery;
 * the history word is dropped ("the swelling has gone", "rash gone now" stay over).
 */
function settleGoneAsBecome(t: Tokens, occurrences: Occurrence[]): void {
  for (const o of occurrences) {
    if (t.words[o.to - 1] !== 'gone' || !o.concepts.includes(HISTORY_AFTER)) continue;
    const next = o.to;
    if (t.kind[next] !== K_WORD || NOT_BECOME.has(t.words[next] as string)) continue;
    if (occurrences.some((x) => x.from === next && !x.concepts.includes(HISTORY_AFTER) && !x.concepts.includes(RESOLVED))) {
      o.concepts = NO_CONCEPTS;
      o.indexed = NO_CONCEPTS;
    }
  }
}
/**
 * "Admitted 2026-07-03 with right pyelonephritis: fever 39.1 C, rigors": a passing illness in a sentence that
 * opens with a date more than two weeks gone, with nothing current in it, is over.
 */
function datedSentence(t: Tokens, at: number, day: number | null): boolean {
  if (day === null) return false;
  let dated = false;
  for (let j = at - 1; j >= 0 && t.kind[j] !== K_STOP; j--) {
    if (t.kind[j] !== K_WORD || !/^(19|20)\d\d$/.test(t.words[j] as string)) continue;
    const back = daysBackOfDate(t, j, day);
    if (back === null || back < PASSED_MONTH_DAYS || t.words[j - 1] === 'since' || t.words[j - 2] === 'since') return false;
    dated = true;
  }
  if (!dated) return false;
  // "2026-10-01: discitis diagnosed, on IV antibiotics": a diagnosis or a treatment under way is not over.
  for (let j = 0; j < t.words.length; j++) {
    if (t.sentence[j] !== t.sentence[at] || t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    if (STILL_NOW.has(w) || UNDER_TREATMENT.has(w)) return false;
  }
  return true;
}
const UNDER_TREATMENT = new Set(['diagnosed', 'dx', 'antibiotics', 'abx', 'treatment', 'receiving']);

/**
 * "5Ds/3Ns: dizziness nil, diplopia nil …", "VBI/CAD screen: dizz -": the screen's name as a heading (before a
 * colon, a slash or "screen") names the questions, not a sign; "5Ds positive", "5Ds: yes" still do.
 */
function settleScreenHeadings(t: Tokens, occurrences: Occurrence[]): void {
  for (const o of occurrences) {
    if (!o.concepts.includes(VBI_NAMED) || !SCREEN_NAMES.has(t.words[o.to - 1] as string)) continue;
    const c = t.kind[o.to] === K_COMMA ? t.text.charCodeAt(t.start[o.to] as number) : SCREEN_WORDS.has(t.words[o.to] as string) ? 58 : 0;
    let answeredYes = false;
    for (let j = o.to + 1; j <= o.to + 6 && j < t.words.length && !answeredYes; j++) answeredYes = POSITIVE_ANSWERS.has(t.words[j] as string);
    if ((c === 58 || c === 47) && !answeredYes) {
      o.concepts = NO_CONCEPTS;
      o.indexed = NO_CONCEPTS;
    }
  }
}
const VBI_NAMED = cid('vbi_named');
/** The names a screen goes by ("5Ds", "VBI", "CAD"), and what follows a name that heads it ("VBI screen:"). */
const SCREEN_NAMES = new Set(['ds', 'vbi', 'cad']);
const SCREEN_WORDS = new Set(['screen', 'screening', 'questions', 'check', 'checked']);
const POSITIVE_ANSWERS = new Set(['positive', 'pos', 've', 'yes', 'y', 'present', 'abnormal']);

/** What may follow "gone" when it is over: "gone since March", "gone now", "gone away". */
const NOT_BECOME = new Set(['since', 'now', 'away', 'completely', 'altogether', 'for', 'after', 'by', 'with', 'in', 'on', 'at', 'and', 'but']);
/** Words that may stand between a medicine and "came off it" for "it" to be the medicine ("on Eliquis for years, came off it"). */
const TIME_FILLERS = new Set([
  'for',
  'years',
  'year',
  'months',
  'month',
  'weeks',
  'a',
  'while',
  'few',
  'long',
  'time',
  'and',
  'but',
  'then',
  'so',
  'i',
  'she',
  'he',
  'eventually',
  'finally',
  'since',
  'in',
  'until',
]);
const FILLER_REACH = 5;

/** Whether the occurrence before occurrence `k` in its sentence is a medicine, with only time words between ("on Eliquis for years, came off it"); not "on warfarin, new bike, came off it". */
function medicineJustBefore(t: Tokens, occurrences: Occurrence[], k: number): boolean {
  const o = occurrences[k] as Occurrence;
  for (let j = o.from - 1, words = 0; j >= 0 && t.kind[j] !== K_STOP && words <= FILLER_REACH; j--) {
    if (t.kind[j] !== K_WORD) continue;
    const medicine = occurrences.find((x) => x.from <= j && j < x.to && isMedicine(x));
    if (medicine) return true;
    if (!TIME_FILLERS.has(t.words[j] as string) && !isDigitWord(t.words[j] as string)) return false;
    words++;
  }
  return false;
}

/**
 * Whether the treatment of high blood pressure is told as stopped ("ran out of BP meds", "stopped taking her
 * blood pressure tablets", "HTN, came off the tablets"): a named treatment told as stopped, negated or not
 * ("stopped taking" is also a negation), or, with hypertension named, medicines by their generic name.
 */
function bloodPressureTreatmentStopped(a: Analysis, hypertensionNamed: boolean): Span | null {
  const { t, occurrences } = a;
  for (const o of occurrences) if (o.concepts.includes(BP_TREATMENT) && toldAsStopped(a, o.from, o.to, true)) return o;
  if (!hypertensionNamed) return null;
  for (let j = 0; j < t.words.length; j++) {
    if (t.kind[j] === K_WORD && MEDICINE_NOUNS.has(t.words[j] as string) && toldAsStopped(a, j, j + 1, true)) return { from: j, to: j + 1 };
  }
  return null;
}

let lastText: string | null = null;
let lastToday: string | undefined;
let lastAnalysis: Analysis | null = null;
// Only the last analysis is ever read (the engine is single-threaded and reads one complaint at a time), so
// its per-concept lists live in one array, emptied concept by concept when the next text is analysed.
const conceptLists = new Array<Occurrence[] | undefined>(CONCEPT_COUNT).fill(undefined);

/**
 * The complaint read once. `today` is the assessment date: with it, a date written in full within the last
 * three months is recent, not history; without it, every year marks history.
 */
/** "He is on warfarin (Coumadin)": a name in brackets right after a mention is that mention, denied or another person's with it. */
function markAppositions(t: Tokens, occurrences: Occurrence[], negated: number[]): void {
  for (let k = 1; k < occurrences.length; k++) {
    const o = occurrences[k] as Occurrence;
    const before = occurrences[k - 1] as Occurrence;
    if (before.to !== o.from - 1 || t.kind[o.from - 1] !== K_COMMA || t.text.charCodeAt(t.start[o.from - 1] as number) !== 40) continue;
    const level = negated[before.from] as number;
    if (level === NOT_NEGATED) continue;
    for (let j = o.from; j < o.to; j++) if (negated[j] === NOT_NEGATED) negated[j] = level;
  }
}

/** The illnesses each treatment treats: a treatment told right after another person's illness is theirs. */
const TREATS: ReadonlyMap<number, ReadonlySet<number>> = new Map([
  [conceptId('anticoagulant'), new Set([conceptId('dvt_named'), conceptId('heart_word')])],
  [conceptId('cancer_word'), new Set([conceptId('cancer_word')])],
]);
/** What a clause with no subject of its own may say before a treatment: "currently inpatient on chemo", "now on apixaban". */
const STATUS_LEAD = new Set([
  'her',
  'his',
  'their',
  'currently',
  'now',
  'still',
  'inpatient',
  'admitted',
  'in',
  'hospital',
  'on',
  'having',
  'receiving',
  'started',
  'starting',
  'getting',
  'been',
  'put',
  'under',
  'for',
  'treated',
  'with',
  'due',
]);

/**
 * "Husband Tom dx bowel ca in Feb, currently inpatient on chemo", "her husband had a DVT after the flight -
 * on apixaban now": a treatment in a clause with no subject of its own, right after another person's illness
 * it treats, is theirs. `ownMarks` are the marks before other people were read: what they added is theirs.
 */
function markTheirTreatments(t: Tokens, occurrences: readonly Occurrence[], ownMarks: readonly number[], negated: number[]): void {
  for (let k = 1; k < occurrences.length; k++) {
    const o = occurrences[k] as Occurrence;
    if (negated[o.from] !== NOT_NEGATED) continue;
    let treats: ReadonlySet<number> | undefined;
    for (let c = 0; c < o.concepts.length && treats === undefined; c++) treats = TREATS.get(o.concepts[c] as number);
    if (treats === undefined) continue;
    let lead = o.from - 1;
    while (lead >= 0 && t.kind[lead] === K_WORD && STATUS_LEAD.has(t.words[lead] as string)) lead--;
    const clauseBreak = lead >= 0 && (t.kind[lead] === K_COMMA || dashBefore(t, lead + 1));
    if (!clauseBreak) continue;
    // Their illness, with only their own words from it to the break: "a DVT in his leg after the flight back from Sofia".
    const lastBefore = t.kind[lead] === K_WORD ? lead : lead - 1;
    let from = lastBefore;
    while (from >= 0 && t.kind[from] === K_WORD && ((negated[from] === NEGATED && ownMarks[from] === NOT_NEGATED) || capitalised(t, from))) from--;
    const illness = occurrences.find(
      (x) =>
        x.from > from && x.to <= lastBefore + 1 && negated[x.from] === NEGATED && ownMarks[x.from] === NOT_NEGATED && x.concepts.some((c) => treats.has(c)),
    );
    if (illness === undefined) continue;
    // "…, on apixaban. I also take it.": the next sentence may give it to the patient too.
    let alsoMine = false;
    for (let j = o.to; j < t.words.length && (t.sentence[j] as number) <= o.sentence + 1 && !alsoMine; j++)
      alsoMine = t.kind[j] === K_WORD && ((t.sentence[j] === o.sentence && ALSO_MINE.has(t.words[j] as string)) || ALSO_TOO.has(t.words[j] as string));
    if (alsoMine) continue;
    // "sister's breast cancer diagnosis - her chemo": a possessive in the lead must be able to be theirs.
    let owned = true;
    for (let j = lead + 1; j < o.from && owned; j++) if (POSSESSIVE_LEADS.has(t.words[j] as string)) owned = ownedByPersonBefore(t, j, illness.from);
    if (owned) for (let j = o.from; j < o.to; j++) negated[j] = NEGATED;
  }
}
/** Words after a treatment that give it to the patient as well: "on warfarin, which I also take", "as am I", "her own prescription". */
const ALSO_MINE = new Set(['i', 'me', 'my', 'myself', 'also', 'too', 'own']);
const ALSO_TOO = new Set(['also', 'too']);
const POSSESSIVE_LEADS = new Set(['her', 'his', 'their']);

function analyse(text: string, today?: string): Analysis {
  // The lead reads the same complaint for findings, regions and swelling: analyse it once.
  if (text === lastText && today === lastToday && lastAnalysis) return lastAnalysis;
  const t = tokenize(decimalCommasAsPoints(spokenPressuresAsFigures(text)));
  const day = today === undefined ? null : dayNumber(today);
  // Plain arrays: a typed array costs more to create than these few words are worth.
  const consumed = new Array<number>(t.words.length).fill(0);
  const occurrences = findOccurrences(t, consumed, day);
  settleCameOff(t, occurrences);
  settleGoneAsBecome(t, occurrences);
  settleScreenHeadings(t, occurrences);
  const at = new Array<number>(t.words.length).fill(-1);
  if (lastAnalysis) for (const c of lastAnalysis.mentioned) conceptLists[c] = undefined;
  lastText = null;
  lastAnalysis = null;
  const byConcept = conceptLists;
  const mentioned: number[] = [];
  const byRegion: Occurrence[] = [];
  const bySide: Occurrence[] = [];
  if (occurrences.length > 0) {
    const negated = markNegation(t, consumed, occurrences, qualifiesOnly);
    const ownMarks = negated.slice();
    markOtherPeople(t, consumed, negated);
    markOtherSexPossessives(t, negated);
    markTheirTreatments(t, occurrences, ownMarks, negated);
    markWorkplaces(t, negated);
    markSafetyNets(t, negated);
    markFormAnswers(t, negated);
    markSections(t, negated);
    markFormLines(t, negated);
    markDashAnswers(t, negated);
    markAppositions(t, occurrences, negated);
    for (let k = 0; k < occurrences.length; k++) {
      const o = occurrences[k] as Occurrence;
      for (let j = o.from; j < o.to; j++) at[j] = k;
      o.negated = negated[o.from] as number;
      if (o.negated === NEGATED) continue;
      for (const c of o.indexed) {
        const list = byConcept[c];
        if (list) list.push(o);
        else {
          byConcept[c] = [o];
          mentioned.push(c);
        }
      }
      if (o.region) byRegion.push(o);
      if (o.side) bySide.push(o);
    }
  }
  const analysis = { t, day, occurrences, at, byConcept, mentioned, byRegion, bySide };
  lastText = text;
  lastToday = today;
  lastAnalysis = analysis;
  return analysis;
}

function historyOf(a: Analysis, o: Occurrence): boolean {
  if (o.history < 0) o.history = isHistory(a, o.from, o.to) ? 1 : 0;
  return o.history === 1;
}

// ---- apply the rules -----------------------------------------------------------------------------

function allMentioned(byConcept: readonly (Occurrence[] | undefined)[], concepts: number[]): boolean {
  for (const c of concepts) if (byConcept[c] === undefined) return false;
  return true;
}

function nearest(byConcept: readonly (Occurrence[] | undefined)[], concept: number, anchor: Occurrence): Occurrence | null {
  let best: Occurrence | null = null;
  let bestDistance = Infinity;
  for (const o of byConcept[concept] ?? []) {
    if (o.sentence !== anchor.sentence) continue;
    // A mention read for certain beats an ambiguously negated one at the same distance.
    const d = Math.abs(o.from - anchor.from) * 2 + (o.negated === AMBIGUOUS ? 1 : 0);
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

function locate(a: Analysis, anchor: Occurrence): { region: Occurrence; side: Occurrence | null } | null {
  let region: Occurrence | null = null;
  let bestRank = Infinity;
  for (const o of a.byRegion) {
    if (o.sentence !== anchor.sentence || o.negated !== NOT_NEGATED) continue;
    const d = Math.abs(o.from - anchor.from);
    if (d >= 9) continue;
    // A place in the finding's own clause first ("calf tight, graze on the knee"); else the sentence's
    // topic before it ("knee replaced 10 days ago, stitches in, calf achy"); else one told after it
    // ("open wound, left shin").
    const before = o.from < anchor.from;
    const rank = (clauseBreakBetween(a.t, before ? o.to : anchor.to, before ? anchor.from : o.from) ? (before ? 100 : 200) : 0) + d;
    if (rank < bestRank) {
      region = o;
      bestRank = rank;
    }
  }
  if (!region) return null;
  return { region, side: sideOf(a.bySide, region) };
}

const REFERS_BACK = new Set(['it', 'its', 'this', 'that', 'they', 'these', 'the']);

/** The distinct regions (with sides) named, un-negated, in one sentence. */
function regionsIn(a: Analysis, sentence: number): { region: RegionCode; side: Side; evidence: string }[] {
  const out: { region: RegionCode; side: Side; evidence: string }[] = [];
  for (const o of a.byRegion) {
    if (o.sentence !== sentence || o.negated !== NOT_NEGATED) continue;
    const region = regionValue(o);
    const side = sideValue(sideOf(a.bySide, o));
    if (region && !out.some((r) => r.region === region && r.side === side))
      out.push({ region, side, evidence: a.t.text.slice(a.t.start[o.from], a.t.end[o.to - 1]) });
  }
  return out;
}

/**
 * Where a local condition told without a place is: the one region its sentence names, else the regions of
 * the next sentence when it opens by referring back ("It is on…", "The worst of it is across…"); else none.
 */
function sentencePlaces(a: Analysis, sentence: number): { region: RegionCode; side: Side; evidence: string }[] {
  const own = regionsIn(a, sentence);
  if (own.length > 0) return own.length === 1 ? own : [];
  const { t } = a;
  let first = 0;
  while (first < t.words.length && !(t.sentence[first] === sentence + 1 && t.kind[first] === K_WORD)) first++;
  if (first >= t.words.length || !REFERS_BACK.has(t.words[first] as string)) return [];
  if (t.words[first] === 'the' && !matchWordsAt(t, first, ['the', 'worst'])) return [];
  return regionsIn(a, sentence + 1);
}

/** The side of a leg named with a side close to `anchor` in its sentence ("varicose veins R leg"), or null. */
function sideOfLeg(a: Analysis, anchor: Occurrence, ownClause = false): Side {
  for (const o of a.byConcept[LEG] ?? []) {
    if (o.sentence !== anchor.sentence || o.negated !== NOT_NEGATED || Math.abs(o.from - anchor.from) > 6) continue;
    if (ownClause && otherClause(a.t, o, anchor)) continue;
    const side = sideValue(sideOf(a.bySide, o));
    if (side === 'left' || side === 'right') return side;
  }
  return null;
}

/**
 * Whether a sign told in another clause than `anchor` belongs to the place that opens its own clause ("left
 * knee hot and swollen, left calf tight": the heat and swelling are the knee's, not the calf's).
 */
function placedElsewhere(a: Analysis, o: Occurrence, anchor: Occurrence): boolean {
  const { t } = a;
  if (!otherClause(t, o, anchor)) return false;
  // The place a clause is about opens it ("left knee hot and swollen"); one after the sign is its
  // circumstance ("red and warm after knee scope").
  let from = o.from;
  while (from > 0 && !(t.kind[from - 1] === K_STOP || (t.kind[from - 1] === K_COMMA && t.text.charCodeAt(t.start[from - 1] as number) !== 47))) from--;
  return a.byRegion.some((r) => r !== anchor && r.from >= from && r.to <= o.from && r.negated === NOT_NEGATED);
}

/** Whether `o` is told in another clause than `anchor`. */
function otherClause(t: Tokens, o: Occurrence, anchor: Occurrence): boolean {
  return o.from < anchor.from ? clauseBreakBetween(t, o.to, anchor.from) : clauseBreakBetween(t, anchor.to, o.from);
}

/** Whether a clause break (a comma, semicolon, colon, dash or bracket; not a slash) lies between tokens `from` and `to`. */
function clauseBreakBetween(t: Tokens, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) !== 47) return true;
  return false;
}

const NO_OCCURRENCES: Occurrence[] = [];
// Words that may stand between the regions of one list ("shoulders and the upper back", "L knee & R hip").
const LIST_JOINS = new Set(['and', 'or', 'plus']);
const LIST_FILLERS = new Set(['both', 'the', 'my', 'her', 'his', 'their', 'across', 'over', 'on', 'also']);

/** The regions listed with `first` ("across shoulders and upper back", "knee, ankle or foot"), un-negated, in its sentence. */
function listedWith(a: Analysis, first: Occurrence): Occurrence[] {
  const { t, at, occurrences } = a;
  const out: Occurrence[] = [];
  for (const step of [1, -1]) {
    let joined = false;
    let byComma = false;
    for (let j = step > 0 ? first.to : first.from - 1; j >= 0 && j < t.words.length;) {
      const kind = t.kind[j];
      if (kind === K_STOP) break;
      if (kind === K_COMMA) {
        const c = t.text.charCodeAt(t.start[j] as number);
        if (c !== 44 && c !== 47) break;
        joined = true;
        byComma = c === 44;
        j += step;
        continue;
      }
      const k = at[j] as number;
      if (k >= 0) {
        const o = occurrences[k] as Occurrence;
        if (o.region && joined && o.negated === NOT_NEGATED) {
          // "Graze on the left knee, calf tight": a region told with its own description opens a clause.
          if (step > 0 && byComma && opensClause(a, o)) break;
          out.push(o);
          joined = false;
          byComma = false;
        } else if (o.region || !o.side) break;
        j = step > 0 ? o.to : o.from - 1;
        continue;
      }
      const w = t.words[j] as string;
      if (LIST_JOINS.has(w)) {
        joined = true;
        byComma = false;
      } else if (!LIST_FILLERS.has(w)) break;
      j += step;
    }
  }
  return out;
}

/** Whether the word after a region is neither a list word nor a break: the region begins a clause of its own. */
function opensClause(a: Analysis, o: Occurrence): boolean {
  const { t, at, occurrences } = a;
  const j = o.to;
  if (j >= t.words.length || t.kind[j] !== K_WORD) return false;
  const k = at[j] as number;
  if (k >= 0) return !(occurrences[k] as Occurrence).region && !(occurrences[k] as Occurrence).side;
  const w = t.words[j] as string;
  return !LIST_JOINS.has(w) && !LIST_FILLERS.has(w);
}

/** The side word of a region mention: in the phrase itself ("left arm") or just before it ("my left knee"). */
function sideOf(bySide: Occurrence[], region: Occurrence): Occurrence | null {
  if (region.concepts.some((c) => conceptSide[c] !== null)) return region;
  let side: Occurrence | null = null;
  for (const o of bySide) if (o.sentence === region.sentence && o.to <= region.from && region.from - o.to <= 2 && o.negated !== NEGATED) side = o;
  return side;
}

const sideValue = (o: Occurrence | null): Side => (o ? (o.concepts.map((c) => conceptSide[c]).find((s) => s !== null) ?? null) : null);
const regionValue = (o: Occurrence): RegionCode | null => {
  let region: RegionCode | null = null;
  for (const c of o.concepts) if (conceptRegion[c] !== null) region = conceptRegion[c] as RegionCode;
  return region;
};

/** The regions a site word places a condition on besides its first ("armpit": the chest as well as the shoulder). */
function extraRegions(o: Occurrence): readonly RegionCode[] {
  for (const c of o.concepts) {
    const extra = siteExtra.get(c);
    if (extra) return extra;
  }
  return NO_REGIONS;
}
const NO_REGIONS: readonly RegionCode[] = [];

/** Whether a region mention is only a site word ("breast", "groin"): it places a condition, it is not a region to plan for. */
function siteOnly(o: Occurrence): boolean {
  let site = false;
  for (const c of o.concepts) {
    if (conceptRegion[c] === null) continue;
    if (!SITE_CONCEPTS.has(c)) return false;
    site = true;
  }
  return site;
}

/** How many words may stand between a headache and the words that call it the familiar one ("usual tension headaches"). */
const FAMILIAR_REACH = 3;
// Words after which a headache is another one than the familiar one ("usual migraines, but this one…").
const NOT_SAME_HEADACHE = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'except', 'now', 'unlike', 'this', 'today']);

/**
 * Whether a headache is told as the familiar one ("usual tension headaches, nothing new", "her normal
 * migraines, same as always"): familiar words close to it in its clause, and none of the words that make a
 * headache new whatever else is said ("worst ever", "unlike her usual").
 */
function toldAsFamiliar(a: Analysis, used: readonly Occurrence[]): boolean {
  for (const o of used) if (o.concepts.includes(NOVEL_HEADACHE)) return false;
  for (const o of used) if (familiarNear(a, o)) return true;
  return false;
}

function familiarNear(a: Analysis, o: Occurrence): boolean {
  const { t, at, occurrences } = a;
  if (o.concepts.includes(FAMILIAR)) return true;
  for (const step of [-1, 1]) {
    for (let j = step < 0 ? o.from - 1 : o.to, gap = 0; j >= 0 && j < t.words.length && gap <= FAMILIAR_REACH; j += step) {
      if (t.kind[j] === K_STOP) break;
      if (t.kind[j] !== K_WORD) continue;
      if (NOT_SAME_HEADACHE.has(t.words[j] as string)) break;
      const k = at[j] as number;
      if (k >= 0) {
        const near = occurrences[k] as Occurrence;
        if (near.concepts.includes(NOVEL_HEADACHE)) return false;
        // "Sudden severe headache — usual migraines are milder": the familiar word is the other headache's.
        // Not denied outright: a familiar word caught in a list's uncertain reach stays familiar ("No dizziness, no
        // visual sx, headache not new/unusual - same as yrs").
        if (near.concepts.includes(FAMILIAR) && near.negated !== NEGATED) return step < 0 || !headacheAfter(a, near, o);
        if (near !== o && near.concepts.includes(HEADACHE)) break;
        j = step < 0 ? near.from : near.to - 1;
      }
      gap++;
    }
  }
  return false;
}

/** Whether another headache than `self` follows a familiar word closely ("usual migraines"): the word is that one's. */
function headacheAfter(a: Analysis, familiar: Occurrence, self: Occurrence): boolean {
  for (let j = familiar.to; j < a.t.words.length && j - familiar.to < 2 && a.t.kind[j] === K_WORD; j++) {
    const k = a.at[j] as number;
    if (k >= 0 && a.occurrences[k] !== self && (a.occurrences[k] as Occurrence).concepts.includes(HEADACHE)) return true;
  }
  return false;
}

function firstCurrent(a: Analysis, concept: number, stop: boolean, notFamiliar = false, notPast = false): Occurrence | null {
  let ambiguous: Occurrence | null = null;
  for (const o of a.byConcept[concept] ?? []) {
    if (notFamiliar && toldAsFamiliar(a, [o])) continue;
    if (notPast && historyOf(a, o)) continue;
    if (o.negated === NOT_NEGATED) return o;
    if (stop && !ambiguous) ambiguous = o;
  }
  return ambiguous;
}

const UNSURE = NEGATION.unsure.map((p) => p.split(' '));
// The unsure phrases by their first word, each list in the lexicon's order (the first that matches is
// taken, as before): a word starting none of them costs one lookup instead of a comparison with each.
const UNSURE_BY_FIRST = new Map<string, string[][]>();
for (const p of UNSURE) {
  const list = UNSURE_BY_FIRST.get(p[0] as string);
  if (list) list.push(p);
  else UNSURE_BY_FIRST.set(p[0] as string, [p]);
}
/** How many words after "not sure if" its doubt reaches, or before a trailing "unsure" ("weight loss? unsure"). */
const UNSURE_REACH = 8;

/** Per token, whether the patient says they do not know it: after an unsure phrase in its clause, or before one that ends a clause. */
function unsureMarks(t: Tokens): number[] {
  const marks = new Array<number>(t.words.length).fill(0);
  for (let i = 0; i < t.words.length; i++) {
    const starting = t.kind[i] === K_WORD ? UNSURE_BY_FIRST.get(t.words[i] as string) : undefined;
    const phrase = starting?.find((p) => wordsAt(t, i, p));
    if (!phrase) continue;
    const end = i + phrase.length;
    for (let j = end; j < t.words.length && j - end < UNSURE_REACH && t.kind[j] === K_WORD && !CONTRAST.has(t.words[j] as string); j++) marks[j] = 1;
    if (end >= t.words.length || t.kind[end] !== K_WORD)
      for (let j = i - 1; j >= 0 && i - j <= UNSURE_REACH && t.kind[j] !== K_STOP && !CONTRAST.has(t.words[j] as string); j--) marks[j] = 1;
  }
  return marks;
}

/** Adds a finding once per code and place; a certain reading replaces an uncertain or unsure one. */
function push(matches: ComplaintMatch[], m: ComplaintMatch): void {
  for (const old of matches) {
    if (old.code !== m.code || old.region !== m.region || old.side !== m.side) continue;
    if (old.unsure && !m.unsure) {
      delete old.unsure;
      old.evidence = m.evidence;
    }
    if (old.uncertain && !m.uncertain) {
      delete old.uncertain;
      old.evidence = m.evidence;
    }
    return;
  }
  matches.push(m);
}

/** The rules whose first concept is mentioned, in rule order. */
function candidateRules(mentioned: number[]): number[] {
  const out: number[] = [];
  for (const c of mentioned) {
    const rules = RULES_BY_FIRST[c];
    if (rules) for (const k of rules) out.push(k);
  }
  return out.sort((x, y) => x - y);
}

// Places whose numbness may be the saddle's or the back passage's ("numb bum", "back passage").
const SADDLE_NEAR: ReadonlySet<RegionCode> = new Set(['gluteal', 'sacroiliac', 'lower_back']);

/**
 * Whether a mention is told of a limb or other place: a region word up to 3 words after it in its clause
 * ("numbness in her toes", "numb patch on the outer thigh") or just before it ("left foot numb").
 */
function toldOfPlace(a: Analysis, o: Occurrence): boolean {
  for (const r of a.byRegion) {
    if (r.sentence !== o.sentence || r.negated !== NOT_NEGATED) continue;
    const region = regionValue(r);
    if (region === null || SADDLE_NEAR.has(region)) continue;
    if (r.to <= o.from && o.from - r.to <= 1) return true;
    if (r.from >= o.to && r.from - o.to <= 3) {
      let clause = true;
      for (let j = o.to; j < r.from; j++) if (a.t.kind[j] !== K_WORD) clause = false;
      if (clause) return true;
    }
  }
  return false;
}

/** Whether a concept of `of` is told, un-negated, in a sentence that also tells one of `near`. */
function toldNear(a: Analysis, of: number[], near: number[]): boolean {
  for (const c of of)
    for (const o of a.byConcept[c] ?? []) {
      if (o.negated !== NOT_NEGATED) continue;
      for (const n of near) if ((a.byConcept[n] ?? []).some((x) => x.sentence === o.sentence && x.negated === NOT_NEGATED)) return true;
    }
  return false;
}

const BOTH_HANDS = cid('both_hands');
const oneSide = (side: Side): boolean => side === 'left' || side === 'right';

const NERVE_DEFICITS = [cid('sensation_loss'), cid('weakness')];

/**
 * Whether a sign is told of one named side only: its place ("in the right hand") has a left or right, both
 * hands are never named, and no numbness or weakness goes with it in its sentence ("R arm numb and weak").
 */
function toldOfOneSide(a: Analysis, anchor: Occurrence, used: Occurrence[]): boolean {
  if (firstCurrent(a, BOTH_HANDS, false) !== null) return false;
  for (const c of NERVE_DEFICITS) if ((a.byConcept[c] ?? []).some((o) => o.sentence === anchor.sentence && isCurrent(a, o))) return false;
  const places = used.filter((o) => o.region);
  const near = locate(a, anchor);
  if (near) places.push(near.region);
  return places.length > 0 && places.every((o) => oneSide(sideValue(sideOf(a.bySide, o))));
}

// Forms that keep a medicine where it is put: "Protopic (tacrolimus 0.1%) ointment", "a steroid inhaler", "heparin gel".
const TOPICAL_FORMS = new Set([
  'ointment',
  'ointments',
  'cream',
  'creams',
  'gel',
  'gels',
  'lotion',
  'drops',
  'inhaler',
  'inhalers',
  'puffer',
  'nasal',
  'topical',
  'topically',
]);

/** Whether a medicine is told as put on the skin, the eyes or the airways, not taken by mouth or injection. */
function appliedToSkin(t: Tokens, o: Occurrence): boolean {
  if (o.from > 0 && t.kind[o.from - 1] === K_WORD && TOPICAL_FORMS.has(t.words[o.from - 1] as string)) return true;
  for (let j = o.to; j < t.words.length && j - o.to <= 8; j++) {
    if (t.kind[j] === K_STOP) return false;
    if (t.kind[j] === K_COMMA) {
      const c = t.text.charCodeAt(t.start[j] as number);
      if (c === 44 || c === 59) return false;
      continue;
    }
    if (TOPICAL_FORMS.has(t.words[j] as string)) return true;
  }
  return false;
}

/** Whether one of the concepts is told anywhere, un-negated and not as history. */
function toldNow(a: Analysis, concepts: number[]): boolean {
  for (const c of concepts) for (const o of a.byConcept[c] ?? []) if (isCurrent(a, o)) return true;
  return false;
}

/** Finds red flags, contraindications and trauma mentions in a complaint; negated mentions do not count. */
export function readComplaint(text: string, today?: string): ComplaintMatch[] {
  const a = analyse(text, today);
  const { t, byConcept, bySide } = a;
  const matches: ComplaintMatch[] = [];
  let unsure: number[] | null = null;
  // Whether the cervical-artery reading rests only on signs that pregnancy's pre-eclampsia also gives.
  let dissectionSigns = 0;
  let dissectionOther = false;
  // Local conditions by sentence: one read without a place takes the place of another told in its sentence.
  const localPlaced: { m: ComplaintMatch; sentence: number }[] = [];
  const localPlaceless: { m: ComplaintMatch; sentence: number }[] = [];

  if (a.mentioned.length > 0) {
    for (const k of candidateRules(a.mentioned)) {
      const rule = RULES[k] as CompiledRule;
      if (!allMentioned(byConcept, rule.all)) continue;
      if (rule.explainedBy.length > 0 && toldNow(a, rule.explainedBy)) continue;
      let contextEvidence = '';
      let contextUncertain = false;
      let contextAt: Occurrence | null = null;
      if (rule.context.length > 0) {
        let ok = true;
        for (const c of rule.context) {
          const o = firstCurrent(a, c, rule.stop, rule.notFamiliar, rule.contextNow);
          if (!o || (rule.contextBefore && historyOf(a, o))) {
            ok = false;
            break;
          }
          contextAt = o;
          if (o.negated === AMBIGUOUS) contextUncertain = true;
          contextEvidence = t.text.slice(t.start[o.from], t.end[o.to - 1]);
        }
        if (!ok) continue;
      }
      const anchors = byConcept[rule.all[0] as number] as Occurrence[];
      let toldAsHistory = false;
      for (const anchor of anchors) {
        // After a mention read as history, another names the same thing unless it is dated recent itself.
        if (toldAsHistory && !toldRecent(a, anchor)) continue;
        if (rule.contextBefore && contextAt !== null && contextAt.sentence !== anchor.sentence - 1) continue;
        const used: Occurrence[] = [anchor];
        let ok = true;
        for (let k = 1; k < rule.all.length && ok; k++) {
          const o = nearest(byConcept, rule.all[k] as number, anchor);
          if (o) used.push(o);
          else ok = false;
        }
        if (ok && rule.some) {
          let count = 0;
          let anyFound = rule.any.length === 0;
          for (const c of rule.some.of) {
            const o = nearest(byConcept, c, anchor);
            if (
              o &&
              Math.max(o.to, anchor.to) - 1 - Math.min(o.from, anchor.from) <= rule.window &&
              !(rule.ownPlace.includes(c) && placedElsewhere(a, o, anchor))
            ) {
              count++;
              used.push(o);
              if (rule.any.includes(c)) anyFound = true;
            }
          }
          ok = count >= rule.some.min && anyFound;
        }
        if (!ok) continue;
        let from = Infinity;
        let to = -1;
        let uncertain = contextUncertain;
        for (const o of used) {
          if (o.from < from) from = o.from;
          if (o.to > to) to = o.to;
          if (o.negated === AMBIGUOUS) uncertain = true;
        }
        // Only red flags and systemic contraindications take the safer reading of an ambiguous negation.
        if (uncertain && !rule.stop) continue;
        // Exertional pain is told at length ("aching this last fortnight or so, mainly when I'm walking up the hill"):
        // for the heart, how long and how sure do not part its words.
        if (to - 1 - from > rule.window && !(rule.exertional && to - 1 - from - lightTokens(t, from, to) <= rule.window)) continue;
        if (rule.none.some((c) => (byConcept[c] ?? []).some((o) => o.sentence === anchor.sentence && o.negated === NOT_NEGATED))) continue;
        if (
          rule.noneNear &&
          toldNear(a, rule.noneNear.of, rule.noneNear.near) &&
          !rule.noneNearUnless.some((c) => (byConcept[c] ?? []).some((o) => o.sentence === anchor.sentence && o.negated === NOT_NEGATED))
        )
          continue;
        if (rule.benign.length > 0) {
          const told = (c: number) => (byConcept[c] ?? []).some((o) => o.sentence === anchor.sentence && o.negated === NOT_NEGATED);
          if (rule.benign.some((b) => b.all.every(told) && !b.unless.some(told))) continue;
        }
        if (rule.bilateral && toldOfOneSide(a, anchor, used)) continue;
        if (rule.notOfPlace.length > 0 && used.some((o) => rule.notOfPlace.some((c) => o.indexed.includes(c)) && toldOfPlace(a, o))) continue;
        let code = rule.code;
        if (rule.medicine && used.some((o) => toldAsStopped(a, o.from, o.to) || appliedToSkin(t, o))) continue;
        if (used.some((o) => queriedThenExcluded(a, o))) continue;
        if (rule.excludedAfter.length > 0 && excludedAfter(a, rule.excludedAfter, anchor.from)) continue;
        if (rule.notFamiliar && toldAsFamiliar(a, used)) continue;
        // Not in pregnancy, where words of a high pressure are a pre-eclampsia sign whatever today's reading.
        if (rule.measuredDecides && byConcept[PREGNANCY_WORD] === undefined && byConcept[GESTATION] === undefined && normalBloodPressureNow(t)) continue;
        if (
          rule.transient &&
          used.some((o) => toldWeeksAgo(a.t, o.from, a.day) || recoveredAfter(a, o) || datedLine(a.t, o.from, a.day) || datedSentence(a.t, o.from, a.day))
        )
          continue;
        const past =
          rule.history === 'resolved'
            ? (o: Occurrence) => isOver(a, o)
            : rule.history === 'longPast'
              ? (o: Occurrence) => historyOf(a, o) && !recentIn(a, o.sentence)
              : rule.medicine
                ? (o: Occurrence) => isHistory(a, o.from, o.to, true)
                : rule.history === 'dvt_history'
                  ? (o: Occurrence) => (historyOf(a, o) || overThreeMonthsAgo(a.t, o)) && !stillTreated(a, o)
                  : // A risk factor counts for 12 weeks (Wells): "had my baby 5 months ago" is past it.
                    rule.code === 'dvt_risk_factor'
                    ? (o: Occurrence) => historyOf(a, o) || riskDatedOverThreeMonths(a.t, o)
                    : (o: Occurrence) => historyOf(a, o);
        if (rule.history !== 'keep' && used.some(past)) {
          if (rule.history === 'drop' || rule.history === 'resolved' || rule.history === 'longPast') continue;
          code = rule.history;
        }
        let region: RegionCode | null = null;
        let side: Side = null;
        let listed: Occurrence[] = NO_OCCURRENCES;
        let placed: Occurrence | null = null;
        if (rule.region !== null) {
          let place = locate(a, anchor);
          // "Varicose veins in the left leg, right calf tight": a leg with its side in the finding's own clause
          // places it, not a region of the other side told in the next clause ("…, mostly below the knee" is
          // the same leg).
          if (place && rule.region === 'optional' && otherClause(t, place.region, anchor)) {
            const leg = sideOfLeg(a, anchor, true);
            const other = sideValue(place.side);
            if (leg !== null && other !== null && other !== leg) place = null;
          }
          if (rule.region === 'required' && !place) continue;
          if (rule.region === 'forbidden' && place) continue;
          if (place && rule.region !== 'forbidden') {
            region = regionValue(place.region);
            side = sideValue(place.side);
            from = Math.min(from, place.side?.from ?? place.region.from, place.region.from);
            to = Math.max(to, place.region.to);
            listed = listedWith(a, place.region);
            placed = place.region;
          } else if (!place && rule.region === 'optional') {
            // "Varicose veins R leg": a leg is no region of its own, but its side is the condition's.
            side = sideOfLeg(a, anchor);
          }
        }
        let evidence = t.text.slice(t.start[from], t.end[to - 1]);
        if (contextEvidence && !evidence.toLowerCase().includes(contextEvidence.toLowerCase())) evidence = `${evidence} … ${contextEvidence}`;
        const match: ComplaintMatch = uncertain ? { code, evidence, region, side, uncertain: true } : { code, evidence, region, side };
        if (rule.stop) {
          unsure ??= unsureMarks(t);
          const marks = unsure;
          if (used.some((o) => marks[o.from] === 1)) match.unsure = true;
        }
        push(matches, match);
        if (code === 'cervical_artery_dissection_signs') {
          if (rule.preEclampsiaSign) dissectionSigns++;
          else dissectionOther = true;
        }
        // A site across two regions ("armpit": shoulder and chest) puts the condition on both.
        if (placed) for (const r of extraRegions(placed)) push(matches, { ...match, region: r });
        if ((rule.region === 'optional' || rule.region === 'required') && code !== 'trauma' && CONDITIONS[code].scope === 'local')
          (region === null ? localPlaceless : localPlaced).push({ m: match, sentence: anchor.sentence });
        // "Sunburnt across shoulders and upper back": the condition is on every region of the list.
        // A listed region without a side word of its own shares the list's ("R knee, shin and thigh").
        for (const o of listed) {
          const more = `${evidence} … ${t.text.slice(t.start[o.from], t.end[o.to - 1])}`;
          const own = sideOf(bySide, o);
          const m: ComplaintMatch = { code, evidence: more, region: regionValue(o), side: own ? sideValue(own) : side };
          if (uncertain) m.uncertain = true;
          if (match.unsure) m.unsure = true;
          push(matches, m);
          for (const r of extraRegions(o)) push(matches, { ...m, region: r });
        }
        // A mention read as history does not stand for one dated recent: "Previous blood clots? yes - L calf DVT 2 weeks ago".
        if (rule.region === null && !uncertain && !match.unsure) {
          if (code === rule.code) break;
          toldAsHistory = true;
        }
      }
    }
  }

  // "Burnt her L forearm on the oven shelf - blistered, has a dressing on": the dressing is on the forearm,
  // not on every painful region. Else the one place its sentence is about ("R forearm burn (oven tray) 5/7
  // ago, blistered"), else the places of the next sentence when that one goes on about it ("She scalded
  // herself last week. It is on the inside of her right wrist").
  for (const { m, sentence } of localPlaceless) {
    const at = matches.indexOf(m);
    if (at < 0) continue;
    const placedMatches = localPlaced.filter((p) => p.sentence === sentence && matches.includes(p.m)).map((p) => p.m);
    // An operation told without its site is placed by the operation reader, not by the sentence's topic.
    const places: { region: RegionCode; side: Side; evidence: string }[] =
      placedMatches.length > 0
        ? placedMatches.map((p) => ({ region: p.region as RegionCode, side: p.side, evidence: p.evidence }))
        : SKIN_LESION_CODES.has(m.code as ConditionCode)
          ? sentencePlaces(a, sentence)
          : [];
    if (places.length === 0) continue;
    matches.splice(at, 1);
    for (const place of places) push(matches, { ...m, evidence: `${m.evidence} … ${place.evidence}`, region: place.region, side: place.side });
  }

  // Vital signs written as numbers.
  // A reading told as the past ("fever up to 38.5 last week, gone since Sunday") is history.
  for (const v of readVitals(t))
    if (!(v.code === 'fever' && (isHistory(a, v.from, v.to) || feverOver(a, v))))
      push(matches, { code: v.code, evidence: t.text.slice(t.start[v.from], t.end[v.to - 1]), region: null, side: null });
  markStoppedBloodPressureTreatment(a, matches);
  // After 20 weeks a headache or blurred vision with another pre-eclampsia sign is pre-eclampsia's picture: the
  // pregnancy referral says so, and a cervical-artery reason would send the patient down the wrong path.
  if (dissectionSigns > 0 && !dissectionOther && matches.some((m) => m.code === 'high_risk_pregnancy') && preEclampsiaPicture(a, matches)) {
    for (let k = matches.length - 1; k >= 0; k--) if ((matches[k] as ComplaintMatch).code === 'cervical_artery_dissection_signs') matches.splice(k, 1);
  }
  return settle(matches);
}

/**
 * Hypertension whose treatment is told as stopped, with no reading written, is not known to be controlled:
 * the hypertension finding is marked `treatmentStopped` (the screen then asks for a measurement first). A
 * written reading decides instead ("ran out of BP meds, 150/95 today").
 */
function markStoppedBloodPressureTreatment(a: Analysis, matches: ComplaintMatch[]): void {
  const treated = matches.find((m) => m.code === 'controlled_hypertension');
  if (!treated && !a.occurrences.some((o) => o.concepts.includes(BP_TREATMENT))) return;
  if (readsBloodPressure(a.t)) return;
  if (!treated && matches.some((m) => m.code === 'uncontrolled_hypertension' || m.code === 'elevated_blood_pressure')) return;
  const stopped = bloodPressureTreatmentStopped(a, treated !== undefined);
  if (!stopped) return;
  const { t } = a;
  const evidence = t.text.slice(t.start[Math.max(0, stopped.from - STOPPED_REACH)], t.end[stopped.to - 1]).replace(/^[^A-Za-z]+/, '');
  if (treated) treated.treatmentStopped = true;
  // "Stopped taking her blood pressure tablets" is also a negation: the hypertension is read from the stop itself,
  // unless the words deny the treatment outright ("not on any BP meds").
  else if (!deniedOutright(t, stopped.from)) push(matches, { code: 'controlled_hypertension', evidence, region: null, side: null, treatmentStopped: true });
}

const OUTRIGHT_DENIALS = new Set(['no', 'not', 'never', 'any', 'nor', 'without', 'denies', 'none']);
/** Whether the words just before a treatment deny it rather than stop it ("not on any BP meds"). */
function deniedOutright(t: Tokens, from: number): boolean {
  for (let j = from - 1; j >= 0 && from - j <= STOPPED_REACH + 1 && t.kind[j] === K_WORD; j--) if (OUTRIGHT_DENIALS.has(t.words[j] as string)) return true;
  return false;
}

/** Pregnancy past 20 weeks ("34 wks", "28/40", "third trimester", "6 months pregnant") with a pre-eclampsia sign besides the headache. */
function preEclampsiaPicture(a: Analysis, matches: readonly ComplaintMatch[]): boolean {
  return (
    pastTwentyWeeks(a) && (matches.some((m) => m.code === 'elevated_blood_pressure' || m.code === 'uncontrolled_hypertension') || otherPreEclampsiaSign(a))
  );
}

/** Weeks of pregnancy from which pre-eclampsia occurs. */
const PRE_ECLAMPSIA_WEEKS = 20;
const LATE_TRIMESTER = new Set(['second', 'third', 'nd', 'rd', 'last']);

function pastTwentyWeeks(a: Analysis): boolean {
  const { t } = a;
  for (const o of a.byConcept[GESTATION] ?? []) if (o.negated === NOT_NEGATED && Number(t.words[o.from]) >= PRE_ECLAMPSIA_WEEKS) return true;
  for (let j = 1; j < t.words.length; j++) {
    const w = t.words[j] as string;
    if (w === 'trimester' && LATE_TRIMESTER.has(t.words[j - 1] as string)) return true;
    // "6 months pregnant": from the fifth month.
    const n = Number(t.words[j - 1]);
    if ((w === 'months' || w === 'mths') && n >= 5 && n <= 10 && (t.words[j + 1] ?? '').startsWith('preg')) return true;
  }
  return false;
}

// Pregnancy warnings that are not pre-eclampsia's: bleeding, the baby's movements.
const NOT_PRE_ECLAMPSIA = new Set(['bleeding', 'bleed', 'spotting', 'blood', 'movements', 'moving']);

/** A current sign of pre-eclampsia other than the headache: sudden swelling, a visual disturbance, protein, raised pressure. */
function otherPreEclampsiaSign(a: Analysis): boolean {
  for (const c of [SWELLING, VISUAL, PREGNANCY_WARNING]) {
    for (const o of a.byConcept[c] ?? []) {
      if (!isCurrent(a, o) || o.concepts.includes(HEADACHE)) continue;
      if (c === PREGNANCY_WARNING && a.t.words.slice(o.from, o.to).some((w) => NOT_PRE_ECLAMPSIA.has(w))) continue;
      return true;
    }
  }
  return false;
}

const CHEST_WORD = /chest|sternum|breastbone/i;

/** One reading per picture: the worst blood-pressure band; a suspected DVT rather than its risk factor. */
function settle(matches: ComplaintMatch[]): ComplaintMatch[] {
  const codes = new Set(matches.map((m) => m.code));
  const pressure = codes.has('uncontrolled_hypertension') || codes.has('elevated_blood_pressure');
  const dvt = codes.has('deep_vein_thrombosis');
  const cardiac = codes.has('cardiac_symptoms');
  if (!pressure && !dvt && !cardiac) return matches;
  return matches.filter((m) => {
    // Breathlessness in an exertional picture is read as the cardiac picture, not as chest pain without a chest.
    if (m.code === 'chest_pain' && cardiac) return CHEST_WORD.test(m.evidence);
    // A suspected DVT says more than its risk factor.
    if (m.code === 'dvt_risk_factor') return !dvt;
    if (!pressure) return true;
    if (m.code === 'controlled_hypertension') return false;
    if (m.code === 'elevated_blood_pressure' && codes.has('uncontrolled_hypertension')) return false;
    return true;
  });
}

/** A mention the patient tells as theirs now: not negated, not history. */
const isCurrent = (a: Analysis, o: Occurrence): boolean => o.negated === NOT_NEGATED && !historyOf(a, o);

/**
 * The body regions a complaint names, with their side and words: for a complaint without a pain
 * location. Regions only mentioned as negated ("no knee pain") or as history ("broke my wrist in 2010")
 * are left out.
 */
export function readRegions(text: string, today?: string): RegionMention[] {
  const a = analyse(text, today);
  const out: RegionMention[] = [];
  for (const o of a.byRegion) {
    if (!isCurrent(a, o) || siteOnly(o)) continue;
    const region = regionValue(o);
    if (!region) continue;
    const sideOcc = sideOf(a.bySide, o);
    const side = sideValue(sideOcc);
    // A later side-less mention of a region already named ("R knee …, front of the knee") is the same one.
    if (out.some((r) => r.region === region && (r.side === side || side === null))) continue;
    const unsided = out.findIndex((r) => r.region === region && r.side === null);
    if (unsided >= 0) out.splice(unsided, 1);
    const from = Math.min(o.from, sideOcc?.from ?? o.from);
    out.push({ region, side, evidence: a.t.text.slice(a.t.start[from], a.t.end[o.to - 1]) });
  }
  return out;
}

/**
 * The regions the complaint says are swollen now (not negated, not past): the region named next to the
 * swelling word ("a swollen right ankle"), else the only painful region, else none — never simply the most
 * painful one. With `bruising`, bruises and haematomas count too (what drainage clears after an injury).
 */
export function swollenRegions(text: string, painRegions: readonly RegionCode[], bruising = false, today?: string): RegionCode[] {
  const a = analyse(text, today);
  const out: RegionCode[] = [];
  for (const c of bruising ? SWELLING_OR_BRUISING : SWELLING_ONLY) {
    for (const o of a.byConcept[c] ?? []) {
      if (!isCurrent(a, o)) continue;
      const place = o.region ? { region: o } : locate(a, o);
      const region = place ? regionValue(place.region) : painRegions.length === 1 ? (painRegions[0] as RegionCode) : null;
      if (region && !out.includes(region)) out.push(region);
    }
  }
  return out;
}

/**
 * Whether the complaint denies swelling at `region` and tells none there now: "wound healed, no swelling
 * now" after an operation. A denial told of another place ("no calf swelling", "calf not swollen") does
 * not reach the region; one told of no place does.
 */
export function swellingDenied(text: string, region: RegionCode, today?: string): boolean {
  const a = analyse(text, today);
  for (const o of a.byConcept[SWELLING] ?? []) {
    if (!isCurrent(a, o)) continue;
    const place = o.region ? { region: o } : locate(a, o);
    if (!place || regionValue(place.region) === region) return false;
  }
  const { t, occurrences } = a;
  for (const o of occurrences) {
    if (o.negated !== NEGATED || !o.concepts.includes(SWELLING)) continue;
    // The places told in its clause, negated with it or not ("no swelling in the hip or calf").
    let from = o.from;
    while (from > 0 && t.kind[from - 1] !== K_STOP && t.kind[from - 1] !== K_COMMA) from--;
    let to = o.to;
    while (to < t.words.length && t.kind[to] !== K_STOP && t.kind[to] !== K_COMMA) to++;
    const places = occurrences
      .filter((p) => p.from >= from && p.to <= to)
      .map(regionValue)
      .filter((r) => r !== null);
    if (places.length > 0) {
      if (places.includes(region)) return true;
      continue;
    }
    // Else the place its sentence told last before it ("calf soft, not swollen").
    let before: RegionCode | null = null;
    for (const p of occurrences) if (p.sentence === o.sentence && p.to <= from) before = regionValue(p) ?? before;
    if (before === null || before === region) return true;
  }
  return false;
}

/**
 * A calf sign the complaint reports now, on one calf: swelling, warmth, redness or tenderness next to a
 * calf or one leg ("my left calf is redder and achy"), not negated, not past, not both calves. Its side
 * is null when the words do not say. Read on its own because the risk factor that makes it a suspected
 * DVT is often in another sentence or field.
 */
export function readCalfSign(text: string, today?: string): { side: Side; evidence: string } | null {
  const a = analyse(text, today);
  for (const calf of a.byConcept[CALF] ?? []) {
    if (!isCurrent(a, calf)) continue;
    const side = sideValue(sideOf(a.bySide, calf));
    if (side === 'bilateral' || a.t.words.slice(calf.from, calf.to).some((w) => w === 'calves' || w === 'legs')) continue;
    for (const c of CALF_SIGNS) {
      const sign = nearest(a.byConcept, c, calf);
      if (!sign || sign.negated === NEGATED || historyOf(a, sign)) continue;
      if (Math.max(sign.to, calf.to) - 1 - Math.min(sign.from, calf.from) > CALF_SIGN_REACH) continue;
      const from = Math.min(sign.from, calf.from);
      const to = Math.max(sign.to, calf.to);
      // "Calf tight and left buttock achy": a sign with another place between it and the calf is that place's.
      if (a.byRegion.some((r) => r !== calf && r.from >= from && r.to <= to && r.negated === NOT_NEGATED)) continue;
      // "Knee swollen and tight, calf soft and not tender": a sign of another clause that names its place is that place's.
      if (placedElsewhere(a, sign, calf)) continue;
      // "Calf ache after flying. ?DVT — Wells 0, DVT excluded": the sign was looked into.
      if (excludedAfter(a, DVT_NAMED, to - 1)) continue;
      return { side, evidence: a.t.text.slice(a.t.start[from], a.t.end[to - 1]) };
    }
  }
  return null;
}

const VISIBLE_CALF_SIGNS = [SWELLING, cid('warmth'), cid('redness')];
const DVT_NAMED = [cid('dvt_named')];

/**
 * Swelling, warmth or redness the complaint tells now without placing it anywhere but the calf ("my L calf
 * this wk? its swollen n hot"): the sign of the calf recorded as the pain location. The evidence, or null.
 */
export function readUnplacedLegSign(text: string, today?: string): string | null {
  const a = analyse(text, today);
  for (const c of VISIBLE_CALF_SIGNS) {
    for (const o of a.byConcept[c] ?? []) {
      if (!isCurrent(a, o) || o.negated !== NOT_NEGATED || historyOf(a, o)) continue;
      const place = o.region ? { region: o } : locate(a, o);
      if (place && regionValue(place.region) !== 'calf') continue;
      return a.t.text.slice(a.t.start[o.from], a.t.end[o.to - 1]);
    }
  }
  return null;
}

/** Whether the complaint tells a symptom that makes a slow or fast heart matter (dizzy, faint, palpitations, breathless) now. */
export function readsHeartRateSymptom(text: string, today?: string): boolean {
  const a = analyse(text, today);
  for (const c of HEART_RATE_SYMPTOMS) {
    for (const o of a.byConcept[c] ?? []) if (isCurrent(a, o)) return true;
  }
  return false;
}

/** The words of hormonal therapy the patient takes now (the pill, HRT), a DVT risk factor; null when none. */
export function readHormonalRisk(text: string, today?: string): string | null {
  const a = analyse(text, today);
  for (const o of a.byConcept[HORMONAL_RISK] ?? []) if (isCurrent(a, o)) return a.t.text.slice(a.t.start[o.from], a.t.end[o.to - 1]);
  return null;
}

const EXERTION_LAY = cid('exertion_lay');
const EXERTION_EASED = [cid('rest_relief'), cid('sweating')];
/** How far apart the exertion and its relief may be ("walking up the hill … goes off after sitting down"). */
const EXERTION_REACH = 16;
const EXERTION_GUARD = (['msk_chest', 'msk_arm', 'lower_body_site', 'sport_training'] as LexiconConcept[]).map(cid);
const EXERTION_STRAIN = (['msk_strain', 'msk_chest'] as LexiconConcept[]).map(cid);
const LOWER_BODY = cid('lower_body_site');

const PAIN_WORD = cid('pain_word');
const REST_RELIEF = cid('rest_relief');
/** Relief on stopping the exertion: within a minute or few, on stopping, standing still or sitting down. */
const PROMPT_RELIEF =
  /\b(?:goes off|go off|goes away|passes|passed|stops?|stopping|stands? still|standing still|sits? down|sitting down|slows? down|slowing down|(?:a|one|1|2|3|5|few|couple of) (?:minutes?|mins?)(?:s)?|within minutes|after (?:a )?rest(?:ing)?)\b/;
/** An exertion told as a routine, a home or a liking, or as fine: not what brings the pain on. */
const ROUTINE_EXERTION =
  /\b(?:lives?|living|enjoys?|loves?|likes?|every (?:day|morning|evening|night|week)|all day|daily|each day|is fine|are fine|no problem|no bother)\b/;
/** The exertion told as what brings the pain on: the routine words above then say how often. */
const ONSET =
  /\b(?:comes? on|came on|coming on|brings? (?:it|them|this) on|brought on|triggers?|triggered|sets? (?:it|them) off|gets? (?:it|them)|got it|starts?|started)\b/;

/** The text of sentence `sentence`, lower-cased, with apostrophes dropped. */
function sentenceText(a: Analysis, sentence: number): string {
  const words: string[] = [];
  for (let j = 0; j < a.t.words.length; j++) if (a.t.sentence[j] === sentence && a.t.kind[j] === K_WORD) words.push(a.t.words[j] as string);
  return words.join(' ');
}

/**
 * The relief told in the sentence after the exertion, a semicolon or a full stop away ("Rushes for the
 * train; it passes after a minute's rest", "Comes on walking uphill. Goes off when I stop."): its first
 * un-negated mention, when nothing before it in its sentence names another place or pain ("Lives upstairs.
 * Shoulder ache eases with rest" is the shoulder's own story).
 */
function easedNextSentence(a: Analysis, concept: number, anchor: Occurrence): Occurrence | null {
  const next = anchor.sentence + 1;
  if (concept !== REST_RELIEF) return null;
  const eased = (a.byConcept[concept] ?? []).find((o) => o.sentence === next && o.negated === NOT_NEGATED);
  if (!eased) return null;
  // Across a sentence the relief is the exertion's only when told as stopping it, and the exertion as what brings
  // it on: "Walks the dog up the hill every morning. Better after a rest" is the day's routine, not angina.
  const exertion = sentenceText(a, anchor.sentence);
  if (!PROMPT_RELIEF.test(sentenceText(a, next)) || (ROUTINE_EXERTION.test(exertion) && !ONSET.test(exertion))) return null;
  for (const o of a.occurrences)
    if (o.sentence === next && o.from < eased.from && o.negated !== NEGATED && (o.region || o.concepts.includes(PAIN_WORD))) return null;
  return eased;
}

// "?DVT", "query cauda equina", "r/o DVT" (the tokenizer's "ro"), "to exclude discitis".
const QUERY_WORDS = new Set([
  'query',
  'querying',
  'queried',
  'possible',
  'possibly',
  'probable',
  'probably',
  'likely',
  'suspected',
  'suspect',
  'presumed',
  'ro',
  'exclude',
  'excluding',
]);

/** Whether a diagnosis at word `at` is only queried ("? L shoulder strain", "possible muscle strain"): no explanation yet. */
function queried(t: Tokens, at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 3; j--) {
    if (t.kind[j] === K_WORD) {
      if (QUERY_WORDS.has(t.words[j] as string)) return true;
    } else if (t.text.charCodeAt(t.start[j] as number) === 63) return true;
  }
  return false;
}

/**
 * Lay exertion eased by rest (or with sweating) in one sentence, told without naming where it hurts ("Comes
 * on walking up the hill, goes off when I sit down"): its words, or null. The screen reads it with the pain
 * locations (the cardiac picture whatever region hurts); not with a movement, a strain, sport or a leg or back
 * in its sentence.
 */
export function readExertionPattern(text: string, today?: string): string | null {
  const a = analyse(text, today);
  const current = (c: number, sentence: number | null) =>
    (a.byConcept[c] ?? []).some((o) => o.negated === NOT_NEGATED && (sentence === null || o.sentence === sentence));
  // A strain or a chest-wall picture told now, of the upper body (not "sprained ankle", not "knee injury in 2019").
  for (const c of EXERTION_STRAIN)
    for (const o of a.byConcept[c] ?? [])
      if (o.negated === NOT_NEGATED && !historyOf(a, o) && !current(LOWER_BODY, o.sentence) && !queried(a.t, o.from)) return null;
  for (const o of a.byConcept[EXERTION_LAY] ?? []) {
    if (o.negated !== NOT_NEGATED || historyOf(a, o) || EXERTION_GUARD.some((c) => current(c, o.sentence))) continue;
    for (const c of EXERTION_EASED) {
      const eased = nearest(a.byConcept, c, o) ?? easedNextSentence(a, c, o);
      if (!eased || eased.negated !== NOT_NEGATED) continue;
      if (eased.sentence !== o.sentence && EXERTION_GUARD.some((g) => current(g, eased.sentence))) continue;
      const from = Math.min(o.from, eased.from);
      const to = Math.max(o.to, eased.to);
      if (to - 1 - from <= EXERTION_REACH) return a.t.text.slice(a.t.start[from], a.t.end[to - 1]);
    }
  }
  return null;
}
