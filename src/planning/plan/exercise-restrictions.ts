// Which exercise tags the case forbids: conditions (pregnancy, osteoporosis, lymphoedema…), the acute
// injury, the post-surgical phase and protocol, age. The one place that maps a condition or situation
// to forbidden home-exercise tags; the home program never offers an exercise carrying one of them.
import type { CaseFacts } from '../case.facts';
import { EXERCISE_TAGS, type ExerciseTag } from '../catalog/catalog.exercises';
import { MECHANISMS } from '../catalog/catalog.goals';

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
  pregnancy: { tags: ['supine_lying', 'prone_lying', 'abdominal_loading', 'high_impact'], because: 'Pregnancy (after about 20 weeks, or weeks not recorded): no lying on the back or front, no abdominal loading, no impact.' },
  osteoporosis: { tags: ['spinal_flexion_loaded', 'spinal_twist_loaded', 'high_impact'], because: 'Osteoporosis: no loaded spinal flexion or twisting (Sinaki 1984), no high impact.' },
  osteopenia: { tags: ['high_impact'], because: 'Osteopenia: no high-impact exercise.' },
  lymphoedema: { tags: ['vigorous_limb_stretch', 'heat'], because: 'Lymphoedema: no vigorous stretching of the limb, no heat.' },
  diabetic_neuropathy: { tags: ['heat', 'unsupported_balance'], because: 'Diabetic neuropathy: no heat on numb skin; balance work only beside a support.' },
  fibromyalgia: { tags: ['high_impact', 'heavy_loading'], because: 'Fibromyalgia: graded, low-load exercise first (EULAR 2016).' },
  heart_disease: { tags: ['heavy_loading'], because: 'Heart disease: no heavy straining (breath-holding) until cleared.' },
  uncontrolled_hypertension: { tags: ['heavy_loading'], because: 'High blood pressure: no heavy straining.' },
  hypertension: { tags: ['heavy_loading'], because: 'Hypertension: no heavy straining.' },
  recent_fracture: { tags: ['heavy_loading', 'high_impact'], because: 'Recent fracture: no heavy loading or impact until healed.' },
  recent_neck_trauma: { tags: ['neck_end_range'], because: 'Recent neck trauma: no end-range neck stretching.' },
  fragile_skin: { tags: ['heat'], because: 'Fragile skin: no heat.' },
  radiation_skin: { tags: ['heat'], because: 'Radiation-inflamed skin: no heat.' },
  burn: { tags: ['heat'], because: 'Burn: no heat.' },
  open_wound: { tags: ['heat'], because: 'Open wound: no heat.' },
  local_infection: { tags: ['heat'], because: 'Local infection or inflammation: no heat.' },
  bleeding_disorder: { tags: ['heat'], because: 'Bleeding disorder: no heat.' },
  anticoagulants: { tags: ['heat'], because: 'Anticoagulants: no heat (bruising and bleeding risk).' },
  deep_vein_thrombosis: { tags: ['heat'], because: 'Deep vein thrombosis history: no heat on the leg.' },
  cancer: { tags: ['heat'], because: 'Cancer: no heat over the site.' },
};

/** Surgery protocol → tags forbidden while it protects the joint (the surgeon's protocol wins). */
export const SURGERY_PROTOCOL_TAGS: Readonly<Record<string, TagRule & { days: number }>> = {
  total_hip_arthroplasty_posterior: {
    tags: ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation'],
    days: PROTECTED_DAYS,
    because: 'Total hip arthroplasty, posterior approach: no hip flexion past 90°, no adduction past the midline, no internal rotation for about 6 weeks.',
  },
  total_hip_arthroplasty_anterior: {
    tags: ['hip_extension', 'hip_external_rotation'],
    days: PROTECTED_DAYS,
    because: 'Total hip arthroplasty, anterior approach: no hip extension or external rotation past neutral for about 6 weeks.',
  },
  // Approach not recorded: both sets, until the surgeon's protocol says which.
  total_hip_arthroplasty: {
    tags: ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation', 'hip_extension', 'hip_external_rotation'],
    days: PROTECTED_DAYS,
    because: 'Total hip arthroplasty, approach not recorded: the precautions of both approaches for about 6 weeks.',
  },
  abdominal_surgery: { tags: ['prone_lying', 'abdominal_loading'], days: PROTECTED_DAYS, because: 'Recent abdominal surgery: no lying on the front, no abdominal loading.' },
};

/** The facts the restrictions read; CaseFacts provides them (the optional ones when it knows them). */
export type ExerciseFacts = Pick<CaseFacts, 'chronicity' | 'mechanism' | 'surgeryDays' | 'age'> & {
  pregnancyWeeks?: number | null;
  /** Operations with a protocol code of SURGERY_PROTOCOL_TAGS and days since (null: unknown). */
  surgeries?: readonly { protocol: string; days: number | null }[];
};

export interface ForbiddenTags {
  /** Bits of TAG_BIT. */
  mask: number;
  /** Why, one entry per rule that forbade something. */
  reasons: { ruleId: string; tags: readonly ExerciseTag[]; because: string; text: string }[];
}

const ACUTE_INJURY: TagRule = { tags: ['heavy_loading', 'high_impact'], because: 'Acute injury (< 6 weeks): no heavy loading or impact yet.' };
const EARLY_POST_SURGICAL: TagRule = { tags: ['heavy_loading', 'high_impact', 'vigorous_limb_stretch'], because: 'Early after surgery (< 6 weeks): no heavy loading, impact or vigorous stretching.' };
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
  for (const s of facts.surgeries ?? []) {
    const protocol = SURGERY_PROTOCOL_TAGS[s.protocol];
    if (protocol && (s.days === null || s.days < protocol.days)) add(out, `exercise.surgery.${s.protocol}`, protocol);
  }
  if (facts.age !== null && facts.age >= 80) add(out, 'exercise.age.older_adult', VERY_OLD);
  return out;
}
