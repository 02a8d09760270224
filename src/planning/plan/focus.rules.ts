// Where the hands go: the painful regions (most painful first), the regions of the joints whose range
// was measured, or — when the assessment names no place — the regions the goals usually need.
import type { FocusArea } from '../../contracts/plan.contract';
import type { CaseFacts } from '../case.facts';
import { GOALS } from '../catalog/catalog.goals';
import { JOINTS, romOrder } from '../catalog/catalog.measures';
import { REGIONS, type RegionCode } from '../catalog/catalog.regions';
import { coverage, Explainer, placeName, sideOf } from '../engine.util';
import { regionRules, type Restrictions } from '../screening/restrictions.rules';

export interface Focus {
  region: RegionCode;
  /** Side bits still open to treatment. */
  mask: number;
  priority: number;
}

interface Wanted {
  region: RegionCode;
  mask: number;
  why: string;
}

function want(wanted: Wanted[], region: RegionCode, mask: number, why: string): void {
  const existing = wanted.find((w) => w.region === region);
  if (existing) existing.mask |= mask;
  else wanted.push({ region, mask, why });
}

/** The regions to work, in priority order, without the parts that must be left alone. */
export function chooseFocus(facts: CaseFacts, restrictions: Restrictions, explain: Explainer): Focus[] {
  const wanted: Wanted[] = [];
  for (const a of facts.painAreas) want(wanted, a.region, a.mask, `pain ${a.intensity}/10`);
  const rom = [...(facts.measures.rom ?? [])].sort(romOrder);
  for (const r of rom) {
    const region = JOINTS[r.joint].regions[0] as RegionCode;
    if (!wanted.some((w) => w.region === region)) want(wanted, region, coverage(region, undefined), `${r.joint} ${r.movement.replace(/_/g, ' ')} measured`);
  }
  for (const a of facts.painAreas) if (a.namedIn) explain.add('focus.named_in_complaint', `No pain location given: the ${placeName(a.region, sideOf(a.mask))} is worked because the complaint names it ("${a.namedIn}").`);
  // With no place given or named, only a stress goal has a place of its own (where tension is held);
  // hands are never put on a region for pain the patient did not name.
  if (wanted.length === 0 && facts.goalTypes.includes('stress_reduction')) {
    const regions = GOALS.stress_reduction.defaultRegions;
    explain.add('focus.default_regions', `No painful region recorded: relaxation work on the ${regions.map((r) => placeName(r, null)).join(', ')}, where tension is commonly held.`);
    for (const region of regions) want(wanted, region, coverage(region, 'bilateral'), 'default region');
  } else if (wanted.length === 0) {
    explain.add('focus.no_region', 'No painful region given or named in the complaint: no hands-on work until the therapist records where it hurts.');
  }

  const areas: Focus[] = [];
  for (const w of wanted) {
    const rules = regionRules(restrictions, w.region);
    const open = w.mask & ~rules.avoidMask;
    if (open === 0) {
      explain.add('focus.region_left_alone', `The ${placeName(w.region, sideOf(w.mask))} (${w.why}) is left alone: ${rules.avoidRuleIds.join(', ')}.`);
      continue;
    }
    if (open !== w.mask) {
      explain.add('focus.side_left_alone', `On the ${placeName(w.region, null)} only the ${sideOf(open)} side is worked: ${rules.avoidRuleIds.join(', ')}.`);
    }
    areas.push({ region: w.region, mask: open, priority: areas.length + 1 });
  }
  if (areas.length > 0) explain.add('focus.order', 'Focus areas: the most painful region first, then measured joints; one area per region.');
  return areas;
}

/** The focus areas as the plan shows them. */
export function toFocusAreas(areas: Focus[]): FocusArea[] {
  return areas.map((a) => ({ region: a.region, side: sideOf(a.mask), priority: a.priority, targetMuscles: [...REGIONS[a.region].targetMuscles] }));
}
