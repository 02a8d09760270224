// The facts every rule reads, derived once from the assessment: chronicity, age, merged pain areas,
// goals in a stable order, time since surgery. Input order never changes the result.
import type { AssessmentInput, Measures } from './engine.types';
import { GOAL_TYPES, type GoalType, type MechanismCode, type PainQuality } from './catalog/catalog.goals';
import { REGION_CODES, type RegionCode } from './catalog/catalog.regions';
import type { SurgicalApproach, SurgicalProcedure } from './catalog/catalog.surgeries';
import type { Chronicity, Pressure, Side } from './catalog/catalog.types';
import { coverage, dayNumber } from './engine.util';
import { readComplaint, readRegions } from './screening/complaint.reader';
import { readAge } from './screening/complaint.numbers';
import { readSurgeries, type TextSurgery } from './screening/complaint.surgeries';

export interface PlanningContext {
  /** The assessment date, YYYY-MM-DD: the engine's "today" (time since surgery, chronicity). */
  today: string;
  /** From the patient's birth date, used when the screening gives no age. */
  age?: number | null;
}

export interface PainArea {
  region: RegionCode;
  mask: number;
  intensity: number;
  qualities: PainQuality[];
  /** The complaint's words when the region was read from the text, not given as a pain location. */
  namedIn: string | null;
}

/** An operation, from `screening.surgeries`, the single `screening.surgeryDate`, or dated in the complaint. */
export interface SurgeryFact {
  procedure: SurgicalProcedure;
  approach: SurgicalApproach | null;
  /** Null when only `surgeryDate` was given: the site is then not recorded. */
  region: RegionCode | null;
  side: Side | null;
  /** Days from the operation to the assessment (0 when dated later). */
  days: number;
  /** A minor operation under local anaesthetic: not major surgery's clot risk. */
  minor?: true;
  /** Told without a date (a lymph-node operation): `days` only places it past every healing phase. */
  undated?: true;
  /** Where the fact came from, as evidence. */
  evidence: string;
}

export interface CaseFacts {
  age: number | null;
  durationWeeks: number | null;
  chronicity: Chronicity;
  mechanism: MechanismCode;
  /** One per region, most painful first (ties in catalog order). */
  painAreas: PainArea[];
  /** Requested goals, by priority then catalog order. */
  goals: { type: GoalType; priority: number; detail: string | null }[];
  requested: Set<GoalType>;
  /** Goal types the plan serves: the requested ones, then those a baseline measure implies. */
  goalTypes: GoalType[];
  measures: Measures;
  /** Days from the operation of `surgeryDate` (or, post-surgical, the latest one) to the assessment; null when unknown. */
  surgeryDays: number | null;
  /** Every operation the screening records, most recent first. */
  surgeries: SurgeryFact[];
  preferences: { sessionMinutes: number | null; sessionsPerWeek: number | null; pressure: Pressure | null };
  complaint: string;
  /** The assessment date (YYYY-MM-DD): how recent a date written in the complaint is. */
  today: string;
}

/** Acute < 6 weeks, subacute 6–12, chronic > 12 (JOSPT neck guideline 2017). */
export function chronicityOf(durationWeeks: number | null): Chronicity {
  if (durationWeeks === null) return 'unknown';
  if (durationWeeks < 6) return 'acute';
  if (durationWeeks <= 12) return 'subacute';
  return 'chronic';
}

// Catalog orders as lookups built once: the sorts below compare many pairs per plan.
const REGION_ORDER = new Map<RegionCode, number>(REGION_CODES.map((r, i) => [r, i]));
const GOAL_ORDER = new Map<GoalType, number>(GOAL_TYPES.map((g, i) => [g, i]));
const regionOrder = (r: RegionCode) => REGION_ORDER.get(r) as number;
const goalOrder = (g: GoalType) => GOAL_ORDER.get(g) as number;

/** Days from `date` to `today` (a day number); the API refuses an operation dated after the assessment, a direct caller's is read as day 0. */
function daysSince(today: number, date: string): number {
  return Math.max(0, today - dayNumber(date));
}

/** Default intensity of a region read from the complaint: the overall NRS when given, else moderate. */
const NAMED_REGION_INTENSITY = 5;

const SKIN_BURNS: ReadonlySet<string> = new Set(['burn', 'radiation_skin']);

/** The regions whose skin is burnt, coded or told in the complaint; `all` when a burn has no place. */
function burntRegions(input: AssessmentInput, today: string): Set<RegionCode> | 'all' {
  const out = new Set<RegionCode>();
  for (const c of input.screening?.conditions ?? []) {
    const code = typeof c === 'string' ? c : c.code;
    if (!SKIN_BURNS.has(code)) continue;
    if (typeof c === 'string') return 'all';
    out.add(c.region);
  }
  for (const m of readComplaint(input.complaint, today)) {
    if (!SKIN_BURNS.has(m.code)) continue;
    if (m.region === null) return 'all';
    out.add(m.region);
  }
  return out;
}

/** Derives the case facts from a validated assessment (regions named in the complaint when none is given). */
export function deriveFacts(input: AssessmentInput, context: PlanningContext): CaseFacts {
  const screening = input.screening ?? {};
  const age = screening.age ?? context.age ?? readAge(input.complaint ?? '');
  const durationWeeks = input.durationWeeks ?? null;
  const mechanism = input.mechanism ?? 'unknown';
  const measures = input.measures ?? {};

  const byRegion = new Map<RegionCode, PainArea>();
  for (const loc of input.painLocations ?? []) {
    const area = byRegion.get(loc.region);
    const mask = coverage(loc.region, loc.side);
    let qualities: PainArea['qualities'];
    if (area) {
      area.mask |= mask;
      area.intensity = Math.max(area.intensity, loc.intensity);
      qualities = area.qualities;
    } else {
      qualities = [];
      byRegion.set(loc.region, { region: loc.region, mask, intensity: loc.intensity, qualities, namedIn: null });
    }
    // Each quality once, without a Set per location.
    for (const q of loc.quality ?? []) if (!qualities.includes(q)) qualities.push(q);
  }
  // Regions named only in the complaint stand in for pain locations when none is given — never a
  // region that is neither given nor named.
  if (byRegion.size === 0) {
    for (const named of readRegions(input.complaint, context.today)) {
      const area = byRegion.get(named.region);
      const mask = coverage(named.region, named.side ?? undefined);
      if (area) area.mask |= mask;
      else
        byRegion.set(named.region, {
          region: named.region,
          mask,
          intensity: measures.painNrs ?? NAMED_REGION_INTENSITY,
          qualities: [],
          namedIn: named.evidence,
        });
    }
  }
  const painAreas = [...byRegion.values()].sort((a, b) => b.intensity - a.intensity || regionOrder(a.region) - regionOrder(b.region));
  for (const a of painAreas) a.qualities.sort();
  // "Burning" where the skin is burnt (a burn, a scald, sunburn, radiation skin) is the burn's pain, not a
  // nerve's: it is not a nerve-type quality there.
  if (painAreas.some((a) => a.qualities.includes('burning'))) {
    const burnt = burntRegions(input, context.today);
    for (const a of painAreas) if (burnt === 'all' || burnt.has(a.region)) a.qualities = a.qualities.filter((q) => q !== 'burning');
  }

  const goals = input.goals
    .map((g) => ({ type: g.type, priority: g.priority, detail: g.detail ?? null }))
    .sort((a, b) => a.priority - b.priority || goalOrder(a.type) - goalOrder(b.type));
  const requested = new Set(goals.map((g) => g.type));
  const implied: GoalType[] = [];
  if (measures.painNrs !== undefined) implied.push('pain_relief');
  if (measures.rom && measures.rom.length > 0) implied.push('range_of_motion');
  if (measures.stress) implied.push('stress_reduction');
  if (measures.function) implied.push(requested.has('injury_rehabilitation') ? 'injury_rehabilitation' : 'pain_relief');
  const goalTypes = [...goals.map((g) => g.type), ...GOAL_TYPES.filter((t) => !requested.has(t) && implied.includes(t))];

  const today = dayNumber(context.today);
  const surgeries: SurgeryFact[] = (screening.surgeries ?? []).map((s, i) => ({
    procedure: s.procedure,
    approach: s.approach ?? null,
    region: s.region,
    side: s.side ?? null,
    days: daysSince(today, s.date),
    evidence: `screening.surgeries[${i}]: ${s.procedure}${s.approach ? ` (${s.approach})` : ''} on ${s.date}`,
  }));
  // An operation the therapist only wrote in the complaint ("had L knee replaced 10 days ago") has the
  // same protocol and healing site as a coded one. When the screening records an operation, the text
  // describes that one: the record wins.
  if (surgeries.length === 0 && !screening.surgeryDate)
    for (const s of readSurgeries(input.complaint, context.today)) surgeries.push({ ...s, evidence: `complaint: "${s.evidence}"` });
  else if (surgeries.some((s) => s.approach !== null)) approachInDoubt(surgeries, readSurgeries(input.complaint, context.today));
  // A surgery's date counts whatever the mechanism (SPEC §8). The single `surgeryDate` has no site: it
  // times the coded surgery site and the painful regions of a post-surgical complaint.
  let surgeryDays: number | null = null;
  if (screening.surgeryDate) {
    surgeryDays = daysSince(today, screening.surgeryDate);
    surgeries.push({
      procedure: 'other',
      approach: null,
      region: null,
      side: null,
      days: surgeryDays,
      evidence: `screening.surgeryDate: ${screening.surgeryDate}`,
    });
  }
  surgeries.sort((a, b) => a.days - b.days || (a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0));
  if (surgeryDays === null && mechanism === 'post_surgical') {
    // Without a surgery date, a post-surgical complaint is as old as its latest operation, else as the complaint.
    surgeryDays = surgeries.find((s) => !s.undated)?.days ?? (durationWeeks !== null ? Math.floor(durationWeeks * 7) : null);
  }

  const prefs = input.preferences ?? {};
  return {
    age,
    durationWeeks,
    chronicity: chronicityOf(durationWeeks),
    mechanism,
    painAreas,
    goals,
    requested,
    goalTypes,
    measures,
    surgeryDays,
    surgeries,
    preferences: { sessionMinutes: prefs.sessionMinutes ?? null, sessionsPerWeek: prefs.sessionsPerWeek ?? null, pressure: prefs.pressure ?? null },
    complaint: input.complaint,
    today: context.today,
  };
}

/**
 * A recorded approach that the complaint contradicts ("form says anterior; op note: posterolateral approach")
 * is in doubt: until the surgeon's protocol is known, the approach is taken as unknown and both sets of
 * precautions hold (the safer reading when the record and the text disagree).
 */
function approachInDoubt(recorded: SurgeryFact[], told: readonly TextSurgery[]): void {
  for (const s of recorded) {
    const other = told.find((t) => t.procedure === s.procedure && t.approach !== null && t.approach !== s.approach);
    if (s.approach === null || !other) continue;
    s.approach = null;
    s.evidence += `; the complaint tells another approach ("${other.evidence}"): both sets of precautions until it is confirmed`;
  }
}
