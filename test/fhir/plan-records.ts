// Plan records as the FHIR export sees them, built from the real engine (no database): several
// different plans — goals, regions, sides, decisions, statuses, sessions — for the bundle tests.
import { AssessmentInputSchema, type AssessmentInput } from '../../src/contracts/assessment.contract';
import type { Patient } from '../../src/contracts/patient.contract';
import type { Plan } from '../../src/contracts/plan-resource.contract';
import type { Session } from '../../src/contracts/session.contract';
import { derivedUuid } from '../../src/lib/derived-uuid';
import type { PlanRecord } from '../../src/modules/fhir/fhir-bundle';
import { computeProgress, generatePlan } from '../../src/planning';
import { lowBackAssessment } from '../support/fixtures';

const NS = '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57';
const id = (name: string) => derivedUuid(NS, name);

type SessionSpec = Partial<Omit<Session, 'id' | 'planId' | 'version' | 'createdAt'>> & { performedAt: string };

export function planRecord(
  name: string,
  options: { input: Record<string, unknown>; status?: Plan['status']; sessions?: SessionSpec[]; patient?: Partial<Patient>; notes?: string | null },
): PlanRecord {
  const patientId = id(`${name}/patient`);
  const input: AssessmentInput = AssessmentInputSchema.parse({ ...options.input, patientId });
  const assessedAt = input.assessedAt ?? '2026-01-05T09:00:00.000Z';
  const content = generatePlan(input, { today: assessedAt.slice(0, 10), age: 45 });
  const planId = id(`${name}/plan`);
  const sessions: Session[] = (options.sessions ?? []).map((s, i) => ({
    id: id(`${name}/session/${i}`),
    planId,
    minutes: 50,
    techniques: content.techniques.slice(0, 2).map((t) => t.code),
    regions: [...new Set(content.techniques.map((t) => t.region))],
    measures: {},
    notes: null,
    adverseEvents: [],
    version: 1,
    createdAt: s.performedAt,
    ...s,
  }));
  const plan: Plan = {
    ...content,
    id: planId,
    patientId,
    assessmentId: id(`${name}/assessment`),
    status: options.status ?? 'active',
    previousPlanId: null,
    nextPlanId: null,
    version: 1,
    notes: options.notes ?? null,
    createdAt: assessedAt,
    updatedAt: assessedAt,
  };
  const patient: Patient = {
    id: patientId,
    externalId: `ext-${name}`,
    firstName: 'Sam',
    lastName: 'Rivera',
    birthDate: '1981-05-02',
    sex: 'female',
    version: 1,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    ...options.patient,
  };
  return {
    plan,
    patient,
    assessment: {
      id: plan.assessmentId,
      assessedAt,
      painLocations: input.painLocations,
      goals: input.goals,
      durationWeeks: input.durationWeeks,
      measures: input.measures,
    },
    sessions,
    progress: computeProgress(
      { id: plan.id, content },
      sessions.map((s) => ({ performedAt: s.performedAt, measures: s.measures, adverseEvents: s.adverseEvents })),
    ),
  };
}

const week = (n: number) => new Date(Date.parse('2026-01-05T09:00:00Z') + n * 7 * 86_400_000).toISOString();

/** Six plans that between them touch every kind of resource and status the export emits. */
export function variedPlanRecords(): Record<string, PlanRecord> {
  return {
    // Chronic low back pain: pain, ROM and ODI goals; two sessions with measures, SOAP notes.
    lowBack: planRecord('low-back', {
      input: lowBackAssessment('x', { assessedAt: week(0) }),
      sessions: [
        {
          performedAt: week(1),
          measures: { painNrs: 6, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 48 }] },
          notes: { subjective: 'Less stiff in the morning', plan: 'Continue' },
        },
        { performedAt: week(2), measures: { painNrs: 5, function: { instrument: 'odi', score: 30 } } },
      ],
      notes: 'Patient prefers late afternoon appointments.',
    }),
    // Stress only: no pain location, PSS-10 goal, default regions; plan on hold.
    stress: planRecord('stress', {
      status: 'on_hold',
      input: {
        practitioner: 'dr-okafor',
        complaint: 'Constant tension from work stress, poor sleep',
        goals: [{ type: 'stress_reduction', priority: 1 }],
        measures: { stress: { instrument: 'pss10', score: 27 } },
        assessedAt: week(0),
      },
    }),
    // Right shoulder after surgery, anticoagulants: laterality-specific SNOMED, QuickDASH, rehabilitation.
    shoulder: planRecord('shoulder', {
      input: {
        practitioner: 'dr-lee',
        complaint: 'Stiff right shoulder eight weeks after rotator cuff repair',
        painLocations: [{ region: 'shoulder', side: 'right', intensity: 5, quality: ['stiffness'] }],
        goals: [
          { type: 'range_of_motion', priority: 1 },
          { type: 'injury_rehabilitation', priority: 2 },
        ],
        durationWeeks: 8,
        mechanism: 'post_surgical',
        screening: { conditions: ['anticoagulants'], surgeryDate: '2025-11-10' },
        measures: { painNrs: 5, rom: [{ joint: 'shoulder', movement: 'flexion', degrees: 110 }], function: { instrument: 'quickdash', score: 45 } },
        assessedAt: week(0),
      },
      sessions: [
        { performedAt: week(1), measures: { rom: [{ joint: 'shoulder', movement: 'flexion', degrees: 125 }] }, adverseEvents: ['Bruising at the incision'] },
      ],
    }),
    // Both hips (the hip has only sided SNOMED codes) and a knee; completed with goals reached.
    hips: planRecord('hips', {
      status: 'completed',
      input: {
        practitioner: 'dr-lee',
        complaint: 'Aching hips and left knee after marathon training',
        painLocations: [
          { region: 'hip', side: 'bilateral', intensity: 4 },
          { region: 'knee', side: 'left', intensity: 3 },
        ],
        goals: [{ type: 'pain_relief', priority: 1 }],
        durationWeeks: 3,
        mechanism: 'sports',
        measures: { painNrs: 4, function: { instrument: 'lefs', score: 50 } },
        assessedAt: week(0),
      },
      sessions: [
        { performedAt: week(1), measures: { painNrs: 3 } },
        { performedAt: week(2), measures: { painNrs: 1, function: { instrument: 'lefs', score: 72 } } },
      ],
    }),
    // Red flags: referral, a draft plan without hands-on techniques.
    referral: planRecord('referral', {
      status: 'draft',
      input: lowBackAssessment('x', { complaint: 'Low back pain and I lost bladder control yesterday', assessedAt: week(0), durationWeeks: undefined }),
      patient: { firstName: null, lastName: null, birthDate: null, sex: null, externalId: null },
    }),
    // Neck pain, discontinued after one session that worsened.
    neck: planRecord('neck', {
      status: 'discontinued',
      input: {
        practitioner: 'dr-okafor',
        complaint: 'Neck pain turning my head while driving',
        painLocations: [{ region: 'neck', intensity: 6 }],
        goals: [
          { type: 'pain_relief', priority: 1 },
          { type: 'range_of_motion', priority: 3 },
        ],
        durationWeeks: 7,
        mechanism: 'postural',
        measures: { painNrs: 6, rom: [{ joint: 'cervical', movement: 'rotation', degrees: 50 }], function: { instrument: 'ndi', score: 18 } },
        assessedAt: week(0),
      },
      sessions: [{ performedAt: week(1), measures: { painNrs: 9 } }],
    }),
  };
}
