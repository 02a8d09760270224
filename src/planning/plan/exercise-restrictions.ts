// Which exercise tags the case forbids: conditions (pregnancy, osteoporosis, lymphoedema…), the acute
// injury, the post-surgical phase and protocol, age. The one place that maps a condition or situation
// to forbidden home-exercise tags; the home program never offers an exercise carrying one of them.
import type { CaseFacts } from '../case.facts';
import { EXERCISE_TAGS, type ExerciseTag } from '../catalog/catalog.exercises';
import { MECHANISMS } from '../catalog/catalog.goals';
import type { ProtocolMovementTag } from '../catalog/catalog.surgeries';

/** Bit of each tag, for a mask test per exercise. */
export const TAG_BIT = Object.fromEntries(EXERCISE_TAGS.map((t, i) => [t, 1 << i])) as Record<ExerciseTag, number>;

/** Days after surgery with protective precautions (most protocols: ~6 weeks). */
export const PROTECTED_DAYS = 42;
/** Days after surgery before impact (maturing tissue, ~12 weeks). */
const IMPACT_DAYS = 84;
/** Pregnancy weeks after which lying supine compresses the vena cava. */
const SUPINE_PREGNANCY_WEEKS = 20;

export interface TagRule {
  tags: readonly ExerciseTag[];
  because: string;
}

/** Condition code → forbidden tags. Codes are strings so that conditions the catalog adds later plug in here. */
export const CONDITION_TAGS: Readonly<Record<string, TagRule>> = {
  pregnancy: {
    tags: ['supine_lying', 'prone_lying', 'abdominal_loading', 'high_impact'],
    because: 'Pregnancy (after about 20 weeks, or weeks not recorded): no lying on the back or front, no abdominal loading, no impact.',
  },
  osteoporosis: {
    tags: ['spinal_flexion_loaded', 'spinal_twist_loaded', 'spinal_bend_twist', 'high_impact'],
    because: 'Osteoporosis: no loaded spinal flexion or twisting (Sinaki 1984), no repeated or end-range bending or turning of the spine, no high impact.',
  },
  osteopenia: { tags: ['high_impact'], because: 'Osteopenia: no high-impact exercise.' },
  lymphoedema: { tags: ['vigorous_limb_stretch', 'heat'], because: 'Lymphoedema: no vigorous stretching of the limb, no heat.' },
  diabetic_neuropathy: { tags: ['heat', 'unsupported_balance'], because: 'Diabetic neuropathy: no heat on numb skin; balance work only beside a support.' },
  fibromyalgia: { tags: ['high_impact', 'heavy_loading'], because: 'Fibromyalgia: graded, low-load exercise first (EULAR 2016).' },
  heart_disease: { tags: ['heavy_loading'], because: 'Heart disease: no heavy straining (breath-holding) until cleared.' },
  uncontrolled_hypertension: { tags: ['heavy_loading'], because: 'High blood pressure: no heavy straining.' },
  controlled_hypertension: { tags: ['heavy_loading'], because: 'Hypertension: no heavy straining.' },
  elevated_blood_pressure: { tags: ['heavy_loading'], because: 'Raised blood pressure: no heavy straining.' },
  antiplatelets: { tags: ['heat'], because: 'Antiplatelets: no heat (bruising risk).' },
  dvt_history: { tags: ['heat'], because: 'Previous DVT: no heat on the leg.' },
  recent_fracture: { tags: ['heavy_loading', 'high_impact'], because: 'Recent fracture: no heavy loading or impact until healed.' },
  recent_neck_trauma: { tags: ['neck_end_range'], because: 'Recent neck trauma: no end-range neck stretching.' },
  fragile_skin: { tags: ['heat'], because: 'Fragile skin: no heat.' },
  radiation_skin: { tags: ['heat'], because: 'Radiation-inflamed skin: no heat.' },
  burn: { tags: ['heat'], because: 'Burn: no heat.' },
  open_wound: { tags: ['heat'], because: 'Open wound: no heat.' },
  local_infection: { tags: ['heat'], because: 'Local infection or inflammation: no heat.' },
  bleeding_disorder: { tags: ['heat'], because: 'Bleeding disorder: no heat.' },
  anticoagulants: {
    tags: ['heat', 'unsupported_balance'],
    because: 'Anticoagulants: no heat, and balance work only beside a support (a fall risks bleeding).',
  },
  deep_vein_thrombosis: { tags: ['heat'], because: 'Deep vein thrombosis history: no heat on the leg.' },
  cancer: { tags: ['heat'], because: 'Cancer: no heat over the site.' },
};

/** The facts the restrictions read; CaseFacts provides them (the optional ones when it knows them). */
export type ExerciseFacts = Pick<CaseFacts, 'chronicity' | 'mechanism' | 'surgeryDays' | 'age'> & {
  pregnancyWeeks?: number | null;
  /**
   * Movements the surgery protocols in force forbid (restrictions.forbiddenMovements, from the
   * catalog's procedures), with the protocol rule behind each: the catalog stays their one source.
   */
  protocolMovements?: readonly { tag: ProtocolMovementTag; ruleId: string }[];
};

export interface ForbiddenTags {
  /** Bits of TAG_BIT. */
  mask: number;
  /** Why, one entry per rule that forbade something. */
  reasons: { ruleId: string; tags: readonly ExerciseTag[]; because: string; text: string }[];
}

const ACUTE_INJURY: TagRule = { tags: ['heavy_loading', 'high_impact'], because: 'Acute injury (< 6 weeks): no heavy loading or impact yet.' };
const EARLY_POST_SURGICAL: TagRule = {
  tags: ['heavy_loading', 'high_impact', 'vigorous_limb_stretch'],
  because: 'Early after surgery (< 6 weeks): no heavy loading, impact or vigorous stretching.',
};
const MATURING_POST_SURGICAL: TagRule = { tags: ['high_impact'], because: 'Under 12 weeks after surgery: no impact yet.' };
const VERY_OLD: TagRule = { tags: ['unsupported_balance', 'high_impact'], because: 'Age 80 or over: balance work beside a support, no impact.' };
const NO_REASONS: ForbiddenTags['reasons'] = [];

// Masks and rationale texts of the rules, built once.
const PREPARED = new WeakMap<TagRule, { mask: number; text: string }>();
function prepared(rule: TagRule): { mask: number; text: string } {
  let p = PREPARED.get(rule);
  if (!p) {
    let mask = 0;
    for (const t of rule.tags) mask |= TAG_BIT[t];
    p = { mask, text: `${rule.because} (home exercises tagged ${rule.tags.join(', ')} are left out)` };
    PREPARED.set(rule, p);
  }
  return p;
}

function add(out: ForbiddenTags, ruleId: string, rule: TagRule): void {
  const p = prepared(rule);
  out.mask |= p.mask;
  if (out.reasons === NO_REASONS) out.reasons = [];
  out.reasons.push({ ruleId, tags: rule.tags, because: rule.because, text: p.text });
}

/** Protocol movements grouped by the rule that forbids them, in first-seen order. */
function byRule(movements: readonly { tag: ProtocolMovementTag; ruleId: string }[]): Map<string, ProtocolMovementTag[]> {
  const grouped = new Map<string, ProtocolMovementTag[]>();
  for (const m of movements) {
    const tags = grouped.get(m.ruleId);
    if (!tags) grouped.set(m.ruleId, [m.tag]);
    else if (!tags.includes(m.tag)) tags.push(m.tag);
  }
  return grouped;
}

/** The exercise tags forbidden for a case, from its active condition codes and facts, with the rule behind each. */
export function forbiddenExerciseTags(codes: ReadonlySet<string>, facts: ExerciseFacts): ForbiddenTags {
  const out: ForbiddenTags = { mask: 0, reasons: NO_REASONS };
  for (const code of codes) {
    const rule = CONDITION_TAGS[code];
    if (!rule) continue;
    // Before 20 weeks lying supine is still fine; unknown weeks are treated as later.
    if (code === 'pregnancy' && facts.pregnancyWeeks != null && facts.pregnancyWeeks <= SUPINE_PREGNANCY_WEEKS) continue;
    add(out, `exercise.condition.${code}`, rule);
  }
  if (MECHANISMS[facts.mechanism].injury && facts.chronicity === 'acute') add(out, 'exercise.acute_injury', ACUTE_INJURY);
  if (facts.mechanism === 'post_surgical') {
    const days = facts.surgeryDays;
    if (days === null || days < PROTECTED_DAYS) add(out, 'exercise.post_surgical.early', EARLY_POST_SURGICAL);
    else if (days < IMPACT_DAYS) add(out, 'exercise.post_surgical.maturing', MATURING_POST_SURGICAL);
  }
  for (const [ruleId, tags] of byRule(facts.protocolMovements ?? [])) {
    add(out, `exercise.${ruleId}`, { tags, because: `Surgery protocol (${ruleId}): no ${tags.map((t) => t.replace(/_/g, ' ')).join(', ')} while it lasts.` });
  }
  if (facts.age !== null && facts.age >= 80) add(out, 'exercise.age.older_adult', VERY_OLD);
  return out;
}
