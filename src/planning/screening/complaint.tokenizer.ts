// Splits a complaint into lower-case words and clause breaks, keeping each word's place in the text so
// that evidence can quote it as written. Apostrophes are dropped ("can't" → "cant"), hyphens split, and a
// letter/letter shorthand is one word ("B/L" → "bl"). A clinician's arrow is a word of its own, the same
// word whatever arrow is drawn: "↓ saddle sensation", "Wt ↓ 7kg", "calf ↑ girth".

export const WORD = 0;
export const COMMA = 1;
export const STOP = 2;

export interface Tokens {
  text: string;
  words: string[];
  kind: number[];
  start: number[];
  end: number[];
  sentence: number[];
}

/** The arrows notes write for "less" and "more", each as the word the lexicon knows it by. */
const ARROWS: ReadonlyMap<number, string> = new Map([
  [0x2193, '↓'],
  [0x21d3, '↓'],
  [0x2b07, '↓'],
  [0x2198, '↓'],
  [0x2191, '↑'],
  [0x21d1, '↑'],
  [0x2b06, '↑'],
  [0x2197, '↑'],
]);

function classify(c: number): number {
  // 0 other, 1 letter, 2 digit, 3 apostrophe, 4 sentence stop, 5 clause break, 6 arrow
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1;
  if (ARROWS.has(c)) return 6;
  if (c >= 0x2000 && c <= 0x206f) {
    if (c === 0x2019) return 3;
    if (c === 0x2026) return 4;
    return c === 0x2013 || c === 0x2014 ? 5 : 0;
  }
  // "BP 184/112 → amlodipine increased": what an arrow to the right leads to is a clause of its own.
  if (c === 0x2192 || c === 0x21d2) return 5;
  if (c === 0x2bc) return 3;
  if (c > 191) return 1;
  if (c >= 48 && c <= 57) return 2;
  if (c === 39) return 3;
  if (c === 46 || c === 33 || c === 63 || c === 59 || c === 10) return 4;
  if (c === 44 || c === 58 || c === 40 || c === 41 || c === 34 || c === 47) return 5;
  return 0;
}
// The classes of the first 256 code points, looked up rather than computed for each character.
const LATIN = Uint8Array.from({ length: 256 }, (_, c) => classify(c));
const charClass = (c: number): number => (c < 256 ? (LATIN[c] as number) : classify(c));

function slice(text: string, lower: string | null, from: number, to: number): string {
  return lower !== null ? lower.slice(from, to) : text.slice(from, to).toLowerCase();
}

const YES_WITH_DETAIL = /^[^\S\n]*(?:a[^\S\n]*[:-][^\S\n]*)?(?:yes|y)\b[^\S\n]*[,:\-\u2013\u2014]?[^\S\n]*[a-z0-9(]/i;

const FIRST_WORD = /^[^\S\n]*([A-Za-z][A-Za-z']*)/;
/** A form's "no" and "not sure" answers: the question's words are denied, or left uncertain. */
export const FORM_NO: ReadonlySet<string> = new Set(['no', 'none', 'nil', 'never', 'nope', 'na', 'negative', 'neg', 'nothing', 'n']);
export const FORM_UNSURE: ReadonlySet<string> = new Set(['unsure', 'maybe', 'possibly', 'perhaps']);
const NOT_AN_ANSWER = new Set(['yes', 'y', 'a', 'not', 'dont', "don't", 'q']);

/**
 * Whether a question is answered on its own line by more than yes or no ("Lost weight? Yes — on purpose",
 * "Bowel problems? IBS for years"): the answer then qualifies what was asked, in one sentence with it.
 */
function answersInWords(text: string, from: number): boolean {
  if (YES_WITH_DETAIL.test(text.slice(from, from + 48))) return true;
  const first = FIRST_WORD.exec(text.slice(from, from + 48))?.[1]?.toLowerCase();
  return first !== undefined && !FORM_NO.has(first) && !FORM_UNSURE.has(first) && !NOT_AN_ANSWER.has(first);
}

/**
 * Whether a "#" is the clinician's fracture ("# NOF", "#L wrist", "L distal radius # 22/10"): not a number
 * sign ("#2", "room #4") nor a hashtag ("#backpain").
 */
function fractureHash(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13) return i > 0 || !Number.isNaN(next);
  return next >= 65 && next <= 90;
}

/** Whether a spaced dash stands between token `j - 1` and token `j` ("calf swollen - no fever"): it ends a clause. */
export function dashBefore(t: Tokens, j: number): boolean {
  return j > 0 && SPACED_DASH.test(t.text.slice(t.end[j - 1], t.start[j]));
}
const SPACED_DASH = /\s[-\u2013\u2014]\s/;

/** Whether word `j` is written with a capital, as a name or a place is ("Mrs Kowalski", "the flight back from Sofia"). */
export function capitalised(t: Tokens, j: number): boolean {
  const c = t.text.charCodeAt(t.start[j] as number);
  return c >= 65 && c <= 90;
}

/** The words and breaks of a text, in order. */
export function tokenize(text: string): Tokens {
  const t: Tokens = { text, words: [], kind: [], start: [], end: [], sentence: [] };
  // Lower-casing can change the length of some scripts; then each word is lower-cased on its own.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : null;
  let sentence = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === 1 || cls === 2) {
      const start = i;
      let word = '';
      let segment = i;
      while (i < n) {
        const k = charClass(text.charCodeAt(i));
        if (k === 3 && i + 1 < n && charClass(text.charCodeAt(i + 1)) === 1) {
          word += slice(text, source, segment, i);
          segment = i + 1;
        } else if (k !== cls && !(k === 4 && text.charCodeAt(i) === 46 && cls === 2 && i + 1 < n && charClass(text.charCodeAt(i + 1)) === 2)) {
          break;
        }
        i++;
      }
      word += slice(text, source, segment, i);
      // Clinical shorthand of two letters around a slash is one word: "B/L" → "bl", "c/o" → "co", "h/o" → "ho".
      if (
        cls === 1 &&
        i - start === 1 &&
        i + 2 < n + 1 &&
        text.charCodeAt(i) === 47 &&
        charClass(text.charCodeAt(i + 1)) === 1 &&
        (i + 2 >= n || charClass(text.charCodeAt(i + 2)) !== 1)
      ) {
        word += slice(text, source, i + 1, i + 2);
        i += 2;
      } else if (cls === 1 && i - start === 1 && word === 'w' && text.charCodeAt(i) === 47) {
        // "off w/ flu": the shorthand for "with", not a clause break.
        word = 'with';
        i += 1;
      }
      t.words.push(word);
      t.kind.push(WORD);
      t.start.push(start);
      t.end.push(i);
      t.sentence.push(sentence);
    } else if (text.charCodeAt(i) === 35 && fractureHash(text, i)) {
      t.words.push('fracture');
      t.kind.push(WORD);
      t.start.push(i);
      t.end.push(i + 1);
      t.sentence.push(sentence);
      i++;
    } else if (text.charCodeAt(i) === 45 && text.charCodeAt(i + 1) === 62) {
      // "warfarin stopped 03/2023 -> switched to Eliquis": an arrow typed as "->" leads to a clause of its own, as "→" does.
      t.words.push('');
      t.kind.push(COMMA);
      t.start.push(i);
      t.end.push(i + 2);
      t.sentence.push(sentence);
      i += 2;
    } else if (cls === 6) {
      t.words.push(ARROWS.get(text.charCodeAt(i)) as string);
      t.kind.push(WORD);
      t.start.push(i);
      t.end.push(i + 1);
      t.sentence.push(sentence);
      i++;
    } else if (cls === 4 || cls === 5) {
      // A question answered yes with more to say ("Lost weight? Yes — on purpose") is one sentence with its
      // answer, so that what the answer adds qualifies what was asked.
      const stop = cls === 4 && !(text.charCodeAt(i) === 63 && answersInWords(text, i + 1));
      t.words.push('');
      t.kind.push(stop ? STOP : COMMA);
      t.start.push(i);
      t.end.push(i + 1);
      t.sentence.push(sentence);
      if (stop) sentence++;
      i++;
    } else {
      i++;
    }
  }
  return t;
}

/** Whether the words at `i` are exactly `words`. */
export function matchWordsAt(t: Tokens, i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const j = i + k;
    if (j >= t.words.length || t.kind[j] !== WORD || t.words[j] !== words[k]) return false;
  }
  return true;
}
