// Vital signs written in the complaint: blood pressure ("BP 190/115", "B/P 182/96", "190 over 115"),
// temperature ("temp 38.9", "T 38.2C", "101.5F", "fever of 39") and heart rate ("HR 112", "pulse 44").
// The thresholds are those of screening.vitals (ACC/AHA 2017, fever from 38.0 °C, heart rate outside
// 50–100): a number in the text is judged exactly as the same number in screening.vitals. The
// evidence is the matched text.
import type { ConditionCode } from '../catalog/catalog.conditions';
import { bloodPressureCode, VITAL_THRESHOLDS } from './screening.vitals';
import { anotherPersonsAtEnd } from './complaint.negation';
import { COMMA as TOKEN_COMMA, STOP as TOKEN_STOP, tokenize, WORD as TOKEN_WORD, type Tokens } from './complaint.tokenizer';
// Imported bindings are read once: a module namespace read costs a getter call in the hot loops.
const K_COMMA = TOKEN_COMMA;
const K_STOP = TOKEN_STOP;
const K_WORD = TOKEN_WORD;

export interface VitalMatch {
  code: ConditionCode;
  from: number;
  to: number;
}

const BP_ANCHORS: string[][] = [['bp'], ['blood', 'pressure'], ['b', '/', 'p'], ['nibp'], ['sbp'], ['abp']];
const TEMP_ANCHORS: string[][] = [['temp'], ['temperature'], ['t'], ['fever'], ['febrile'], ['pyrexia'], ['pyrexial'], ['temps']];
const HR_ANCHORS: string[][] = [
  ['hr'],
  ['pr'],
  ['pulse', 'rate', 'pr'],
  ['heart', 'rate'],
  ['pulse'],
  ['pulse', 'rate'],
  ['resting', 'hr'],
  ['resting', 'heart', 'rate'],
  ['rhr'],
];
// Words allowed between an anchor and its number ("BP was 190/115", "fever of 39", "pulse is about 44").
const FILLER = new Set([
  'of',
  'was',
  'is',
  'at',
  'reading',
  'today',
  'measured',
  'around',
  'about',
  'approx',
  'approximately',
  'taken',
  'recorded',
  'up',
  'to',
  'on',
  'arrival',
  'been',
  'has',
  'a',
  'high',
  'rate',
  'reads',
  'read',
  'were',
  'resting',
  'sitting',
  'the',
  'clinic',
  'in',
  'over',
  'nearly',
  'this',
  'morning',
  'elevated',
  'raised',
  'high',
]);

const isNumber = (w: string) => {
  const c = w.charCodeAt(0);
  return c >= 48 && c <= 57;
};
const isDigits = (t: Tokens, j: number) => j < t.words.length && t.kind[j] === K_WORD && isNumber(t.words[j] as string);
const charAt = (t: Tokens, j: number) => t.text.charCodeAt(t.start[j] as number);

const ANCHOR_FIRST = new Set([...BP_ANCHORS, ...TEMP_ANCHORS, ...HR_ANCHORS].map((a) => a[0] as string));

/** The anchor at `i`, as the index after it, or -1. `/` in an anchor is a break written as a slash. */
function anchorEnd(t: Tokens, i: number, anchors: string[][]): number {
  if (!ANCHOR_FIRST.has(t.words[i] as string)) return -1;
  for (const a of anchors) {
    let j = i;
    let ok = true;
    for (const w of a) {
      if (w === '/') {
        if (t.kind[j] !== K_COMMA || charAt(t, j) !== 47) ok = false;
      } else if (t.kind[j] !== K_WORD || t.words[j] !== w) ok = false;
      if (!ok) break;
      j++;
    }
    if (ok) return j;
  }
  return -1;
}

/** The first number after an anchor, skipping filler words and colons; its index or -1. */
function numberAfter(t: Tokens, j: number): number {
  for (let k = 0; k < 4 && j < t.words.length; k++, j++) {
    if (t.kind[j] === K_WORD) {
      const w = t.words[j] as string;
      if (isNumber(w)) return j;
      if (!FILLER.has(w)) return -1;
    } else if (t.kind[j] !== K_COMMA || charAt(t, j) === 44) return -1;
  }
  return -1;
}

/** The diastolic number of "190/115" or "190 over 115" after the systolic at `j`, or -1. */
function diastolicAfter(t: Tokens, j: number): number {
  if (t.kind[j + 1] === K_COMMA && charAt(t, j + 1) === 47 && isDigits(t, j + 2)) return j + 2;
  if (t.kind[j + 1] === K_WORD && t.words[j + 1] === 'over' && isDigits(t, j + 2)) return j + 2;
  return -1;
}

function plausibleBp(sys: number, dia: number): boolean {
  return sys >= 70 && sys <= 300 && dia >= 30 && dia <= 200 && sys > dia;
}

/** The temperature unit after the number at `j`: its last index and 'c' / 'f' / null. */
function unitAfter(t: Tokens, j: number): { end: number; unit: 'c' | 'f' | null } {
  let k = j + 1;
  let end = j;
  if (t.kind[k] === K_WORD && (t.words[k] === 'degrees' || t.words[k] === 'deg')) {
    end = k;
    k++;
  }
  if (t.kind[k] === K_WORD && (t.words[k] === 'c' || t.words[k] === 'celsius' || t.words[k] === 'centigrade')) return { end: k, unit: 'c' };
  if (t.kind[k] === K_WORD && (t.words[k] === 'f' || t.words[k] === 'fahrenheit')) return { end: k, unit: 'f' };
  return { end, unit: null };
}

function celsius(value: number, unit: 'c' | 'f' | null): number | null {
  if (unit === 'f' || (unit === null && value >= 90 && value <= 113)) return ((value - 32) * 5) / 9;
  if (value >= 30 && value <= 45) return value;
  return null;
}

/** A blood-pressure reading that starts at word `i` ("BP 150/95", "190 over 115", a plausible bare "150/95"), or null. */
function bloodPressureAt(t: Tokens, i: number, used: readonly number[]): { sys: number; dia: number; sysAt: number; diaAt: number } | null {
  const end = anchorEnd(t, i, BP_ANCHORS);
  const sysAt = end >= 0 ? numberAfter(t, end) : isNumber(t.words[i] as string) ? i : -1;
  if (sysAt < 0 || used[sysAt]) return null;
  const diaAt = diastolicAfter(t, sysAt);
  if (diaAt < 0) return null;
  const sys = Number(t.words[sysAt]);
  const dia = Number(t.words[diaAt]);
  // A bare "x/y" is read as a pressure only when it is plausible and not a score out of ten or a date.
  return plausibleBp(sys, dia) && (end >= 0 || (sys >= 90 && dia >= 40)) ? { sys, dia, sysAt, diaAt } : null;
}

// Breaks that end the clause a reading is told in: ", - ; : – —" ("came with mum: BP 190/115" is the patient's).
const CLAUSE_BREAKS = new Set([44, 45, 58, 59, 8211, 8212]);
// A person who reports or takes the patient's reading ("wife says BP 190/115", "mum took BP: 188/104"):
// the reading stays the patient's, the safer reading.
const TOLD_BY = new Set(['says', 'said', 'noticed', 'thinks', 'reports', 'reported', 'took', 'measured', 'found', 'mine']);

/**
 * Whether the reading at word `from` is told of another person ("mum's been running 190/100", "dad's BP
 * 200/110"): a person named in its clause before it, and not the patient again after them (the
 * operations' and conditions' test). Someone else's numbers are not the patient's vital signs.
 */
function toldOfAnother(t: Tokens, from: number): boolean {
  let j = from - 1;
  for (; j >= 0; j--) {
    if (t.kind[j] === K_STOP) break;
    // "her toddler, who has had a fever of 39.2": a relative clause is still about the person before it.
    if (t.kind[j] === K_COMMA && CLAUSE_BREAKS.has(charAt(t, j)) && !(charAt(t, j) === 44 && RELATIVES.has(t.words[j + 1] ?? ''))) break;
  }
  const start = j < 0 ? 0 : (t.end[j] as number);
  if (start >= (t.start[from] as number)) return false;
  const clause = tokenize(t.text.slice(start, t.start[from]));
  if (clause.words.some((w) => TOLD_BY.has(w))) return false;
  return anotherPersonsAtEnd(clause);
}

const RELATIVES = new Set(['who', 'whose']);
const SETTLED = new Set(['settled', 'settling', 'dropped', 'rechecked']);
const heartRateCode = (rate: number): ConditionCode | null =>
  rate > VITAL_THRESHOLDS.heartRateHigh || rate < VITAL_THRESHOLDS.heartRateLow ? 'abnormal_heart_rate' : null;

/** Whether the text writes a blood-pressure reading, of any value: a measured pressure, not one to measure. */
export function readsBloodPressure(t: Tokens): boolean {
  const none: number[] = [];
  for (let i = 0; i < t.words.length; i++) if (t.kind[i] === K_WORD && bloodPressureAt(t, i, none) && !toldOfAnother(t, i)) return true;
  return false;
}

interface Reading {
  /** 0 pressure, 1 temperature, 2 heart rate. */
  kind: number;
  /** The finding the reading raises; null for a normal one. */
  code: ConditionCode | null;
  from: number;
  to: number;
}
const NO_READINGS: Reading[] = [];

/** Vital signs in the text, with the token span that states each. */
export function readVitals(t: Tokens): VitalMatch[] {
  const found: VitalMatch[] = [];
  for (const r of currentReadings(t)) if (r.code) found.push({ code: r.code, from: r.from, to: r.to });
  return found;
}

/**
 * "BP today 128/82 seated": a blood pressure measured now and normal, with no raised reading told anywhere in
 * the text ("BP 130/80 today, but 220/130 at the GP last week" keeps the raised one).
 */
export function normalBloodPressureNow(t: Tokens): boolean {
  const pressures = allReadings(t).filter((r) => r.kind === 0);
  return pressures.length > 0 && pressures.every((r) => r.code === null) && pressures.some((r) => toldAsCurrent(t, r.from, r.to));
}

/** Every reading of the text, normal ones too; where one of a kind is told as today's, the others of that kind are past. */
function currentReadings(t: Tokens): Reading[] {
  const readings = allReadings(t);
  // "BP was 190/110 last year before ramipril … 132/84 in clinic today", "temperature of 39 two weeks ago …
  // 36.7 measured today": where a reading of a kind is told as today's, the others of that kind are past.
  for (let kind = 0; kind < 3; kind++) {
    const current = readings.filter((r) => r.kind === kind && toldAsCurrent(t, r.from, r.to));
    if (current.length === 0) continue;
    for (let k = readings.length - 1; k >= 0; k--) {
      const r = readings[k] as Reading;
      if (r.kind === kind && !current.includes(r)) readings.splice(k, 1);
    }
  }
  return readings;
}

/** Every reading of the text, normal ones too (kind 0 pressure, 1 temperature, 2 heart rate). */
function allReadings(t: Tokens): Reading[] {
  const n = t.words.length;
  let hasNumber = false;
  for (let i = 0; i < n && !hasNumber; i++) if (t.kind[i] === K_WORD && isNumber(t.words[i] as string)) hasNumber = true;
  if (!hasNumber) return NO_READINGS;
  const used = new Array<number>(n).fill(0);
  const readings: Reading[] = [];
  for (let i = 0; i < n; i++) {
    if (t.kind[i] !== K_WORD) continue;
    const w = t.words[i] as string;
    // A systolic told alone ("systolic 190 today, lower number not caught"): its band decides.
    if (w === 'systolic' || w === 'sbp') {
      const sysAt = numberAfter(t, i + 1);
      const sys = sysAt >= 0 ? Number(t.words[sysAt]) : NaN;
      if (sysAt >= 0 && !used[sysAt] && diastolicAfter(t, sysAt) < 0 && sys >= 70 && sys <= 300) {
        if (!toldOfAnother(t, i)) readings.push({ kind: 0, code: bloodPressureCode(sys, undefined), from: i, to: sysAt + 1 });
        used[sysAt] = 1;
        continue;
      }
    }
    // Blood pressure, with or without an anchor.
    const bp = bloodPressureAt(t, i, used);
    if (bp) {
      const code = bloodPressureCode(bp.sys, bp.dia);
      if (!toldOfAnother(t, i)) readings.push({ kind: 0, code, from: i, to: bp.diaAt + 1 });
      used[bp.sysAt] = 1;
      used[bp.diaAt] = 1;
      continue;
    }
    // Temperature.
    let end = anchorEnd(t, i, TEMP_ANCHORS);
    const tempAt = end >= 0 ? numberAfter(t, end) : isNumber(w) && !used[i] ? i : -1;
    if (tempAt >= 0 && !used[tempAt] && diastolicAfter(t, tempAt) < 0) {
      const { end: last, unit } = unitAfter(t, tempAt);
      // A bare number is a temperature only with its unit ("38.9C", "101.5 F") or told as measured ("36.7 measured today").
      if (end >= 0 || unit !== null || measuredTemperature(t, tempAt)) {
        const c = celsius(Number(t.words[tempAt]), unit);
        if (c !== null) {
          // "If temp > 38, call the GP": a threshold written with its comparison is no measurement.
          const threshold = /[<>≥≤]\s*$/.test(t.text.slice(tempAt > 0 ? (t.end[tempAt - 1] as number) : 0, t.start[tempAt]));
          if (!threshold && !toldOfAnother(t, i)) readings.push({ kind: 1, code: c >= VITAL_THRESHOLDS.feverC ? 'fever' : null, from: i, to: last + 1 });
          used[tempAt] = 1;
          continue;
        }
      }
    }
    // "Pulse 112 after the stairs; settled to 72": a later reading of the kind just told, without its anchor.
    if (SETTLED.has(w) && readings.length > 0) {
      const k = t.words[i + 1] === 'to' || t.words[i + 1] === 'at' ? i + 2 : i + 1;
      const last = readings[readings.length - 1] as (typeof readings)[number];
      if (last.kind === 2 && isNumber(t.words[k] ?? '') && !used[k] && (t.sentence[k] as number) - (t.sentence[last.from] as number) <= 1) {
        const rate = Number(t.words[k]);
        readings.push({ kind: 2, code: heartRateCode(rate), from: i, to: k + 1 });
        used[k] = 1;
        continue;
      }
    }
    // Heart rate.
    end = anchorEnd(t, i, HR_ANCHORS);
    let rateAt = end >= 0 ? numberAfter(t, end) : -1;
    let last = rateAt;
    if (rateAt < 0 && isNumber(w) && !used[i] && t.kind[i + 1] === K_WORD && (t.words[i + 1] === 'bpm' || t.words[i + 1] === 'beats')) {
      rateAt = i;
      last = i + 1;
    }
    if (rateAt >= 0 && !used[rateAt] && diastolicAfter(t, rateAt) < 0) {
      const rate = Number(t.words[rateAt]);
      if (rate >= 20 && rate <= 250) {
        if (t.kind[rateAt + 1] === K_WORD && t.words[rateAt + 1] === 'bpm') last = rateAt + 1;
        if (!toldOfAnother(t, i))
          readings.push({
            kind: 2,
            code: heartRateCode(rate),
            from: i,
            to: last + 1,
          });
        used[rateAt] = 1;
      }
    }
  }
  return readings;
}

// A discharge summary's reading "on discharge" is the latest of its kind, later than the one "on admission".
// "Settled to 72 after five minutes sitting", "repeat 184/102": the later, resting reading is the one that counts.
const CURRENT_WORDS = new Set(['today', 'now', 'currently', 'tonight', 'presently', 'todays', 'discharge', 'settled', 'repeat', 'rechecked', 'resting']);
/**
 * Whether the clause of a reading tells it as today's ("132/84 in clinic today", "36.7 this morning"), or a
 * heading before a colon does ("Obs today: BP 136/84").
 */
function toldAsCurrent(t: Tokens, from: number, to: number): boolean {
  let j = from - 1;
  for (; j >= 0 && t.kind[j] !== K_STOP && !(t.kind[j] === K_COMMA && CLAUSE_BREAKS.has(charAt(t, j))); j--)
    if (t.kind[j] === K_WORD && currentAt(t, j)) return true;
  if (j >= 0 && t.kind[j] === K_COMMA && charAt(t, j) === 58) for (let k = j - 1; k >= 0 && t.kind[k] === K_WORD; k--) if (currentAt(t, k)) return true;
  for (let j = from; j < t.words.length && t.kind[j] !== K_STOP && !(j >= to && t.kind[j] === K_COMMA && CLAUSE_BREAKS.has(charAt(t, j))); j++)
    if (t.kind[j] === K_WORD && currentAt(t, j)) return true;
  return false;
}
const currentAt = (t: Tokens, j: number) => CURRENT_WORDS.has(t.words[j] as string) || (t.words[j] === 'morning' && j > 0 && t.words[j - 1] === 'this');

const MEASURED = new Set(['measured', 'today', 'taken', 'thermometer', 'afebrile', 'orally', 'oral', 'tympanic']);
/** A bare decimal told as measured ("36.7 measured today", "temp taken, 37.2"): a body temperature. */
function measuredTemperature(t: Tokens, j: number): boolean {
  const w = t.words[j] as string;
  const v = Number(w);
  if (!w.includes('.') || !(v >= 34 && v <= 43)) return false;
  return (t.kind[j + 1] === K_WORD && MEASURED.has(t.words[j + 1] as string)) || (j > 0 && t.kind[j - 1] === K_WORD && MEASURED.has(t.words[j - 1] as string));
}

/** Counts written as words, as times are told ("three weeks ago", "a couple of days"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  couple: 2,
  few: 3,
};
const DECADES: Record<string, number> = { sixties: 60, seventies: 70, eighties: 80, nineties: 90 };
// "82-year-old", "82 yo", "aged 82", "in her eighties"; not "her 6-year-old" or "my 80 year old mother".
const AGE_IN_YEARS =
  /\b(?:aged\s+(\d{2,3})|(\d{2,3})\s*-?\s*(?:year\s*-?\s*old|yr\s*-?\s*old|yo|y\/o)\b(?!\s+(?:mother|mum|mom|father|dad|husband|wife|son|daughter|partner|brother|sister|friend|neighbour|neighbor)))/i;
const AGE_IN_DECADES = /\bin\s+(?:her|his|their|my)\s+(?:(?:early|mid|late)\s+)?(sixties|seventies|eighties|nineties)\b/i;
const SOMEONE_ELSES = /\b(?:her|his|their|my|our)\s*$/i;

/** The patient's age told in the complaint, when the screening gives none; the lower bound of a decade. */
export function readAge(text: string): number | null {
  const years = AGE_IN_YEARS.exec(text);
  if (years && !SOMEONE_ELSES.test(text.slice(Math.max(0, years.index - 6), years.index))) {
    const age = Number(years[1] ?? years[2]);
    if (age >= 1 && age <= 120) return age;
  }
  const decade = AGE_IN_DECADES.exec(text);
  return decade ? (DECADES[(decade[1] as string).toLowerCase()] as number) : null;
}

// Blood pressure as dictation writes it out: "one-sixty-five over one-oh-two", "one hundred and forty over ninety".
const SPOKEN_DIGITS: Record<string, number> = { oh: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const SPOKEN_TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const SPOKEN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SPOKEN_WORD = `(?:${[...Object.keys(SPOKEN_DIGITS), ...Object.keys(SPOKEN_TEENS), ...Object.keys(SPOKEN_TENS), 'hundred', 'and'].join('|')})`;
const SPOKEN_NUMBER = `${SPOKEN_WORD}(?:[- ]${SPOKEN_WORD})*`;
const SPOKEN_PRESSURE = new RegExp(`\\b(${SPOKEN_NUMBER})\\s+over\\s+(${SPOKEN_NUMBER})\\b`, 'gi');

/** Two spoken digits' worth ("sixty-five", "oh-two", "forty", "twelve"), or null. */
function spokenUnder100(words: string[]): number | null {
  if (words.length === 0) return 0;
  const [a, b, ...rest] = words as [string, string | undefined];
  if (rest.length > 0) return null;
  if (b === undefined) return SPOKEN_TEENS[a] ?? SPOKEN_TENS[a] ?? SPOKEN_DIGITS[a] ?? null;
  if (a === 'oh' || a === 'zero') return SPOKEN_DIGITS[b] ?? null;
  const tens = SPOKEN_TENS[a];
  const unit = SPOKEN_DIGITS[b];
  return tens !== undefined && unit !== undefined && unit > 0 ? tens + unit : null;
}

/** A number said in words as a blood pressure is ("one-sixty-five", "one hundred and two", "ninety-five"), or null. */
function spokenNumber(phrase: string): number | null {
  const words = phrase
    .toLowerCase()
    .split(/[- ]+/)
    .filter((w) => w !== 'and');
  const [first, second] = words;
  if (first === undefined) return null;
  const hundreds = first === 'one' || first === 'two' ? SPOKEN_DIGITS[first] : undefined;
  if (hundreds !== undefined && second === 'hundred') {
    const rest = spokenUnder100(words.slice(2));
    return rest === null ? null : hundreds * 100 + rest;
  }
  if (hundreds !== undefined && words.length > 1) {
    const rest = spokenUnder100(words.slice(1));
    return rest === null || rest < 10 !== (words[1] === 'oh' || words[1] === 'zero') ? null : hundreds * 100 + rest;
  }
  return spokenUnder100(words);
}

// A temperature with a decimal comma, as much of Europe writes it: "38,6 °C", "37,9 C".
const DECIMAL_COMMA_TEMPERATURE = /\b(3[4-9]|4[0-3]),(\d)(?=\s*(?:°|º|C\b|degrees))/g;

/** The text with a temperature's decimal comma written as a point ("38,6 °C" → "38.6 °C"), the same length. */
export function decimalCommasAsPoints(text: string): string {
  return text.replace(DECIMAL_COMMA_TEMPERATURE, '$1.$2');
}

/** The text with a blood pressure said in words written in figures, so the reading is read as any other. */
export function spokenPressuresAsFigures(text: string): string {
  if (!text.includes(' over ') && !text.includes(' OVER ')) return text;
  return text.replace(SPOKEN_PRESSURE, (whole, sys: string, dia: string) => {
    const s = spokenNumber(sys);
    const d = spokenNumber(dia);
    return s !== null && d !== null && plausibleBp(s, d) ? `${s} over ${d}` : whole;
  });
}
