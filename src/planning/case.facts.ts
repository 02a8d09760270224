// The facts every rule reads, derived once from the assessment: chronicity, age, merged pain areas,
// goals in a stable order, time since surgery. Input order never changes the result.
import type { AssessmentInput, Measures } from '../contracts/assessment.contract';
import { GOAL_TYPES, type GoalType, type MechanismCode, type PainQuality } from './catalog/catalog.goals';
import { REGION_CODES, type RegionCode } from './catalog/catalog.regions';
import type { Chronicity, Pressure } from './catalog/catalog.types';
import { coverage, dayNumber } from './engine.util';

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
  /** Days from the operation to the assessment; null when unknown. */
  surgeryDays: number | null;
  surgeryDateInFuture: boolean;
  preferences: { sessionMinutes: number | null; sessionsPerWeek: number | null; pressure: Pressure | null };
  complaint: string;
}

/** Acute < 6 weeks, subacute 6–12, chronic > 12 (JOSPT neck guideline 2017). */
export function chronicityOf(durationWeeks: number | null): Chronicity {
  if (durationWeeks === null) return 'unknown';
  if (durationWeeks < 6) return 'acute';
  if (durationWeeks <= 12) return 'subacute';
  return 'chronic';
}

const regionOrder = (r: RegionCode) => REGION_CODES.indexOf(r);
const goalOrder = (g: GoalType) => GOAL_TYPES.indexOf(g);

/** Derives the case facts from a validated assessment. */
export function deriveFacts(input: AssessmentInput, context: PlanningContext): CaseFacts {
  const screening = input.screening ?? {};
  const age = screening.age ?? context.age ?? null;
  const durationWeeks = input.durationWeeks ?? null;
  const mechanism = input.mechanism ?? 'unknown';
  const measures = input.measures ?? {};

  const byRegion = new Map<RegionCode, PainArea>();
  for (const loc of input.painLocations ?? []) {
    const area = byRegion.get(loc.region);
    const mask = coverage(loc.region, loc.side);
    if (area) {
      area.mask |= mask;
      area.intensity = Math.max(area.intensity, loc.intensity);
      for (const q of loc.quality ?? []) if (!area.qualities.includes(q)) area.qualities.push(q);
    } else {
      byRegion.set(loc.region, { region: loc.region, mask, intensity: loc.intensity, qualities: [...new Set(loc.quality ?? [])] });
    }
  }
  const painAreas = [...byRegion.values()].sort((a, b) => b.intensity - a.intensity || regionOrder(a.region) - regionOrder(b.region));
  for (const a of painAreas) a.qualities.sort();

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

  let surgeryDays: number | null = null;
  let surgeryDateInFuture = false;
  if (screening.surgeryDate) {
    surgeryDays = dayNumber(context.today) - dayNumber(screening.surgeryDate);
    if (surgeryDays < 0) {
      surgeryDateInFuture = true;
      surgeryDays = 0;
    }
  } else if (mechanism === 'post_surgical' && durationWeeks !== null) {
    // Without a surgery date, a post-surgical complaint is as old as the operation.
    surgeryDays = Math.floor(durationWeeks * 7);
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
    surgeryDateInFuture,
    preferences: { sessionMinutes: prefs.sessionMinutes ?? null, sessionsPerWeek: prefs.sessionsPerWeek ?? null, pressure: prefs.pressure ?? null },
    complaint: input.complaint,
  };
}
