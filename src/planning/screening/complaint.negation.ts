// NegEx-style negation (Chapman 2001): a trigger ("no", "denies", "without"…) negates the words after it
// until the clause ends; a few ("denied", "resolved") look back instead. Phrases that the lexicon
// already read as symptoms ("no feeling", "can't hold") are never triggers.
//
// The scope ends at a sentence end or semicolon, at a contrast ("but", "although", "however", "except",
// "apart from", "other than") and at a comma that starts a new clause rather than continuing a list
// ("No fever, chills. Numbness…"; "denies fever, chills, numb between the legs"). A word reached only
// across "and" or a long list item, or far from its trigger, is negated *ambiguously*: the reader then
// takes the safer reading for red flags and marks the finding uncertain.
import { NEGATION } from './complaint.lexicon';
import {
  capitalised,
  COMMA as TOKEN_COMMA,
  dashBefore,
  FORM_NO,
  FORM_UNSURE,
  matchWordsAt,
  STOP as TOKEN_STOP,
  WORD as TOKEN_WORD,
  type Tokens,
} from './complaint.tokenizer';
// Imported bindings are read once: a module namespace read costs a getter call in the hot loops.
const K_COMMA = TOKEN_COMMA;
const K_STOP = TOKEN_STOP;
const K_WORD = TOKEN_WORD;

/** The words a concept occupies. */
export interface Span {
  from: number;
  to: number;
}

/** Negation marks: none, negated, negated but the scope was ambiguous. */
export const NOT_NEGATED = 0;
export const NEGATED = 1;
export const AMBIGUOUS = 2;

const toWordLists = (phrases: readonly string[]) => phrases.map((p) => p.split(' '));
const PRE = toWordLists(NEGATION.pre).sort((a, b) => b.length - a.length);
const POST = toWordLists(NEGATION.post).sort((a, b) => b.length - a.length);
const PSEUDO = toWordLists(NEGATION.pseudo);
const TRIGGER_WORDS = new Set([...PRE, ...POST, ...PSEUDO].map((p) => p[0] as string).concat(['nil', 'neg', 'n']));
const TERMINATORS = new Set<string>(NEGATION.terminators.filter((w) => !w.includes(' ')));
const TERMINATOR_PHRASES = toWordLists(NEGATION.terminators.filter((w) => w.includes(' ')));
const CLAUSE_STARTERS = new Set<string>(NEGATION.clauseStarters);
const VERBS = new Set<string>(NEGATION.verbs);
const PREDICATES = new Set<string>(NEGATION.predicates);
const CLAUSE_OPENERS = new Set<string>(NEGATION.clauseOpeners);
const ADJACENT_ONLY = new Set<string>(NEGATION.adjacentOnly);
/** How many words after its "or" the last item of a denied pair stays surely denied. */
const OR_ITEM_WORDS = 3;
const LINKING = new Set<string>(NEGATION.linking);

/**
 * Whether the comma at `comma` continues a list ("denies fever, chills or sweats") rather than starting a
 * clause: 0 no, 1 yes, 2 perhaps. Items are measured in content words ("numbness or weakness in the legs"
 * is three); an item with "or" ends a list, a short item continues it, a longer one without "or" is
 * ambiguous ("No fever, chills, numbness in the saddle area").
 */
function listContinues(t: Tokens, comma: number, denialList: boolean): number {
  let words = 0;
  let terminated = false;
  let hasOr = false;
  let hasAnd = false;
  let j = comma + 1;
  while (t.kind[j] === K_WORD && (t.words[j] === 'and' || t.words[j] === 'or' || t.words[j] === 'nor')) {
    if (t.words[j] !== 'and') hasOr = true;
    j++;
  }
  // "not pregnant, on warfarin": an item that opens like a clause is not in the list.
  if (t.kind[j] === K_WORD && CLAUSE_OPENERS.has(t.words[j] as string)) return 0;
  let subject = false;
  let signs = 0;
  for (; j < t.words.length && t.kind[j] === K_WORD; j++) {
    const w = t.words[j] as string;
    if (VERBS.has(w)) return 0;
    if (PREDICATES.has(w)) {
      if (subject) return 0;
      signs++;
    } else if (!FUNCTION_WORDS.has(w) && w !== 'and' && w !== 'or' && w !== 'nor') subject = true;
    // A contrast makes the item a clause ("never had a DVT, calf now swollen"); a weaker terminator ends the
    // scope anyway and the item is what comes before it ("double vision or headache since the adjustment").
    // A conjunction that opens the next clause ends the item instead ("no weight loss or night pain but has
    // saddle numbness").
    if (CLAUSE_CONTRASTS.has(w) && words > 0) {
      terminated = true;
      break;
    }
    // "no swelling, warmth or redness now": a "now" that ends the list dates the denial, it opens no clause.
    if (CONTRASTS.has(w) && !(w === 'now' && t.kind[j + 1] !== K_WORD)) return 0;
    if (TERMINATORS.has(w)) {
      terminated = true;
      break;
    }
    if (w === 'or' || w === 'nor' || w === 'and') {
      if (w !== 'and') hasOr = true;
      else if (words > 0) hasAnd = true;
      // "no headache, dizziness or double vision": a new item opens, its own adjective is no predicate.
      subject = false;
      continue;
    }
    if (!FUNCTION_WORDS.has(w)) words++;
  }
  // Signs heaped on one thing describe it ("no trauma, red hot swollen knee"); "red or swollen joints" is denied.
  if (signs >= 2 && !hasOr) return 0;
  if (hasOr) return words <= 5 ? 1 : 0;
  if (words <= 2) return 1;
  // "denies dizziness, double vision and drop attacks": an item that holds "and" closes the list as "or" does.
  if (hasAnd) return words <= 5 ? 1 : 0;
  // A denial's list of short noun phrases ("denies fever, chills, unintentional weight loss, bowel/bladder
  // changes"): an item that runs to the next comma or the end, without a verb or a terminator, is one more
  // denied item; one that a terminator cuts may be a statement ("denies fever, saddle area numb since Tuesday").
  if (words <= 4 && denialList && !terminated) return 1;
  return words <= 4 ? 2 : 0;
}
// A conjunct that ends on one of these is a finding of its own.
const SYMPTOM_HEADS = new Set([
  'pain',
  'pains',
  'ache',
  'aches',
  'aching',
  'numbness',
  'tingling',
  'weakness',
  'swelling',
  'fever',
  'fevers',
  'problems',
  'problem',
  'issues',
  'symptoms',
  'trouble',
  'loss',
  'change',
  'changes',
  'dizziness',
  'headache',
  'headaches',
  'injury',
  'trauma',
  'history',
]);

/** Content words from `j` to the next break, conjunction or terminator. */
function contentAhead(t: Tokens, j: number): number {
  let words = 0;
  for (; j < t.words.length && t.kind[j] === K_WORD; j++) {
    const w = t.words[j] as string;
    if (w === 'and' || w === 'or' || w === 'nor' || TERMINATORS.has(w)) break;
    if (!FUNCTION_WORDS.has(w)) words++;
  }
  return words;
}

const CLAUSE_CONTRASTS = new Set(['but', 'however', 'although', 'though', 'whereas']);
const CONTRASTS = new Set(['now', 'but', 'however', 'although', 'though', 'yet', 'whereas', 'still', 'except', 'apart', 'besides', 'instead', 'then']);
const FUNCTION_WORDS = new Set([
  'in',
  'the',
  'my',
  'of',
  'a',
  'an',
  'any',
  'both',
  'on',
  'at',
  'to',
  'his',
  'her',
  'their',
  'either',
  'with',
  'from',
  'around',
  'down',
  'into',
]);

// Trigger phrases by their first word, longest first.
function byFirstWord(lists: string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of lists) {
    const l = map.get(p[0] as string) ?? [];
    l.push(p);
    map.set(p[0] as string, l);
  }
  for (const l of map.values()) l.sort((a, b) => b.length - a.length);
  return map;
}
const PRE_BY_FIRST = byFirstWord(PRE);
// Triggers that introduce a list of what was asked and answered no, unlike "no", which also opens a clause.
const LIST_TRIGGERS = new Set([
  'denies',
  'denied',
  'deny',
  'denying',
  'negative for',
  'neg for',
  'negative to',
  'no signs of',
  'no sign of',
  'no evidence of',
  'ros negative',
  'ros neg',
  'review of systems negative',
]);
const POST_BY_FIRST = byFirstWord(POST);
const PSEUDO_BY_FIRST = byFirstWord(PSEUDO);
const matchAt = matchWordsAt;

function firstMatch(t: Tokens, i: number, phrases: Map<string, string[][]>): string[] | null {
  const list = phrases.get(t.words[i] as string);
  if (list) for (const p of list) if (matchAt(t, i, p)) return p;
  return null;
}

function mark(negated: number[], j: number, level: number): void {
  const old = negated[j] as number;
  if (old === NOT_NEGATED || (old === AMBIGUOUS && level === NEGATED)) negated[j] = level;
}

function terminatorAt(t: Tokens, j: number): boolean {
  if (TERMINATORS.has(t.words[j] as string)) return true;
  for (const p of TERMINATOR_PHRASES) if (matchAt(t, j, p)) return true;
  return false;
}

/** One mark per token: NEGATED or AMBIGUOUS where the token lies in a negation's scope. `consumed` marks words read as concepts. */
export function markNegation<O extends Span>(t: Tokens, consumed: readonly number[], occurrences: O[], qualifier: (o: O) => boolean): number[] {
  const n = t.words.length;
  // Plain arrays: a typed array costs more to create than these few words are worth.
  const negated = new Array<number>(n).fill(NOT_NEGATED);
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== K_WORD) continue;
    // An answer may also be a word the lexicon reads ("asked about bladder problems: normal").
    if (QUESTION_ANSWERS.has(t.words[i] as string) && questionAnsweredNo(t, i, negated)) continue;
    if (consumed[i]) continue;
    if (TEST_WORDS.has(t.words[i] as string) && testFoundNothing(t, i, negated)) continue;
    if (NEGATIVE_RESULTS.has(t.words[i] as string) && negativeTestAfter(t, i, negated)) continue;
    if (fearedDiagnosis(t, i, negated)) continue;
    const worry = WORRY_FIRST.has(t.words[i] as string) ? (firstMatch(t, i, WORRY_BY_FIRST)?.length ?? feared(t, i)) : 0;
    if (worry > 0) {
      if (!clinicianBefore(t, i)) markWorry(t, i + worry, negated);
      continue;
    }
    if (t.words[i] === 'all' && answeredNo(t, i, negated)) continue;
    // A form's answer ("Waterworks ok? no - since Friday can't feel when weeing") answers its question; it
    // does not deny what the patient writes after it.
    // An answer that names the sign it denies does deny it: "Numbness? no numbness in the groin or saddle area".
    if (
      i > 0 &&
      t.kind[i - 1] === K_STOP &&
      t.text.charCodeAt(t.start[i - 1] as number) === 63 &&
      FORM_NO.has(t.words[i] as string) &&
      !(/^[^\S\n]+$/.test(t.text.slice(t.end[i], t.start[i + 1])) && conceptRightAfter(t, occurrences, i + 1, qualifier))
    )
      continue;
    if (!TRIGGER_WORDS.has(t.words[i] as string)) continue;
    if (answeredNo(t, i, negated)) continue;
    // "I can't say I haven't noticed some numbness": a denial denied tells it.
    if (doubleNegative(t, i)) continue;
    // A phrase that only looks like a negation is read whole: "not ruled out" denies nothing, its "ruled out" included.
    const pseudo = firstMatch(t, i, PSEUDO_BY_FIRST);
    if (pseudo) {
      i += pseudo.length - 1;
      continue;
    }
    const post = firstMatch(t, i, POST_BY_FIRST);
    const pre = firstMatch(t, i, PRE_BY_FIRST);
    // A word that can go either way ("denied", "ruled out") looks back when a concept precedes it in its
    // clause, unless a concept follows it at once: "scan last week ruled out a clot" denies the clot.
    // "Saddle numbness years ago, resolved, now back again since Monday": what came back is not resolved.
    if (post && post[0] === 'resolved' && recursAfter(t, i + 1)) continue;
    if (post && notBefore(t, i)) continue;
    if (post && (!pre || (conceptBefore(t, occurrences, i) && !conceptRightAfter(t, occurrences, i + pre.length, qualifier)))) {
      for (let j = i - 1, count = 0; j >= 0 && t.kind[j] === K_WORD && count < 6; j--, count++) mark(negated, j, NEGATED);
      continue;
    }
    if (!pre) continue;
    if (ADJACENT_ONLY.has(pre.join(' ')) && !signAfterLinking(t, occurrences, i + pre.length, qualifier)) continue;
    let words = 0;
    let level = NEGATED;
    let closed = false;
    let list = false;
    let listWords = 0;
    let items = 0;
    let orItemFrom = -1;
    const listTrigger = LIST_TRIGGERS.has(pre.join(' '));
    // "(22h, aisle seat, barely got up) & L calf now hot + swollen": a denial inside a bracket ends with it.
    const bracketed = insideBracket(t, i);
    // "never had a fall": a concept that begins inside the denial's own words ("had a fall") is denied too.
    for (let k = i + 1; k < i + pre.length; k++) if (consumed[k]) mark(negated, k, NEGATED);
    for (let j = i + pre.length; j < n; j++) {
      const kind = t.kind[j];
      if (kind === K_STOP) break;
      if (kind === K_COMMA) {
        // A parenthesis or colon inside the scope does not end it; a clause comma does.
        const c = t.text.charCodeAt(t.start[j] as number);
        if (c === 41 && bracketed) break;
        if (c !== 44 && c !== 0x2013 && c !== 0x2014) continue;
        // A denial that names a list, or any denial two items into one: "No fever, chills, night sweats, unintentional weight loss".
        const goes = listContinues(t, j, listTrigger || items >= 2);
        if (goes === 0) break;
        // "No fever or chills, saddle numbness": a list already closed by "or" rarely goes on.
        if (goes === 2 || closed) level = AMBIGUOUS;
        list = true;
        // A list reaches as far as its items go, each counted on its own (a review of systems runs long).
        if (goes === 1) {
          items++;
          if (listTrigger || items >= 2) {
            listWords += words;
            words = 0;
          }
        }
        continue;
      }
      const w = t.words[j] as string;
      // "No fever & I've had crushing chest pain": a new subject after an ampersand starts a clause of its own.
      if (j > i + pre.length && CLAUSE_STARTERS.has(w) && t.text.slice(t.end[j - 1], t.start[j]).includes('&')) break;
      if (!consumed[j] && terminatorAt(t, j)) break;
      if (w === 'and' && j + 1 < n && CLAUSE_STARTERS.has(t.words[j + 1] as string)) break;
      // "No fever - bladder not emptying", "no swelling - on warfarin": a spaced hyphen ends a clause as a dash does.
      if (j > i + pre.length && dashBefore(t, j)) break;
      // Not inside an item of a list well under way ("denies chest pain, SOB, syncope, bladder or bowel incontinence, …").
      if ((w === 'or' || w === 'nor') && !consumed[j] && items < 2) {
        closed = true;
        // "No knocks to the head or neck manipulation": the last item of a denied pair is denied too.
        if (level === NEGATED) orItemFrom = words;
      }
      // "no pain in the leg and numb groin", "no leg pain and numb groin": perhaps both denied, perhaps not
      // ("no bladder and bowel problems", "no fever and chills" are one denied list). A denial introduces a
      // list: "denies dizziness and drop attacks" denies both.
      if (w === 'and' && !consumed[j] && (words > 3 || (!listTrigger && SYMPTOM_HEADS.has(t.words[j - 1] as string) && contentAhead(t, j + 1) >= 2)))
        level = AMBIGUOUS;
      if (words >= NEGATION.sureScopeWords && !list && !(orItemFrom >= 0 && words - orItemFrom <= OR_ITEM_WORDS)) level = AMBIGUOUS;
      mark(negated, j, level);
      if (++words >= NEGATION.maxScopeWords || words + listWords >= NEGATION.maxListWords) break;
    }
  }
  return negated;
}

const WORRY_BY_FIRST = byFirstWord(toWordLists(NEGATION.worry));
const FEAR_WORDS = new Set([
  'worried',
  'worries',
  'worrying',
  'afraid',
  'scared',
  'concerned',
  'anxious',
  'nervous',
  'frightened',
  'terrified',
  'fears',
  'fear',
  'paranoid',
]);
/** Diagnoses feared in general ("paranoid about clots", "worried about cancer"): named, not had. Signs are not among them. */
const FEARED_DIAGNOSES = new Set(['clot', 'clots', 'dvt', 'dvts', 'thrombosis', 'cancer', 'cancers', 'stroke', 'strokes', 'embolism']);
/** What may stand between "afraid of" and a diagnosis feared in general: "a clot", "blood clots", "another clot". */
const FEARED_ARTICLES = new Set(['a', 'another', 'blood']);
const WORRY_FIRST = new Set([...WORRY_BY_FIRST.keys(), ...FEAR_WORDS]);
const FEAR_LINKS = new Set([
  'about',
  'that',
  'of',
  'she',
  'he',
  'i',
  'they',
  'we',
  'you',
  'it',
  'might',
  'may',
  'could',
  'will',
  'would',
  'shell',
  'hell',
  'ill',
]);
const FEARED_VERBS = new Set(['get', 'getting', 'gets', 'develop', 'developing', 'catch', 'catching', 'have', 'having', 'be', 'end']);
const MODALS = new Set(['might', 'may', 'could', 'will', 'would', 'shell', 'hell', 'ill']);

/**
 * The length of a fear of what might happen ("worried she might get a clot on the plane", "scared of
 * getting a DVT", "anxious he could develop lymphoedema"), 0 when the words are not one: what is feared
 * is not what the patient has. A fear of a present thing ("worried about the numbness") names it.
 */
function feared(t: Tokens, i: number): number {
  if (!FEAR_WORDS.has(t.words[i] as string)) return 0;
  let modal = false;
  for (let j = i + 1; j < t.words.length && j <= i + 5 && t.kind[j] === K_WORD; j++) {
    const w = t.words[j] as string;
    if (MODALS.has(w)) modal = true;
    if (FEARED_VERBS.has(w)) return modal || w.endsWith('ing') ? j + 1 - i : 0;
    if (!FEAR_LINKS.has(w)) return 0;
  }
  return 0;
}
/**
 * "Paranoid about clots", "worried about cancer", "afraid of a blood clot": a diagnosis feared in general is
 * denied, only its own words; signs told after it ("…a clot in the calf, which is hot and swollen") are read.
 */
function fearedDiagnosis(t: Tokens, i: number, negated: number[]): boolean {
  // "Concerned about a clot" is how a clinician writes a suspicion.
  if (!FEAR_WORDS.has(t.words[i] as string) || t.words[i] === 'concerned') return false;
  const link = t.words[i + 1];
  if ((link !== 'about' && link !== 'of') || t.kind[i + 1] !== K_WORD) return false;
  let j = i + 2;
  while (j < t.words.length && t.kind[j] === K_WORD && FEARED_ARTICLES.has(t.words[j] as string)) j++;
  if (t.kind[j] !== K_WORD || !FEARED_DIAGNOSES.has(t.words[j] as string) || clinicianBefore(t, i)) return false;
  for (let k = i + 2; k <= j; k++) mark(negated, k, NEGATED);
  return true;
}
const CLINICIANS = new Set([
  'gp',
  'doctor',
  'doctors',
  'dr',
  'physio',
  'consultant',
  'nurse',
  'surgeon',
  'specialist',
  'hospital',
  'clinician',
  'they',
  'ae',
  'paramedic',
  'paramedics',
  'midwife',
]);

/** Whether a clinician is named just before a worry, in its clause ("GP was worried it might be a clot"). */
function clinicianBefore(t: Tokens, i: number): boolean {
  for (let j = i - 1, count = 0; j >= 0 && t.kind[j] === K_WORD && count < 4; j--, count++) if (CLINICIANS.has(t.words[j] as string)) return true;
  return false;
}

/** The words a worry names, to the end of its clause: denied. */
function markWorry(t: Tokens, from: number, negated: number[]): void {
  for (let j = from, words = 0; j < t.words.length && words < NEGATION.maxScopeWords; j++, words++) {
    if (t.kind[j] === K_STOP) break;
    if (t.kind[j] === K_COMMA) {
      const c = t.text.charCodeAt(t.start[j] as number);
      if (c === 44 || c === 58 || c === 0x2013 || c === 0x2014 || c === 59) break;
      continue;
    }
    if (terminatorAt(t, j) || (t.words[j] === 'and' && CLAUSE_STARTERS.has(t.words[j + 1] as string))) break;
    // "worried it might be a clot - calf swollen", "… as the calf is hot": what the worry is drawn from is present.
    if (WORRY_GROUNDS.has(t.words[j] as string) || (j > from && dashBefore(t, j))) break;
    mark(negated, j, NEGATED);
  }
}
const WORRY_GROUNDS = new Set(['as', 'because', 'cos', 'coz', 'cause', 'with', 'given']);

const TEST_WORDS = new Set(['scan', 'scans', 'screening', 'screen', 'test', 'tests', 'ultrasound', 'doppler', 'mri', 'ct', 'xray', 'x-ray', 'bloods']);
const NORMAL_RESULTS = new Set(['normal', 'clear', 'negative', 'nothing', 'fine', 'unremarkable', 'ok', 'okay']);
// Words allowed between a test and its result ("scan this spring — normal", "scan in May, all clear").
const BEFORE_RESULT = new Set(
  'was were came back this last in on at spring summer autumn winter year month week is all completely totally showed shows january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
// Words that end the name a test is of, reading back ("I had the AAA screening scan": the test is of "AAA").
const TEST_NAME_ENDS = new Set([
  'the',
  'a',
  'an',
  'my',
  'his',
  'her',
  'had',
  'have',
  'has',
  'got',
  'did',
  'was',
  'and',
  'with',
  'for',
  'of',
  'so',
  'i',
  'then',
  'after',
]);

/**
 * "Had the AAA screening scan this spring — normal", "DVT scan clear": a test of a condition with a normal
 * result denies the condition, the words naming the test (a noun compound before it) only. "Scan showed an
 * aneurysm", "MRI: disc bulge" stay.
 */
function testFoundNothing(t: Tokens, i: number, negated: number[]): boolean {
  let found = false;
  for (let j = i + 1, words = 0; j < t.words.length && words < 5 && t.kind[j] !== K_STOP; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    if (NORMAL_RESULTS.has(w)) {
      found = true;
      break;
    }
    if (TEST_WORDS.has(w) || BEFORE_RESULT.has(w)) words++;
    else return false;
  }
  if (!found) return false;
  for (let j = i - 1, count = 0; j >= 0 && t.kind[j] === K_WORD && count < 4 && !TEST_NAME_ENDS.has(t.words[j] as string); j--, count++)
    mark(negated, j, NEGATED);
  // "Query DVT last week when the calf went sore — doppler negative": the test answered the query of its sentence.
  for (let j = i - 1; j >= 0 && t.kind[j] !== K_STOP; j--) {
    if (t.kind[j] !== K_WORD || !QUERY_WORDS.has(t.words[j] as string)) continue;
    for (let k = j + 1, count = 0; k < i && t.kind[k] === K_WORD && count < 3; k++, count++) mark(negated, k, NEGATED);
    break;
  }
  return true;
}
/** Whether word `i` stands inside a bracket opened earlier in its sentence and not yet closed. */
function insideBracket(t: Tokens, i: number): boolean {
  let depth = 0;
  for (let j = i - 1; j >= 0 && t.kind[j] !== K_STOP; j--) {
    if (t.kind[j] !== K_COMMA) continue;
    const c = t.text.charCodeAt(t.start[j] as number);
    if (c === 41) depth--;
    else if (c === 40 && ++depth > 0) return true;
  }
  return false;
}

/** Whether the denial at `i` is itself denied by the words before it: "can't say I haven't", "not that I haven't". */
function doubleNegative(t: Tokens, i: number): boolean {
  // The outer denial of the two: "not that I haven't…", "can't say I haven't…".
  const w = t.words[i] as string;
  if (
    ((w === 'not' && t.words[i + 1] === 'that') || (DENIED_SAYING.has(w) && t.words[i + 1] === 'say')) &&
    t.words[i + 2] === 'i' &&
    INNER_DENIALS.has(t.words[i + 3] ?? '')
  )
    return true;
  const w1 = t.words[i - 1];
  const w2 = t.words[i - 2];
  const w3 = t.words[i - 3];
  if (i < 3 || t.kind[i - 1] !== K_WORD || t.kind[i - 2] !== K_WORD || t.kind[i - 3] !== K_WORD) return false;
  return w1 === 'i' && ((w2 === 'say' && DENIED_SAYING.has(w3 as string)) || (w2 === 'that' && w3 === 'not'));
}
const DENIED_SAYING = new Set(['cant', 'cannot', 'wouldnt', 'couldnt']);
const INNER_DENIALS = new Set(['havent', 'hasnt', 'dont', 'didnt', 'wasnt', 'not', 'never']);
const QUERY_WORDS = new Set(['query', 'queried', 'suspected', 'possible', 'ro']);
const NEGATIVE_RESULTS = new Set(['negative', 'neg']);

/** "a negative pregnancy test", "neg urine dip test": the result told before its test denies what the test names. */
function negativeTestAfter(t: Tokens, i: number, negated: number[]): boolean {
  for (let j = i + 1; j <= i + 4 && t.kind[j] === K_WORD; j++) {
    if (!TEST_WORDS.has(t.words[j] as string)) continue;
    if (j === i + 1) return false;
    for (let k = i + 1; k < j; k++) mark(negated, k, NEGATED);
    return true;
  }
  return false;
}

/** "Fever: no." — an answer after a colon or dash denies the words before it, back to the clause start. */
function answeredNo(t: Tokens, i: number, negated: number[]): boolean {
  // "Red flag screen (saddle anaesthesia / urinary retention / …): all negative".
  const all = t.words[i] === 'all' && t.kind[i + 1] === K_WORD && ANSWERS.has(t.words[i + 1] as string);
  if (i === 0 || (!all && !ANSWERS.has(t.words[i] as string))) return false;
  // "saddle numbness - no (…)": a spaced hyphen before the answer, as a colon or a dash.
  const hyphened = t.kind[i - 1] === K_WORD && dashBefore(t, i);
  if (!hyphened && t.kind[i - 1] !== K_COMMA) return false;
  const c = hyphened ? 45 : t.text.charCodeAt(t.start[i - 1] as number);
  if (c !== 58 && c !== 45 && c !== 0x2013 && c !== 0x2014) return false;
  const end = all ? i + 2 : i + 1;
  if (end < t.words.length && t.kind[end] === K_WORD) return false;
  if (all) {
    for (let j = i - 2; j >= 0 && t.kind[j] !== K_STOP; j--) if (t.kind[j] === K_WORD) mark(negated, j, NEGATED);
    return true;
  }
  // "SOB / chest pain / syncope: denies": the answer covers every item of a slashed list, each up to six words.
  for (let j = hyphened ? i - 1 : i - 2, count = 0; j >= 0 && count < 6; j--, count++) {
    if (t.kind[j] !== K_WORD) {
      if (t.kind[j] !== K_COMMA || t.text.charCodeAt(t.start[j] as number) !== 47) break;
      count = -1;
      continue;
    }
    mark(negated, j, NEGATED);
  }
  return true;
}
const ANSWERS = new Set(['no', 'nil', 'none', 'neg', 'negative', 'denied', 'denies', 'absent', 'n']);

/**
 * "GP asked about numbness in the saddle area and bladder trouble — none at all", "checked for a clot:
 * nothing", "screened for cord signs, negative": a question reported with a negative answer denies what was
 * asked about, from the question word to the answer, in its sentence. The answer follows a break and ends
 * its clause (or goes on with "at all", "of them"); "asked about numbness — yes, since Monday" stays.
 */
function questionAnsweredNo(t: Tokens, i: number, negated: number[]): boolean {
  if (i === 0 || (t.kind[i - 1] !== K_COMMA && !answerStatement(t, i))) return false;
  let k = i + 1;
  while (k < t.words.length && t.kind[k] === K_WORD && ANSWER_TAIL.has(t.words[k] as string)) k++;
  if (k < t.words.length && t.kind[k] === K_WORD && !CLAUSE_AFTER_ANSWER.has(t.words[k] as string)) return false;
  let q = -1;
  for (let j = i - 2, count = 0; j >= 0 && t.kind[j] !== K_STOP && count < 24; j--, count++) {
    if (t.kind[j] !== K_WORD) continue;
    if (QUESTION_WORDS.has(t.words[j] as string)) {
      q = j;
      break;
    }
    // Something told as present between the question and its answer ("asked about X but I have Y") ends it.
    if (CONTRASTS.has(t.words[j] as string)) return false;
  }
  if (q < 0) return false;
  for (let j = q + 1; j < i; j++) if (t.kind[j] === K_WORD) mark(negated, j, NEGATED);
  return true;
}
/**
 * "I ask about toilet problems: pee and poo is normal like before": the answer told of what was asked, after
 * the colon that ends the question's topic — not a clause that goes on after a comma ("GP asked about my saddle
 * area, it has gone numb since Monday, bowels are fine").
 */
function answerStatement(t: Tokens, i: number): boolean {
  if (!NORMAL_ANSWERS.has(t.words[i] as string) || !ANSWER_LINKS.has(t.words[i - 1] as string)) return false;
  let colon = -1;
  for (let j = i - 2; j >= 0 && i - j <= 6; j--)
    if (t.kind[j] !== K_WORD) {
      colon = t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 58 ? j : -1;
      break;
    }
  if (colon < 0) return false;
  for (let j = colon - 1; j >= 0 && colon - j <= 8 && t.kind[j] === K_WORD; j--) if (QUESTION_WORDS.has(t.words[j] as string)) return true;
  return false;
}
const NORMAL_ANSWERS = new Set(['normal', 'fine']);
const ANSWER_LINKS = new Set(['is', 'are', 'was', 'were', 'all']);
const QUESTION_ANSWERS = new Set(['no', 'none', 'nothing', 'negative', 'neg', 'nil', 'clear', 'normal', 'fine', 'nope']);
const ANSWER_TAIL = new Set(['at', 'all', 'of', 'them', 'those', 'either', 'to', 'both', 'found', 'whatsoever', 'like', 'as', 'before', 'usual', 'always']);
const CLAUSE_AFTER_ANSWER = new Set(['and', 'but', 'so']);
const QUESTION_WORDS = new Set([
  'ask',
  'asks',
  'asking',
  'asked',
  'checked',
  'screened',
  'tested',
  'enquired',
  'inquired',
  'questioned',
  'queried',
  'examined',
  'assessed',
  'looked',
]);

/**
 * Mentions about someone else ("Mum had cancer", "wife is pregnant") are not the patient's: marked NEGATED.
 * So is what a possessive that points back to them owns ("lifting mum since her mastectomy", "caring for
 * dad after his stroke"): the owner of a condition is whoever the pronoun agrees with.
 */
const ADVICE_WORDS = new Set(['attend', 'seek', 'return', 'call', 'contact', 'phone', 'ring', 'present', 'advised', 'told', 'safety', 'safetynetted']);
const CHANGE_WORDS = new Set([
  'develop',
  'develops',
  'developed',
  'become',
  'becomes',
  'get',
  'gets',
  'notice',
  'notices',
  'experience',
  'experiences',
  'occur',
  'occurs',
  'happen',
  'happens',
  'appear',
  'appears',
  'start',
  'starts',
  'there',
  'any',
  // "Go straight to A&E if I ever lost bladder control": a condition told as one that may come.
  'ever',
]);

/**
 * Safety-netting advice: "if he develops numbness in the saddle area he should attend A&E", "seek urgent
 * help if the calf becomes swollen, hot or red". What might develop is told as a condition of advice, not as
 * present: from "if" to the advice, or to the end of the sentence when the advice came first.
 */
export function markSafetyNets(t: Tokens, negated: number[]): void {
  const n = t.words.length;
  for (let i = 0; i < n; i++) {
    if (t.kind[i] === K_WORD && adviceTopicAt(t, i, ADVICE_NOUNS)) {
      // "Safety-netting advice given re CES symptoms": the topic of the advice, to the end of its clause ("…
      // advised about her calf pain but calf is swollen and hot": not past a "but").
      for (let j = i + 1; j < n && t.kind[j] === K_WORD && !TOPIC_ENDS.has(t.words[j] as string); j++) mark(negated, j, NEGATED);
      continue;
    }
    if (t.kind[i] === K_WORD && adviceTopicAt(t, i, REASSURANCE_NOUNS)) {
      // "reassured re clots": a diagnosis worried about, denied as a feared one is; not the signs told ("reassured
      // re back pain and saddle numbness noted today", "reassurance given about chest pain on exertion").
      let k = i + 1;
      while (k < n && t.kind[k] === K_WORD && (FEARED_ARTICLES.has(t.words[k] as string) || t.words[k] === 'the' || t.words[k] === 'possible')) k++;
      const topic = t.kind[k] === K_WORD ? (t.words[k] as string) : '';
      const end = REASSURED_PAIRS.get(topic) === t.words[k + 1] ? k + 1 : FEARED_DIAGNOSES.has(topic) ? k : -1;
      for (let m = i + 1; m <= end; m++) mark(negated, m, NEGATED);
      continue;
    }
    if (t.kind[i] !== K_WORD || t.words[i] !== 'if') continue;
    // "Return if exertional chest pain, SOB or sweating", "seek help if …": advice whose condition follows it.
    let change = i > 0 && t.kind[i - 1] === K_WORD && (ADVICE_WORDS.has(t.words[i - 1] as string) || t.words[i - 1] === 'help');
    for (let j = i + 1; j < n && j <= i + 4 && t.kind[j] === K_WORD; j++) if (CHANGE_WORDS.has(t.words[j] as string)) change = true;
    // "If temp > 38 or new confusion, call GP": a condition followed by what to do then.
    for (let j = i + 1; !change && j < n && t.kind[j] !== K_STOP; j++) if (ADVICE_WORDS.has(t.words[j] as string) && t.kind[j - 1] === K_COMMA) change = true;
    if (!change) continue;
    let start = i;
    while (start > 0 && t.kind[start - 1] !== K_STOP) start--;
    let end = i;
    while (end < n && t.kind[end] !== K_STOP) end++;
    let adviceBefore = false;
    for (let j = start; j < i; j++) if (ADVICE_WORDS.has(t.words[j] as string)) adviceBefore = true;
    let to = end;
    if (!adviceBefore) {
      to = -1;
      for (let j = i + 1; j < end; j++) if (ADVICE_WORDS.has(t.words[j] as string) || t.words[j] === 'should') to = to < 0 ? j : to;
      if (to < 0) continue;
    }
    for (let j = i + 1; j < to; j++) mark(negated, j, NEGATED);
  }
}

const ADVICE_NOUNS = new Set(['advice', 'advised', 'counselled', 'counseled', 'leaflet', 'warned', 'netting', 'netted']);
// Reassurance is about a feared diagnosis ("reassured re clots", "re the clot", "re cauda equina"), not about the signs it names.
const REASSURANCE_NOUNS = new Set(['reassured', 'reassurance', 'educated', 'education']);
const REASSURED_PAIRS = new Map([
  ['cauda', 'equina'],
  ['heart', 'attack'],
  ['blood', 'clot'],
]);
const TOPIC_WORDS = new Set(['re', 'regarding', 'about', 'on']);
const TOPIC_ENDS = new Set(['but', 'however', 'although', 'though', 'yet', 'whereas', 'now']);

/** Whether word `i` introduces what advice was about: "advice given re …", "safety netted about …", "leaflet on …". */
function adviceTopicAt(t: Tokens, i: number, nouns: ReadonlySet<string>): boolean {
  if (!TOPIC_WORDS.has(t.words[i] as string)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 2 && t.kind[j] === K_WORD; j--) {
    if (nouns.has(t.words[j] as string)) return true;
    if (t.words[j] !== 'given') return false;
  }
  return false;
}

const CROSS = /[✗✘×❌]\s*$/;
// Where an answered item ends its sentence: after an answer word ("Fever - no. Weight loss - no.") or
// before a capital or a figure.
const ANSWER_END = /(?:\b(?:[Nn][Oo]?|[Nn]il|NIL|[Nn]one|NONE|[Nn]eg|NEG|[Yy]es|YES|[Yy])[.;!]|[.;!](?=\s+[A-Z0-9]))\s+/g;

// An item marked negative after it, in a list or alone: "fever (-), weight loss (-)", "saddle anaesthesia -ve".
// The mark is found first and its item read back to the list's separator (a scan from every letter for an
// item that might end in a mark cost a tenth of the engine's time).
const NEGATIVE_MARK = /\(\s*[-–]\s*\)|\s-ve\b|\(\s*-ve\s*\)|\(\s*neg\s*\)/gi;
const ITEM_REACH = 40;
function markItemAnswers(t: Tokens, negated: number[], line: string, from: number): void {
  if (!line.includes('-') && !/neg/i.test(line)) return;
  for (const m of line.matchAll(NEGATIVE_MARK)) {
    const end = m.index as number;
    let start = end;
    while (start > 0 && end - start < ITEM_REACH && !ITEM_SEPARATORS.has(line.charCodeAt(start - 1))) start--;
    markSpan(t, negated, from + start, from + end);
  }
}
// , ; : ( ) and a line break.
const ITEM_SEPARATORS = new Set([44, 59, 58, 40, 41, 10]);

// A checklist's items each answered by a bare "N" after it: "Saddle anaesthesia N | Bladder: normal | Sexual
// dysfunction N", "Fever/sweats N | Unexplained wt loss N | IVDU N". The item, back to its separator, is denied.
const CHECKED_NO = /(^|[|,;]|\.\s)([^|,;:?.]{2,40}?)\s+(?:N|No|NO|Nil|NIL)\s*(?=$|[|,;.])/g;
function markCheckedNo(t: Tokens, negated: number[], line: string, from: number): void {
  if (!line.includes(' N') && !line.includes(' No') && !line.includes(' NO') && !line.includes(' Nil') && !line.includes(' NIL')) return;
  for (const m of line.matchAll(CHECKED_NO)) {
    const start = (m.index as number) + (m[1] as string).length;
    markSpan(t, negated, from + start, from + start + (m[2] as string).length);
  }
}

// A heading that says a whole screen was negative, then its list: "Red flags screened - all negative (saddle
// anaesthesia, bladder/bowel, weight loss)", "Nil red flags incl. saddle anaesthesia, B&B dysfunction",
// "CES screen negative: saddle anaesthesia, retention". The list is denied to its closing bracket or the end of
// its sentence, and no further than a word that reports or excepts something ("except", "but", "present", "(+)").
const NEGATIVE_HEADING =
  /\b(?:(?:no|nil|denies|negative)\s+(?:red\s+flags?|rf|ces\s+symptoms|cauda\s+equina\s+symptoms)|(?:red\s+flags?|rf|ces|cauda\s+equina|systemic(?:\s+enquiry)?|ros|review\s+of\s+systems)(?:\s+(?:screen(?:ed|ing)?|questions|enquiry|check(?:ed)?))?\s*(?:[-–—:]\s*)?(?:all\s+)?(?:negative|neg|nil|clear|denied|unremarkable|-ve))\s*(?:\(|:|,?\s*incl(?:uding|\.)?|,?\s*for\b|[-–—])/gi;
const HEADING_STOP = /\b(?:except|but|however|although|apart\s+from|reports?|positive|present|noted|yes)\b|\+\s*ve\b|\(\s*\+\s*\)|[.;!](?=\s|$)/i;
const HEADING_WORDS = /red\s+flag|\brf\b|\bces\b|cauda|systemic|\bros\b|review\s+of/i;
function markNegativeHeadings(t: Tokens, negated: number[], line: string, from: number): void {
  if (!HEADING_WORDS.test(line)) return;
  for (const m of line.matchAll(NEGATIVE_HEADING)) {
    const start = (m.index as number) + m[0].length;
    const rest = line.slice(start);
    let end = rest.length;
    if (m[0].trimEnd().endsWith('(')) {
      const close = rest.indexOf(')');
      if (close >= 0) end = close;
    }
    const stop = rest.slice(0, end).search(HEADING_STOP);
    if (stop >= 0) end = stop;
    markSpan(t, negated, from + start, from + start + end);
  }
}
const EMPTY_BOX = /\[\s*\]|☐/g;
const LINE_NO = new Set(['no', 'n', 'none', 'nil', 'never', 'na', 'negative', 'neg', 'nope', 'not', 'stopped', 'finished']);
// A record's status of an item that is not current: "Warfarin — Discontinued 03/2020", "DVT — Resolved 2019".
// Not "in remission": a cancer in remission is still a history of cancer (the reference's "current or history").
const RESTARTED = /\b(?:re-?started|resumed|back on|started again|now on)\b/i;
const PAST_STATUS = /^(resolved|discontinued|inactive|historical|allergy|allergic|healed|completed|ended|stopped|superseded|intolerance|previous|former)\b/i;

/** Tokens whose text starts in [from, to). */
function markSpan(t: Tokens, negated: number[], from: number, to: number): void {
  for (let j = 0; j < t.words.length; j++) {
    const at = t.start[j] as number;
    if (at >= from && at < to && t.kind[j] === K_WORD) mark(negated, j, NEGATED);
  }
}

// Where the label of a line's answer starts: "Other problems: no" answers "Other problems", not the story told
// before it on the same line ("…my left calf is hot and red. Other problems: no."). The label runs back to
// an earlier answer's separator or the end of a sentence (a full stop after a word, not "e.g." or "Hx."). A
// "no" answers a form's short label: a longer one is cut at its last comma ("calf hot swollen red since the
// flight, pmh - nil"), then to its last LABEL_WORDS words. A status ("– completed", "– resolved") is the
// state of its whole item ("L DVT 2019 after a flight, treated 6/12 rivaroxaban – completed").
const LABEL_WORDS = 8;
const LABEL_BOUNDARY = /(?:[:?]|(?:[A-Za-z]{3,}|\d)[.!;])\s+|;\s*/g;
function labelStart(line: string, at: number, shortLabel: boolean): number {
  let start = 0;
  LABEL_BOUNDARY.lastIndex = 0;
  for (let m = LABEL_BOUNDARY.exec(line); m !== null && m.index + m[0].length <= at; m = LABEL_BOUNDARY.exec(line)) {
    // A status is its whole item's, past the item's own label ("IV drug use: past - stopped 2011").
    if (!shortLabel && /^[:?]/.test(m[0])) continue;
    const end = m.index + m[0].length;
    // "Q: Chest pain on exertion? A: No": the question is the label of its "A:".
    if (/[A-Za-z0-9]/.test(line.slice(end, at))) start = end;
  }
  const label = line.slice(start, at);
  if (!shortLabel || (label.match(/\S+/g) ?? []).length <= LABEL_WORDS) return start;
  const comma = label.lastIndexOf(',');
  if (comma >= 0) {
    start += comma + 1;
    if ((line.slice(start, at).match(/\S+/g) ?? []).length <= LABEL_WORDS) return start;
  }
  const tail = /(?:\S+\s+){0,7}\S+\s*$/.exec(line.slice(start, at));
  return tail ? start + tail.index : start;
}

/**
 * "dizz -, diplopia -, dysarthria -", "bilat hand numb -, clumsy/buttons -": a checklist item answered by a
 * bare dash is denied, back to the comma, colon or line that opens the item.
 */
export function markDashAnswers(t: Tokens, negated: number[]): void {
  if (!t.text.includes(' -')) return;
  const n = t.words.length;
  let listed = -1;
  for (let j = 0; j < n; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const next = j + 1 < n ? (t.start[j + 1] as number) : t.text.length;
    if (!BARE_DASH.test(t.text.slice(t.end[j], next)) || (j + 1 < n && t.kind[j + 1] === K_WORD)) continue;
    // An item of a list ("dizz -, diplopia -"), or the last of a line that has listed one: not a lone trailing dash.
    const c = j + 1 < n ? t.text.charCodeAt(t.start[j + 1] as number) : 0;
    const inList = c === 44 || c === 59;
    if (!inList && listed !== t.sentence[j]) continue;
    if (inList) listed = t.sentence[j] as number;
    for (let k = j; k >= 0; k--) {
      if (t.kind[k] !== K_WORD) {
        if (t.text.charCodeAt(t.start[k] as number) !== 47) break;
        continue;
      }
      if (k < j && /\n/.test(t.text.slice(t.end[k], t.start[k + 1]))) break;
      mark(negated, k, NEGATED);
    }
  }
}
const BARE_DASH = /^\s+-\s*$/;

/**
 * A form or checklist line answered no, in the layouts forms use: "Dizziness - N", "Calf swollen: N",
 * "Saddle numbness ✗", "Q: … A: No", a table row with its x under "no", a box left empty in "tick all that
 * apply" ("[ ] cancer"). The item is denied; words after the answer ("N (same headache as always)") are read.
 */
export function markFormLines(t: Tokens, negated: number[]): void {
  const text = t.text;
  let noColumn = -1;
  let problemFrom = -1;
  for (let from = 0; from < text.length;) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    const line = text.slice(from, to);
    if (line.trim().startsWith('|')) {
      const cells = line.split('|').map((c) => c.trim().toLowerCase());
      const header = cells.indexOf('no');
      if (header > 1 && cells.includes('yes')) noColumn = header;
      else if (noColumn > 0 && /^[x✓✔]$/.test(cells[noColumn] ?? '')) markSpan(t, negated, from, from + line.indexOf('|', line.indexOf('|') + 1));
    } else {
      noColumn = -1;
      if (CROSS.test(line)) markSpan(t, negated, from, to);
      // "Label - N", "Label: No", "Q: … A: No — only when I press on it": the answer after the last separator.
      // The answer stands alone or is followed by its elaboration ("N (same as always)", "No — only when…"), not
      // by words of its own ("DM2 - no feeling in her toes" is a finding).
      // A line may hold several, each ending its sentence: "Fever - no. Weight loss - no. Night pain - no."
      for (let segFrom = 0; segFrom < line.length;) {
        ANSWER_END.lastIndex = segFrom;
        const end = ANSWER_END.exec(line);
        const segTo = end ? end.index + end[0].length : line.length;
        const segment = line.slice(segFrom, segTo);
        const sep = /(?:\bA\s*:|[:?]|\s[-–—]\s)\s*([A-Za-z/]+)(?=\s*$|\s*[,.;(—–-])[^:?]*$/i.exec(segment);
        if (sep && LINE_NO.has((sep[1] as string).toLowerCase().replace(/[^a-z]/g, ''))) {
          const stopped = /^(stopped|finished)/i.test(sep[1] as string);
          markSpan(t, negated, from + segFrom + labelStart(segment, sep.index, !stopped), stopped ? from + segTo : from + segFrom + sep.index);
        }
        segFrom = segTo;
      }
      markItemAnswers(t, negated, line, from);
      markCheckedNo(t, negated, line, from);
      markNegativeHeadings(t, negated, line, from);
      // A record's block: "Problem: Pulmonary embolism / Onset: 05/2018 / Status: Resolved 2018".
      if (/^\s*(?:problem|diagnosis|condition)\s*:/i.test(line)) problemFrom = from;
      const blockStatus = /^\s*status\s*:\s*(?:in\s+)?([A-Za-z]+)/i.exec(line);
      if (blockStatus && problemFrom >= 0 && PAST_STATUS.test(blockStatus[1] as string)) markSpan(t, negated, problemFrom, to);
      // "Item — Resolved 2019 (…)", "Status: Discontinued": the line is history to the end of the status's
      // clause, its detail included ("Medication: allergic to penicillin, takes warfarin" keeps the warfarin).
      const status = /(?:\s[-–—]\s|:|\s(?:\.{2,}|…)\s(?=\s*[A-Za-z]+\s*(?:$|\d|\()))\s*(?:in\s+)?([A-Za-z]+)/g;
      for (let m = status.exec(line); m; m = status.exec(line)) {
        // "Eliquis - stopped for the op, restarted last week": taken again.
        if (!PAST_STATUS.test(m[1] as string) || RESTARTED.test(line.slice(m.index))) continue;
        const clauseEnd = line.slice(m.index + m[0].length).search(/[,;]/);
        markSpan(t, negated, from + labelStart(line, m.index, false), clauseEnd < 0 ? to : from + m.index + m[0].length + clauseEnd);
      }
      for (const box of line.matchAll(EMPTY_BOX)) {
        const start = from + (box.index as number) + box[0].length;
        const next = line.slice((box.index as number) + box[0].length).search(/\[|☐|☑/);
        markSpan(t, negated, start, next < 0 ? to : start + next);
      }
    }
    from = to + 1;
  }
}

// Record headings whose line is not the patient's current state: medicines stopped, the family's history.
const SECTION_HEADINGS: string[][] = [
  ['stopped'],
  ['stopped', 'medication'],
  ['stopped', 'medications'],
  ['stopped', 'medicines'],
  ['discontinued'],
  ['previous', 'medication'],
  ['previous', 'medications'],
  ['family', 'history'],
  ['fh'],
  ['fhx'],
  // What a patient reacts to, not what they take: "Allergies: aspirin (urticaria)", "Intolerances: warfarin".
  ['allergies'],
  ['allergy'],
  ['drug', 'allergies'],
  ['intolerances'],
  ['intolerance'],
  ['adverse', 'reactions'],
  ['adverse', 'drug', 'reactions'],
];

/**
 * "Stopped: rivaroxaban …", "Family history: father — bowel cancer": the rest of the sentence after such a heading
 * is denied. A heading on a line of its own ("FAMILY HISTORY", "Allergies:") heads the lines below it, to a
 * blank line or the next heading ("PERSONAL HISTORY: …", "Presenting: …").
 */
export function markSections(t: Tokens, negated: number[]): void {
  const n = t.words.length;
  const lineEnd = (j: number) => t.kind[j] === K_STOP && t.text.charCodeAt(t.start[j] as number) === 10;
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== K_WORD || (i > 0 && t.kind[i - 1] !== K_STOP)) continue;
    const heading = SECTION_HEADINGS.find((h) => h.every((w, k) => t.kind[i + k] === K_WORD && t.words[i + k] === w));
    if (!heading) continue;
    let after = i + heading.length;
    const colon = t.kind[after] === K_COMMA && t.text.charCodeAt(t.start[after] as number) === 58;
    if (colon) after++;
    if (after < n && !lineEnd(after)) {
      if (!colon) continue;
      // To the end of its sentence, not of the line: a note written in one line goes on past it ("FHx: mum DVT
      // 2021. Pt flew back … & L calf now hot + swollen").
      for (let j = after; j < n && t.kind[j] !== K_STOP; j++) mark(negated, j, NEGATED);
      continue;
    }
    // The heading stands alone: its block runs over the lines below it.
    const headingEnd = t.end[after - 1] as number;
    let lineFrom = t.text.indexOf('\n', headingEnd);
    while (lineFrom >= 0) {
      const next = t.text.indexOf('\n', lineFrom + 1);
      const line = t.text.slice(lineFrom + 1, next < 0 ? t.text.length : next);
      if (line.trim() === '' || BLOCK_HEADING.test(line) || !blockItem(line)) break;
      markSpan(t, negated, lineFrom + 1, next < 0 ? t.text.length : next);
      lineFrom = next;
    }
  }
}
// A line of a heading's block: a list item ("- Mother: breast cancer", "2) penicillin") or a relative's line
// ("Father - DVT 2019"); a line of prose ends the block ("Calf swollen and hot since the flight").
function blockItem(line: string): boolean {
  if (/^\s*(?:[-*•·–]|\d{1,2}[.)])\s/.test(line)) return true;
  const first = /^\s*([A-Za-z]+)/.exec(line);
  return first !== null && isPerson((first[1] as string).toLowerCase());
}
// A line that opens a section of its own: in capitals ("PERSONAL HISTORY: nil", "CURRENT MEDICATIONS"), or a
// label and a colon not set as a list item ("Presenting: low back pain").
const BLOCK_HEADING = /^\s*(?:[A-Z][A-Z /&-]{2,}(?::|$)|[A-Za-z][A-Za-z /&-]{1,30}:)/;

const isPerson = (w: string): boolean => FEMALE.has(w) || MALE.has(w) || OTHER_PEOPLE.has(w);
const NORMALITY = new Set(['ok', 'okay', 'normal', 'fine', 'alright', 'good']);

// "Pregnant? not that I know of", "not that she's noticed": a soft no.
const KNOWING = new Set(['know', 'knows', 'noticed', 'aware']);

const TICK = /[☑☒✓✔✅]|\[\s*[xX✓✔]\s*\]|\(\s*[xX]\s*\)/;

/** The option ticked on the answer line from word `k` ("[ ] yes [x] no", "☐ yes ☑ no"), or null. */
function tickedAnswer(t: Tokens, k: number): 'yes' | 'no' | null {
  for (let j = k; j < t.words.length && !(t.kind[j] === K_STOP && t.text.charCodeAt(t.start[j] as number) === 10); j++) {
    const w = t.words[j];
    if (t.kind[j] !== K_WORD || (w !== 'yes' && w !== 'no')) continue;
    const before = t.text.slice(Math.max(0, (t.start[j] as number) - 5), t.start[j]);
    if (TICK.test(before)) return w;
  }
  return null;
}

/**
 * A form's printed question is no statement of the patient's: "Blood thinners? no", "Pregnant? N/A",
 * "Bleeding? -" (left blank) deny what they ask; "not sure" leaves it uncertain; "yes …" and an answer in
 * words keep it.
 */
export function markFormAnswers(t: Tokens, negated: number[]): void {
  const n = t.words.length;
  for (let j = 0; j < n; j++) {
    // A question answered yes with more to say is a clause break, not a stop (the tokenizer keeps them one sentence).
    if (t.kind[j] === K_WORD || t.text.charCodeAt(t.start[j] as number) !== 63) continue;
    const k = j + 1;
    let level = -1;
    const ticked = tickedAnswer(t, k);
    if (ticked !== null) level = ticked === 'no' ? NEGATED : -1;
    else if (k >= n || t.kind[k] === K_STOP) level = NEGATED;
    else if (t.kind[k] === K_WORD) {
      const w = t.words[k] as string;
      // "Fever? not at all" denies it; "not really" is a soft no: red flags keep their safer reading.
      if (FORM_NO.has(w) || (w === 'not' && t.words[k + 1] === 'at' && t.words[k + 2] === 'all')) level = NEGATED;
      else if (
        FORM_UNSURE.has(w) ||
        (w === 'not' && (t.words[k + 1] === 'sure' || t.words[k + 1] === 'really' || (t.words[k + 1] === 'that' && KNOWING.has(t.words[k + 3] as string)))) ||
        (w === 'dont' && t.words[k + 1] === 'know')
      )
        level = AMBIGUOUS;
    }
    // "Clots? Yes — my father", "Cancer? N (Mum — breast cancer 2015)": the answer is about someone else.
    let lineEnd = k;
    while (lineEnd < n && !(t.kind[lineEnd] === K_STOP && t.text.charCodeAt(t.start[lineEnd] as number) !== 46)) lineEnd++;
    let relative = false;
    for (let q = k; q < lineEnd && q <= k + 4; q++) if (t.kind[q] === K_WORD && isPerson(t.words[q] as string)) relative = true;
    if (relative) {
      for (let q = j - 1, words = 0; q >= 0 && t.kind[q] !== K_STOP && words < 12; q--, words++) if (t.kind[q] === K_WORD) mark(negated, q, NEGATED);
      for (let q = k; q < lineEnd; q++) if (t.kind[q] === K_WORD) mark(negated, q, NEGATED);
      continue;
    }
    if (level < 0) continue;
    // "Bowels ok? no": a no to a question of normality is no denial.
    let normality = false;
    for (let q = j - 1; q >= 0 && t.kind[q] !== K_STOP; q--) if (NORMALITY.has(t.words[q] as string)) normality = true;
    if (normality && level === NEGATED && k < n && t.kind[k] === K_WORD) continue;
    for (let q = j - 1, words = 0; q >= 0 && t.kind[q] !== K_STOP && words < 12; q--, words++) if (t.kind[q] === K_WORD) mark(negated, q, level);
  }
}

const JOB_NOUNS = new Set([
  'nurse',
  'doctor',
  'consultant',
  'carer',
  'volunteer',
  'researcher',
  'worker',
  'technician',
  'porter',
  'receptionist',
  'cleaner',
  'pharmacist',
  'radiographer',
  'physio',
  'therapist',
  'administrator',
  'manager',
  'scientist',
]);

const WORKPLACES = new Set([
  'unit',
  'ward',
  'department',
  'dept',
  'clinic',
  'centre',
  'center',
  'team',
  'service',
  'hospital',
  'hospice',
  'practice',
  'programme',
  'program',
  'charity',
  'lab',
  'laboratory',
]);

/** A bracket right after a job ("oncology nurse (chemotherapy day unit)") names where the patient works: not their illness. */
export function markWorkplaces(t: Tokens, negated: number[]): void {
  const n = t.words.length;
  for (let i = 0; i + 1 < n; i++) {
    if (t.kind[i] !== K_WORD || !JOB_NOUNS.has(t.words[i] as string)) continue;
    if (t.kind[i + 1] !== K_COMMA || t.text.charCodeAt(t.start[i + 1] as number) !== 40) continue;
    let close = i + 2;
    let place = false;
    for (; close < n && t.kind[close] !== K_STOP; close++) {
      if (t.kind[close] === K_COMMA && t.text.charCodeAt(t.start[close] as number) === 41) break;
      if (WORKPLACES.has(t.words[close] as string)) place = true;
    }
    if (place) for (let j = i + 2; j < close; j++) mark(negated, j, NEGATED);
  }
}

export function markOtherPeople(t: Tokens, consumed: readonly number[], negated: number[]): void {
  const n = t.words.length;
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const person = personAt(t, i);
    if (person === null) continue;
    // "clashed heads with a friend 6 days ago", "collided with another player": the partner of the patient's own
    // doing owns only a bracket or a "who" clause of theirs, also past their name ("with another player (No. 12)
    // who has…", "lives with wife Olga, who is on apixaban").
    let named = i + 1;
    while (named < n && t.kind[named] === K_WORD && capitalised(t, named)) named++;
    const describedAfter =
      t.text.charCodeAt(t.start[named] ?? 0) === 40 ||
      RELATIVE.has(t.words[named] ?? '') ||
      (t.kind[named] === K_COMMA && RELATIVE.has(t.words[named + 1] ?? ''));
    const partnerOnly = partnerOfPatient(t, i) && !describedAfter;
    // "helping her pregnant daughter move", "my diabetic husband": what describes the person before their name is theirs.
    if (i > 0 && t.kind[i - 1] === K_WORD && PERSON_DESCRIPTIONS.has(t.words[i - 1] as string)) mark(negated, i - 1, NEGATED);
    // "My husband noticed my calf is swollen", "partner says her calf is hot": the patient's, told by them.
    if (SELF_AFTER.has(t.words[i + 1 + titledNameLength(t, i)] ?? '')) {
      // "My husband says he had a DVT last year": a clause of their own pronoun is still theirs.
      markTheirClauses(t, negated, i, person);
      continue;
    }
    let j = i + 1;
    // A bracket opened right after the person is all theirs, its commas too: "husband (AF, on warfarin)".
    let inBracket = false;
    let appositionEnd = -1;
    let bracketIsTheirs = false;
    let bracketOpen = -1;
    for (let count = 0; !partnerOnly && j < n && (count < 10 || (inBracket && count < BRACKET_REACH)); j++, count++) {
      if (t.kind[j] !== K_WORD) {
        // What follows the person describes them: "dad, who is on warfarin", "her father (on warfarin)".
        const c = t.text.charCodeAt(t.start[j] as number);
        // "His son was in a car crash (RTC, whiplash + # femur)": a bracket in their words is theirs, commas too.
        if (c === 40) {
          inBracket = true;
          bracketOpen = j;
          bracketIsTheirs = j === i + 1 + titledNameLength(t, i);
        }
        // "(Mrs K.)", "(No. 12)": an initial's dot, or a number's, ends no sentence.
        if (c === 46 && inBracket && ((t.words[j - 1] as string).length === 1 || (t.words[j - 1] === 'no' && /^\d+$/.test(t.words[j + 1] ?? '')))) continue;
        // "broke his tib/fib": a slash between two words joins them.
        if (c === 47 && t.end[j - 1] === t.start[j] && t.end[j] === t.start[j + 1]) continue;
        // "Wife (Mrs K) had a carotid dissection": after a bracket that only names them, the person goes on as the
        // subject. Not after one that describes them: "Mum (79, osteoporosis) slipped" may be whom the booking is for.
        if (c === 41 && inBracket) {
          inBracket = false;
          // "caring for her son (age 5) who has chickenpox": the relative clause after the bracket is theirs.
          if (bracketIsTheirs && RELATIVE.has(t.words[j + 1] ?? '')) {
            count = -1;
            continue;
          }
          if (!bracketIsTheirs || !(namesOnly(t, bracketOpen + 1, j) || anotherAge(t, bracketOpen + 1))) break;
          count = 0;
          continue;
        }
        // "His wife, Anna, had a dissection": a name set off by commas is the person again.
        if (j === appositionEnd) continue;
        if (c === 44 && j === i + 1 + titledNameLength(t, i)) {
          // "Dad, he had a DVT in 2019".
          if (resumesSubject(t, i, t.words[j + 1] ?? '', person)) {
            mark(negated, j + 1, NEGATED);
            j++;
            continue;
          }
          appositionEnd = appositionEndAt(t, j);
          if (appositionEnd > 0) continue;
          // "Anna, his wife, had a dissection": the person set off by commas after a name goes on as its subject.
          if (namedBefore(t, i) && SAME_SUBJECT_VERBS.has(t.words[j + 1] ?? '')) continue;
        }
        // "Mrs. Kowalski": the title's dot ends no sentence.
        if (c === 46 && j === i + 1 && TITLES.has(t.words[i] as string)) continue;
        // ", with the double vision": what their event came with is theirs too.
        // "…, who has type 2 diabetes and a leg ulcer on his right shin": their relative clause is told in full.
        if (c === 44 && !inBracket && RELATIVE.has(t.words[j + 1] ?? '')) {
          count = -1;
          continue;
        }
        if (c === 40 || (c === 44 && (inBracket || t.words[j + 1] === 'with'))) continue;
        break;
      }
      const w = t.words[j] as string;
      // "Seen with husband - calf swollen and hot": a spaced hyphen ends their words, as a dash does; not the
      // one that labels a line with them ("Mother - breast cancer age 61", "Maternal aunt - ovarian cancer").
      if (!inBracket && dashBefore(t, j) && !(j === i + 1 + titledNameLength(t, i) && opensLine(t, i))) break;
      // "wife who noticed the calf is swollen": what they report is the patient's.
      if (SELF_AFTER.has(w) && !inBracket) break;
      // "My father he had the clot in the leg": a pronoun of their sex right after the person who opens the
      // sentence says the same subject again, as second-language and dictated notes do.
      if (j === i + 1 + titledNameLength(t, i) && resumesSubject(t, i, w, person)) {
        mark(negated, j, NEGATED);
        continue;
      }
      // In the bracket the patient may be named doing for them: "husband (AF, on warfarin - she does his INR clinic runs)".
      if (!consumed[j] && !(inBracket && bracketIsTheirs) && (isPatientWord(t, j, person) || (TERMINATORS.has(w) && !RELATIVE.has(w)))) break;
      mark(negated, j, NEGATED);
      // "Dad had DVT in 2019 left calf swollen hot and tender since …": in dictation without punctuation the year
      // that dates their event ends it; what follows it without a link word is told anew.
      if (!inBracket && /^(19|20)\d\d$/.test(w) && t.kind[j + 1] === K_WORD && !AFTER_THEIR_YEAR.has(t.words[j + 1] as string)) break;
      // "My husband was diagnosed with a DVT in his leg last month and is on rivaroxaban": a second verb of the
      // same subject goes on telling about them.
      if (t.words[j + 1] === 'and' && SAME_SUBJECT_VERBS.has(t.words[j + 2] ?? '')) count = -1;
      // "My mum had a stroke last year with the double vision and slurred speech": the signs it came with.
      if (w === 'with' && !consumed[j]) count = -1;
    }
    markReferredBack(t, consumed, negated, j, person);
    markTheirClauses(t, negated, i, person);
    markEscorted(t, negated, i);
  }
}

/**
 * "Mrs V.R. 78 … I look after my husband … the DN comes for his pressure sore": in a note that states the
 * patient's sex (or shows it in a possessive: "caring for her husband"), once a person of the other sex is
 * named, a possessive of theirs ("his pressure sore" in a woman's note) owns the few words after it.
 */
export function markOtherSexPossessives(t: Tokens, negated: number[]): void {
  const sex = patientSex(t) ?? sexOfOwner(t);
  if (sex === null) return;
  const theirs = sex === 'female' ? 'his' : 'her';
  const otherSex: Person = sex === 'female' ? 'male' : 'female';
  let named = false;
  for (let i = 0; i < t.words.length; i++) {
    if (t.kind[i] !== K_WORD) continue;
    if (!named) {
      named = personAt(t, i) === otherSex;
      continue;
    }
    const patients = sex === 'female' ? FEMALE_PRONOUNS : MALE_PRONOUNS;
    // "42M … his wife … was admitted with pre-eclampsia - she had bad headaches, blurred vision and her face
    // swelled up": in a man's note "she" is the woman named, and so is the rest of her sentence.
    if (t.words[i] === (sex === 'female' ? 'he' : 'she')) {
      // "Wife says she noticed calf swollen and red", "she reports numb saddle area": what she tells is his.
      const verb = REPORT_AUXILIARIES.has(t.words[i + 1] ?? '') ? i + 2 : i + 1;
      if (SELF_AFTER.has(t.words[verb] ?? '')) continue;
      for (let j = i + 1; j < t.words.length && t.kind[j] !== K_STOP; j++) {
        const w = t.words[j] as string;
        if (t.kind[j] === K_WORD && (PATIENT.has(w) || patients.has(w)) && !(sex === 'male' ? FEMALE_PRONOUNS : MALE_PRONOUNS).has(w)) break;
        if (t.kind[j] === K_WORD) mark(negated, j, NEGATED);
      }
      continue;
    }
    if (t.words[i] !== theirs) continue;
    for (let j = i + 1, count = 0; j < t.words.length && t.kind[j] === K_WORD && count < OWNED_WORDS; j++, count++) {
      // "Since his admission her calf is swollen": the patient's own possessive ends theirs.
      const w = t.words[j] as string;
      if (PATIENT.has(w) || patients.has(w) || TERMINATORS.has(w)) break;
      mark(negated, j, NEGATED);
    }
  }
}

/** The patient's sex from the first person named with a possessive ("caring for her husband" → female), else null. */
function sexOfOwner(t: Tokens): 'male' | 'female' | null {
  for (let i = 1; i < t.words.length; i++) {
    if (t.kind[i] !== K_WORD || personAt(t, i) === null) continue;
    const owner = t.words[i - 1];
    if (owner === 'her') return 'female';
    if (owner === 'his') return 'male';
  }
  return null;
}

/**
 * "Carer for husband … she takes him to INR clinic weekly": once another person is named, where someone is
 * taken to, in that sentence or the next, is theirs ("drives her to chemo", "brings them to dialysis").
 */
function markEscorted(t: Tokens, negated: number[], i: number): void {
  const lastSentence = (t.sentence[i] as number) + 1;
  for (let k = i + 1; k + 2 < t.words.length && (t.sentence[k] as number) <= lastSentence; k++) {
    if (t.kind[k] !== K_WORD || !ESCORTING.has(t.words[k] as string)) continue;
    if (!ESCORTED.has(t.words[k + 1] as string) || t.words[k + 2] !== 'to') continue;
    for (let j = k + 3; j < t.words.length && t.kind[j] === K_WORD; j++) mark(negated, j, NEGATED);
  }
}
const ESCORTING = new Set([
  'take',
  'takes',
  'took',
  'taking',
  'drive',
  'drives',
  'drove',
  'driving',
  'bring',
  'brings',
  'brought',
  'bringing',
  'accompany',
  'accompanies',
  'accompanied',
  'accompanying',
  'escort',
  'escorts',
  'escorted',
  'ferry',
  'ferries',
]);
const ESCORTED = new Set(['him', 'her', 'them']);
const SAME_SUBJECT_VERBS = new Set(['is', 'was', 'has', 'had', 'takes', 'took', 'gets', 'got', 'needs', 'needed', 'uses', 'used', 'remains']);

/**
 * "Helping her husband in and out of bed; he has cellulitis in his leg": once a person of one sex is named
 * with a possessive of the other ("her husband", "his wife", so the patient is the other) or by the patient
 * speaking ("since my husband's stroke, he's on warfarin"), a clause that opens with the person's pronoun,
 * in that sentence (or the next, after a possessive of the other sex) is about them.
 */
function markTheirClauses(t: Tokens, negated: number[], i: number, person: Person): void {
  const owner = t.words[i - 1];
  // "My husband": the writer is the patient, unless the person is whom the booking is for ("booking for my
  // mum (78). She had a fall"); then only a clause of the same sentence is surely theirs.
  const speaking = owner === 'my' && t.words[i - 2] !== 'for';
  // "his colleague …, she's seven months pregnant": a possessive says the patient's sex, so a pronoun of the
  // other sex is someone else, whoever the person is.
  const other =
    (person === 'male' && speaking) || owner === 'her'
      ? MALE_SUBJECTS
      : (person === 'female' && speaking) || owner === 'his'
        ? FEMALE_SUBJECTS
        : person === 'any' && speaking && ACQUAINTANCES.has(t.words[i] as string) && patientSpeaksBefore(t, i)
          ? THIRD_PERSON_SUBJECTS
          : person === 'female' && patientSex(t) === 'male'
            ? FEMALE_SUBJECTS
            : person === 'male' && patientSex(t) === 'female'
              ? MALE_SUBJECTS
              : null;
  if (other === null) return;
  const lastSentence = (t.sentence[i] as number) + (speaking ? 0 : 1);
  for (let k = i + 1; k < t.words.length && (t.sentence[k] as number) <= lastSentence; k++) {
    if (t.kind[k] !== K_WORD || !other.has(t.words[k] as string)) continue;
    const opensClause = k === 0 || t.kind[k - 1] !== K_WORD || t.words[k - 1] === 'and' || t.words[k - 1] === 'but' || dashBefore(t, k);
    if (!opensClause) continue;
    // "Came with his wife. She says he has lost 2 stone": what they tell is the patient's.
    if (SELF_AFTER.has(t.words[REPORT_AUXILIARIES.has(t.words[k + 1] ?? '') ? k + 2 : k + 1] ?? '')) continue;
    // The clause is theirs until the patient speaks again ("he says my calf is swollen").
    for (let j = k + 1; j < t.words.length && t.kind[j] === K_WORD && !FIRST_PERSON.has(t.words[j] as string); j++) mark(negated, j, NEGATED);
  }
}
const FIRST_PERSON = new Set(['i', 'im', 'ive', 'my', 'me', 'myself']);
/** How far a bracket opened right after a person is read as theirs. */
const BRACKET_REACH = 30;
// A note's statement of the patient's sex: "15yo M", "52F", "45-year-old male", a title that opens it ("Mrs Jones, 70"; not a
// referrer's "Referred by Mrs Patel"). Written against the age (a capital "52M", "47-F", not "100m" walked) or after an age in years, or as a title.
const SEX_STATED =
  /\b\d{1,3}-?([MF])\b|\b\d{1,3}[\s-]*(?:[Yy][Oo]|[Yy]\/[Oo]|[Yy]rs?|[Yy]ears?(?:[\s-]+old)?|[Yy]ear-old)\s*[-,]?\s*([MmFf]|[Mm]ale|[Ff]emale|[Mm]an|[Ww]oman|[Bb]oy|[Gg]irl)\b|^(?:\s*(?:Name|Pt|Patient)\s*:)?\s*(Mr|Mrs|Ms|Miss)\.?\s+[A-Z]/;
/** How far into a note its statement of the patient's sex is looked for (its header). */
const SEX_REACH = 80;
const MALE_STATED = new Set(['m', 'male', 'man', 'boy', 'mr']);
let sexText: string | null = null;
let sexOfText: 'male' | 'female' | null = null;

/** The patient's sex when the note states it before anything else: a pronoun of the other sex is then someone else's. */
function patientSex(t: Tokens): 'male' | 'female' | null {
  if (t.text !== sexText) {
    sexText = t.text;
    const m = SEX_STATED.exec(t.text.slice(0, SEX_REACH));
    const word = m ? (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase() : '';
    sexOfText = m ? (MALE_STATED.has(word) ? 'male' : 'female') : null;
  }
  return sexOfText;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss']);
// The title that opens a note and the patient's names after it ("Mrs Anna Kowalski", "Mr J. Smith", "Smith-Jones").
const OPENING_TITLE = /^(?:\s*(?:Name|Pt|Patient)\s*:)?\s*(?:Mr|Mrs|Ms|Miss)\.?\s+([A-Z][^,(\n\d]{0,40})/;

/** Whether word `j` is a number after "No." or "number": a player's shirt, not an age ("(No. 12)", not "(79)"). */
function shirtNumber(t: Tokens, j: number): boolean {
  const before = t.kind[j - 1] === K_WORD ? j - 1 : j - 2;
  return /^\d+$/.test(t.words[j] as string) && (t.words[before] === 'no' || t.words[before] === 'number');
}

/** Whether tokens `from`…`to` (exclusive) only name someone or their relation: "Mrs K.", "Anna", "wife", "No. 12". */
function namesOnly(t: Tokens, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let j = from; j < to; j++) {
    if (t.kind[j] !== K_WORD) {
      if (t.text.charCodeAt(t.start[j] as number) !== 46) return false;
      continue;
    }
    const w = t.words[j] as string;
    if (!capitalised(t, j) && !TITLES.has(w) && !FEMALE.has(w) && !MALE.has(w) && !OTHER_PEOPLE.has(w) && w !== 'his' && w !== 'her' && !shirtNumber(t, j))
      return false;
  }
  return true;
}

// The patient's age in the note's header: "Mrs Hale 55F", "72 y/o", "Mr Novak (63)", "Re: Mr Dariusz W., 53".
const HEADER_AGE =
  /\b(\d{2,3})\s*-?\s*(?:[MF]\b|[Yy][Oo]\b|[Yy]\/[Oo]|[Yy]rs?\b|[Yy]ears?\b)|(?:^|\b(?:Re|RE|Pt|Patient|Name)\s*:)\s*(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'-]*(?:\s+[A-Z]\.?)*\s*[(,]\s*(\d{2,3})\b/;

/**
 * Whether a bracket after a person opens with an age other than the patient's ("Mrs Hale 55F … Mum (84,
 * osteoporosis) fell"): then the person is not whom the note is about, and what they did after it is theirs.
 */
function anotherAge(t: Tokens, first: number): boolean {
  // "(Anaya, 9)": past a name and its comma.
  if (t.kind[first] === K_WORD && capitalised(t, first) && t.kind[first + 1] === K_COMMA) first += 2;
  if (t.kind[first] !== K_WORD || !/^\d{1,3}$/.test(t.words[first] as string)) return false;
  // An age stands alone or with its unit: "(15)", "(15yo)", not a measure ("flew back (22h)", "(5 kg)").
  if (t.kind[first + 1] === K_WORD && !AGE_UNITS.has(t.words[first + 1] as string)) return false;
  const header = HEADER_AGE.exec(t.text.slice(0, SEX_REACH));
  return header !== null && Number(header[1] ?? header[2]) !== Number(t.words[first]);
}

const AGE_UNITS = new Set(['y', 'yo', 'yr', 'yrs', 'year', 'years', 'yoa', 'm', 'f']);

/** Whether word `i` is among the first two words of its line or sentence: "Mother - …", "Maternal aunt - …". */
function opensLine(t: Tokens, i: number): boolean {
  for (let k = i - 1; k >= i - 2; k--) if (k < 0 || t.kind[k] === K_STOP) return true;
  return false;
}

const REPORT_AUXILIARIES = new Set(['has', 'had', 'have', 'also', 'just', 'then', 'now', 'is', 'was']);

/**
 * Words that go on telling a person's event after its year, in dictation without punctuation ("Brother DVT 2018
 * clot in lung as well", "Dad heart attack 2010 bypass 2012 died 2015"); any other word starts a new account,
 * safer read as the patient's ("Dad had DVT in 2019 left calf swollen hot", "Mum had DVT 2019 post op calf now
 * swollen and hot").
 */
const AFTER_THEIR_YEAR = new Set([
  'and',
  'with',
  'after',
  'when',
  'who',
  'which',
  'for',
  'on',
  'in',
  'at',
  'but',
  'following',
  'while',
  'then',
  'aged',
  'age',
  'clot',
  'clots',
  'bypass',
  'died',
]);

/** Whether `w`, right after the person at `i` who opens a sentence ("My father he had…", "Mum she is on warfarin"), is their pronoun as its subject again. */
function resumesSubject(t: Tokens, i: number, w: string, person: Person): boolean {
  if (!(person === 'male' ? SUBJECT_HE.has(w) : person === 'female' ? SUBJECT_SHE.has(w) : false)) return false;
  const k = OWNERS_OF_SUBJECT.has(t.words[i - 1] ?? '') && t.kind[i - 1] === K_WORD ? i - 1 : i;
  return k === 0 || t.kind[k - 1] === K_STOP;
}
const SUBJECT_HE = new Set(['he', 'hes']);
const SUBJECT_SHE = new Set(['she', 'shes']);
const OWNERS_OF_SUBJECT = new Set(['my', 'our', 'his', 'her', 'their', 'the']);

/** Whether the person at `i` is the object of "with", "against" or "into" ("collided with another player"). */
function partnerOfPatient(t: Tokens, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && t.kind[k] === K_WORD && PARTNER_DETERMINERS.has(t.words[k] as string)) k--;
  return k >= 0 && t.kind[k] === K_WORD && PARTNER_LINKS.has(t.words[k] as string);
}
const PARTNER_LINKS = new Set(['with', 'against', 'into']);
const PARTNER_DETERMINERS = new Set(['a', 'an', 'the', 'my', 'her', 'his', 'our', 'their', 'another', 'other', 'opposing', 'opposition']);

/** Whether the person at `i` follows a name and a comma: "Anna, his wife", "Tom, husband". */
function namedBefore(t: Tokens, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && t.kind[k] === K_WORD && POSSESSIVES.has(t.words[k] as string)) k--;
  return k >= 1 && t.kind[k] === K_COMMA && t.text.charCodeAt(t.start[k] as number) === 44 && t.kind[k - 1] === K_WORD && capitalised(t, k - 1);
}
/** Words that describe a person by a condition when written before them: "pregnant daughter", "diabetic husband". */
const PERSON_DESCRIPTIONS = new Set([
  'pregnant',
  'diabetic',
  'epileptic',
  'asthmatic',
  'haemophiliac',
  'hemophiliac',
  'anticoagulated',
  'immunosuppressed',
  'immunocompromised',
  'osteoporotic',
  'arthritic',
  'postnatal',
  'postpartum',
]);
const CHILDREN = new Set(['girl', 'boy', 'baby', 'kid', 'kids', 'child', 'children', 'lad', 'lass', 'youngest', 'eldest']);
const TEAM_ROLES = new Set([
  'keeper',
  'goalkeeper',
  'goalie',
  'player',
  'players',
  'captain',
  'striker',
  'defender',
  'winger',
  'forward',
  'centre',
  'center',
  'prop',
  'hooker',
  'scrumhalf',
  'fullback',
  'teammate',
]);
const TEAM_OWNERS = new Set(['our', 'their', 'another', 'other', 'opposing', 'opposition', 'his', 'her']);
const POSSESSIVES = new Set(['his', 'her', 'my', 'their', 'our']);

/** Where the name after a title is: "Mrs Kowalski", "Mrs. Kowalski"; -1 when no capitalised name follows. */
function titledNameAt(t: Tokens, i: number): number {
  const next = t.kind[i + 1] === K_WORD ? i + 1 : t.text.charCodeAt(t.start[i + 1] ?? 0) === 46 && t.kind[i + 2] === K_WORD ? i + 2 : -1;
  return next > 0 && capitalised(t, next) ? next : -1;
}

/** How many tokens after a titled person belong to their name ("Mrs Kowalski" → 1), 0 for a person without a title. */
function titledNameLength(t: Tokens, i: number): number {
  if (!TITLES.has(t.words[i] as string)) return 0;
  const name = titledNameAt(t, i);
  return name > 0 ? name - i : 0;
}

/** Where a name set off by commas after a person ends ("wife, Anna Kowalski, had"): the closing comma, or -1. */
function appositionEndAt(t: Tokens, comma: number): number {
  for (let j = comma + 1; j <= comma + 4; j++) {
    if (t.kind[j] === K_WORD) {
      if (!capitalised(t, j) && !TITLES.has(t.words[j] as string)) return -1;
      continue;
    }
    return j > comma + 1 && t.text.charCodeAt(t.start[j] as number) === 44 ? j : -1;
  }
  return -1;
}

/**
 * A person named by title ("Mrs Kowalski had a dissection") is someone else when the note says who the patient
 * is and it is not them: a title of the other sex than the patient's, another surname than the title that opens
 * the note, or a bracket naming the relation ("Mrs Kowalski (wife)"). The note's own opening title is the patient.
 */
/** Whether a name after a title is one of the patient's names from the opening ("Mrs Anna Kowalski" … "Mrs Kowalski's"). */
function patientNamed(openingNames: string, word: string): boolean {
  const names = openingNames.toLowerCase().split(/[^a-z]+/);
  return names.includes(word) || (word.endsWith('s') && names.includes(word.slice(0, -1)));
}

function titledOther(t: Tokens, i: number): Person | null {
  const name = titledNameAt(t, i);
  if (name < 0) return null;
  const sex: Person = t.words[i] === 'mr' ? 'male' : 'female';
  const opening = OPENING_TITLE.exec(t.text);
  if (opening && (t.start[i] as number) < opening.index + opening[0].length) return null;
  const patient = patientSex(t);
  if (patient !== null && patient !== sex) return sex;
  if (opening && !patientNamed(opening[1] as string, t.words[name] as string)) return sex;
  const after = name + 1;
  if (t.text.charCodeAt(t.start[after] ?? 0) === 40 && t.kind[after + 1] === K_WORD) {
    const relation = t.words[after + 1] as string;
    if (FEMALE.has(relation) || MALE.has(relation) || OTHER_PEOPLE.has(relation)) return sex;
  }
  return null;
}

// People of either sex the patient may name: "My colleague Sandra recommended you - she was treated for breast cancer".
const ACQUAINTANCES = new Set(['friend', 'colleague', 'neighbour', 'neighbor', 'flatmate', 'housemate', 'cousin', 'workmate', 'coworker']);

const THIRD_PERSON = new Set(['he', 'hes', 'she', 'shes', 'her', 'his', 'him', 'pt', 'patient', 'client']);

/** Whether the words before `i` are the patient's own ("I'd like to book… I'm 58") and name no one in the third person. */
function patientSpeaksBefore(t: Tokens, i: number): boolean {
  let first = false;
  for (let j = 0; j < i; j++) {
    if (t.kind[j] !== K_WORD) continue;
    const w = t.words[j] as string;
    if (THIRD_PERSON.has(w)) return false;
    if (w === 'i' || w === 'im' || w === 'ive' || w === 'id') first = true;
  }
  return first;
}
const OWNERS_OF_CHILD = new Set(['her', 'his', 'my', 'their', 'our']);
const MALE_SUBJECTS = new Set(['he', 'hes']);
const FEMALE_SUBJECTS = new Set(['she', 'shes']);
const THIRD_PERSON_SUBJECTS = new Set([...MALE_SUBJECTS, ...FEMALE_SUBJECTS]);

/**
 * Whether what comes at the end of these words is another person's: a person is named, and after them neither
 * the patient ("I", "my", "she") nor a pronoun that cannot be theirs ("her husband drove her home after her
 * knee replacement"). The operations reader asks it of the words before an operation.
 */
export function anotherPersonsAtEnd(t: Tokens): boolean {
  let person: Person | null = null;
  for (let i = 0; i < t.words.length; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const named = personAt(t, i);
    if (named !== null) person = named;
    else if (person !== null && isPatientWord(t, i, person)) person = null;
  }
  return person !== null;
}

/** Whom a person word is: its grammatical gender, for the pronouns that can point back to it. */
type Person = 'female' | 'male' | 'any';

/** The person named at word `i`, or null: a relative or friend, or a client of the patient's ("her client", "lifting clients"). */
function personAt(t: Tokens, i: number): Person | null {
  const w = t.words[i] as string;
  if (FEMALE.has(w)) return 'female';
  if (MALE.has(w)) return 'male';
  if (TITLES.has(w)) return titledOther(t, i);
  // "the younger (Anaya, 9) is in treatment for leukaemia": someone of another age than the patient's.
  if (t.text.charCodeAt(t.start[i + 1] ?? 0) === 40 && anotherAge(t, i + 2)) return 'any';
  // "my little girl has had a temp of 39": a child of the patient's, not the patient ("15yo girl" is).
  if (CHILDREN.has(w) && (OWNERS_OF_CHILD.has(t.words[i - 1] as string) || (t.words[i - 1] === 'little' && OWNERS_OF_CHILD.has(t.words[i - 2] as string))))
    return 'any';
  // "our keeper broke his tib/fib", "another player (No. 12)": a player of the team, not the patient.
  if (TEAM_ROLES.has(w) && i > 0 && TEAM_OWNERS.has(t.words[i - 1] as string)) return 'any';
  // Either sex, or family history words: any possessive may point back to them.
  if (OTHER_PEOPLE.has(w)) return 'any';
  // "lifting her 6-year-old": a child of the patient's, not the patient ("a 45 year old who fell" is).
  if (w === 'old' && t.words[i - 1] === 'year' && OWNERS_OF_CHILD.has(t.words[i - 3] as string)) return 'any';
  // In a therapist's note "Client reports…", "massage for client" is the patient; "her client", "lifting clients" are not.
  if ((w === 'client' || w === 'clients') && i > 0 && t.kind[i - 1] === K_WORD && CLIENT_OWNERS.has(t.words[i - 1] as string)) return 'any';
  return null;
}

/** Whether word `j` names the patient again after `person`: "I", "my", "she"…, or a pronoun that cannot be the person's ("husband … her calf"). */
function isPatientWord(t: Tokens, j: number, person: Person): boolean {
  const w = t.words[j] as string;
  if (PATIENT.has(w)) return !(w === 'client' && personAt(t, j) !== null);
  return person === 'female' ? MALE_PRONOUNS.has(w) : person === 'male' ? FEMALE_PRONOUNS.has(w) : false;
}

/** Whether the possessive at `j` can point back to the person named last before word `before`, in its sentence ("sister's cancer - her chemo"). */
export function ownedByPersonBefore(t: Tokens, j: number, before: number): boolean {
  for (let k = before - 1; k >= 0 && t.sentence[k] === t.sentence[before]; k--) {
    if (t.kind[k] !== K_WORD) continue;
    const person = personAt(t, k);
    if (person !== null) return agrees(t.words[j] as string, person);
  }
  return false;
}

/** Whether a possessive can point back to `person` ("mum … her", "dad … his", "parents … their"). */
function agrees(w: string, person: Person): boolean {
  if (w === 'their') return true;
  if (w === 'her') return person !== 'male';
  if (w === 'his') return person !== 'female';
  return false;
}

/**
 * After the person's own words end at `j`: "since her mastectomy", ", after his stroke". A linking word then a
 * possessive that agrees with the person is theirs again, with the few words it owns. Only after a link: "mum
 * visited, her calf is swollen" may well be the patient's calf, and the safer reading is kept.
 */
function markReferredBack(t: Tokens, consumed: readonly number[], negated: number[], j: number, person: Person): void {
  const n = t.words.length;
  if (j < n && t.kind[j] === K_COMMA && t.text.charCodeAt(t.start[j] as number) === 44) j++;
  if (j + 1 >= n || t.kind[j] !== K_WORD || t.kind[j + 1] !== K_WORD || !LINKS.has(t.words[j] as string)) return;
  if (!agrees(t.words[j + 1] as string, person)) return;
  for (let k = j + 1, count = 0; k < n && count < OWNED_WORDS && t.kind[k] === K_WORD; k++, count++) {
    const w = t.words[k] as string;
    // "since his stroke and bowel cancer": the list goes on, unless the patient comes back ("and she…").
    if (count > 0 && !consumed[k] && (PATIENT.has(w) || TERMINATORS.has(w))) break;
    if ((w === 'and' || w === 'or') && PATIENT.has(t.words[k + 1] ?? '')) break;
    mark(negated, k, NEGATED);
  }
}
/** Words that link a person to what happened to them: "since her mastectomy", "after his stroke", "with her dementia". */
const LINKS = new Set(['since', 'after', 'following', 'with', 'from', 'before', 'during', 'when', 'while', 'whilst']);
/** How many words a possessive that points back owns: "her breast cancer surgery", "his hip replacement". */
const OWNED_WORDS = 5;
const FEMALE_PRONOUNS = new Set(['she', 'her', 'herself', 'shes']);
const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'hes']);
// Before "client", these make it the patient's own client (a carer's, a therapist's), not the patient.
const CLIENT_OWNERS = new Set([
  'her',
  'his',
  'my',
  'their',
  'a',
  'an',
  'one',
  'another',
  'other',
  'elderly',
  'lifting',
  'lifts',
  'lifted',
  'moving',
  'hoisting',
  'transferring',
  'turning',
  'handling',
  'bathing',
  'washing',
  'massaging',
]);
const FEMALE = new Set([
  'mum',
  'mom',
  'mother',
  'wife',
  'sister',
  'daughter',
  'grandmother',
  'gran',
  'grandma',
  'aunt',
  'girlfriend',
  'nan',
  'nana',
  'nanna',
  'stepmum',
  'stepmom',
  'stepmother',
  'stepdaughter',
  'granddaughter',
  'fiancee',
  // Possessives lose their apostrophe in the tokenizer: "mum's cancer" is "mums cancer".
  'mums',
  'moms',
  'mothers',
  'wifes',
  'sisters',
  'daughters',
]);
const MALE = new Set([
  'dad',
  'father',
  'husband',
  'brother',
  'son',
  'grandfather',
  'grandad',
  'granddad',
  'grandpa',
  'uncle',
  'boyfriend',
  'hubby',
  'stepdad',
  'stepfather',
  'stepson',
  'grandson',
  'fiance',
  'dads',
  'fathers',
  'husbands',
  'brothers',
  'sons',
]);
const OTHER_PEOPLE = new Set([
  // A clinician's patients, not the patient: "sets up chemo for patients all day".
  'patients',
  'partner',
  'cousin',
  'friend',
  'colleague',
  'colleagues',
  'employees',
  'coworkers',
  'workmates',
  'others',
  'fhx',
  'fh',
  'familial',
  'parents',
  'siblings',
  'spouse',
  'grandparents',
  'neighbour',
  'neighbor',
  'flatmate',
  'housemate',
  'toddler',
  'teammate',
  'teammates',
  'opponent',
  'opponents',
  // Possessives lose their apostrophe in the tokenizer: "wife's on Eliquis" is "wifes on eliquis".
  'partners',
  'friends',
]);
// A relative clause after the person is still about them ("dad who is on warfarin").
const RELATIVE = new Set(['who', 'whose']);
// "my partner noticed my calf is swollen": the patient again. In a therapist's note the patient is "she" or
// "he" ("dad who had a stroke and she takes apixaban"), and "her own" says so outright.
const PATIENT = new Set(['i', 'im', 'ive', 'my', 'me', 'myself', 'patient', 'pt', 'client', 'she', 'he', 'shes', 'hes', 'herself', 'himself', 'own']);
// "Husband rang to say calf swollen and hot", "Mr Smith worried as calf swollen": the person tells of the patient.
const SELF_AFTER = new Set([
  'reckons',
  'reckoned',
  'says',
  'said',
  'noticed',
  'notices',
  'thinks',
  'thought',
  'reports',
  'reported',
  'rang',
  'phoned',
  'called',
  'emailed',
  'texted',
  'messaged',
  'told',
  'tells',
  'mentioned',
  'mentions',
  'worried',
  'worries',
  'concerned',
  'wonders',
  'wondered',
  'spotted',
  'observed',
  'states',
  'stated',
  'believes',
]);

const AUXILIARIES = new Set(['be', 'been', 'yet', 'has', 'have', 'is', 'was', 'being', 'had']);
const NOTS = new Set(['not', 'cannot', 'cant', 'couldnt', 'hasnt', 'havent', 'wasnt', 'isnt', 'never']);

/** Whether a negation after its concept is itself denied ("DVT cannot be excluded", "has not been ruled out"). */
function notBefore(t: Tokens, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 4 && t.kind[j] === K_WORD; j--) {
    const w = t.words[j] as string;
    if (NOTS.has(w)) return true;
    if (!AUXILIARIES.has(w)) return false;
  }
  return false;
}

const RECURRENCE_WORDS = new Set(['again', 'returned', 'recurred', 'recurring', 'recurrence', 'relapsed']);
const BACK_LEADS = new Set(['now', 'its', 'is', 'come', 'came', 'coming', 'has', 'have']);

/** Whether the rest of the sentence from word `j` tells that it came back ("now back again", "has returned"). */
export function recursAfter(t: Tokens, j: number): boolean {
  for (let k = j; k < t.words.length && t.kind[k] !== K_STOP; k++) {
    if (t.kind[k] !== K_WORD) continue;
    const w = t.words[k] as string;
    if (RECURRENCE_WORDS.has(w) && t.words[k - 1] !== 'no' && t.words[k - 1] !== 'not') return true;
    if (w === 'back' && BACK_LEADS.has(t.words[k - 1] as string)) return true;
  }
  return false;
}

/** Whether a concept starts at word `j`, or after one article or possessive ("ruled out a clot"). */
// A time or usage word right after is not what is denied: "DVT ruled out on scan", "clot excluded last week".
function conceptRightAfter<O extends Span>(t: Tokens, occurrences: O[], j: number, qualifier: (o: O) => boolean): boolean {
  const start = t.kind[j] === K_WORD && ARTICLES.has(t.words[j] as string) ? j + 1 : j;
  return occurrences.some((o) => (o.from === start || o.from === j) && !qualifier(o));
}
export const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'any', 'my', 'her', 'his']);

/** Whether a sign is told at word `j`, past any linking words ("nothing is numb", "nothing at all swollen"). */
function signAfterLinking<O extends Span>(t: Tokens, occurrences: O[], j: number, qualifier: (o: O) => boolean): boolean {
  while (j < t.words.length && t.kind[j] === K_WORD && LINKING.has(t.words[j] as string)) j++;
  return conceptRightAfter(t, occurrences, j, qualifier);
}

function conceptBefore(t: Tokens, occurrences: Span[], i: number): boolean {
  let clauseStart = i;
  while (clauseStart > 0 && t.kind[clauseStart - 1] === K_WORD) clauseStart--;
  return occurrences.some((o) => o.from >= clauseStart && o.to <= i);
}
