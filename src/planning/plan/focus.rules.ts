// Where the hands go: the painful regions (most painful first), the regions of the joints whose range
// was measured, or — when the assessment names no place — the regions the goals usually need.
import type { FocusArea } from '../engine.types';
import type { CaseFacts } from '../case.facts';
import { GOALS } from '../catalog/catalog.goals';
import { JOINTS, romOrder } from '../catalog/catalog.measures';
import { REGION_CODES, REGIONS, type RegionCode } from '../catalog/catalog.regions';
import { coverage, Explainer, placeName, sideOf } from '../engine.util';
import { regionRules, type Restrictions } from '../screening/restrictions.rules';
import type { PresentationCode } from '../catalog/catalog.exercises';
import { caseSigns } from './case-signs';

// The tissue a presentation puts first in a region (its usual pain generator); the region's other
// muscles follow. Engine choice from typical anatomy of each presentation.
const PRESENTATION_TARGETS: Partial<Record<RegionCode, Partial<Record<PresentationCode, string[]>>>> = {
  ankle_foot: {
    plantar_heel_pain: ['plantar_fascia', 'gastrocnemius', 'soleus', 'flexor_digitorum_brevis'],
    achilles_tendinopathy: ['achilles_tendon', 'soleus', 'gastrocnemius'],
    ankle_sprain: ['anterior_talofibular_ligament', 'fibularis_longus', 'fibularis_brevis'],
  },
  calf: { achilles_tendinopathy: ['achilles_tendon', 'soleus', 'gastrocnemius'] },
  elbow: { lateral_elbow_tendinopathy: ['common_extensor_origin', 'extensor_carpi_radialis_brevis', 'wrist_extensors', 'supinator'] },
  forearm: { lateral_elbow_tendinopathy: ['extensor_carpi_radialis_brevis', 'wrist_extensors', 'supinator', 'brachioradialis'] },
  knee: {
    knee_osteoarthritis: ['quadriceps', 'vastus_medialis', 'pes_anserinus', 'hamstrings'],
    total_knee_arthroplasty: ['quadriceps', 'incision_scar', 'hamstrings', 'popliteus'],
    acl_reconstruction: ['quadriceps', 'graft_site_surroundings', 'hamstrings'],
  },
  hip: {
    hip_osteoarthritis: ['gluteus_medius', 'iliopsoas', 'tensor_fasciae_latae', 'hip_adductors'],
    total_hip_arthroplasty: ['gluteus_medius', 'tensor_fasciae_latae', 'incision_scar', 'quadriceps'],
  },
  shoulder: { shoulder_pain: ['supraspinatus', 'infraspinatus', 'upper_trapezius', 'deltoid'] },
  lower_back: {
    acute_low_back_pain: ['lumbar_erector_spinae', 'quadratus_lumborum', 'multifidus'],
    chronic_low_back_pain: ['quadratus_lumborum', 'lumbar_erector_spinae', 'thoracolumbar_fascia', 'gluteus_medius'],
  },
};

/** "plantar fascia, gastrocnemius": the first two targets in words. */
function tissueWords(targets: readonly string[]): string {
  return targets
    .slice(0, 2)
    .map((m) => m.replace(/_/g, ' '))
    .join(', ');
}

interface Targets {
  targets: string[];
  tissues: string;
}
// Built once: each region's targets, and those of each presentation that puts a tissue first.
const REGION_TARGETS = Object.fromEntries(
  REGION_CODES.map((r) => [r, { targets: REGIONS[r].targetMuscles, tissues: tissueWords(REGIONS[r].targetMuscles) }]),
) as Record<RegionCode, Targets>;
const FIRST_TARGETS = Object.fromEntries(
  Object.entries(PRESENTATION_TARGETS).map(([r, byPresentation]) => [
    r,
    Object.fromEntries(
      Object.entries(byPresentation).map(([p, first]) => {
        const targets = [...first, ...REGIONS[r as RegionCode].targetMuscles.filter((m) => !first.includes(m))];
        return [p, { targets, tissues: tissueWords(targets) }];
      }),
    ),
  ]),
) as Partial<Record<RegionCode, Partial<Record<PresentationCode, Targets>>>>;

function targetsOf(region: RegionCode, presentations: readonly PresentationCode[]): Targets {
  const byPresentation = FIRST_TARGETS[region];
  if (byPresentation) for (const p of presentations) if (byPresentation[p]) return byPresentation[p];
  return REGION_TARGETS[region];
}

export interface Focus {
  region: RegionCode;
  /** Side bits still open to treatment. */
  mask: number;
  priority: number;
  /** The tissues to work, the presentation's own first (plantar fascia for heel pain…). */
  targets: string[];
  /** The first two targets in words, for the rationale. */
  tissues: string;
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
  for (const a of facts.painAreas)
    if (a.namedIn)
      explain.add(
        'focus.named_in_complaint',
        `No pain location given: the ${placeName(a.region, sideOf(a.mask))} is worked because the complaint names it ("${a.namedIn}").`,
      );
  // With no place given or named, only a stress goal has a place of its own (where tension is held);
  // hands are never put on a region for pain the patient did not name.
  if (wanted.length === 0 && facts.goalTypes.includes('stress_reduction')) {
    const regions = GOALS.stress_reduction.defaultRegions;
    explain.add(
      'focus.default_regions',
      `No painful region recorded: relaxation work on the ${regions.map((r) => placeName(r, null)).join(', ')}, where tension is commonly held.`,
    );
    for (const region of regions) want(wanted, region, coverage(region, 'bilateral'), 'default region');
  } else if (wanted.length === 0) {
    explain.add('focus.no_region', 'No painful region given or named in the complaint: no hands-on work until the therapist records where it hurts.');
  }

  const areas: Focus[] = [];
  const presentations = caseSigns(facts).presentations;
  for (const w of wanted) {
    const rules = regionRules(restrictions, w.region);
    const operated = w.mask & rules.drainsMask;
    if (rules.drainsTo && operated !== 0 && !wanted.some((x) => x.region === rules.drainsTo)) {
      const next = rules.drainsTo;
      explain.add(
        'focus.proximal_drainage',
        `The ${placeName(w.region, sideOf(operated))} is freshly operated: its swelling is drained from the ${placeName(next, sideOf(operated))}, the next region towards the trunk.`,
      );
      want(wanted, next, coverage(next, sideOf(operated)), `drainage of the operated ${placeName(w.region, null)}`);
    }
    const open = w.mask & ~rules.avoidMask;
    if (open === 0) {
      explain.add('focus.region_left_alone', `The ${placeName(w.region, sideOf(w.mask))} (${w.why}) is left alone: ${rules.avoidRuleIds.join(', ')}.`);
      continue;
    }
    if (open !== w.mask) {
      explain.add('focus.side_left_alone', `On the ${placeName(w.region, null)} only the ${sideOf(open)} side is worked: ${rules.avoidRuleIds.join(', ')}.`);
    }
    const { targets, tissues } = targetsOf(w.region, presentations);
    areas.push({ region: w.region, mask: open, priority: areas.length + 1, targets, tissues });
  }
  if (areas.length > 0) explain.add('focus.order', 'Focus areas: the most painful region first, then measured joints; one area per region.');
  return areas;
}

/** The focus areas as the plan shows them. */
export function toFocusAreas(areas: Focus[]): FocusArea[] {
  return areas.map((a) => ({ region: a.region, side: sideOf(a.mask), priority: a.priority, targetMuscles: [...a.targets] }));
}
