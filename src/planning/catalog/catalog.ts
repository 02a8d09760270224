import { CATALOG_VERSION, ENGINE_VERSION } from '../engine.version';
import { CONDITION_CODES, CONDITIONS, ESCALATIONS, type ConditionCode } from './catalog.conditions';
import { CHRONICITY, GOAL_TYPES, GOALS, HOME_EXERCISE_CODES, HOME_EXERCISES, MECHANISM_CODES, MECHANISMS, PAIN_QUALITIES } from './catalog.goals';
import { EXERCISE_TAGS, PRESENTATION_CODES } from './catalog.exercises';
import { JOINT_CODES, JOINTS, MEASURE_CODES, MEASURES, ROM_NORMS } from './catalog.measures';
import { REGION_CODES, REGION_GROUP_CODES, REGION_GROUPS, REGIONS } from './catalog.regions';
import { SOURCE_IDS, SOURCES } from './catalog.sources';
import { BILLING, BILLING_CODES, TECHNIQUE_CODES, TECHNIQUES, type TechniqueCode } from './catalog.techniques';
import { PRESSURE_RANK } from '../engine.util';
import { SCREENING_QUESTION_CODES, SCREENING_QUESTIONS } from './catalog.screening';
import { PROCEDURES, SURGICAL_PROCEDURES, type SurgicalApproach } from './catalog.surgeries';
import { CHRONICITIES, PRESSURES, SIDES } from './catalog.types';

// The technique view of the condition effects: derived, so the conditions stay the single source.
function conditionsAffecting(technique: TechniqueCode): { forbiddenBy: ConditionCode[]; modifiedBy: ConditionCode[] } {
  const t = TECHNIQUES[technique];
  const forbiddenBy: ConditionCode[] = [];
  const modifiedBy: ConditionCode[] = [];
  for (const code of CONDITION_CODES) {
    const c = CONDITIONS[code];
    const forbids =
      c.decision !== null ||
      c.effects.some(
        (e) =>
          (e.type === 'forbid_technique' && e.techniques.includes(technique)) ||
          (e.type === 'max_pressure' && PRESSURE_RANK[e.pressure] < PRESSURE_RANK[t.minPressure]) ||
          e.type === 'avoid_region',
      );
    if (forbids) forbiddenBy.push(code);
    else if (c.effects.some((e) => e.type === 'max_pressure' && PRESSURE_RANK[e.pressure] < PRESSURE_RANK[t.defaultPressure])) modifiedBy.push(code);
  }
  return { forbiddenBy, modifiedBy };
}

/** The whole catalog as `GET /v1/catalog` returns it. */
export const CATALOG = {
  engineVersion: ENGINE_VERSION,
  catalogVersion: CATALOG_VERSION,
  sources: SOURCE_IDS.map((id) => ({ id, citation: SOURCES[id] })),
  regionGroups: REGION_GROUP_CODES.map((code) => ({ code, label: REGION_GROUPS[code] })),
  regions: REGION_CODES.map((code) => ({ code, ...REGIONS[code] })),
  sides: [...SIDES],
  pressures: [...PRESSURES],
  painQualities: [...PAIN_QUALITIES],
  joints: JOINT_CODES.map((code) => ({ code, ...JOINTS[code] })),
  romNorms: ROM_NORMS,
  measures: MEASURE_CODES.map((code) => ({ code, ...MEASURES[code] })),
  techniques: TECHNIQUE_CODES.map((code) => ({ code, ...TECHNIQUES[code], ...conditionsAffecting(code) })),
  conditions: CONDITION_CODES.map((code) => ({ code, ...CONDITIONS[code] })),
  // The contract's name for what the screen knows: an index of the conditions, their effects under `conditions`.
  contraindications: CONDITION_CODES.map((code) => {
    const { label, kind, scope, severity, decision } = CONDITIONS[code];
    return { code, label, kind, scope, severity, decision };
  }),
  escalations: ESCALATIONS,
  goalTypes: GOAL_TYPES.map((code) => ({ code, ...GOALS[code] })),
  mechanisms: MECHANISM_CODES.map((code) => {
    const m = MECHANISMS[code];
    const prefer = GOAL_TYPES.flatMap((goalType) => (m.prefer[goalType] ? [{ goalType, techniques: m.prefer[goalType] }] : []));
    return { code, ...m, prefer };
  }),
  chronicity: CHRONICITIES.map((code) => ({ code, ...CHRONICITY[code] })),
  homeExercises: HOME_EXERCISE_CODES.map((code) => ({ code, ...HOME_EXERCISES[code] })),
  exerciseTags: [...EXERCISE_TAGS],
  presentations: [...PRESENTATION_CODES],
  billingCodes: BILLING_CODES.map((code) => ({ code, ...BILLING[code] })),
  screeningQuestions: SCREENING_QUESTION_CODES.map((code) => ({ code, ...SCREENING_QUESTIONS[code] })),
  surgicalProcedures: SURGICAL_PROCEDURES.map((code) => {
    const { phases, ...entry } = PROCEDURES[code];
    const protocols = (Object.keys(phases) as (SurgicalApproach | 'default')[]).flatMap((approach) =>
      (phases[approach] ?? []).map((phase) => ({ approach, ...phase })),
    );
    return { code, ...entry, protocols };
  }),
};
