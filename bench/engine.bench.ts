// Plans per second of the planning engine on one core, over a varied set of valid assessments.
// Run: npx tsx bench/engine.bench.ts [seconds]
import { performance } from 'node:perf_hooks';
import { AssessmentInputSchema, type AssessmentInput } from '../src/contracts/assessment.contract';
import { generatePlan } from '../src/planning';

const COMPLAINTS = [
  'Dull ache low back for 4 months, worse sitting, sometimes shoots down the left leg. No numbness in the groin, denies fever.',
  'Stiff neck and shoulders from long hours at the computer; headaches at the end of the day.',
  'Right knee replacement 3 weeks ago, swollen and stiff, wants to walk without a stick.',
  'Rolled my ankle playing football last week. Calf is fine, no swelling above the ankle.',
  'Work stress, cannot switch off, tension in the jaw. Takes warfarin for atrial fibrillation.',
  'Tennis elbow from typing, worse gripping the mouse. 24 weeks pregnant.',
  'Calf swollen and hot since a long flight.',
  'Back pain after lifting; no bladder or bowel problems, no saddle numbness, no weight loss.',
];
const REGIONS = ['lower_back', 'neck', 'knee', 'ankle_foot', 'jaw', 'elbow', 'calf', 'shoulder', 'hip', 'upper_back'] as const;
const GOALS = ['pain_relief', 'range_of_motion', 'stress_reduction', 'injury_rehabilitation'] as const;
const MECHANISMS = ['postural', 'repetitive_strain', 'sports', 'post_surgical', 'trauma', 'unknown'] as const;
const CONDITIONS = [[], ['anticoagulants'], ['osteoporosis'], [{ code: 'open_wound', region: 'shoulder', side: 'left' }], ['pregnancy'], [], ['cancer'], []];

function inputs(): AssessmentInput[] {
  const list: AssessmentInput[] = [];
  for (let i = 0; i < 64; i++) {
    list.push(
      AssessmentInputSchema.parse({
        patientId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57',
        practitioner: 'bench',
        complaint: COMPLAINTS[i % COMPLAINTS.length],
        painLocations: [
          { region: REGIONS[i % REGIONS.length], side: i % 3 === 0 ? 'left' : 'bilateral', intensity: 3 + (i % 7) },
          ...(i % 2 ? [{ region: REGIONS[(i + 3) % REGIONS.length], intensity: 4 }] : []),
        ],
        goals: GOALS.slice(0, 1 + (i % 4)).map((type, k) => ({ type, priority: k + 1 })),
        durationWeeks: [2, 8, 16, 30][i % 4],
        mechanism: MECHANISMS[i % MECHANISMS.length],
        screening: { conditions: CONDITIONS[i % CONDITIONS.length], redFlags: [], surgeryDate: i % 6 === 3 ? '2025-02-10' : null, age: 20 + ((i * 7) % 70) },
        measures: {
          painNrs: i % 11,
          ...(i % 2 ? { rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 40 + i }] } : {}),
          ...(i % 3 ? { stress: { instrument: 'pss10', score: i % 41 } } : {}),
          ...(i % 4 ? { function: { instrument: 'odi', score: (i * 3) % 100 } } : {}),
        },
        preferences: {
          sessionMinutes: [30, 45, 60, 90][i % 4],
          ...(i % 5 ? { sessionsPerWeek: 1 + (i % 3) } : {}),
          pressure: (['light', 'moderate', 'firm'] as const)[i % 3],
        },
      }),
    );
  }
  return list;
}

function main(seconds: number): void {
  const list = inputs();
  const context = { today: '2025-03-01' };
  // Warm up so that the JIT has compiled the hot path before timing.
  for (let i = 0; i < 20000; i++) generatePlan(list[i % list.length] as AssessmentInput, context);
  let plans = 0;
  let checksum = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < list.length; i++) checksum += generatePlan(list[i] as AssessmentInput, context).summary.length;
    plans += list.length;
  }
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time of the process, nearly all on the main thread (the JIT and GC helpers add a little): a per-core
  // rate that holds when other work shares the machine.
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rate = (s: number) => Math.round(plans / s).toLocaleString('en-US');
  console.log(`${plans} plans over ${list.length} varied inputs (checksum ${checksum % 9973}):`);
  console.log(`  ${rate(cpuSeconds)} plans per CPU-second on one core (${((1e6 * cpuSeconds) / plans).toFixed(1)} µs/plan)`);
  console.log(`  ${rate(wall)} plans per wall-clock second (${wall.toFixed(2)} s; lower when other processes share the core)`);
}

main(Number(process.argv[2] ?? 3));
