// Screening: coded conditions and red flags, the complaint text, the measures and the age become
// findings, and the findings decide whether treatment goes ahead (SPEC §4).
import type { AssessmentInput, Decision, Finding } from '../engine.types';
import type { CaseFacts, PainArea } from '../case.facts';
import { CONDITION_CODES, CONDITIONS, ESCALATIONS, SKIN_LESION_CODES, type ConditionCode } from '../catalog/catalog.conditions';
import { NEURAL_QUALITIES } from '../catalog/catalog.goals';
import { MEASURES } from '../catalog/catalog.measures';
import { REGION_CODES, REGIONS, type RegionCode } from '../catalog/catalog.regions';
import type { Severity, Side } from '../catalog/catalog.types';
import { exclusion, LEFT, placeName, RIGHT, sideOf, WHOLE } from '../engine.util';
import { SCREENING_QUESTION_CODES, SCREENING_QUESTIONS, type Answer, type ScreeningQuestionCode } from '../catalog/catalog.screening';
import { protocolPhase } from '../catalog/catalog.surgeries';
import {
  readCalfSign,
  readComplaint,
  readUnplacedLegSign,
  readExertionPattern,
  readHormonalRisk,
  readsHeartRateSymptom,
  type ComplaintMatch,
} from './complaint.reader';
import { INCISION_CLOSED_DAYS } from './restrictions.rules';
import { answersOf, deniedFlags, questionApplies, unansweredQuestions, yesAnswers } from './screening.questions';
import { judgeVitals, VITAL_THRESHOLDS } from './screening.vitals';

export interface Place {
  region: RegionCode;
  /** The excluded part of the region (side bits). */
  mask: number;
}

export interface ActiveCondition {
  code: ConditionCode;
  source: 'screening' | 'complaint';
  /** Where a local condition is; empty for a systemic one or a local one of unknown place. */
  places: Place[];
}

export interface ScreeningOutcome {
  decision: Decision;
  findings: Finding[];
  /** Applicable screening questions without a yes or no. */
  unanswered: ScreeningQuestionCode[];
  conditions: ActiveCondition[];
  codes: Set<ConditionCode>;
  facts: Set<string>;
}

const SEVERITY_ORDER: Record<Severity, number> = { stop: 0, caution: 1, info: 2 };
const SOURCE_ORDER = { screening: 0, complaint: 1, measures: 2 } as const;
const OLDER_ADULT = 65;
const VERY_OLD = 80;
const SEVERE_PAIN = 9;
/** Until remodelling (~6 weeks) an operated region is treated as healing tissue. */
const HEALING_DAYS = 42;
/** Local findings that an incision explains. */
const SURGICAL_CODES: ReadonlySet<ConditionCode> = new Set(['open_wound', 'recent_surgery_site']);
const SPINAL_REGIONS: ReadonlySet<RegionCode> = new Set(['neck', 'upper_back', 'lower_back', 'sacroiliac']);
/** Wells: major surgery within 12 weeks is a DVT risk factor. */
const DVT_RISK_DAYS = 84;
// Catalog orders as lookups, built once (the sorts below compare many pairs per plan).
const CONDITION_ORDER = new Map<ConditionCode, number>(CONDITION_CODES.map((c, i) => [c, i]));
const REGION_ORDER = new Map<RegionCode, number>(REGION_CODES.map((r, i) => [r, i]));
const HIGH_STRESS = MEASURES.pss10.bands.find((b) => b.label === 'high');

function placesFor(
  code: ConditionCode,
  source: ActiveCondition['source'],
  region: RegionCode | null,
  side: Side | null,
  facts: CaseFacts,
  active: readonly ActiveCondition[],
): { places: Place[]; where: string } {
  const entry = CONDITIONS[code];
  if (entry.scope !== 'local') return { places: [], where: '' };
  if (region) return { places: [{ region, mask: exclusion(side) }], where: placeName(region, side) };
  // The text's "GP says it is infected", when the infection is already recorded at a place, is that one;
  // a skin condition told without a place beside a located one ("belt rubbed a blister" with a recorded
  // wound) is that lesion.
  const recorded =
    active.find((c) => c.code === code && c.places.length > 0 && c.source === 'screening') ??
    (SKIN_LESION_CODES.has(code) ? active.find((c) => SKIN_LESION_CODES.has(c.code) && c.places.length > 0) : undefined);
  if (source === 'complaint' && recorded) {
    return {
      places: recorded.places,
      where: `taken to be the one at ${recorded.places.map((p) => placeName(p.region, p.mask === WHOLE ? null : sideOf(p.mask))).join(', ')}`,
    };
  }
  // A wound or incision the text mentions without a place, when operations are recorded with their
  // sites, is theirs. (A coded one the therapist did not locate stays on every painful region.)
  const operated = source === 'complaint' && SURGICAL_CODES.has(code) ? facts.surgeries.filter((s) => s.region !== null) : [];
  if (operated.length > 0) {
    return {
      places: operated.map((s) => ({ region: s.region as RegionCode, mask: exclusion(s.side) })),
      where: `taken to be the operated ${operated.map((s) => placeName(s.region as RegionCode, s.side)).join(', ')}`,
    };
  }
  // Location not recorded: conservatively assume the catalog's usual site, else every painful region; on the
  // side told when only a side was ("varicose veins R leg").
  const assumed = entry.defaultRegions.length > 0 ? entry.defaultRegions : facts.painAreas.map((a) => a.region);
  if (assumed.length === 0) return { places: [], where: 'location not recorded: inspect and keep clear of it' };
  const sided = (r: RegionCode) => (REGIONS[r].paired ? side : null);
  return {
    places: assumed.map((r) => ({ region: r, mask: exclusion(sided(r)) })),
    where: `location not recorded, assumed at ${assumed.map((r) => placeName(r, sided(r))).join(', ')}`,
  };
}

/** Orders the places of one condition code so that the input's order does not matter. */
function placeOrder(c: ActiveCondition): number {
  const first = c.places[0];
  return first ? (REGION_ORDER.get(first.region) as number) * 8 + first.mask : -1;
}

function finding(code: string, severity: Severity, message: string, source: Finding['source'], evidence: string): Finding {
  return { code, severity, message, source, evidence };
}

interface Screen {
  facts: CaseFacts;
  findings: Finding[];
  conditions: ActiveCondition[];
  factSet: Set<string>;
  seen: Set<string>;
}

/**
 * Makes a catalog condition active (once per place, whichever source names it first: the structured
 * screen comes before the text, so the same finding is never listed twice) and records its finding.
 */
function activate(
  s: Screen,
  code: ConditionCode,
  source: 'screening' | 'complaint',
  region: RegionCode | null,
  side: Side | null,
  evidence: string,
  note = '',
): void {
  const key = `${code}|${region ?? ''}|${side ?? ''}`;
  if (s.seen.has(key)) return;
  s.seen.add(key);
  const entry = CONDITIONS[code];
  const { places, where } = placesFor(code, source, region, side, s.facts, s.conditions);
  s.conditions.push({ code, source, places });
  s.factSet.add(code);
  s.findings.push(finding(code, entry.severity, `${where ? `${entry.message} (${where})` : entry.message}${note}`, source, evidence));
}

/** What a complaint finding adds when the structured answers deny it or the text may have negated it. */
function complaintNote(match: ComplaintMatch, denied: Map<ConditionCode, ScreeningQuestionCode[]>): string {
  const notes: string[] = [];
  const questions = match.code === 'trauma' ? undefined : denied.get(match.code);
  if (questions)
    notes.push(`The screening answers say no (${questions.join(', ')}) but the complaint text says otherwise: the safer reading is kept — ask again.`);
  if (match.uncertain) notes.push('The text may have negated this: kept as the safer reading — confirm with the patient.');
  return notes.length > 0 ? ` ${notes.join(' ')}` : '';
}

/** The screening questions that ask about each red flag. */
const RED_FLAG_QUESTIONS = new Map<ConditionCode, ScreeningQuestionCode[]>();
for (const q of SCREENING_QUESTION_CODES) {
  const list = RED_FLAG_QUESTIONS.get(SCREENING_QUESTIONS[q].redFlag) ?? [];
  list.push(q);
  RED_FLAG_QUESTIONS.set(SCREENING_QUESTIONS[q].redFlag, list);
}
const QUESTION_ORDER = new Map<ScreeningQuestionCode, number>(SCREENING_QUESTION_CODES.map((q, i) => [q, i]));

// Question codes as words ("saddle_numbness" → "saddle numbness"), once rather than per plan.
const QUESTION_WORDS = Object.fromEntries(SCREENING_QUESTION_CODES.map((q) => [q, q.replace(/_/g, ' ')])) as Record<ScreeningQuestionCode, string>;

/** Screens an assessment: findings from every source, the active conditions, and the decision. */
export function screen(input: AssessmentInput, facts: CaseFacts): ScreeningOutcome {
  const s: Screen = { facts, findings: [], conditions: [], factSet: new Set(), seen: new Set() };
  const { findings, conditions, factSet } = s;

  const screening = input.screening ?? {};
  if (screening.conditions) activateCoded(s, 'conditions', screening.conditions);
  if (screening.redFlags) activateCoded(s, 'redFlags', screening.redFlags);

  const coded = new Set<ConditionCode>();
  for (const c of conditions) coded.add(c.code);
  const answers = answersOf(input);
  for (const q of yesAnswers(answers)) activate(s, SCREENING_QUESTIONS[q].redFlag, 'screening', null, null, `screening.answers.${q}: yes`);
  if (screening.vitals) for (const v of judgeVitals(screening.vitals)) activate(s, v.code, 'screening', null, null, v.evidence);
  addSurgeryFindings(s);

  // Only a complaint finding reads the denials: built on the first one.
  let denied: Map<ConditionCode, ScreeningQuestionCode[]> | null = null;
  const recent = facts.chronicity === 'acute' || facts.chronicity === 'unknown';
  let riskWords: string | null = null;
  const unsure = new Set<ConditionCode>();
  for (const match of readComplaint(facts.complaint, facts.today)) {
    // The patient does not know: a question to ask (when the screen has one), not a red flag.
    // Chest pain has no question of its own: not knowing of it is asked as the cardiac questions.
    const askedAs = match.code === 'chest_pain' ? 'cardiac_symptoms' : match.code;
    if (match.unsure && askedAs !== 'trauma' && RED_FLAG_QUESTIONS.has(askedAs)) {
      unsure.add(askedAs);
      continue;
    }
    if (match.code === 'trauma') {
      factSet.add('trauma');
      continue;
    }
    // "On BP meds but ran out" with 168/98 measured today: the reading says it is not controlled.
    if (match.code === 'controlled_hypertension' && (factSet.has('elevated_blood_pressure') || factSet.has('uncontrolled_hypertension'))) continue;
    // "Ran out of BP meds" with no reading anywhere: not known to be controlled — measure first.
    if (match.code === 'controlled_hypertension' && match.treatmentStopped && !bloodPressureRecorded(screening)) {
      measureBloodPressureFirst(s, match.evidence);
      continue;
    }
    factSet.add(match.code === 'major_trauma' ? 'trauma' : match.code);
    // A major accident long before a subacute or chronic complaint is history, not a red flag.
    if (match.code === 'major_trauma' && !recent) continue;
    // A risk factor without a sign (a long drive, a flight) matters where the DVT questions are asked:
    // a leg complaint or a recent operation, not a back after a car journey.
    if (match.code === 'dvt_risk_factor') {
      riskWords ??= match.evidence;
      if (!questionApplies('recent_immobility', facts)) continue;
    }
    denied ??= deniedFlags(answers);
    activate(s, match.code, 'complaint', match.region, match.side, match.evidence, complaintNote(match, denied));
  }
  addCalfSignWithRisk(s, riskWords, denied ?? deniedFlags(answers));
  addExertionAtPainSite(s, denied ?? deniedFlags(answers));
  settleHeartRate(s, answers);
  settleImmunosuppression(s);

  addMeasureFindings(facts, findings);
  addAgeFindings(facts, findings, factSet);
  if (facts.mechanism === 'trauma') factSet.add('trauma');
  if (recent) factSet.add('recent');
  if (facts.chronicity === 'acute') factSet.add('acute');
  if (facts.painAreas.some((a) => a.region === 'lower_back' || a.region === 'sacroiliac')) factSet.add('low_back_pain');
  if (facts.painAreas.some((a) => a.region === 'neck')) factSet.add('neck_pain');
  if (facts.painAreas.some((a) => SPINAL_REGIONS.has(a.region))) factSet.add('spinal_pain');
  if (facts.mechanism === 'post_surgical' && (facts.surgeryDays === null || facts.surgeryDays < HEALING_DAYS)) {
    const day = facts.surgeryDays === null ? 'time since surgery unknown' : `day ${facts.surgeryDays} after surgery`;
    findings.push(
      finding(
        'post_surgical_healing',
        'caution',
        `Post-surgical tissue still healing (${day}): lymphatic drainage around the incision first, light pressure, scar work once it has closed.`,
        'screening',
        'mechanism: post_surgical',
      ),
    );
  }
  // Every recorded operation carries its date, whether from surgeryDate, surgeries[] or the complaint.
  if (facts.mechanism === 'post_surgical' && facts.surgeries.length === 0) {
    const when = facts.surgeryDays === null ? 'unknown, so the incision is treated as not yet closed' : `taken as ${facts.surgeryDays} days from durationWeeks`;
    findings.push(
      finding(
        'surgery_date_missing',
        'info',
        `Post-surgical complaint without a surgery date: time since surgery ${when}.`,
        'screening',
        'mechanism: post_surgical',
      ),
    );
  }

  for (const rule of ESCALATIONS) {
    if (factSet.has(rule.raises)) continue;
    if (!rule.all.every((f) => factSet.has(f)) || (rule.any.length > 0 && !rule.any.some((f) => factSet.has(f)))) continue;
    const evidence = [...rule.all, ...rule.any.filter((f) => factSet.has(f))].join(' + ');
    activate(s, rule.raises, 'screening', null, null, `${evidence} (${rule.id})`);
  }

  const unanswered = unansweredQuestions(answers, facts, coded);
  if (unsure.size > 0) {
    // Asked again even when answered "no": the patient's words now say they do not know.
    const yes = yesAnswers(answers);
    for (const code of unsure) {
      if (factSet.has(code)) continue;
      for (const q of RED_FLAG_QUESTIONS.get(code) as ScreeningQuestionCode[]) if (!unanswered.includes(q) && !yes.includes(q)) unanswered.push(q);
    }
    unanswered.sort((a, b) => (QUESTION_ORDER.get(a) as number) - (QUESTION_ORDER.get(b) as number));
  }
  if (unanswered.length > 0) {
    const asks = unanswered.map((q) => QUESTION_WORDS[q]).join(', ');
    findings.push(
      finding(
        'screening_incomplete',
        'caution',
        `Screening questions for this presentation are not answered: ask before any hands-on work (${asks}); a yes to any of them changes the decision.`,
        'screening',
        `screening.answers: ${unanswered.join(', ')} unanswered`,
      ),
    );
  }

  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0),
  );
  conditions.sort(
    (a, b) =>
      (CONDITION_ORDER.get(a.code) as number) - (CONDITION_ORDER.get(b.code) as number) ||
      SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] ||
      placeOrder(a) - placeOrder(b),
  );
  const codes = new Set<ConditionCode>();
  for (const c of conditions) codes.add(c.code);
  return { decision: decide(findings), findings, unanswered, conditions, codes, facts: factSet };
}

/** The conditions and red flags the therapist coded, each with its place when one is given. */
function activateCoded(s: Screen, list: 'conditions' | 'redFlags', items: NonNullable<NonNullable<AssessmentInput['screening']>['conditions']>): void {
  for (const item of items) {
    if (typeof item === 'string') activate(s, item, 'screening', null, null, `screening.${list}: ${item}`);
    else activate(s, item.code, 'screening', item.region, item.side ?? null, `screening.${list}: ${item.code} (${placeName(item.region, item.side)})`);
  }
}

/** Whether the vital signs record a blood pressure: then the reading, not the text, says whether it is controlled. */
function bloodPressureRecorded(screening: NonNullable<AssessmentInput['screening']>): boolean {
  return screening.vitals?.systolic !== undefined || screening.vitals?.diastolic !== undefined;
}

const MEASURE_BLOOD_PRESSURE_FIRST =
  'Hypertension with its treatment stopped and no blood-pressure reading: not known to be controlled. Measure blood pressure before any hands-on work — 180/120 or more: no treatment, same-day medical review; 160–179 or 100–119: medical clearance first, light pressure; lower: treat, with no prolonged prone lying with the head down and no vigorous work.';

/**
 * Hypertension whose treatment has stopped ("ran out of BP meds"), with no reading: it is not known to be
 * controlled, and a crisis (≥ 180/120) would stop treatment. The hypertension's own precautions hold
 * (positioning, no heavy straining), and the finding asks for a measurement before hands-on work instead of
 * calling it controlled: the reading, once recorded, decides (REFERENCE, vital signs).
 */
function measureBloodPressureFirst(s: Screen, evidence: string): void {
  const key = 'controlled_hypertension||';
  if (s.seen.has(key)) return;
  s.seen.add(key);
  s.conditions.push({ code: 'controlled_hypertension', source: 'complaint', places: [] });
  s.factSet.add('controlled_hypertension');
  s.findings.push(finding('blood_pressure_unmeasured', 'caution', MEASURE_BLOOD_PRESSURE_FIRST, 'complaint', evidence));
}

/** Where exertional discomfort is the cardiac picture (the cardiac questions' regions). */
const CARDIAC_PAIN_REGIONS: ReadonlySet<RegionCode> = new Set(['chest', 'upper_arm', 'shoulder', 'jaw', 'neck', 'upper_back']);
/** Where pain on stairs or a hill eased by rest is mechanical or vascular, not cardiac. */
const LOWER_BODY_REGIONS: ReadonlySet<RegionCode> = new Set(['lower_back', 'sacroiliac', 'hip', 'gluteal', 'thigh', 'hamstring', 'knee', 'calf', 'ankle_foot']);

/**
 * Lay exertion eased by rest, told without the site ("Comes on walking up the hill, goes off after sitting
 * down"), in a patient whose pain is in the chest, arm, shoulder, jaw, neck or upper back and nowhere in the
 * legs or back: the cardiac picture (possible acute coronary syndrome), whatever region is named.
 */
function addExertionAtPainSite(s: Screen, denied: Map<ConditionCode, ScreeningQuestionCode[]>): void {
  if (s.factSet.has('cardiac_symptoms')) return;
  const areas = s.facts.painAreas;
  const site = areas.find((a) => CARDIAC_PAIN_REGIONS.has(a.region));
  if (!site || areas.some((a) => LOWER_BODY_REGIONS.has(a.region))) return;
  const words = readExertionPattern(s.facts.complaint, s.facts.today);
  if (words === null) return;
  const questions = denied.get('cardiac_symptoms');
  const note = questions
    ? ` The screening answers say no (${questions.join(', ')}) but the complaint text says otherwise: the safer reading is kept — ask again.`
    : '';
  activate(s, 'cardiac_symptoms', 'complaint', null, null, `${words} … pain location: ${site.region}`, note);
}

/** Screening questions whose "yes" is a symptom that makes a slow or fast resting heart matter. */
const HEART_RATE_SYMPTOM_QUESTIONS: ReadonlySet<ScreeningQuestionCode> = new Set(['dizziness', 'breathless_sweating', 'exertional_discomfort']);
const HEART_RATE_SYMPTOM_CODES: readonly ConditionCode[] = ['chest_pain', 'cervical_artery_dissection_signs'];

/**
 * A resting heart rate outside 50–100 asks for medical clearance only with symptoms (dizziness,
 * fainting, palpitations, breathlessness, chest discomfort; clinical reference). Without them a slow
 * rate is most often a fit heart (a trained runner's 46): a note, the plan goes ahead as it is. A fast
 * one at rest has more causes to rule out (fever, anaemia, thyroid, dehydration): a caution to re-check
 * at each visit, still not a clearance that contradicts the plan it sits in.
 */
function settleHeartRate(s: Screen, answers: readonly (Answer | undefined)[]): void {
  const at = s.conditions.findIndex((c) => c.code === 'abnormal_heart_rate');
  if (at < 0) return;
  if (HEART_RATE_SYMPTOM_CODES.some((c) => s.factSet.has(c))) return;
  if (yesAnswers(answers).some((q) => HEART_RATE_SYMPTOM_QUESTIONS.has(q))) return;
  if (readsHeartRateSymptom(s.facts.complaint, s.facts.today)) return;
  s.conditions.splice(at, 1);
  s.factSet.delete('abnormal_heart_rate');
  const f = s.findings.findIndex((x) => x.code === 'abnormal_heart_rate');
  const { source, evidence } = s.findings[f] as Finding;
  s.findings.splice(f, 1);
  // Both evidence forms carry the rate: "screening.vitals: resting heart rate 46/min", "HR 46 bpm".
  const slow = Number(/\b(\d{2,3})\b/.exec(evidence)?.[1] ?? NaN) < VITAL_THRESHOLDS.heartRateLow;
  s.findings.push(
    slow
      ? finding(
          'abnormal_heart_rate',
          'info',
          'Resting heart rate below 50, without symptoms: usually a fit heart; medical clearance if dizziness, fainting, palpitations, breathlessness or chest discomfort appear.',
          source,
          evidence,
        )
      : finding(
          'abnormal_heart_rate',
          'caution',
          'Resting heart rate above 100, without symptoms: re-check it at each visit; medical clearance if dizziness, fainting, palpitations, breathlessness or chest discomfort appear.',
          source,
          evidence,
        ),
  );
}

/**
 * IV drug use and immunosuppression are red flags of spinal pain (AHCPR: spinal infection). Read from the
 * complaint of a shoulder or a knee (long-term prednisolone, methotrexate), they are an infection risk to
 * keep in mind, not a referral; coded by the therapist they stay the red flag.
 */
function settleImmunosuppression(s: Screen): void {
  const { painAreas } = s.facts;
  if (painAreas.length === 0 || painAreas.some((a) => SPINAL_REGIONS.has(a.region))) return;
  const at = s.conditions.findIndex((c) => c.code === 'iv_drug_use_immunosuppression' && c.source === 'complaint');
  const f = s.findings.findIndex((x) => x.code === 'iv_drug_use_immunosuppression');
  if (at < 0 || f < 0) return;
  s.conditions.splice(at, 1);
  s.factSet.delete('iv_drug_use_immunosuppression');
  const { evidence } = s.findings[f] as Finding;
  s.findings.splice(f, 1);
  s.findings.push(
    finding(
      'iv_drug_use_immunosuppression',
      'caution',
      'IV drug use or immunosuppression without spinal pain: a risk of infection — inspect the skin, keep off injection sites, and refer if fever, new spinal pain or feeling unwell appear.',
      'complaint',
      evidence,
    ),
  );
}

/** Findings that are DVT risk factors in the reference's list (surgery, immobility, travel, cancer, pregnancy, previous DVT). */
const DVT_RISK_CODES: ReadonlySet<string> = new Set(['dvt_risk_factor', 'dvt_history', 'cancer', 'pregnancy', 'high_risk_pregnancy']);

/**
 * One-sided calf swelling, warmth, redness or tenderness with a risk factor is a suspected DVT (REFERENCE,
 * screening in detail), wherever each is told: the risk in one sentence or field ("gave birth 3 weeks
 * ago", a recorded operation) and the calf in another ("my left calf is redder and achy").
 */
function addCalfSignWithRisk(s: Screen, riskWords: string | null, denied: Map<ConditionCode, ScreeningQuestionCode[]>): void {
  if (s.factSet.has('deep_vein_thrombosis')) return;
  const calf = s.facts.painAreas.find((a) => a.region === 'calf');
  const sign = readCalfSign(s.facts.complaint, s.facts.today) ?? recordedCalfSign(s, calf);
  if (!sign) return;
  if (!sign.side && calf && (calf.mask & (LEFT | RIGHT)) === (LEFT | RIGHT)) return;
  const risk = s.findings.find((f) => DVT_RISK_CODES.has(f.code))?.evidence ?? riskWords ?? readHormonalRisk(s.facts.complaint, s.facts.today);
  if (risk === null) return;
  const evidence = `${sign.evidence} + ${risk}`;
  activate(
    s,
    'deep_vein_thrombosis',
    'complaint',
    null,
    null,
    evidence,
    complaintNote({ code: 'deep_vein_thrombosis', evidence, region: null, side: null }, denied),
  );
}

/**
 * The calf sign of a calf recorded as painful on one side: swelling as its quality, or swelling, warmth or
 * redness the complaint tells without placing it elsewhere.
 */
function recordedCalfSign(s: Screen, calf: PainArea | undefined): { side: Side; evidence: string } | null {
  if (!calf) return null;
  const side = calf.mask & (LEFT | RIGHT);
  if (side !== LEFT && side !== RIGHT) return null;
  const evidence = calf.qualities.includes('swelling') ? 'swelling' : readUnplacedLegSign(s.facts.complaint, s.facts.today);
  return evidence === null ? null : { side: sideOf(side), evidence: `${sideOf(side)} calf: ${evidence}` };
}

/**
 * Operations count whatever the mechanism (SPEC §8): a recent one is a DVT risk factor, and its
 * protocol (or, with no site recorded, the healing incision) goes on the therapist's checklist.
 */
function addSurgeryFindings(s: Screen): void {
  for (const surgery of s.facts.surgeries) {
    const when = surgery.undated ? `${surgery.evidence}, date not told` : `${surgery.evidence}, day ${surgery.days}`;
    // Wells counts major surgery: a lump cut out under local anaesthetic is not.
    if (surgery.days < DVT_RISK_DAYS && !surgery.minor) activate(s, 'dvt_risk_factor', 'screening', null, null, when);
    const phase = protocolPhase(surgery.procedure, surgery.approach, surgery.days);
    // The reference's "recent surgery site" by its catalog name: the incision is still open and left alone.
    // With only `surgeryDate` the site is not recorded, but an incision under two weeks old is still there to avoid:
    // the painful region itself after an operation on it, somewhere to find otherwise.
    if (surgery.days < INCISION_CLOSED_DAYS && !s.findings.some((f) => f.code === 'recent_surgery_site')) {
      const where =
        surgery.region !== null ? placeName(surgery.region, surgery.side) : s.facts.mechanism === 'post_surgical' ? 'the operated region' : 'site not recorded';
      s.findings.push(
        finding('recent_surgery_site', 'caution', `${CONDITIONS.recent_surgery_site.message} (${where}, day ${surgery.days})`, 'screening', when),
      );
    }
    if (surgery.region === null) {
      if (surgery.days < HEALING_DAYS && s.facts.mechanism !== 'post_surgical') {
        const message = `Operation ${surgery.days} days ago, site not recorded: find the incision and keep clear of it until it has closed; light pressure on the operated region.`;
        s.findings.push(finding('surgery_site_not_recorded', 'caution', message, 'screening', when));
      }
    } else if (phase) {
      s.findings.push(finding('surgery_protocol', 'caution', phase.instruction, 'screening', when));
    } else if (surgery.days < HEALING_DAYS) {
      s.findings.push(
        finding(
          'surgery_healing',
          'caution',
          `Operated ${placeName(surgery.region, surgery.side)} still healing (day ${surgery.days}): light pressure, scar work once the incision has closed.`,
          'screening',
          when,
        ),
      );
    }
  }
}

function decide(findings: Finding[]): Decision {
  let stop = false;
  let caution = false;
  for (const f of findings) {
    if (f.severity === 'stop') {
      if (CONDITIONS[f.code as ConditionCode]?.decision === 'refer') return 'refer';
      stop = true;
    } else if (f.severity === 'caution') caution = true;
  }
  return stop ? 'postpone' : caution ? 'treat_with_precautions' : 'treat';
}

function addMeasureFindings(facts: CaseFacts, findings: Finding[]): void {
  const nrs = facts.measures.painNrs;
  const worst = facts.painAreas[0];
  if ((nrs ?? -1) >= SEVERE_PAIN || (worst && worst.intensity >= SEVERE_PAIN)) {
    const evidence = nrs !== undefined && nrs >= SEVERE_PAIN ? `painNrs ${nrs}` : `${worst?.region} intensity ${worst?.intensity}`;
    findings.push(
      finding(
        'severe_pain',
        'caution',
        'Severe pain (NRS ≥ 9): start gently (moderate pressure at most) and look for a non-mechanical cause if it does not ease.',
        'measures',
        evidence,
      ),
    );
  }
  const stress = facts.measures.stress;
  const high = HIGH_STRESS;
  if (stress && high && stress.score >= high.min) {
    findings.push(
      finding(
        'high_stress',
        'info',
        `PSS-10 in the high band (${high.min}–${high.max}): suggest a mental-health professional alongside massage.`,
        'measures',
        `stress.pss10 ${stress.score}`,
      ),
    );
  }
  const neural = facts.painAreas.filter((a) => a.qualities.some((q) => NEURAL_QUALITIES.includes(q)));
  if (neural.length > 0) {
    const evidence = neural.map((a) => `${a.region}: ${a.qualities.filter((q) => NEURAL_QUALITIES.includes(q)).join(', ')}`).join('; ');
    findings.push(
      finding(
        'neural_symptoms',
        'info',
        'Nerve-like pain: no sustained deep pressure over the nerve path; re-check strength and sensation each visit.',
        'measures',
        evidence,
      ),
    );
  }
}

function addAgeFindings(facts: CaseFacts, findings: Finding[], factSet: Set<string>): void {
  const age = facts.age;
  if (age === null) return;
  if (age >= 50) factSet.add('age_50_plus');
  if (age >= OLDER_ADULT) {
    factSet.add('older_adult');
    // From 80 thin skin and fragile bone are a precaution; from 65 a lighter dose only, which does not make
    // an otherwise clear screen a plan "with precautions" (the reference names no age threshold).
    if (age >= VERY_OLD)
      findings.push(
        finding(
          'older_adult',
          'caution',
          'Age 80 or over: thin skin and fragile bone — light pressure only, no friction or joint mobilisation.',
          'screening',
          `age ${age}`,
        ),
      );
    else
      findings.push(
        finding('older_adult', 'info', 'Age 65 or over: thinner skin and lower bone density — no firm pressure or deep friction.', 'screening', `age ${age}`),
      );
  } else if (age < 18) {
    findings.push(finding('minor', 'info', 'Under 18: a parent or guardian consents and may be present.', 'screening', `age ${age}`));
  }
}
