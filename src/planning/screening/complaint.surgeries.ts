// Operations told only in the complaint ("had L knee replaced 10 days ago", "R THR 3/52 (posterior
// approach)", "ACL recon on 12 Nov"): without them the protocol limits (hip precautions), the fresh
// incision and the DVT risk of a recent operation are lost whenever the therapist did not also code the
// surgery. Only a dated operation of the patient's own counts: a planned one, a denied one or someone
// else's does not, and one told without a date is left to the recent-surgery text rule.
import type { RegionCode } from '../catalog/catalog.regions';
import { LYMPH_NODE_PROCEDURES, type SurgicalApproach, type SurgicalProcedure } from '../catalog/catalog.surgeries';
import type { Side } from '../catalog/catalog.types';
import { dayNumber } from '../engine.util';
import { civilYear, dated, monthDated, numericDated, seasonDated, yearDated } from './complaint.dates';
import { anotherPersonsAtEnd } from './complaint.negation';
import { NUMBER_WORDS } from './complaint.numbers';
import { tokenize } from './complaint.tokenizer';

export interface TextSurgery {
  procedure: SurgicalProcedure;
  approach: SurgicalApproach | null;
  region: RegionCode;
  side: Side | null;
  days: number;
  /** A minor operation under local anaesthetic (a lump cut out): a healing incision, not major surgery's clot risk. */
  minor?: true;
  /** Told without a date: `days` then only places it beyond every healing phase. */
  undated?: true;
  /** The words that name the operation and its date. */
  evidence: string;
}

/** Older operations are history: every protocol and healing phase is over within a year. */
const HISTORY_DAYS = 365;

interface ProcedurePattern {
  re: RegExp;
  /** Null: a joint replacement, by its joint. */
  procedure: SurgicalProcedure | null;
  /** A minor operation, done under local anaesthetic as a rule. */
  minor?: true;
  /** The region; null: the site word nearest the operation word ("back surgery", "op on her wrist"). */
  region: RegionCode | null;
  /** A fracture's fixation: its site may be told in the clause before. */
  fixation?: true;
}

const JOINT = '(hip|knee|shoulder)s?';
const JOINT_RE = /\b(hip|knee|shoulder)s?\b/;
const BETWEEN = '(?:\\s+(?:was|were|has|had|have|been|got|just|fully|totally|partially|partial|total|uni|new))*';
const JOINTS: Record<string, { region: RegionCode; procedure: SurgicalProcedure }> = {
  hip: { region: 'hip', procedure: 'total_hip_arthroplasty' },
  knee: { region: 'knee', procedure: 'total_knee_arthroplasty' },
  // No shoulder replacement protocol in the catalog: its site still heals.
  shoulder: { region: 'shoulder', procedure: 'other' },
};
const SITES: [RegExp, RegionCode][] = [
  [/\b(?:neck|cervical|thyroid|tonsils)\b/g, 'neck'],
  [/\b(?:shoulder|rotator|clavicle|collarbone|subacromial|acromio\w*|armpit|axilla|axillary|underarm)\b/g, 'shoulder'],
  [/\belbow\b/g, 'elbow'],
  [/\b(?:wrist|hand|thumb|finger|radius|ulna|scaphoid|metacarpal|styloid)s?\b/g, 'wrist_hand'],
  [/\b(?:upper back|shoulder blade|thoracic)\b/g, 'upper_back'],
  [/\b(?:lower back|low back|(?<!upper )back|lumbar|spine|spinal|disc|discectomy|laminectomy)\b/g, 'lower_back'],
  [/\b(?:upper arm|biceps?|triceps|humerus|humeral)\b/g, 'upper_arm'],
  [/\bforearms?\b/g, 'forearm'],
  [/\b(?:thigh|quad|femur|femoral)s?\b/g, 'thigh'],
  [/\b(?:calf|calves|shin|shins|tibia|tibial|fibula|fibular)\b/g, 'calf'],
  [/\b(?:scalp|face|forehead|cheek|nose)\b/g, 'head'],
  [
    /\b(?:abdomen|abdominal|stomach|belly|tummy|bowel|gall\s?bladder|appendix|womb|uterus|ovar(?:y|ies)|kidney|spleen|caesarean|c\s*-?\s*section)\b/g,
    'abdomen',
  ],
  [/\b(?:chest|breast|heart)\b/g, 'chest'],
  [/\b(?:hips?|groin|inguinal)\b/g, 'hip'],
  [/\bknees?\b|\bmenisc\w*/g, 'knee'],
  [/\b(?:ankle|foot|feet|achilles|bunion|malleol\w*|bimalleolar|metatarsals?|calcaneus|talus)\b/g, 'ankle_foot'],
];

// Organs told as taken out, with the words of their site in SITES.
const ORGAN = '(?:gall\\s?bladder|appendix|womb|uterus|ovar(?:y|ies)|tonsils|kidney|spleen|thyroid|bowel)';

const PROCEDURES: ProcedurePattern[] = [
  { re: new RegExp(`\\b${JOINT}${BETWEEN}\\s+(?:replace\\w*|arthroplast\\w*|resurfac\\w*)`, 'g'), procedure: null, region: null },
  {
    re: new RegExp(`\\b(?:replace\\w*|arthroplast\\w*|resurfac\\w*)\\s+(?:of\\s+)?(?:(?:my|her|his|their|the|a|l|r|lt|rt|left|right|both)\\s+)*${JOINT}`, 'g'),
    procedure: null,
    region: null,
  },
  { re: new RegExp(`\\bnew\\s+${JOINT}\\b`, 'g'), procedure: null, region: null },
  // "Had my hip done": in a note, a joint replacement; read so, its precautions are the safer default.
  { re: new RegExp(`\\b(?:had|got)\\s+(?:(?:my|her|his|their|the|a|l|r|lt|rt|left|right|both)\\s+)*${JOINT}\\s+done\\b`, 'g'), procedure: null, region: null },
  { re: /\b(?:thr|tha)\b/g, procedure: 'total_hip_arthroplasty', region: 'hip' },
  { re: /\b(?:tkr|tka|ukr|uka)\b/g, procedure: 'total_knee_arthroplasty', region: 'knee' },
  {
    re: /\b(?:aclr|acl\s*(?:reconstruct\w*|recon|repair\w*|surgery|op|operation|graft)|cruciate\s+(?:reconstruct\w*|repair\w*|surgery|op|operation))\b/g,
    procedure: 'acl_reconstruction',
    region: 'knee',
  },
  { re: /\b(?:(?:rotator\s+)?cuff\s+(?:repair\w*|surgery|op|operation|reconstruct\w*)|rcr)\b/g, procedure: 'rotator_cuff_repair', region: 'shoulder' },
  {
    re: /\b(?:spinal|lumbar|back|lumbosacral|l\d(?:\s*\/\s*\d|\s*-?\s*s1)?)\s+fusion\b|\bfused\s+(?:at\s+)?l\d/g,
    procedure: 'spinal_fusion',
    region: 'lower_back',
  },
  { re: /\b(?:cervical|neck|c\d(?:\s*\/\s*\d)?)\s+fusion\b|\bacdf\b/g, procedure: 'other', region: 'neck' },
  // Spinal decompressions without fusion: "microdiscectomy L4/5", "lumbar decompression"; at the neck when it says so
  // (listed first: a span already read is not read again).
  {
    re: /\b(?:cervical|neck|c\d(?:\s*\/\s*\d)?)\s+(?:micro\s*-?\s*)?(?:discectom\w*|laminectom\w*|laminoplast\w*|foraminotom\w*|decompression)\b/g,
    procedure: 'other',
    region: 'neck',
  },
  {
    re: /\b(?:micro\s*-?\s*)?(?:discectom\w*|laminectom\w*|laminotom\w*|foraminotom\w*)\b|\b(?:lumbar|spinal)\s+decompression\b/g,
    procedure: 'other',
    region: 'lower_back',
  },
  {
    re: /\b(?:mastectom\w*|lumpectom\w*|axillary\s+(?:(?:lymph\s+)?node\s+)?(?:clearance|dissection|surgery)|sentinel\s+(?:lymph\s+)?node\s+biops\w*|slnb)\b/g,
    procedure: 'mastectomy',
    region: 'chest',
  },
  // Lymph nodes taken out at the groin or elsewhere in a limb's quadrant ("right groin (inguinal) lymph node
  // dissection", "nodes cleared from the groin"): the site word nearest places it.
  {
    re: /\b(?:lymph\s+nodes?\s+(?:dissection|clearance|removal|removed|cleared|excised)|(?:inguinal|groin|femoral|ilio-?inguinal)\s+(?:(?:lymph\s+)?node\s+)?(?:dissection|clearance)|(?:lymphadenectom\w*|node\s+clearance))\b/g,
    procedure: 'lymph_node_dissection',
    region: null,
  },
  { re: /\bhernia\s+(?:repair\w*|surgery|op|operation|mesh)\b/g, procedure: 'hernia_repair', region: 'abdomen' },
  { re: /\bcarpal\s+tunnel\s+(?:release|surgery|op|operation|decompression)\b|\bctr\b/g, procedure: 'carpal_tunnel_release', region: 'wrist_hand' },
  { re: /\b(?:caesarean|c\s*-?\s*section)\b/g, procedure: 'other', region: 'abdomen' },
  // An organ taken out ("had her gallbladder out", "appendix removed", "cholecystectomy"): an operation at
  // the organ's site, whatever the approach (keyhole ports heal like any incision).
  {
    re: new RegExp(
      `\\b(?:(?:had|got)\\s+(?:(?:my|her|his|their|the|a|an|one|l|r|lt|rt|left|right|both)\\s+)*${ORGAN}\\s+(?:out|removed|taken\\s+out)|${ORGAN}\\s+(?:(?:was|were|been|got|had)\\s+)*(?:removed|taken\\s+out))\\b`,
      'g',
    ),
    procedure: 'other',
    region: null,
  },
  {
    re: /\b(?:cholecystectom\w*|append(?:ic)?ectom\w*|hysterectom\w*|oophorectom\w*|salpingectom\w*|nephrectom\w*|splenectom\w*|colectom\w*|gastrectom\w*|bowel\s+resection|lap\s+chole)\b/g,
    procedure: 'other',
    region: 'abdomen',
  },
  { re: /\b(?:thyroidectom\w*|parathyroidectom\w*|tonsillectom\w*)\b/g, procedure: 'other', region: 'neck' },
  // A lump, mole or cyst cut out, even under local anaesthetic: a healing incision at its site ("lump removed from L breast").
  {
    re: /\b(?:(?:lump|mole|cyst|lipoma|lesion|skin\s+tag|wart|growth|ganglion|sebaceous\s+cyst|bcc)s?\s+(?:(?:on|from|in|at)\s+(?:(?:the|my|her|his|a|l|r|lt|rt|left|right|upper|lower|inner|outer)\s+)*[a-z]+\s+)?(?:(?:was|were|been|got|had|just)\s+)*(?:removed|excised|cut\s+out|taken\s+(?:out|off))|(?:removal|excision)\s+of\s+(?:(?:a|an|the|my|her|his|benign|small)\s+)*(?:lump|mole|cyst|lipoma|lesion|skin\s+tag|wart|growth|ganglion)s?)\b/g,
    procedure: 'other',
    region: null,
    minor: true,
  },
  // A fracture fixed ("ORIF left ankle", "percutaneous K-wire fixation", "plated", "IM nail"): an operation at
  // the site word nearest.
  {
    re: /\b(?:orif|(?:open\s+reduction\s+(?:and\s+)?)?internal\s+fixation|k\s*-?\s*wire(?:s|d)?(?:\s+fixation)?|percutaneous\s+(?:pinning|wiring|fixation)|plate\s+and\s+screws|plated|(?:intramedullary|im)\s+nail(?:ing|ed)?|external\s+fixat(?:or|ion)|ex\s*-?\s*fix)\b/g,
    procedure: 'other',
    region: null,
    fixation: true,
  },
  { re: /\b(?:surgery|operation|(?<!post\s*-?\s*)op|operated|arthroscop\w*|keyhole|scoped?|laparoscop\w*)\b/g, procedure: 'other', region: null },
];

/** The top-level alternatives of a regular expression's source ("\\ba|\\bb(c|d)" → "\\ba", "\\bb(c|d)"). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

// Any operation word at all, over the whole text at once: most complaints name none, and then the
// expressions above need not run on each sentence. A superset of them: lookbehinds are dropped (in the
// whole text one could see past a sentence's start), and \b behaves the same at a sentence's edges,
// which are break characters. The leading \b of the alternatives is factored out so that they are tried
// at word starts only (half the time).
const PROCEDURE_ALTERNATIVES = PROCEDURES.flatMap((p) => alternatives(p.re.source.replace(/\(\?<[!=][^()]*\)/g, '')));
const ANY_PROCEDURE = new RegExp(
  [
    `\\b(?:${PROCEDURE_ALTERNATIVES.filter((a) => a.startsWith('\\b'))
      .map((a) => a.slice(2))
      .join('|')})`,
    ...PROCEDURE_ALTERNATIVES.filter((a) => !a.startsWith('\\b')),
  ].join('|'),
);
if (/\(\?<[!=]/.test(ANY_PROCEDURE.source)) throw new Error('complaint.surgeries: a lookbehind the operation filter cannot drop');

const UNIT_DAYS: [RegExp, number][] = [
  [/^d(?:ays?)?$/, 1],
  [/^(?:w|wks?|weeks?)$/, 7],
  [/^fortnights?$/, 14],
  [/^(?:mos?|mths?|months?)$/, 30],
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
const MONTH_WORD = MONTH.replace('(', '(?:');
// "Before" too when nothing follows it in its clause ("knee replacement 2 weeks before", not "2 weeks before the wedding").
const AGO = '(?:ago|back|post\\s*-?\\s*op\\w*|postop\\w*|post|since|out|before(?!\\s+[a-z]))';
const COUNT = '(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\\s+)?couple(?:\\s+of)?|(?:a\\s+)?few)';
const UNIT = '(days?|d|wks?|w|weeks?|fortnights?|mos?|mths?|months?)';
// Times of the past, each with the days it stands for (null when it is no time).
const TIMES: { re: RegExp; days: (m: RegExpExecArray, today: number) => number | null }[] = [
  { re: new RegExp(`\\b${COUNT}\\s*${UNIT}\\s+${AGO}\\b`, 'g'), days: (m) => countedDays(m[1] as string, m[2] as string) },
  // As some write it: "operation on knee before 2 weeks".
  { re: new RegExp(`\\bbefore\\s+${COUNT}\\s*${UNIT}\\b`, 'g'), days: (m) => countedDays(m[1] as string, m[2] as string) },
  // Clinical shorthand: 10/7 is ten days, 3/52 three weeks.
  { re: /\b(\d{1,2})\s*\/\s*(7|52)\b(?!\s*\/)/g, days: (m) => Number(m[1]) * (m[2] === '7' ? 1 : 7) },
  // "day 10 post-op", "Day 24 post R axillary clearance", "day 12 after L TKR", "POD 12", "post-op day 10".
  {
    re: /\b(?:day|d)\s*(\d{1,3})\s*(?:post\s*-?\s*op\w*|postop\w*|post\b|after\b)|\bpod\s*(\d{1,3})\b|\bpost\s*-?\s*op(?:erative)?\s+day\s*(\d{1,3})\b/g,
    days: (m) => Number(m[1] ?? m[2] ?? m[3]),
  },
  { re: /\byesterday\b/g, days: () => 1 },
  { re: /\b(?:today|this morning)\b/g, days: () => 0 },
  { re: /\blast\s+(?:week|wk)\b/g, days: () => 7 },
  // A weekday ("gallbladder out last Thurs", "op on Monday"): the latest such day before today ("on" may be today).
  {
    re: /\b(last|on|this\s+past|past)\s+(mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|\.)?\b/g,
    days: (m, today) => weekdayDated(today, WEEKDAYS.indexOf((m[2] as string).slice(0, 3)), m[1] !== 'on'),
  },
  { re: /\blast\s+month\b/g, days: () => 30 },
  // A season ("ACL reconstructed last spring", "in the summer of 2025"): its last day, the later reading again.
  {
    re: /\b(last|this|in|during|over)\s+(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/g,
    days: (m, today) => seasonDated(today, m[2] as string, m[3], m[1] === 'last'),
  },
  { re: /\blast\s+year\b/g, days: (_m, today) => yearDated(today, civilYear(today) - 1) },
  // A holiday ("knee replaced at Christmas"): the latest one; Easter at the end of April, the later reading.
  {
    re: /\b(?:last|at|over|around|during|before|after)\s+(christmas|xmas|easter)\b/g,
    days: (m, today) => (m[1] === 'easter' ? monthDated(today, 'apr', undefined) : dated(today, 25, 'dec', undefined)),
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, days: (m, today) => today - dayNumber(`${m[1]}-${m[2]}-${m[3]}`) },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:\\s*(\\d{4}))?`, 'g'),
    days: (m, today) => dated(today, Number(m[1]), m[2] as string, m[3]),
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'g'),
    days: (m, today) => dated(today, Number(m[2]), m[1] as string, m[3]),
  },
  // A month without its day ("in March", "back in Jan 2026"): its last day, the later reading of a healing site.
  {
    re: new RegExp(`\\b(?:in|since|during|early|mid|late|(?:end|beginning|start)\\s+of|back\\s+in)\\s+${MONTH}(?:\\s*(\\d{4}))?`, 'g'),
    days: (m, today) => monthDated(today, m[1] as string, m[2]),
  },
  // A date in figures, day first as written in UK notes ("op on 12/10/26", "3.11.2026"); when both readings
  // are days gone by, the later one, as for a healing site above.
  {
    re: /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b(?![/.]\d)/g,
    days: (m, today) => numericDated(today, Number(m[1]), Number(m[2]), m[3] as string),
  },
  // A year alone ("mastectomy in 2019", "hysterectomy 2015", "TKR (2018)"): its last day, the later reading
  // again. Not the year of a day or month already read ("12 March 2019", "03/2019").
  {
    re: new RegExp(`(?<!${MONTH_WORD}[\\s,]*|\\d[/.-]?|[/.-])\\b((?:19|20)\\d{2})\\b(?![/.-]?\\d)`, 'g'),
    days: (m, today) => yearDated(today, Number(m[1])),
  },
];

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The days a count of units stands for ("3 weeks", "a couple of days"), or null. */
function countedDays(countWords: string, unitWord: string): number | null {
  const words = countWords.split(/\s+/);
  const count = /\d/.test(countWords) ? Number(countWords) : NUMBER_WORDS[words.find((w) => w !== 'a' && w !== 'of') ?? 'a'];
  const unit = UNIT_DAYS.find(([re]) => re.test(unitWord));
  return count === undefined || !unit ? null : count * unit[1];
}

/** Days back to the latest `weekday` (0 Sunday) not after today, or before today when `strictlyBefore`. */
function weekdayDated(today: number, weekday: number, strictlyBefore: boolean): number {
  // Day 0 of the day numbers, 1 January 1970, was a Thursday.
  const back = (((today + 4 - weekday) % 7) + 7) % 7;
  return back === 0 && strictlyBefore ? 7 : back;
}

// Just before the operation: a plan or a denial makes it not an operation the patient had.
const NOT_DONE =
  /\b(?:booked|scheduled|waiting|awaiting|planned|planning|due\s+(?:for|to\s+have)|listed|considering|going\s+to\s+have|will\s+have|to\s+have|needs?|upcoming|pre\s*-?\s*op|next|no|never|not|nil|denies|without)\b/;
// Between an operation and its date: a plan, not an operation had.
const PLANNED_AFTER = /\b(?:planned|planning|booked|scheduled|due|waiting|awaiting|listed|pending|will|going\s+to|next|upcoming)\b/;
/** Whether the words before an operation make it another person's ("lifting mum since her mastectomy"): one test with the complaint reader's. */
function someoneElses(before: string): boolean {
  return anotherPersonsAtEnd(tokenize(before));
}

/** An operation done under local anaesthetic is not the major surgery of the clot-risk rule (Wells). */
const UNDER_LOCAL = /\bunder\s+(?:a\s+)?local\b|\blocal\s+ana?esthe\w*|\bunder\s+la\b/;

const APPROACHES: [RegExp, SurgicalApproach][] = [
  [/\bposterior\b|\bposterolateral\b/, 'posterior'],
  [/\b(?:direct\s+)?anterior\s+approach\b|\bdaa\b/, 'anterior'],
  [/\blateral\s+approach\b/, 'lateral'],
];
const SIDES: [RegExp, Side][] = [
  [/\b(?:both|bilateral|bilat|b\/l)\b/, 'bilateral'],
  [/\b(?:left|lt|l)\b/, 'left'],
  [/\b(?:right|rt|r)\b/, 'right'],
];

/** The side named just before the site ("L knee", "her right hip") or just after it ("knee (left)"). */
function sideNear(sentence: string, from: number, to: number): Side | null {
  const before = sentence
    .slice(Math.max(0, from - 14), from)
    .split(/[^a-z/]+/)
    .filter(Boolean)
    .slice(-2)
    .join(' ');
  for (const [re, side] of SIDES) if (re.test(before)) return side;
  const after =
    sentence
      .slice(to, to + 10)
      .split(/[^a-z/]+/)
      .find(Boolean) ?? '';
  for (const [re, side] of SIDES) if (re.test(after)) return side;
  return null;
}

interface Span {
  from: number;
  to: number;
}

/** The site word nearest the operation word (within a few words), in its clause. */
function siteNear(sentence: string, clause: Span, at: number, end = at): (Span & { region: RegionCode }) | null {
  const text = sentence.slice(0, clause.to);
  let best: (Span & { region: RegionCode }) | null = null;
  // Within the clause; a bracket after the operation describes it ("K-wire fixation (2 wires via the radial styloid)").
  let bestDistance = sentence.charCodeAt(end + 1) === 40 || sentence.charCodeAt(end) === 40 ? 48 : 30;
  for (const [re, region] of SITES) {
    re.lastIndex = clause.from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      // Measured from the operation's words: a long name ("percutaneous K-wire fixation of the radial styloid") keeps its site.
      const d = m.index >= end ? m.index - end : Math.abs(m.index - at);
      if (d < bestDistance) {
        best = { region, from: m.index, to: m.index + m[0].length };
        bestDistance = d;
      }
    }
  }
  return best;
}

/** How much farther a time counts when a bracket's end or a colon parts it from the operation words before them. */
const OTHER_CLAUSE_DISTANCE = 100;

/** The time of the past nearest the operation words, in their sentence. */
function timeNear(sentence: string, at: number, today: number): (Span & { days: number }) | null {
  let best: (Span & { days: number }) | null = null;
  let bestDistance = Infinity;
  for (const time of TIMES) {
    time.re.lastIndex = 0;
    for (let m = time.re.exec(sentence); m; m = time.re.exec(sentence)) {
      const days = time.days(m, today);
      if (days === null || days < 0) continue;
      // "Knee replaced 10 days ago": a time after the operation words is more likely its date than one before,
      // and one before them behind a bracket's end or a colon is another clause's ("Op note (faxed today): R THA 20/10/2026").
      const d = m.index >= at ? m.index - at : (at - m.index) * 2 + (/[):]/.test(sentence.slice(m.index + m[0].length, at)) ? OTHER_CLAUSE_DISTANCE : 0);
      if (d < bestDistance) {
        best = { days, from: m.index, to: m.index + m[0].length };
        bestDistance = d;
      }
    }
  }
  return best;
}

interface Mention extends Span {
  procedure: SurgicalProcedure;
  minor: boolean;
  region: RegionCode;
  side: Side | null;
}

/** The operations a sentence names as the patient's, with their sites. */
function mentions(sentence: string): Mention[] {
  const found: Mention[] = [];
  for (const p of PROCEDURES) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      const from = m.index;
      const to = from + m[0].length;
      if (found.some((f) => from < f.to && to > f.from)) continue;
      const clauseFrom = Math.max(sentence.lastIndexOf(',', from), sentence.lastIndexOf('(', from), sentence.lastIndexOf(':', from)) + 1;
      const nextComma = sentence.indexOf(',', to);
      const clause = { from: clauseFrom, to: nextComma < 0 ? sentence.length : nextComma };
      const lastWords = sentence.slice(clauseFrom, from).split(/\s+/).slice(-6).join(' ');
      if (NOT_DONE.test(lastWords) || someoneElses(sentence.slice(0, from))) continue;
      let procedure = p.procedure;
      let site: (Span & { region: RegionCode }) | null;
      if (procedure === null) {
        const joint = JOINT_RE.exec(m[0]) as RegExpExecArray;
        const entry = JOINTS[joint[1] as string] as (typeof JOINTS)[string];
        procedure = entry.procedure;
        site = { region: entry.region, from: from + joint.index, to: from + joint.index + joint[0].length };
      } else if (p.region === null) {
        // A lump cut out is told before its site ("sebaceous cyst excised from L chest"): near the words' end.
        site = p.minor ? siteNear(sentence, clause, to) : siteNear(sentence, clause, from, to);
        // A fracture told before its fixation ("tibial shaft fracture, IM nail 5 weeks ago"): the site of the fracture.
        if (!site && p.fixation) site = siteNear(sentence, { from: 0, to: clause.to }, from, to);
      } else {
        site = { region: p.region, from, to };
      }
      if (!site) continue;
      found.push({ procedure, minor: p.minor === true, region: site.region, side: sideNear(sentence, site.from, site.to), from, to });
    }
  }
  // A named operation says more than an unnamed one at the same site ("knee replacement surgery"); the node
  // clearance of a mastectomy is part of it ("L mastectomy + axillary node clearance").
  return found.filter(
    (f) =>
      (f.procedure !== 'other' || !found.some((g) => g.procedure !== 'other' && g.region === f.region)) &&
      (f.procedure !== 'lymph_node_dissection' || !found.some((g) => g.procedure === 'mastectomy')),
  );
}

/** The dated operations of the patient's own that a complaint tells, one per procedure and site. */
export function readSurgeries(text: string, today: string): TextSurgery[] {
  const day = dayNumber(today);
  const out: TextSurgery[] = [];
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  if (!ANY_PROCEDURE.test(lower)) return out;
  // Not at a semicolon: notes join an operation and its date with one ("AC joint excision; day 8 post-op").
  const breaks = /[.!?\n]+(?=\s|$)/g;
  for (let start = 0; start < lower.length;) {
    const end = breaks.exec(lower)?.index ?? lower.length;
    const sentence = lower.slice(start, end);
    for (const f of mentions(sentence)) {
      const time = timeNear(sentence, f.from, day);
      // "Knee replacement planned in May", "booked for 3 March": a date after a plan is the plan's, not a past operation's.
      if (time && time.from >= f.to && PLANNED_AFTER.test(sentence.slice(f.to, time.from))) continue;
      // Lymph nodes taken out leave the arm at risk for life: an older mastectomy or axillary clearance still
      // counts, and so does one told without a date (taken as past every healing phase).
      const lifelong = LYMPH_NODE_PROCEDURES.has(f.procedure);
      if (!time && !lifelong) continue;
      if (time && time.days > HISTORY_DAYS && !lifelong) continue;
      if (out.some((o) => o.region === f.region && (o.procedure === f.procedure || f.procedure === 'other'))) continue;
      const approach = APPROACHES.find(([re]) => re.test(sentence))?.[1] ?? null;
      const from = start + Math.min(f.from, time?.from ?? f.from);
      const to = start + Math.max(f.to, time?.to ?? f.to);
      const surgery: TextSurgery = {
        procedure: f.procedure,
        approach,
        region: f.region,
        side: f.side,
        days: time?.days ?? HISTORY_DAYS + 1,
        evidence: text.slice(from, to),
      };
      if (!time) surgery.undated = true;
      if (f.minor || UNDER_LOCAL.test(sentence)) surgery.minor = true;
      out.push(surgery);
    }
    start = end === lower.length ? end : breaks.lastIndex;
  }
  return out;
}
