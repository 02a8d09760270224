// NegEx-style negation (Chapman 2001): a trigger ("no", "denies", "without"…) negates the words after it
// until the clause ends; a few ("denied", "resolved") look back instead. Phrases that the lexicon
// already read as symptoms ("no feeling", "can't hold") are never triggers.
import { NEGATION } from './complaint.lexicon';
import { COMMA, matchWordsAt, STOP, WORD, type Tokens } from './complaint.tokenizer';

/** The words a concept occupies. */
export interface Span {
  from: number;
  to: number;
}

const toWordLists = (phrases: readonly string[]) => phrases.map((p) => p.split(' '));
const PRE = toWordLists(NEGATION.pre).sort((a, b) => b.length - a.length);
const POST = toWordLists(NEGATION.post).sort((a, b) => b.length - a.length);
const PSEUDO = toWordLists(NEGATION.pseudo);
const TRIGGER_WORDS = new Set([...PRE, ...POST, ...PSEUDO].map((p) => p[0] as string));
const TERMINATORS = new Set<string>(NEGATION.terminators);
const CLAUSE_STARTERS = new Set<string>(NEGATION.clauseStarters);
const VERBS = new Set<string>(NEGATION.verbs);

/** Whether the comma at `comma` continues a list ("denies fever, chills or sweats") rather than starting a clause. */
function listContinues(t: Tokens, comma: number): boolean {
  let words = 0;
  let hasOr = false;
  let j = comma + 1;
  while (t.kind[j] === WORD && (t.words[j] === 'and' || t.words[j] === 'or' || t.words[j] === 'nor')) j++;
  for (; j < t.words.length && t.kind[j] === WORD; j++) {
    const w = t.words[j] as string;
    if (VERBS.has(w)) return false;
    if (w === 'or' || w === 'nor') hasOr = true;
    words++;
  }
  return words <= 3 || (hasOr && words <= 5);
}

function firstMatch(t: Tokens, i: number, phrases: string[][]): string[] | null {
  for (const p of phrases) if (matchWordsAt(t, i, p)) return p;
  return null;
}

/** One flag per token: 1 where the token lies in a negation's scope. `consumed` marks words read as concepts. */
export function markNegation(t: Tokens, consumed: Uint8Array, occurrences: Span[]): Uint8Array {
  const n = t.words.length;
  const negated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== WORD || consumed[i] || !TRIGGER_WORDS.has(t.words[i] as string)) continue;
    if (firstMatch(t, i, PSEUDO)) continue;
    const post = firstMatch(t, i, POST);
    const pre = firstMatch(t, i, PRE);
    // A word that can go either way ("denied") looks back when a concept precedes it in its clause.
    if (post && (!pre || conceptBefore(t, occurrences, i))) {
      for (let j = i - 1, count = 0; j >= 0 && t.kind[j] === WORD && count < 6; j--, count++) negated[j] = 1;
      continue;
    }
    if (!pre) continue;
    let words = 0;
    for (let j = i + pre.length; j < n; j++) {
      const kind = t.kind[j];
      if (kind === STOP) break;
      if (kind === COMMA) {
        if (!listContinues(t, j)) break;
        continue;
      }
      const w = t.words[j] as string;
      if (!consumed[j] && TERMINATORS.has(w)) break;
      if (w === 'and' && j + 1 < n && CLAUSE_STARTERS.has(t.words[j + 1] as string)) break;
      negated[j] = 1;
      if (++words >= NEGATION.maxScopeWords) break;
    }
  }
  return negated;
}

function conceptBefore(t: Tokens, occurrences: Span[], i: number): boolean {
  let clauseStart = i;
  while (clauseStart > 0 && t.kind[clauseStart - 1] === WORD) clauseStart--;
  return occurrences.some((o) => o.from >= clauseStart && o.to <= i);
}
