// Turns findings into what they change in the plan, region by region: parts of a region left alone,
// pressure ceilings, techniques ruled out, post-surgical phases. Precautions change the plan, not
// only its text (SPEC §4); each restriction keeps the rule that set it, for the rationale.
import type { CaseFacts, SurgeryFact } from '../case.facts';
import { CONDITION_CODES, CONDITIONS, type ConditionCode } from '../catalog/catalog.conditions';
import { CHRONICITY, MECHANISMS } from '../catalog/catalog.goals';
import { lymphQuadrant, REGION_CODES, REGIONS, type RegionCode } from '../catalog/catalog.regions';
import { TECHNIQUE_CODES, TECHNIQUES, type TechniqueCode } from '../catalog/catalog.techniques';
import { CHRONICITIES, EFFECT_TYPES, type Chronicity, type ConditionEffect, type Pressure } from '../catalog/catalog.types';
import { LYMPH_NODE_PROCEDURES, PROCEDURES, protocolPhase, type ProtocolMovementTag, type RomLimit } from '../catalog/catalog.surgeries';
import { Explainer, exclusion, placeName, PRESSURE_RANK, sideOf, WHOLE } from '../engine.util';
import { swollenRegions } from './complaint.reader';
import type { ScreeningOutcome } from './screening.rules';

/** Techniques that move a joint towards its end range: a protocol's ban on them holds wherever they would move the operated joint. */
const JOINT_LOADING: ReadonlySet<TechniqueCode> = new Set(['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique']);

/** The injured regions reported swollen (with `bruising`, or bruised): by their quality, or where the complaint says so. */
function injurySwelling(facts: CaseFacts, painRegions: readonly RegionCode[], bruising: boolean): RegionCode[] {
  const swollen = facts.painAreas.filter((a) => a.qualities.includes('swelling')).map((a) => a.region);
  for (const r of swollenRegions(facts.complaint, painRegions, bruising, facts.today)) if (painRegions.includes(r) && !swollen.includes(r)) swollen.push(r);
  return swollen;
}

/** Incisions close in about 14 days; remodelling starts around 6 weeks (wound healing phases). */
export const INCISION_CLOSED_DAYS = 14;
const REMODELLING_DAYS = 42;
const INFECTION_CODES: ReadonlySet<ConditionCode> = new Set(['local_infection', 'acute_infection', 'fever']);
const MATURING_DAYS = 84;

export interface RegionRules {
  /** Side bits of the region where nothing may be done. */
  avoidMask: number;
  avoidRuleIds: string[];
  /** Pressure ceilings that apply here, with the rule behind each. */
  caps: { rank: number; ruleId: string }[];
  /** Technique bits (index in TECHNIQUE_CODES) ruled out here. */
  forbidden: number;
  /** Days since surgery when this is an operated region under the healing-phase rules; else null. */
  surgicalDays: number | null;
  /** The rule that makes manual lymphatic drainage the core technique here (lymphoedema, a fresh injury); else null. */
  drainageRuleId: string | null;
  /** An operated region whose incision is still open: the region towards the trunk that is worked instead; else null. */
  drainsTo: RegionCode | null;
  /** The sides of it that were operated (a left knee drains to the left thigh). */
  drainsMask: number;
}

/** What applies everywhere, and what applies to single regions on top of it. */
export interface Restrictions {
  everywhere: RegionRules;
  regions: Partial<Record<RegionCode, RegionRules>>;
  precautions: string[];
  /** Surgery protocols: no range-of-motion target beyond these. */
  romLimits: (RomLimit & { ruleId: string })[];
  /** Movements the home program must not ask for, with the rule behind each. */
  forbiddenMovements: { tag: ProtocolMovementTag; ruleId: string }[];
}

const TECHNIQUE_BIT = new Map(TECHNIQUE_CODES.map((t, i) => [t, 1 << i]));
const bit = (t: TechniqueCode) => TECHNIQUE_BIT.get(t) as number;
const emptyRules = (): RegionRules => ({
  avoidMask: 0,
  avoidRuleIds: [],
  caps: [],
  forbidden: 0,
  surgicalDays: null,
  drainageRuleId: null,
  drainsTo: null,
  drainsMask: 0,
});
/** Techniques that take a joint through its range: not from the region next to a fresh operation. */
const MOVES_OPERATED_JOINT: TechniqueCode[] = ['pnf_stretching', 'muscle_energy_technique', 'joint_mobilisation'];
/**
 * The next region towards the trunk on a limb. While an operated joint's incision is open, the therapist
 * drains its swelling from there (surgery protocols: swelling management early after a knee
 * replacement) rather than leaving the patient without a plan.
 */
const PROXIMAL: Partial<Record<RegionCode, RegionCode>> = {
  ankle_foot: 'calf',
  calf: 'knee',
  knee: 'thigh',
  wrist_hand: 'forearm',
  forearm: 'elbow',
  elbow: 'upper_arm',
};
const NONE: RegionRules = emptyRules();
const NO_RULES: string[] = [];
const EFFECT_RULE_IDS = Object.fromEntries(CONDITION_CODES.map((c) => [c, Object.fromEntries(EFFECT_TYPES.map((t) => [t, `condition.${c}.${t}`]))])) as Record<
  ConditionCode,
  Record<ConditionEffect['type'], string>
>;
const CHRONICITY_PRESSURE_RULE_IDS = Object.fromEntries(CHRONICITIES.map((c) => [c, `chronicity.${c}.pressure`])) as Record<Chronicity, string>;
const ACUTE_INJURY_AVOID = TECHNIQUE_CODES.filter((t) => TECHNIQUES[t].avoidInAcuteInjury);
/** Lymph stagnates in the whole limb, not only where it is coded: these conditions act on its lymphatic quadrant. */
const LYMPHATIC_CONDITIONS: ReadonlySet<ConditionCode> = new Set(['lymphoedema']);
/** Vigorous stretching and friction load a limb whose lymph drainage is impaired. */
const LYMPH_RISK_FORBID: TechniqueCode[] = ['pnf_stretching', 'muscle_energy_technique', 'cross_fiber_friction'];
/** In the first week after an injury the site bleeds and swells (inflammatory phase): no firm or stretching work on it. */
const FIRST_WEEK = 1;
const FIRST_WEEK_AVOID = TECHNIQUE_CODES.filter((t) => TECHNIQUES[t].handsOn && TECHNIQUES[t].intensity !== 'gentle');

/** Every region of the lymphatic quadrants of these regions, once each. */
function quadrantsOf(regions: readonly RegionCode[]): RegionCode[] {
  const out: RegionCode[] = [];
  for (const r of regions) for (const q of lymphQuadrant(r)) if (!out.includes(q)) out.push(q);
  return out;
}

/** Accumulates restrictions, each with the rule (and its reason) that set it. */
class Builder {
  readonly everywhere = emptyRules();
  readonly regions: Partial<Record<RegionCode, RegionRules>> = {};
  readonly precautions: string[] = [];
  readonly romLimits: Restrictions['romLimits'] = [];
  readonly forbiddenMovements: Restrictions['forbiddenMovements'] = [];

  constructor(private readonly explain: Explainer) {}

  at(region: RegionCode): RegionRules {
    return (this.regions[region] ??= emptyRules());
  }

  /** A pressure ceiling; `where` null means everywhere. */
  cap(where: readonly RegionCode[] | null, pressure: Pressure, ruleId: string, because: string): void {
    this.explain.add(ruleId, because);
    const entry = { rank: PRESSURE_RANK[pressure], ruleId };
    if (where === null) this.everywhere.caps.push(entry);
    else for (const r of where) this.at(r).caps.push(entry);
  }

  forbid(where: readonly RegionCode[] | null, techniques: readonly TechniqueCode[], ruleId: string, because: string): void {
    this.explain.add(ruleId, because);
    let bits = 0;
    for (const t of techniques) bits |= bit(t);
    if (where === null) this.everywhere.forbidden |= bits;
    else for (const r of where) this.at(r).forbidden |= bits;
  }

  avoid(region: RegionCode, mask: number, ruleId: string, because: string): void {
    this.explain.add(ruleId, because);
    const rules = this.at(region);
    rules.avoidMask |= mask;
    if (!rules.avoidRuleIds.includes(ruleId)) rules.avoidRuleIds.push(ruleId);
  }

  /** Manual lymphatic drainage becomes the core technique on these regions. */
  drainage(where: readonly RegionCode[], ruleId: string, because: string): void {
    this.explain.add(ruleId, because);
    for (const r of where) this.at(r).drainageRuleId ??= ruleId;
  }

  /** A fresh or still swollen injury site: light pressure, only gentle hands-on work, drainage first. */
  freshInjury(where: readonly RegionCode[], ruleId: string, because: string): void {
    this.cap(where, 'light', ruleId, because);
    this.forbid(where, FIRST_WEEK_AVOID, ruleId, because);
    this.drainage(where, ruleId, because);
  }

  /** An incision still open on a limb joint: light drainage on the next region towards the trunk. */
  proximalDrainage(region: RegionCode, mask: number, days: number | null): void {
    const next = PROXIMAL[region];
    if (!next) return;
    this.at(region).drainsTo = next;
    this.at(region).drainsMask |= mask;
    const when = days === null ? 'surgery date unknown' : `day ${days} after surgery`;
    const because = `Operated ${placeName(region, null)} (${when}, incision not yet closed): light lymphatic drainage on the ${placeName(next, null)}, towards the trunk.`;
    this.cap([next], 'light', 'surgery.proximal_drainage', because);
    this.drainage([next], 'surgery.proximal_drainage', because);
    this.forbid(
      [next],
      MOVES_OPERATED_JOINT,
      'surgery.proximal_drainage',
      `Stretching and mobilising from the ${placeName(next, null)} would take the operated ${placeName(region, null)} through its range: the surgeon's protocol decides that.`,
    );
  }

  precaution(ruleId: string, text: string): void {
    this.explain.add(ruleId, text);
    this.precautions.push(text);
  }

  /** A recent surgery site: left alone until the incision has closed, then the healing-phase rules. */
  surgicalSite(region: RegionCode, mask: number, days: number | null): void {
    if (days === null || days < INCISION_CLOSED_DAYS) {
      const when = days === null ? 'surgery date unknown' : `day ${days} after surgery`;
      this.avoid(
        region,
        mask,
        'surgery.incision_open',
        `Recent surgery site (${when}): no work on the ${placeName(region, sideOf(mask))} until the incision has closed (~${INCISION_CLOSED_DAYS} days).`,
      );
      this.proximalDrainage(region, mask, days);
    } else {
      this.surgicalPhase(region, days);
    }
  }

  /** Wound healing: techniques only from their stage of healing; light pressure until remodelling, moderate while the scar matures. */
  surgicalPhase(region: RegionCode, days: number): void {
    this.at(region).surgicalDays = days;
    const early = TECHNIQUE_CODES.filter((t) => TECHNIQUES[t].minDaysAfterSurgery > days);
    if (early.length > 0) {
      this.forbid(
        [region],
        early,
        'surgery.phase',
        `Day ${days} after surgery: only techniques cleared for this stage of healing on the operated ${placeName(region, null)} (deep and friction work after ~${REMODELLING_DAYS} days).`,
      );
    }
    if (days < REMODELLING_DAYS)
      this.cap(
        [region],
        'light',
        'surgery.phase.pressure',
        `Day ${days} after surgery: light pressure on the operated region until remodelling (~${REMODELLING_DAYS} days).`,
      );
    else if (days < MATURING_DAYS)
      this.cap(
        [region],
        'moderate',
        'surgery.phase.pressure',
        `Day ${days} after surgery: moderate pressure at most on the operated region while the scar matures.`,
      );
  }

  /** An operation recorded in `screening.surgeries`: the site's healing phase and the procedure's protocol. */
  operation(surgery: SurgeryFact): void {
    const { region, days } = surgery;
    if (region === null) return;
    const entry = PROCEDURES[surgery.procedure];
    if (days < INCISION_CLOSED_DAYS) {
      // A side told of an unpaired region ("microdiscectomy L4/5 (L)") is the approach, not half the back.
      this.avoid(
        region,
        REGIONS[region].paired ? exclusion(surgery.side) : WHOLE,
        'surgery.incision_open',
        `${entry.label} on day ${days}: no work on the ${placeName(region, surgery.side)} until the incision has closed (~${INCISION_CLOSED_DAYS} days).`,
      );
      this.proximalDrainage(region, REGIONS[region].paired ? exclusion(surgery.side) : WHOLE, days);
    } else {
      this.surgicalPhase(region, days);
    }
    // Lymph-node removal puts the limb of that quadrant at risk of lymphoedema for life, not only while
    // the protocol's early phase lasts (team reference).
    if (LYMPH_NODE_PROCEDURES.has(surgery.procedure)) {
      const limb = quadrantsOf([region]).filter((r) => r !== region);
      const ruleId = `surgery.${surgery.procedure}.lymphoedema_risk`;
      const because = `${entry.label}: light pressure and no vigorous stretching or friction on the limb of that side (lymphoedema risk).`;
      this.cap(limb, 'light', ruleId, because);
      this.forbid(limb, LYMPH_RISK_FORBID, ruleId, because);
    }
    const phase = protocolPhase(surgery.procedure, surgery.approach, days);
    if (!phase) return;
    const ruleId = `surgery.${surgery.procedure}.protocol`;
    if (phase.forbidTechniques.length > 0) {
      this.forbid([region], phase.forbidTechniques, ruleId, `${entry.label}, day ${days}: ${phase.instruction}`);
      // Mobilisation and contract-relax stretching of a region that moves the operated joint (the buttock
      // for a hip) take that joint towards the end range the protocol protects.
      const joint = REGIONS[region].joint;
      const movers = joint === null ? [] : REGION_CODES.filter((r) => r !== region && REGIONS[r].joint === joint);
      const loading = phase.forbidTechniques.filter((t) => JOINT_LOADING.has(t));
      if (movers.length > 0 && loading.length > 0) this.forbid(movers, loading, ruleId, `${entry.label}, day ${days}: ${phase.instruction}`);
    } else {
      this.explain.add(ruleId, `${entry.label}, day ${days}: ${phase.instruction}`);
    }
    for (const limit of phase.romLimits) this.romLimits.push({ ...limit, ruleId });
    for (const tag of phase.forbidMovements) this.forbiddenMovements.push({ tag, ruleId });
  }
}

/** Builds the restrictions of a plan that goes ahead. */
export function buildRestrictions(facts: CaseFacts, outcome: ScreeningOutcome, explain: Explainer): Restrictions {
  const b = new Builder(explain);
  const painRegions = facts.painAreas.map((a) => a.region);

  let surgicalSiteGiven = false;
  const infected = outcome.conditions.some((c) => INFECTION_CODES.has(c.code));
  for (const condition of outcome.conditions) {
    const entry = CONDITIONS[condition.code];
    const coded = condition.places.map((p) => p.region);
    const lymphatic = LYMPHATIC_CONDITIONS.has(condition.code);
    const local = lymphatic ? quadrantsOf(coded) : coded;
    if (lymphatic && local.length > 0)
      b.drainage(
        local,
        `condition.${condition.code}.drainage`,
        `${entry.label}: manual lymphatic drainage at light pressure is the core technique on the whole limb of that side.`,
      );
    for (const effect of entry.effects) {
      const ruleId = EFFECT_RULE_IDS[condition.code][effect.type];
      if (effect.type === 'avoid_region') {
        const places = effect.regions ? effect.regions.map((region) => ({ region, mask: WHOLE })) : condition.places;
        for (const p of places) {
          b.avoid(p.region, p.mask, ruleId, `${entry.label}: nothing on the ${placeName(p.region, sideOf(p.mask))}.`);
          // The incision of an operated limb told as still open ("graft harvest wound still scabbed" on day 16): its
          // swelling is drained from the next region towards the trunk, as while any incision is open.
          // Not for an old operation, the other side's, or a wound that looks infected (then nothing is drained towards the trunk).
          if (condition.code === 'open_wound' && !infected) {
            const operation = facts.surgeries.find((s) => s.region === p.region && s.days < REMODELLING_DAYS && (p.mask & exclusion(s.side)) !== 0);
            if (operation) b.proximalDrainage(p.region, p.mask & exclusion(operation.side), operation.days);
          }
        }
      } else if (effect.type === 'max_pressure') {
        const where = effect.regions ?? (entry.scope === 'local' ? local : null);
        const scope = effect.regions ? ` on ${effect.regions.map((r) => placeName(r, null)).join(', ')}` : '';
        b.cap(where, effect.pressure, ruleId, `${entry.label}: ${effect.pressure} pressure at most${scope}.`);
      } else if (effect.type === 'forbid_technique') {
        const where = effect.regions ?? (entry.scope === 'local' ? local : null);
        const scope = effect.regions ? ` on ${effect.regions.map((r) => placeName(r, null)).join(', ')}` : '';
        b.forbid(where, effect.techniques, ruleId, `${entry.label}: no ${effect.techniques.map((t) => TECHNIQUES[t].label.toLowerCase()).join(', ')}${scope}.`);
      } else if (effect.type === 'positioning') {
        b.precaution(ruleId, effect.instruction);
      } else if (effect.type === 'clearance') {
        b.precaution(ruleId, `${entry.label}: obtain clearance from ${effect.from} before treatment.`);
      } else {
        surgicalSiteGiven = true;
        // In a post-surgical plan the operated region follows the healing phases (drainage around the
        // incision from the start); otherwise the site is left alone until the incision has closed.
        for (const p of condition.places) {
          // A recorded operation at the same region dates the site; else the single surgery date does.
          const days = facts.surgeries.find((s) => s.region === p.region)?.days ?? facts.surgeryDays;
          if (facts.mechanism === 'post_surgical') b.surgicalPhase(p.region, days ?? 0);
          else b.surgicalSite(p.region, p.mask, days);
        }
      }
    }
  }

  for (const surgery of facts.surgeries) b.operation(surgery);
  const siteRecorded = surgicalSiteGiven || facts.surgeries.some((s) => s.region !== null);

  // Post-surgical without a coded site: the painful regions are the operated ones. Manual lymphatic
  // drainage may start early, around (never over) the incision; scar work once it has closed.
  if (facts.mechanism === 'post_surgical' && !siteRecorded) {
    for (const region of painRegions) b.surgicalPhase(region, facts.surgeryDays ?? 0);
  } else if (!siteRecorded && facts.surgeryDays !== null && facts.surgeryDays < REMODELLING_DAYS) {
    // An operation without a site may be in a painful region: an open incision there is left alone,
    // a closed one is treated as healing tissue, until the therapist records where it is.
    const days = facts.surgeryDays;
    for (const area of facts.painAreas) {
      if (days < INCISION_CLOSED_DAYS) {
        b.avoid(
          area.region,
          area.mask,
          'surgery.site_not_recorded',
          `Operation ${days} days ago, site not recorded: the painful regions are left alone until the incision is located.`,
        );
        b.proximalDrainage(area.region, area.mask, days);
      } else
        b.cap(
          [area.region],
          'light',
          'surgery.site_not_recorded',
          `Operation ${days} days ago, site not recorded: light pressure on the painful regions until the incision is located.`,
        );
    }
  }
  // A wound that looks infected is not drained towards the trunk, whatever opened it.
  if (infected) for (const rules of Object.values(b.regions)) rules.drainsTo = null;

  const age = facts.age;
  if (age !== null && age >= 80) {
    b.cap(null, 'light', 'age.older_adult', `Age ${age}: light pressure only.`);
    b.forbid(null, ['joint_mobilisation'], 'age.older_adult', `Age ${age}: no joint mobilisation.`);
  } else if (age !== null && age >= 65) {
    b.cap(null, 'moderate', 'age.older_adult', `Age ${age}: no firm pressure or deep friction.`);
  }
  if (outcome.findings.some((f) => f.code === 'severe_pain')) {
    b.cap(null, 'moderate', 'measures.severe_pain', 'Severe pain (NRS ≥ 9): start gently, moderate pressure at most.');
  }
  const chronicity = CHRONICITY[facts.chronicity];
  if (chronicity.maxPressureOnPainRegions !== 'firm' && painRegions.length > 0) {
    const because = `${chronicity.label}: ${chronicity.maxPressureOnPainRegions} pressure at most on the painful regions.`;
    b.cap(painRegions, chronicity.maxPressureOnPainRegions, CHRONICITY_PRESSURE_RULE_IDS[facts.chronicity], because);
  }
  if (MECHANISMS[facts.mechanism].injury && facts.chronicity === 'acute' && painRegions.length > 0) {
    const because = `Acute ${facts.mechanism} injury (< 6 weeks): no friction, deep or stretching work on the injured regions yet.`;
    b.forbid(painRegions, ACUTE_INJURY_AVOID, 'mechanism.acute_injury', because);
  }
  if (MECHANISMS[facts.mechanism].injury && facts.durationWeeks !== null && facts.durationWeeks < FIRST_WEEK && painRegions.length > 0) {
    // Drainage has work only where the site is swollen or bruised; an injury told without either
    // (or with them denied) gets the light limits and gentle effleurage, not drainage.
    const swollen = injurySwelling(facts, painRegions, true);
    const because = `${MECHANISMS[facts.mechanism].label}, under a week ago: the site may still bleed and swell — light work only (${swollen.length > 0 ? 'lymphatic drainage, ' : ''}light effleurage), no deep or stretching work on it.`;
    b.cap(painRegions, 'light', 'mechanism.acute_injury.first_week', because);
    b.forbid(painRegions, FIRST_WEEK_AVOID, 'mechanism.acute_injury.first_week', because);
    if (swollen.length > 0) b.drainage(swollen, 'mechanism.acute_injury.first_week', because);
  } else if (MECHANISMS[facts.mechanism].injury && facts.chronicity === 'acute') {
    // Swelling on an injured region still in the acute phase: the inflammatory phase has not settled there.
    const swollen = injurySwelling(facts, painRegions, false);
    if (swollen.length > 0) {
      const because = `${MECHANISMS[facts.mechanism].label} in the acute phase, still swollen: light work only on the swollen site (lymphatic drainage, light effleurage), no deep or stretching work on it.`;
      b.freshInjury(swollen, 'mechanism.acute_injury.swelling', because);
    }
  }
  const preferred = facts.preferences.pressure;
  if (preferred && preferred !== 'firm')
    b.cap(null, preferred, 'preference.pressure', `The patient prefers ${preferred} pressure (an upper bound; precautions may lower it).`);

  // The therapist's checklist: every caution, then the advisory notes (guardian consent, referral for stress…).
  for (const severity of ['caution', 'info'] as const) {
    for (const f of outcome.findings) if (f.severity === severity && !b.precautions.includes(f.message)) b.precautions.push(f.message);
  }
  return { everywhere: b.everywhere, regions: b.regions, precautions: b.precautions, romLimits: b.romLimits, forbiddenMovements: b.forbiddenMovements };
}

/** The tightest protocol limit on a joint movement, if any. */
export function romLimit(restrictions: Restrictions, joint: string, movement: string): (RomLimit & { ruleId: string }) | null {
  let tightest: (RomLimit & { ruleId: string }) | null = null;
  for (const l of restrictions.romLimits) if (l.joint === joint && l.movement === movement && (!tightest || l.maxDegrees < tightest.maxDegrees)) tightest = l;
  return tightest;
}

/** The rules of one region (without those that apply everywhere). */
export function regionRules(restrictions: Restrictions, region: RegionCode): RegionRules {
  return restrictions.regions[region] ?? NONE;
}

/** The pressure ceiling on a region and the rules that bind it below what a technique wants. */
export function pressureCap(restrictions: Restrictions, region: RegionCode, wanted: Pressure): { rank: number; ruleIds: string[] } {
  const wantedRank = PRESSURE_RANK[wanted];
  const caps = regionRules(restrictions, region).caps;
  const global = restrictions.everywhere.caps;
  let rank = wantedRank;
  for (const c of global) if (c.rank < rank) rank = c.rank;
  for (const c of caps) if (c.rank < rank) rank = c.rank;
  if (rank === wantedRank) return { rank, ruleIds: NO_RULES };
  const ruleIds: string[] = [];
  for (const c of global) if (c.rank === rank && !ruleIds.includes(c.ruleId)) ruleIds.push(c.ruleId);
  for (const c of caps) if (c.rank === rank && !ruleIds.includes(c.ruleId)) ruleIds.push(c.ruleId);
  return { rank, ruleIds };
}

/** The technique bits (1 << index in TECHNIQUE_CODES) ruled out on a region. */
export function forbiddenBits(restrictions: Restrictions, region: RegionCode): number {
  return restrictions.everywhere.forbidden | regionRules(restrictions, region).forbidden;
}
