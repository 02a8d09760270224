// Reads the free-text complaint for red flags and contraindications. Words are matched against the
// lexicon's concepts (longest phrase first), negation scopes are marked NegEx-style, and a rule fires
// when its concepts are mentioned, un-negated, close together in one sentence: word order and case do
// not matter ("calf swollen and hot", "Hot, swollen calf"). Everything is compiled once at load.
import type { ConditionCode } from '../catalog/catalog.conditions';
import { REGION_CODES, REGIONS, type RegionCode } from '../catalog/catalog.regions';
import { CONCEPTS, SIDE_WORDS, TEXT_RULES, type LexiconConcept } from './complaint.lexicon';
import { markNegation } from './complaint.negation';
import { tokenize, WORD, type Tokens } from './complaint.tokenizer';

export interface ComplaintMatch {
  code: ConditionCode | 'trauma';
  /** The matched words as the patient or therapist wrote them. */
  evidence: string;
  region: RegionCode | null;
  side: 'left' | 'right' | 'bilateral' | null;
}

interface Phrase {
  words: string[];
  prefix: boolean[];
  concepts: number[];
}

// ---- compile the lexicon -------------------------------------------------------------------------

const conceptIds = new Map<string, number>();
const conceptRegion: (RegionCode | null)[] = [];
const conceptSide: ('left' | 'right' | 'bilateral' | null)[] = [];
const phrasesByText = new Map<string, Phrase>();

function conceptId(name: string, region: RegionCode | null = null, side: 'left' | 'right' | 'bilateral' | null = null): number {
  let id = conceptIds.get(name);
  if (id === undefined) {
    id = conceptIds.size;
    conceptIds.set(name, id);
    conceptRegion.push(region);
    conceptSide.push(side);
  }
  return id;
}

function addPhrase(text: string, concept: number): void {
  const existing = phrasesByText.get(text);
  if (existing) {
    if (!existing.concepts.includes(concept)) existing.concepts.push(concept);
    return;
  }
  const raw = text.split(' ');
  phrasesByText.set(text, {
    words: raw.map((w) => (w.endsWith('*') ? w.slice(0, -1) : w).replace(/'/g, '').replace(/-/g, ' ')),
    prefix: raw.map((w) => w.endsWith('*')),
    concepts: [concept],
  });
}

for (const name of Object.keys(CONCEPTS) as LexiconConcept[]) {
  const id = conceptId(name);
  for (const text of CONCEPTS[name]) addPhrase(text.replace(/-/g, ' '), id);
}
for (const region of REGION_CODES) {
  const id = conceptId(`region:${region}`, region);
  for (const term of REGIONS[region].terms) addPhrase(term, id);
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
// Longest phrase first, so "no feeling" (a symptom) wins over "no" (a negation) and "upper back" over "back".
for (const list of exactFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
for (const list of prefixFirst.values()) list.sort((a, b) => b.phrase.words.length - a.phrase.words.length);

interface CompiledRule {
  code: ConditionCode | 'trauma';
  all: number[];
  some: { of: number[]; min: number } | null;
  none: number[];
  window: number;
  region: 'optional' | 'required' | 'forbidden' | null;
}

const RULES: CompiledRule[] = TEXT_RULES.map((r) => ({
  code: r.code,
  all: r.all.map((c) => conceptId(c)),
  some: r.some ? { of: r.some.of.map((c) => conceptId(c)), min: r.some.min } : null,
  none: (r.none ?? []).map((c) => conceptId(c)),
  window: r.window ?? 10,
  region: r.region ?? null,
}));

// ---- match concepts ------------------------------------------------------------------------------

interface Occurrence {
  concepts: number[];
  from: number;
  to: number;
  sentence: number;
  negated: boolean;
}

function matchPhraseAt(t: Tokens, i: number, phrase: Phrase): number {
  const len = phrase.words.length;
  for (let k = 0; k < len; k++) {
    const j = i + k;
    if (j >= t.words.length || t.kind[j] !== WORD) return 0;
    const w = t.words[j] as string;
    const p = phrase.words[k] as string;
    if (phrase.prefix[k] ? !w.startsWith(p) : w !== p) return 0;
  }
  return len;
}

function findOccurrences(t: Tokens, consumed: Uint8Array): Occurrence[] {
  const found: Occurrence[] = [];
  const n = t.words.length;
  let i = 0;
  while (i < n) {
    if (t.kind[i] !== WORD) {
      i++;
      continue;
    }
    const w = t.words[i] as string;
    let best: Phrase | null = null;
    let bestLen = 0;
    for (const phrase of exactFirst.get(w) ?? NO_PHRASES) {
      if (phrase.words.length <= bestLen) break;
      const len = matchPhraseAt(t, i, phrase);
      if (len > bestLen) {
        best = phrase;
        bestLen = len;
      }
    }
    for (const { stem, phrase } of prefixFirst.get(stemKey(w)) ?? NO_STEMS) {
      if (phrase.words.length <= bestLen) break;
      if (!w.startsWith(stem)) continue;
      const len = matchPhraseAt(t, i, phrase);
      if (len > bestLen) {
        best = phrase;
        bestLen = len;
      }
    }
    if (best) {
      found.push({ concepts: best.concepts, from: i, to: i + bestLen, sentence: t.sentence[i] as number, negated: false });
      for (let k = i; k < i + bestLen; k++) consumed[k] = 1;
      i += bestLen;
    } else {
      i++;
    }
  }
  return found;
}

// ---- apply the rules -----------------------------------------------------------------------------

function allMentioned(byConcept: Occurrence[][], concepts: number[]): boolean {
  for (const c of concepts) if (byConcept[c] === undefined) return false;
  return true;
}

function nearest(byConcept: Occurrence[][], concept: number, anchor: Occurrence): Occurrence | null {
  let best: Occurrence | null = null;
  let bestDistance = Infinity;
  for (const o of byConcept[concept] ?? []) {
    if (o.sentence !== anchor.sentence) continue;
    const d = Math.abs(o.from - anchor.from);
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

function locate(byRegion: Occurrence[], bySide: Occurrence[], anchor: Occurrence): { region: Occurrence; side: Occurrence | null } | null {
  let region: Occurrence | null = null;
  let bestDistance = 9;
  for (const o of byRegion) {
    if (o.sentence !== anchor.sentence) continue;
    const d = Math.abs(o.from - anchor.from);
    if (d < bestDistance) {
      region = o;
      bestDistance = d;
    }
  }
  if (!region) return null;
  let side: Occurrence | null = null;
  for (const o of bySide) if (o.sentence === region.sentence && o.to <= region.from && region.from - o.to <= 2) side = o;
  return { region, side };
}

/** Finds red flags, contraindications and trauma mentions in a complaint; negated mentions do not count. */
export function readComplaint(text: string): ComplaintMatch[] {
  const t = tokenize(text);
  const consumed = new Uint8Array(t.words.length);
  const occurrences = findOccurrences(t, consumed);
  if (occurrences.length === 0) return [];
  const negated = markNegation(t, consumed, occurrences);
  const byConcept: Occurrence[][] = new Array(CONCEPT_COUNT);
  const byRegion: Occurrence[] = [];
  const bySide: Occurrence[] = [];
  for (const o of occurrences) {
    o.negated = negated[o.from] === 1;
    if (o.negated) continue;
    for (const c of o.concepts) {
      (byConcept[c] ??= []).push(o);
      if (conceptRegion[c] !== null) byRegion.push(o);
      if (conceptSide[c] !== null) bySide.push(o);
    }
  }

  const matches: ComplaintMatch[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    if (!allMentioned(byConcept, rule.all)) continue;
    const anchors = byConcept[rule.all[0] as number] as Occurrence[];
    for (const anchor of anchors) {
      const used: Occurrence[] = [anchor];
      let ok = true;
      for (let k = 1; k < rule.all.length && ok; k++) {
        const o = nearest(byConcept, rule.all[k] as number, anchor);
        if (o) used.push(o);
        else ok = false;
      }
      if (ok && rule.some) {
        let count = 0;
        for (const c of rule.some.of) {
          const o = nearest(byConcept, c, anchor);
          if (o && Math.abs(o.from - anchor.from) <= rule.window) {
            count++;
            used.push(o);
          }
        }
        ok = count >= rule.some.min;
      }
      if (!ok) continue;
      let from = Infinity;
      let to = -1;
      for (const o of used) {
        if (o.from < from) from = o.from;
        if (o.to > to) to = o.to;
      }
      if (to - 1 - from > rule.window) continue;
      if (rule.none.some((c) => (byConcept[c] ?? []).some((o) => o.sentence === anchor.sentence))) continue;
      let region: RegionCode | null = null;
      let side: ComplaintMatch['side'] = null;
      if (rule.region !== null) {
        const place = locate(byRegion, bySide, anchor);
        if (rule.region === 'required' && !place) continue;
        if (rule.region === 'forbidden' && place) continue;
        if (place && rule.region !== 'forbidden') {
          region = place.region.concepts.map((c) => conceptRegion[c]).find((r) => r !== null) ?? null;
          side = place.side ? (place.side.concepts.map((c) => conceptSide[c]).find((s) => s !== null) ?? null) : null;
          from = Math.min(from, place.side?.from ?? place.region.from, place.region.from);
          to = Math.max(to, place.region.to);
        }
      }
      const key = `${rule.code}|${region ?? ''}|${side ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ code: rule.code, evidence: t.text.slice(t.start[from], t.end[to - 1]), region, side });
      if (rule.region === null) break;
    }
  }
  return matches;
}
