// Tolerant reading of the few words whose misspelling would hide a contraindication ("warfrin",
// "osteoperosis", "pregnent"). Only a whitelist of long, rare clinical words is matched, never short
// common ones ("fever" is one letter from "never"): Damerau-Levenshtein (optimal string alignment)
// distance ≤ 1 for words of 5–7 letters, ≤ 2 for 8 letters or more. A word is compared only with the
// whitelisted words of a near length whose letter sets differ by few letters, so an ordinary word
// costs a handful of integer operations. The whitelist is compiled once at load.

/** Critical words, each spelled as the lexicon expects it. */
export const FUZZY_TERMS = [
  // anticoagulants and antiplatelets (generic and brand names)
  'warfarin',
  'coumadin',
  'jantoven',
  'apixaban',
  'eliquis',
  'rivaroxaban',
  'xarelto',
  'dabigatran',
  'pradaxa',
  'edoxaban',
  'savaysa',
  'lixiana',
  'heparin',
  'enoxaparin',
  'lovenox',
  'clexane',
  'dalteparin',
  'fragmin',
  'anticoagulant',
  'anticoagulants',
  'anticoagulated',
  'anticoagulation',
  'clopidogrel',
  'plavix',
  'ticagrelor',
  'brilinta',
  'prasugrel',
  'antiplatelet',
  'antiplatelets',
  'ibuprofen',
  'naproxen',
  'diclofenac',
  // conditions
  'osteoporosis',
  'osteoporotic',
  'osteopenia',
  'pregnant',
  'pregnancy',
  'incontinence',
  'incontinent',
  'thrombosis',
  'thrombus',
  'embolism',
  'neuropathy',
  'lymphoedema',
  'lymphedema',
  'fibromyalgia',
  'diabetes',
  'diabetic',
  'metastases',
  'metastatic',
  'anaesthesia',
  'anesthesia',
  'numbness',
  'retention',
  'haemophilia',
  'hemophilia',
  'preeclampsia',
  'eclampsia',
  'praevia',
  'previa',
  'hypertension',
  'hypertensive',
  'cellulitis',
  'aneurysm',
  'myelopathy',
  'chemotherapy',
  'radiotherapy',
  'immunosuppressed',
  'immunosuppressants',
  'tingling',
  'dizziness',
  'diplopia',
  'dysphagia',
  'dysarthria',
  'unsteady',
  'saddle',
  'perineum',
  'perineal',
  'bladder',
  'chiropractor',
  'progressive',
  'nauseous',
  'nausea',
  'vertigo',
  'swollen',
  'swelling',
  'temperature',
  'headache',
  'unremitting',
  'catheter',
  'paralysis',
  'thrombophlebitis',
  'manipulation',
  'sensation',
  'swallowing',
  'breathless',
  'palpitations',
] as const;

/** Real words within reach of a critical word: never corrected. */
const NOT_MISSPELT = new Set([
  'aspiring',
  'retentive',
  'paddle',
  'saddles',
  'sadder',
  'saddled',
  'ladder',
  'bladders',
  'fibromyalgic',
  'pregnancies',
  'numbnesses',
  'tangling',
  'tinkling',
  'tingle',
  'tingles',
  'tingled',
  'mingling',
  'singling',
  'jingling',
  'diabetics',
  'embolisms',
  'previous',
  'preview',
  'steady',
  'unready',
  'untidy',
  'unsteadily',
  'heparins',
  'retentions',
  'eclamptic',
  'perinea',
  'attention',
  'detention',
  'tickling',
  'hypotension',
  'hypotensive',
  'myopathy',
  'saddler',
  'toddler',
  'meddle',
  'middle',
  'needle',
  'riddle',
  'fiddle',
  'cuddle',
  'huddle',
  'waddle',
]);

interface Term {
  word: string;
  mask: number;
  max: number;
}

function letterMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) m |= 1 << c;
  }
  return m;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// Drug brand names are unlike any English word: two edits are allowed from 6 letters ("xeralto", "plavics").
const BRANDS = new Set([
  'xarelto',
  'eliquis',
  'pradaxa',
  'coumadin',
  'plavix',
  'brilinta',
  'jantoven',
  'lixiana',
  'savaysa',
  'clopidogrel',
  'apixaban',
  'rivaroxaban',
  'dabigatran',
  'edoxaban',
  'warfarin',
  'ticagrelor',
  'prasugrel',
  'enoxaparin',
  'dalteparin',
]);

// Words with real English words two edits away ("smelling", "dwelling" / swelling; "attention" / retention): one edit only.
const STRICT = new Set([
  'swelling',
  'tingling',
  'numbness',
  'retention',
  'hypertension',
  'hypertensive',
  'headache',
  'unsteady',
  'diabetes',
  'diabetic',
  'pregnant',
  'swollen',
  'dizziness',
  'sensation',
  'temperature',
  'breathless',
  'bladder',
]);

const maxDistance = (length: number) => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

// Terms by length; a word of length L is compared with terms of length L-2 … L+2.
const byLength: Term[][] = [];
let longest = 0;
for (const word of FUZZY_TERMS) {
  (byLength[word.length] ??= []).push({ word, mask: letterMask(word), max: BRANDS.has(word) ? 2 : STRICT.has(word) ? 1 : maxDistance(word.length) });
  longest = Math.max(longest, word.length);
}
const EXACT = new Set<string>(FUZZY_TERMS);

// Reused rows of the distance table (the engine is single-threaded and the function is not re-entrant).
const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/** Optimal string alignment distance, or `limit + 1` as soon as it must exceed `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (m >= 63) return limit + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m] as number;
}

// Words already looked up, with their answer: a pure function's results, bounded in size.
const memo = new Map<string, string | null>();
const MEMO_LIMIT = 4096;

/** The critical word a (lower-case) word is a misspelling of, or null. */
export function correctSpelling(word: string): string | null {
  const len = word.length;
  if (len < 5 || len > longest + 2 || EXACT.has(word) || NOT_MISSPELT.has(word)) return null;
  const known = memo.get(word);
  if (known !== undefined) return known;
  const answer = lookUp(word, len);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, answer);
  return answer;
}

function lookUp(word: string, len: number): string | null {
  const mask = letterMask(word);
  let best: string | null = null;
  let bestDistance = 3;
  for (let l = len - 2; l <= len + 2; l++) {
    const terms = byLength[l];
    if (!terms) continue;
    for (const term of terms) {
      // The word's own length and the term's both bound the distance allowed.
      const limit = BRANDS.has(term.word) && len >= 6 ? 2 : Math.min(term.max, maxDistance(len));
      if (limit === 0 || Math.abs(l - len) > limit) continue;
      // Each edit changes at most two letters of the letter set.
      if (popcount(mask ^ term.mask) > 2 * limit) continue;
      const d = boundedDistance(word, term.word, limit);
      if (d <= limit && d < bestDistance) {
        best = term.word;
        bestDistance = d;
      }
    }
  }
  return best;
}
