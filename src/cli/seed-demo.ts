// `manuplan seed --demo`: a new clinic with realistic patients, plans and sessions, made through the
// same services as the API — every plan comes from the planning engine, every session is recorded
// against its plan, status changes go through the plan's state machine.
import { etagFor } from '../lib/etag';
import type { AssessmentInput, Measures } from '../contracts/assessment.contract';
import { SCREENING_QUESTION_CODES } from '../planning/catalog/catalog.screening';
import type { CreatePatientBody } from '../contracts/patient.contract';
import type { PlanGoal } from '../contracts/plan.contract';
import { badRequest } from '../errors';
import { flagString, type CommandContext } from './commands';

// The demo therapists ask the whole screen; a case's own answers (a yes) override these.
const CLEAR_SCREEN = Object.fromEntries(SCREENING_QUESTION_CODES.map((q) => [q, 'no' as const]));

interface DemoCase {
  patient: CreatePatientBody;
  /** When the assessment took place. */
  weeksAgo: number;
  assessment: Omit<AssessmentInput, 'patientId' | 'assessedAt'>;
  /** Weekly sessions recorded since, when the plan lets treatment go ahead. */
  sessions: number;
  /** How far the measures have moved toward the goals' targets by the last session (negative: worse). */
  progress: number;
  finalStatus?: 'completed' | 'discontinued';
  /** What the patient reports, session by session (cycled). */
  subjective: string[];
  adverseEvent?: string;
}

const DEMO: DemoCase[] = [
  {
    patient: { externalId: 'DEMO-1001', firstName: 'Maria', lastName: 'Lopez', birthDate: '1979-04-12', sex: 'female' },
    weeksAgo: 7,
    assessment: {
      practitioner: 'dr-lee',
      complaint: 'Dull ache in the low back for 4 months, worse sitting at work, sometimes shoots down the left leg',
      painLocations: [{ region: 'lower_back', side: 'left', intensity: 7, quality: ['aching', 'radiating'] }],
      goals: [
        { type: 'pain_relief', priority: 1 },
        { type: 'range_of_motion', priority: 2, detail: 'bend to tie shoes' },
      ],
      durationWeeks: 16,
      mechanism: 'postural',
      measures: { painNrs: 7, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 }], function: { instrument: 'odi', score: 38 } },
      preferences: { sessionMinutes: 60, sessionsPerWeek: 1, pressure: 'moderate' },
    },
    sessions: 6,
    progress: 0.8,
    subjective: ['Still stiff in the mornings', 'Sat through a whole meeting without pain', 'Tied my shoes without sitting down'],
  },
  {
    patient: { externalId: 'DEMO-1002', firstName: 'James', lastName: 'Carter', birthDate: '1968-09-30', sex: 'male' },
    weeksAgo: 5,
    assessment: {
      practitioner: 'dr-okafor',
      complaint: 'Neck pain and tension headaches after long days at the computer, hard to turn my head when reversing the car',
      painLocations: [
        { region: 'neck', side: 'bilateral', intensity: 6, quality: ['tightness'] },
        { region: 'head', intensity: 4, quality: ['throbbing'] },
      ],
      goals: [
        { type: 'pain_relief', priority: 1 },
        { type: 'range_of_motion', priority: 2, detail: 'check the blind spot when driving' },
        { type: 'stress_reduction', priority: 3 },
      ],
      durationWeeks: 10,
      mechanism: 'postural',
      measures: {
        painNrs: 6,
        rom: [{ joint: 'cervical', movement: 'rotation', degrees: 55 }],
        stress: { instrument: 'pss10', score: 22 },
        function: { instrument: 'ndi', score: 16 },
      },
    },
    sessions: 4,
    progress: 0.5,
    subjective: ['Headaches less often', 'Turned to check the blind spot today', 'A stressful week at work'],
  },
  {
    patient: { externalId: 'DEMO-1003', firstName: 'Aisha', lastName: 'Khan', birthDate: '1990-01-22', sex: 'female' },
    weeksAgo: 4,
    assessment: {
      practitioner: 'dr-lee',
      complaint: 'Stiff right shoulder seven weeks after rotator cuff repair, the scar feels tight',
      painLocations: [{ region: 'shoulder', side: 'right', intensity: 5, quality: ['stiffness'] }],
      goals: [
        { type: 'range_of_motion', priority: 1, detail: 'reach the top shelf' },
        { type: 'injury_rehabilitation', priority: 2 },
      ],
      durationWeeks: 7,
      mechanism: 'post_surgical',
      screening: { conditions: ['anticoagulants'], surgeryDate: null },
      measures: { painNrs: 5, rom: [{ joint: 'shoulder', movement: 'flexion', degrees: 110 }], function: { instrument: 'quickdash', score: 45 } },
    },
    sessions: 3,
    progress: 0.4,
    subjective: ['Bruises easily since the blood thinners', 'Reached the second shelf', 'Sleeping on that side again'],
  },
  {
    patient: { externalId: 'DEMO-1004', firstName: 'Tom', lastName: 'Becker', birthDate: '1994-06-03', sex: 'male' },
    weeksAgo: 3,
    assessment: {
      practitioner: 'dr-okafor',
      complaint: 'Pulled my left hamstring sprinting at football three weeks ago, tight when I stride out',
      painLocations: [{ region: 'hamstring', side: 'left', intensity: 4, quality: ['tightness', 'sharp'] }],
      goals: [
        { type: 'injury_rehabilitation', priority: 1, detail: 'back to five-a-side' },
        { type: 'pain_relief', priority: 2 },
      ],
      durationWeeks: 3,
      mechanism: 'sports',
      measures: { painNrs: 4, rom: [{ joint: 'hip', movement: 'flexion', degrees: 80 }], function: { instrument: 'lefs', score: 52 } },
    },
    sessions: 2,
    progress: 0.5,
    subjective: ['Jogging without pain', 'Felt a twinge on the last sprint'],
  },
  {
    patient: { externalId: 'DEMO-1005', firstName: 'Lena', lastName: 'Novak', birthDate: '1996-11-17', sex: 'female' },
    weeksAgo: 9,
    assessment: {
      practitioner: 'dr-lee',
      complaint: 'Exam stress, shoulders up by my ears, not sleeping well',
      goals: [{ type: 'stress_reduction', priority: 1 }],
      measures: { stress: { instrument: 'pss10', score: 27 } },
      preferences: { sessionMinutes: 60, sessionsPerWeek: 1, pressure: 'light' },
    },
    sessions: 6,
    progress: 1.1,
    finalStatus: 'completed',
    subjective: ['Sleeping through the night', 'Exams went well', 'Feeling calm'],
  },
  {
    patient: { externalId: 'DEMO-1006', firstName: 'Robert', lastName: 'Chen', birthDate: '1957-02-08', sex: 'male' },
    weeksAgo: 1,
    assessment: {
      practitioner: 'dr-okafor',
      complaint: 'Low back pain for two weeks, and since yesterday numb in the groin and trouble passing urine',
      painLocations: [{ region: 'lower_back', side: 'midline', intensity: 8 }],
      goals: [{ type: 'pain_relief', priority: 1 }],
      durationWeeks: 2,
      mechanism: 'unknown',
      measures: { painNrs: 8 },
    },
    sessions: 0,
    progress: 0,
    subjective: [],
  },
  {
    patient: { externalId: 'DEMO-1007', firstName: 'Grace', lastName: "O'Neill", birthDate: '1972-08-25', sex: 'female' },
    weeksAgo: 1,
    assessment: {
      practitioner: 'dr-lee',
      complaint: 'Sore right shoulder after a weekend of gardening; running a temperature since yesterday',
      painLocations: [{ region: 'shoulder', side: 'right', intensity: 5, quality: ['aching'] }],
      goals: [{ type: 'pain_relief', priority: 1 }],
      durationWeeks: 1,
      mechanism: 'repetitive_strain',
      screening: { conditions: ['fever'] },
      measures: { painNrs: 5 },
    },
    sessions: 0,
    progress: 0,
    subjective: [],
  },
  {
    patient: { externalId: 'DEMO-1008', firstName: 'David', lastName: 'Smith', birthDate: '1986-03-14', sex: 'male' },
    weeksAgo: 6,
    assessment: {
      practitioner: 'dr-okafor',
      complaint: 'Right forearm and wrist ache from typing all day, worse by Friday',
      painLocations: [
        { region: 'forearm', side: 'right', intensity: 5, quality: ['aching'] },
        { region: 'wrist_hand', side: 'right', intensity: 4, quality: ['tingling'] },
      ],
      goals: [{ type: 'pain_relief', priority: 1 }],
      durationWeeks: 20,
      mechanism: 'repetitive_strain',
      measures: { painNrs: 5, function: { instrument: 'quickdash', score: 30 } },
    },
    sessions: 2,
    progress: -0.2,
    finalStatus: 'discontinued',
    subjective: ['Busy month, hard to do the stretches', 'Moving to another city'],
    adverseEvent: 'Tingling in the fingers for an hour after the session',
  },
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Session measures that put every measured goal `share` of the way from its baseline to its target. */
function measuresAt(goals: PlanGoal[], share: number): Measures {
  const measures: Measures = {};
  for (const g of goals) {
    if (g.baseline === null || g.target === null) continue;
    const raw = g.baseline + (g.target - g.baseline) * share;
    if (g.measure === 'pain_nrs') measures.painNrs = Math.min(10, Math.max(0, Math.round(raw)));
    else if (g.measure === 'rom') measures.rom = [...(measures.rom ?? []), { joint: g.joint!, movement: g.movement!, degrees: Math.max(0, Math.round(raw)) }];
    else if (g.measure === 'pss10') measures.stress = { instrument: 'pss10', score: Math.min(40, Math.max(0, Math.round(raw))) };
    else measures.function = { instrument: g.measure, score: Math.max(0, Math.round(raw)) };
  }
  return measures;
}

/** `seed --demo [--name <clinic name>] [--json]`: a new demo clinic, its admin key, and what was made. */
export async function seedCommand({ services, io, flags }: CommandContext): Promise<void> {
  if (!flags.demo) throw badRequest('Usage: manuplan seed --demo [--name <clinic name>] [--json] (the demo data set is the only seed).');
  const name = flagString(flags, 'name') ?? 'Demo Clinic (Manuplan)';
  const { clinic, apiKey, secret } = await services.clinics.create(name);
  const ctx = { clinicId: clinic.id, keyId: apiKey.id, requestId: 'cli-seed-demo' };
  const now = Date.now();
  const made = { patients: 0, assessments: 0, plans: 0, sessions: 0 };

  for (const demo of DEMO) {
    const patient = (await services.patients.create(ctx, demo.patient)).body;
    made.patients += 1;
    const assessedAt = now - demo.weeksAgo * 7 * DAY;
    const screening = { ...demo.assessment.screening, answers: { ...CLEAR_SCREEN, ...demo.assessment.screening?.answers } };
    const { plan } = (await services.assessments.create(ctx, { ...demo.assessment, screening, patientId: patient.id, assessedAt: iso(assessedAt) })).body;
    made.assessments += 1;
    made.plans += 1;

    const regions = [...new Set(plan.techniques.map((t) => t.region))];
    const techniques = [...new Set(plan.techniques.map((t) => t.code))];
    if (plan.status === 'active' && techniques.length > 0) {
      for (let i = 1; i <= demo.sessions; i += 1) {
        await services.sessions.create(ctx, plan.id, {
          performedAt: iso(assessedAt + (i * 7 - 4) * DAY),
          minutes: plan.schedule.sessionMinutes,
          techniques,
          regions,
          measures: measuresAt(plan.goals, (demo.progress * i) / demo.sessions),
          notes: {
            subjective: demo.subjective[(i - 1) % demo.subjective.length],
            plan: i < demo.sessions ? 'Continue as planned' : 'Review at the next visit',
          },
          ...(demo.adverseEvent && i === demo.sessions && { adverseEvents: [demo.adverseEvent] }),
        });
        made.sessions += 1;
      }
      if (demo.finalStatus) await services.plans.patch(ctx, plan.id, etagFor(plan.version), { status: demo.finalStatus });
    }
  }

  if (flags.json) io.out(JSON.stringify({ clinic, apiKey: secret, apiKeyId: apiKey.id, created: made }));
  else {
    io.out(`Demo clinic ${clinic.name} created: ${clinic.id}`);
    io.out(`Admin API key (shown once, store it now): ${secret}`);
    io.out(`With ${made.patients} patients, ${made.assessments} assessments and their plans, ${made.sessions} sessions.`);
  }
}
