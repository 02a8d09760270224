// Operations and their typical early protocols (team reference "Surgery protocols"; the surgeon's
// protocol wins). A protocol bounds range-of-motion targets, rules out techniques on the operated region
// and lists the movements the home program must not ask for while it lasts.
import type { JointCode, MovementCode } from './catalog.measures';
import type { RegionCode } from './catalog.regions';
import type { SourceId } from './catalog.sources';
import type { TechniqueCode } from './catalog.techniques';

export const SURGICAL_PROCEDURES = [
  'total_hip_arthroplasty',
  'total_knee_arthroplasty',
  'acl_reconstruction',
  'rotator_cuff_repair',
  'spinal_fusion',
  'mastectomy',
  'lymph_node_dissection',
  'hernia_repair',
  'carpal_tunnel_release',
  'other',
] as const;
export type SurgicalProcedure = (typeof SURGICAL_PROCEDURES)[number];

export const SURGICAL_APPROACHES = ['anterior', 'posterior', 'lateral', 'arthroscopic', 'open', 'other'] as const;
export type SurgicalApproach = (typeof SURGICAL_APPROACHES)[number];

/** Movements a protocol forbids, named as exercise contraindication tags the home program honours. */
export const PROTOCOL_MOVEMENT_TAGS = [
  'hip_flexion_past_90',
  'hip_adduction',
  'hip_internal_rotation',
  'hip_extension',
  'hip_external_rotation',
  'prone_lying',
  'abdominal_loading',
  'heavy_loading',
  'shoulder_loading',
  'shoulder_active_elevation',
  'wrist_loading',
  'spinal_flexion_loaded',
  'spinal_twist_loaded',
  'spinal_range',
  'vigorous_limb_stretch',
] as const;
export type ProtocolMovementTag = (typeof PROTOCOL_MOVEMENT_TAGS)[number];

export interface RomLimit {
  joint: JointCode;
  movement: MovementCode;
  /** No ROM target beyond this many degrees while the protocol lasts. */
  maxDegrees: number;
}

export interface ProtocolPhase {
  /** The phase lasts until this many days after the operation. */
  untilDay: number;
  romLimits: RomLimit[];
  /** Techniques ruled out on the operated region in this phase. */
  forbidTechniques: TechniqueCode[];
  /** Movements the home program must not ask for. */
  forbidMovements: ProtocolMovementTag[];
  /** What the therapist reads in the precautions. */
  instruction: string;
}

export interface ProcedureEntry {
  label: string;
  /** Where the operation usually is, when the input does not say. */
  regions: RegionCode[];
  /** Protocols per approach; `default` when the approach does not change it. */
  phases: Partial<Record<SurgicalApproach | 'default', ProtocolPhase[]>>;
  sourceIds: SourceId[];
}

// Many surgeons keep posterior hip precautions for 3 months: the engine takes the longer period.
const POSTERIOR_HIP_DAYS = 84;
const EARLY = 42;

/** Operations that may remove lymph nodes: the limb of their lymphatic quadrant stays at risk of lymphoedema for life. */
export const LYMPH_NODE_PROCEDURES: ReadonlySet<SurgicalProcedure> = new Set(['mastectomy', 'lymph_node_dissection']);

/** The early phase after lymph nodes were taken out: no friction or contract-relax stretching, no vigorous stretching or heavy loading. */
function lymphNodePhase(instruction: string): ProtocolPhase {
  return {
    untilDay: EARLY,
    romLimits: [],
    forbidTechniques: ['cross_fiber_friction', 'pnf_stretching'],
    forbidMovements: ['vigorous_limb_stretch', 'heavy_loading'],
    instruction,
  };
}

export const PROCEDURES: Record<SurgicalProcedure, ProcedureEntry> = {
  total_hip_arthroplasty: {
    label: 'Total hip arthroplasty',
    regions: ['hip'],
    phases: {
      posterior: [
        {
          untilDay: POSTERIOR_HIP_DAYS,
          romLimits: [
            { joint: 'hip', movement: 'flexion', maxDegrees: 90 },
            { joint: 'hip', movement: 'adduction', maxDegrees: 0 },
            { joint: 'hip', movement: 'internal_rotation', maxDegrees: 0 },
          ],
          forbidTechniques: ['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique'],
          forbidMovements: ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation'],
          instruction:
            'Posterior hip replacement precautions (about 6 weeks, many surgeons 3 months): no hip flexion past 90°, no crossing the legs or adduction past the midline, no inward rotation — in positioning, stretching and the home program.',
        },
      ],
      anterior: [
        {
          untilDay: EARLY,
          romLimits: [
            { joint: 'hip', movement: 'extension', maxDegrees: 0 },
            { joint: 'hip', movement: 'external_rotation', maxDegrees: 0 },
          ],
          forbidTechniques: ['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique'],
          forbidMovements: ['hip_extension', 'hip_external_rotation', 'prone_lying'],
          instruction:
            'Anterior hip replacement precautions (about 6 weeks): no hip extension or outward rotation past neutral — in positioning, stretching and the home program.',
        },
      ],
      default: [
        {
          untilDay: POSTERIOR_HIP_DAYS,
          romLimits: [
            { joint: 'hip', movement: 'flexion', maxDegrees: 90 },
            { joint: 'hip', movement: 'adduction', maxDegrees: 0 },
            { joint: 'hip', movement: 'internal_rotation', maxDegrees: 0 },
            { joint: 'hip', movement: 'extension', maxDegrees: 0 },
            { joint: 'hip', movement: 'external_rotation', maxDegrees: 0 },
          ],
          forbidTechniques: ['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique'],
          forbidMovements: ['hip_flexion_past_90', 'hip_adduction', 'hip_internal_rotation', 'hip_extension', 'hip_external_rotation'],
          instruction:
            'Hip replacement with the approach not recorded: both sets of precautions until the surgeon’s protocol is known — no hip flexion past 90°, no adduction or inward rotation, no extension or outward rotation past neutral.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  total_knee_arthroplasty: {
    label: 'Total knee arthroplasty',
    regions: ['knee'],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [{ joint: 'knee', movement: 'flexion', maxDegrees: 90 }],
          forbidTechniques: ['joint_mobilisation', 'cross_fiber_friction'],
          forbidMovements: ['heavy_loading'],
          instruction:
            'Knee replacement, first 6 weeks: aim for about 90° of flexion and full extension; swelling management (lymphatic drainage) early; no heavy loading.',
        },
        {
          untilDay: 90,
          romLimits: [{ joint: 'knee', movement: 'flexion', maxDegrees: 120 }],
          forbidTechniques: ['joint_mobilisation'],
          forbidMovements: [],
          instruction: 'Knee replacement, up to 3 months: aim for 110° or more of flexion and full extension.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  acl_reconstruction: {
    label: 'ACL reconstruction',
    regions: ['knee'],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [{ joint: 'knee', movement: 'flexion', maxDegrees: 120 }],
          forbidTechniques: ['cross_fiber_friction', 'joint_mobilisation'],
          forbidMovements: ['heavy_loading'],
          instruction:
            'ACL reconstruction: no friction over the incisions or graft site until healed; early goals are full extension, quadriceps activation and swelling control.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  rotator_cuff_repair: {
    label: 'Rotator cuff repair',
    regions: ['shoulder'],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [
            { joint: 'shoulder', movement: 'flexion', maxDegrees: 90 },
            { joint: 'shoulder', movement: 'abduction', maxDegrees: 90 },
            { joint: 'shoulder', movement: 'external_rotation', maxDegrees: 30 },
          ],
          forbidTechniques: ['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique', 'cross_fiber_friction'],
          // Active or assisted elevation contracts the repaired cuff: pendulum and passive range only.
          forbidMovements: ['shoulder_loading', 'shoulder_active_elevation', 'vigorous_limb_stretch'],
          instruction:
            'Rotator cuff repair, first 6 weeks: the repair is protected — passive range only within the surgeon’s limits, no active lifting or resisted work of the arm.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  spinal_fusion: {
    label: 'Spinal fusion',
    regions: ['lower_back'],
    phases: {
      default: [
        {
          untilDay: 90,
          romLimits: [],
          forbidTechniques: ['joint_mobilisation', 'pnf_stretching', 'muscle_energy_technique'],
          forbidMovements: ['spinal_flexion_loaded', 'spinal_twist_loaded', 'spinal_range', 'heavy_loading'],
          instruction: 'Spinal fusion, first 3 months: no bending, lifting or twisting of the fused segments; no mobilisation of them.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  mastectomy: {
    label: 'Mastectomy or axillary surgery',
    regions: ['chest'],
    phases: {
      default: [
        lymphNodePhase(
          'Mastectomy or axillary surgery: shoulder range on that side comes back gradually; lymphoedema risk in that arm — light pressure, watch for swelling.',
        ),
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  lymph_node_dissection: {
    label: 'Lymph node dissection (axillary or inguinal)',
    regions: ['shoulder', 'hip'],
    phases: {
      default: [
        lymphNodePhase(
          'Lymph nodes removed (armpit or groin): the limb on that side is at risk of lymphoedema for life — light pressure, no vigorous stretching, watch for swelling.',
        ),
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  hernia_repair: {
    label: 'Hernia repair',
    regions: ['abdomen'],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [],
          forbidTechniques: [],
          forbidMovements: ['abdominal_loading', 'heavy_loading', 'prone_lying'],
          instruction: 'Hernia repair, first 6 weeks: no abdominal loading or heavy lifting, no prone lying on the repair.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  carpal_tunnel_release: {
    label: 'Carpal tunnel release',
    regions: ['wrist_hand'],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [],
          forbidTechniques: ['cross_fiber_friction', 'joint_mobilisation'],
          forbidMovements: ['wrist_loading'],
          instruction: 'Carpal tunnel release, first 6 weeks: no gripping or loading through the wrist; scar work once the incision has closed.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
  other: {
    label: 'Other operation',
    regions: [],
    phases: {
      default: [
        {
          untilDay: EARLY,
          romLimits: [],
          forbidTechniques: ['joint_mobilisation'],
          forbidMovements: ['heavy_loading'],
          instruction: 'Recent operation: follow the surgeon’s protocol; no mobilisation or heavy loading of the operated region for about 6 weeks.',
        },
      ],
    },
    sourceIds: ['manuplan_reference'],
  },
};

/** The protocol phase in force on a given day after the operation, or null once it is over. */
export function protocolPhase(procedure: SurgicalProcedure, approach: SurgicalApproach | null, day: number): ProtocolPhase | null {
  const entry = PROCEDURES[procedure];
  const phases = (approach && entry.phases[approach]) || entry.phases.default || [];
  for (const phase of phases) if (day < phase.untilDay) return phase;
  return null;
}
