// Measurable goals: every baseline becomes a goal with a target set from the measure's MCID, direction
// and norms; a requested goal without a baseline names the measure to record at the first session.
import type { PlanGoal } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import { CHRONICITY, GOALS, type GoalType } from '../catalog/catalog.goals';
import { JOINTS, MEASURE_CODES, MEASURES, romNorm, romOrder, type JointCode, type MeasureCode, type MovementCode } from '../catalog/catalog.measures';
import { REGIONS } from '../catalog/catalog.regions';
import { CHRONICITIES, type Chronicity } from '../catalog/catalog.types';
import type { Explainer } from '../engine.util';
import type { Focus } from './focus.rules';

/** Share of the gap to the normal range a range-of-motion goal aims to close within the plan (engine choice). */
const ROM_GAP_SHARE = 0.5;
/** Relative improvement counted as the minimal important change of a questionnaire (Ostelo 2008), applied to the room left on higher-is-better scales. */
const QUESTIONNAIRE_SHARE = 0.3;

// The MCID notes without their final full stop, to quote inside a sentence.
const NOTES = Object.fromEntries(MEASURE_CODES.map((m) => [m, MEASURES[m].mcidNote.replace(/\.$/, '')])) as Record<MeasureCode, string>;
const BASELINE_RULES = Object.fromEntries(
  MEASURE_CODES.map((m) => [m, { id: `goal.baseline.${m}`, because: `${MEASURES[m].label}: ${MEASURES[m].mcidNote}` }]),
) as Record<MeasureCode, { id: string; because: string }>;

export interface Target {
  target: number;
  mcid: number;
  because: string;
}

/** The target of a measure from its baseline: at least the MCID in the right direction, never past the scale or the norm. */
export function targetFor(measure: MeasureCode, baseline: number, options: { painShare: number; joint?: JointCode; movement?: MovementCode }): Target {
  const m = MEASURES[measure];
  if (measure === 'rom' && options.joint && options.movement) {
    const norm = romNorm(options.joint, options.movement);
    const mcid = norm?.mcid ?? m.mcid;
    const normal = norm?.degrees ?? null;
    if (normal === null) {
      const target = Math.min(m.max, Math.ceil(baseline + mcid));
      return { target, mcid, because: `no norm for this movement alone (${norm?.note ?? 'none'}): aim for a real change of ${mcid}°` };
    }
    if (baseline >= normal) return { target: baseline, mcid, because: `already at or beyond the normal ${normal}° (38 CFR 4.71a): maintain` };
    const target = Math.min(normal, Math.ceil(baseline + Math.max(mcid, ROM_GAP_SHARE * (normal - baseline))));
    return { target, mcid, because: `half the gap to the normal ${normal}° (38 CFR 4.71a), at least ${mcid}° (beyond goniometric error)` };
  }
  if (m.direction === 'lower_is_better') {
    const share = measure === 'pain_nrs' ? options.painShare : (m.mcidPercent ?? 0) / 100;
    if (baseline <= m.min) return { target: m.min, mcid: m.mcid, because: 'already at the best score: maintain' };
    const improvement = Math.max(m.mcid, share * baseline);
    const target = Math.max(m.min, Math.floor(baseline - improvement));
    const how = share > 0 ? `${Math.round(share * 100)} % or the MCID of ${m.mcid}, whichever is larger` : `the MCID of ${m.mcid}`;
    return { target, mcid: m.mcid, because: `a reduction of ${how} (${NOTES[measure]})` };
  }
  if (baseline >= m.max) return { target: m.max, mcid: m.mcid, because: 'already at the best score: maintain' };
  const improvement = Math.max(m.mcid, QUESTIONNAIRE_SHARE * (m.max - baseline));
  const target = Math.min(m.max, Math.ceil(baseline + improvement));
  return { target, mcid: m.mcid, because: `a gain of 30 % of the room to ${m.max} or the MCID of ${m.mcid}, whichever is larger (${NOTES[measure]})` };
}

interface GoalContext {
  goals: PlanGoal[];
  weeks: number;
  painShare: number;
  facts: CaseFacts;
  explain: Explainer;
}

type Place = { joint: JointCode; movement: MovementCode } | null;

const PAIN_SHARE_RULES = Object.fromEntries(
  CHRONICITIES.map((k) => {
    const because = `${CHRONICITY[k].label}: pain target ${Math.round(CHRONICITY[k].painReduction * 100)} % lower (30 % is moderately, 50 % substantially important: Farrar 2001, IMMPACT 2008).`;
    return [k, { id: `goal.pain_share.${k}`, because }];
  }),
) as Record<Chronicity, { id: string; because: string }>;
const MISSING_BECAUSE =
  'A requested goal without a baseline names the measure to record at the first session; progress then uses that first value as baseline.';

/** The patient's own words for a goal, when given ("bend to tie shoes"), to keep the target meaningful to them. */
function inTheirWords(c: GoalContext, type: GoalType): string {
  const detail = c.facts.goals.find((g) => g.type === type)?.detail;
  return detail ? ` The patient's aim: “${detail}”.` : '';
}

function goalOf(type: GoalType, measure: MeasureCode, place: Place, fields: Omit<PlanGoal, 'type' | 'measure' | 'joint' | 'movement'>): PlanGoal {
  const { baseline, target, byWeek, mcid, direction, ruleIds, rationale } = fields;
  return place
    ? { type, measure, joint: place.joint, movement: place.movement, baseline, target, byWeek, mcid, direction, ruleIds, rationale }
    : { type, measure, baseline, target, byWeek, mcid, direction, ruleIds, rationale };
}

function measured(c: GoalContext, type: GoalType, measure: MeasureCode, baseline: number, source: string, place: Place = null): void {
  const t = targetFor(measure, baseline, { painShare: c.painShare, joint: place?.joint, movement: place?.movement });
  const baselineRule = BASELINE_RULES[measure];
  const ruleIds = [c.explain.add(baselineRule.id, baselineRule.because)];
  if (measure === 'pain_nrs') {
    const share = PAIN_SHARE_RULES[c.facts.chronicity];
    ruleIds.push(c.explain.add(share.id, share.because));
  }
  const rationale = `Baseline ${baseline} (${source}) → target ${t.target} by week ${c.weeks}: ${t.because}.${inTheirWords(c, type)}`;
  c.goals.push(
    goalOf(type, measure, place, { baseline, target: t.target, byWeek: c.weeks, mcid: t.mcid, direction: MEASURES[measure].direction, ruleIds, rationale }),
  );
}

function unmeasured(c: GoalContext, type: GoalType, measure: MeasureCode, why: string, place: Place = null): void {
  const ruleId = c.explain.add('goal.baseline_missing', MISSING_BECAUSE);
  const mcid = place ? (romNorm(place.joint, place.movement)?.mcid ?? MEASURES.rom.mcid) : MEASURES[measure].mcid;
  const what = place ? ` (${place.joint} ${place.movement.replace('_', ' ')})` : '';
  const rationale = `No baseline given: record ${MEASURES[measure].label}${what} at the first session; ${why}.${inTheirWords(c, type)}`;
  c.goals.push(
    goalOf(type, measure, place, { baseline: null, target: null, byWeek: c.weeks, mcid, direction: MEASURES[measure].direction, ruleIds: [ruleId], rationale }),
  );
}

/** The plan's goals, in the order of the goal types in play. */
export function planGoals(facts: CaseFacts, areas: Focus[], weeks: number, explain: Explainer): PlanGoal[] {
  const c: GoalContext = { goals: [], weeks, painShare: CHRONICITY[facts.chronicity].painReduction, facts, explain };
  const measures = facts.measures;
  const fn = measures.function;
  for (const type of facts.goalTypes) {
    const requested = facts.requested.has(type);
    if (type === 'pain_relief') {
      const worst = facts.painAreas[0];
      if (measures.painNrs !== undefined) measured(c, type, 'pain_nrs', measures.painNrs, 'measures.painNrs');
      else if (requested && worst)
        measured(
          c,
          type,
          'pain_nrs',
          worst.intensity,
          `no overall NRS given: the most painful location, ${worst.region.replace(/_/g, ' ')} ${worst.intensity}/10`,
        );
      else if (requested) unmeasured(c, type, 'pain_nrs', 'the target is then set from its MCID');
    }
    if (type === 'range_of_motion') {
      const rom = [...(measures.rom ?? [])].sort(romOrder);
      for (const r of rom)
        measured(c, type, 'rom', r.degrees, `measures.rom ${r.joint} ${r.movement.replace('_', ' ')}`, { joint: r.joint, movement: r.movement });
      if (rom.length === 0 && requested) {
        const joint = areas.map((a) => REGIONS[a.region].joint).find((j) => j !== null) ?? null;
        if (joint)
          unmeasured(c, type, 'rom', `the ${JOINTS[joint].label.toLowerCase()} is the first focus area with a measurable joint`, {
            joint,
            movement: JOINTS[joint].defaultMovement,
          });
        else unmeasured(c, type, 'psfs', 'no focus area has a goniometric norm, so the patient rates the activities they cannot do (e.g. the goal detail)');
      }
    }
    if (type === 'stress_reduction') {
      if (measures.stress) measured(c, type, 'pss10', measures.stress.score, 'measures.stress PSS-10');
      else if (requested) unmeasured(c, type, 'pss10', 'lower is better; the high band is 27–40');
    }
    // SPEC §4: a function score serves injury rehabilitation when requested, else pain relief.
    if (fn && (type === 'injury_rehabilitation' || (type === 'pain_relief' && !facts.requested.has('injury_rehabilitation')))) {
      measured(c, type, fn.instrument, fn.score, `measures.function ${fn.instrument.toUpperCase()}`);
    }
    if (type === 'injury_rehabilitation' && !fn && requested) {
      const first = areas[0];
      const instrument = first ? REGIONS[first.region].functionInstrument : GOALS.injury_rehabilitation.defaultMeasure;
      unmeasured(
        c,
        type,
        instrument,
        first ? `the region-specific questionnaire for the ${first.region.replace(/_/g, ' ')}` : 'the patient-specific functional scale suits any region',
      );
    }
  }
  return c.goals;
}
