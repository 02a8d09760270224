// Clinical signs the plan rules share, read once per case: irritability (how easily the pain flares),
// swelling and where, and the presentations (clinical pictures) the home program is written for.
import type { CaseFacts } from '../case.facts';
import type { PresentationCode } from '../catalog/catalog.exercises';
import { NEURAL_QUALITIES } from '../catalog/catalog.goals';
import type { RegionCode } from '../catalog/catalog.regions';

export type Irritability = 'high' | 'moderate' | 'low';

export interface CaseSigns {
  irritability: Irritability;
  /** Why, in words (empty for moderate). */
  irritabilityWhy: string;
  neural: boolean;
  nightPain: boolean;
  /** Regions with swelling reported (pain quality, the complaint, or the facts when they carry it). */
  swollen: Set<RegionCode>;
  presentations: PresentationCode[];
  /** Tendon or scar as the target of a region (cross-fibre friction has a target there). */
  tendonRegions: Set<RegionCode>;
}

/** Pain at or above this NRS makes a case irritable (engine choice, from the severe band of the NRS). */
const IRRITABLE_PAIN = 7;
const CALM_PAIN = 3;
/** Up to remodelling (~6 weeks) an operated region is expected to swell. */
export const EARLY_SURGICAL_DAYS = 42;
const NIGHT = /\b(at night|wakes? me|waking|night pain|at rest|while resting|lying in bed)\b/;
const SWELLING = /\b(swell\w*|swollen|puffy|puffiness|o?edema|oedema)\b/g;
const NEGATION = /\b(no|not|without|denies|nor)\b[^.;,]{0,24}$/;
const KEYWORDS: [RegExp, string][] = [
  [/\b(osteo)?arthriti?s\b|\boa\b|wear and tear|degenerat/, 'arthritis'],
  [/\b(replace\w*|arthroplast\w*|tka|tha|tkr|thr)\b/, 'replacement'],
  [/\b(acl|cruciate)\b/, 'acl'],
  [/tennis elbow|lateral epicond|\bepicondyl/, 'tennis_elbow'],
  [/\b(heel|plantar|arch of (the|my) foot)\b/, 'heel'],
  [/\bachilles\b/, 'achilles'],
  [/\b(sprain\w*|rolled|twisted|turned) (my |the |an? )?ankle|ankle sprain|\bsprain/, 'sprain'],
  [/\b(lift\w*|carry\w*|bending over)\b/, 'lifting'],
  [/\b(desk|computer|laptop|screen|typing|office|sitting all day)\b/, 'desk'],
  [/\bfibromyalgia\b/, 'fibromyalgia'],
  [/\blymph(o)?edema\b|\blymphoedema\b/, 'lymphoedema'],
];

const cache = new WeakMap<CaseFacts, CaseSigns>();

/** The signs of a case; computed once per facts object (a pure function of it). */
export function caseSigns(facts: CaseFacts): CaseSigns {
  let signs = cache.get(facts);
  if (!signs) {
    signs = readSigns(facts);
    cache.set(facts, signs);
  }
  return signs;
}

function readSigns(facts: CaseFacts): CaseSigns {
  const text = facts.complaint.toLowerCase();
  const words = new Set<string>();
  for (const [re, word] of KEYWORDS) if (re.test(text)) words.add(word);

  const worst = Math.max(facts.painAreas[0]?.intensity ?? 0, facts.measures.painNrs ?? 0);
  const neural = facts.painAreas.some((a) => a.qualities.some((q) => NEURAL_QUALITIES.includes(q)));
  const nightPain = NIGHT.test(text);
  let irritability: Irritability = 'moderate';
  let irritabilityWhy = '';
  if (worst >= IRRITABLE_PAIN || nightPain || neural) {
    irritability = 'high';
    irritabilityWhy = [worst >= IRRITABLE_PAIN ? `pain ${worst}/10` : '', nightPain ? 'pain at night or at rest' : '', neural ? 'nerve-type symptoms' : ''].filter(Boolean).join(', ');
  } else if (facts.painAreas.length > 0 && worst <= CALM_PAIN && facts.chronicity !== 'acute') {
    irritability = 'low';
    irritabilityWhy = `pain ${worst}/10 outside the acute phase`;
  }

  const swollen = new Set<RegionCode>();
  for (const a of facts.painAreas) if (a.qualities.includes('swelling')) swollen.add(a.region);
  const exposed = (facts as { swelling?: boolean | readonly RegionCode[] }).swelling;
  if (Array.isArray(exposed)) for (const r of exposed as readonly RegionCode[]) swollen.add(r);
  const first = facts.painAreas[0];
  if (first && (exposed === true || complaintSwelling(text))) swollen.add(first.region);
  // Early after surgery swelling is expected (swelling management early: REFERENCE surgery protocols).
  if (facts.mechanism === 'post_surgical' && (facts.surgeryDays === null || facts.surgeryDays < EARLY_SURGICAL_DAYS)) for (const a of facts.painAreas) swollen.add(a.region);

  return { irritability, irritabilityWhy, neural, nightPain, swollen, presentations: presentationsOf(facts, words), tendonRegions: tendonRegions(facts, words) };
}

/** Swelling named in the complaint and not negated ("no swelling above the ankle" is not swelling). */
function complaintSwelling(text: string): boolean {
  for (const m of text.matchAll(SWELLING)) if (!NEGATION.test(text.slice(Math.max(0, m.index - 30), m.index))) return true;
  return false;
}

const TENDON_REGIONS: ReadonlySet<RegionCode> = new Set(['shoulder', 'elbow', 'forearm', 'wrist_hand', 'knee', 'calf', 'ankle_foot', 'hamstring', 'hip']);

/** Regions where a tendon is the target: an overuse mechanism on a tendon region, or a named tendinopathy. */
function tendonRegions(facts: CaseFacts, words: Set<string>): Set<RegionCode> {
  const out = new Set<RegionCode>();
  const overuse = facts.mechanism === 'repetitive_strain' || (facts.mechanism === 'sports' && facts.chronicity !== 'acute');
  for (const a of facts.painAreas) {
    if (!TENDON_REGIONS.has(a.region)) continue;
    if (overuse || (words.has('tennis_elbow') && (a.region === 'elbow' || a.region === 'forearm')) || ((words.has('achilles') || words.has('heel')) && (a.region === 'ankle_foot' || a.region === 'calf'))) out.add(a.region);
  }
  return out;
}

function presentationsOf(facts: CaseFacts, words: Set<string>): PresentationCode[] {
  const out: PresentationCode[] = [];
  const push = (p: PresentationCode) => {
    if (!out.includes(p)) out.push(p);
  };
  const { mechanism, chronicity } = facts;
  const acute = chronicity === 'acute';
  const older = facts.age !== null && facts.age >= 50;
  const injury = mechanism === 'sports' || mechanism === 'trauma';
  const operated = mechanism === 'post_surgical';
  const arthritis = words.has('arthritis') || (older && chronicity === 'chronic' && (mechanism === 'unknown' || mechanism === 'postural'));
  for (const a of facts.painAreas.slice(0, 3)) {
    switch (a.region) {
      case 'lower_back':
      case 'sacroiliac':
        push(acute ? 'acute_low_back_pain' : 'chronic_low_back_pain');
        if (words.has('lifting')) push('lifting');
        break;
      case 'knee':
      case 'thigh':
        if (operated) push(words.has('acl') ? 'acl_reconstruction' : words.has('replacement') || older ? 'total_knee_arthroplasty' : 'knee_pain');
        else push(arthritis && a.region === 'knee' ? 'knee_osteoarthritis' : 'knee_pain');
        break;
      case 'hip':
      case 'gluteal':
        if (operated && (words.has('replacement') || older)) push('total_hip_arthroplasty');
        else push(arthritis && a.region === 'hip' ? 'hip_osteoarthritis' : 'hip_pain');
        break;
      case 'elbow':
      case 'forearm':
        if (words.has('tennis_elbow') || mechanism === 'repetitive_strain' || (mechanism === 'sports' && !acute)) push('lateral_elbow_tendinopathy');
        else push('wrist_hand_pain');
        break;
      case 'ankle_foot':
        if (words.has('achilles')) push('achilles_tendinopathy');
        else if (words.has('heel')) push('plantar_heel_pain');
        else if (words.has('sprain') || (injury && chronicity !== 'chronic')) push('ankle_sprain');
        else if (!injury && !operated) push('plantar_heel_pain');
        else push('ankle_sprain');
        break;
      case 'calf':
        if (words.has('achilles') || ((mechanism === 'sports' || mechanism === 'repetitive_strain') && !acute)) push('achilles_tendinopathy');
        else if (injury) push('ankle_sprain');
        break;
      case 'neck':
      case 'head':
        push('neck_pain');
        break;
      case 'jaw':
        push('jaw_pain');
        break;
      case 'shoulder':
      case 'upper_arm':
        push('shoulder_pain');
        break;
      case 'upper_back':
      case 'chest':
        push('upper_back_pain');
        break;
      case 'wrist_hand':
        push('wrist_hand_pain');
        break;
      default:
        break;
    }
  }
  if (facts.painAreas.some((a) => a.region !== 'ankle_foot' && a.region !== 'calf' && a.region !== 'knee') && (mechanism === 'postural' || words.has('desk'))) push('desk_posture');
  if (operated && facts.painAreas.length > 0 && (facts.surgeryDays === null || facts.surgeryDays < EARLY_SURGICAL_DAYS)) push('post_surgical_swelling');
  if (words.has('fibromyalgia')) push('fibromyalgia');
  if (words.has('lymphoedema')) push('lymphoedema');
  if (facts.requested.has('stress_reduction') || facts.measures.stress) push('stress');
  return out;
}
