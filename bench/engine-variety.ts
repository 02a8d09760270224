// Variety report (issue 13): plans for a set of varied cases, then how customised they are — distinct
// technique-by-region sets and home programs per treated case, schedule patterns, mechanism coverage
// of home programs — and the engine's throughput over the same cases. Reads the case corpus at
// test/planning/corpus/cases/*.json ([{ id, assessment, expect }]) when it exists, else the built-in
// varied cases. Exits 1 when a target is missed.
// Run: npm run bench:engine [-- seconds]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AssessmentInputSchema, type AssessmentInput } from '../src/contracts/assessment.contract';
import { generatePlan } from '../src/planning';
import { VARIETY_PATIENT_ID, VARIETY_TODAY, varietyCases } from '../test/planning/variety.cases';
import { measureVariety, VARIETY_TARGETS } from '../test/planning/variety.metrics';

const CORPUS = join(__dirname, '..', 'test', 'planning', 'corpus', 'cases');

interface Case {
  id: string;
  assessment: AssessmentInput;
  today: string;
}

function corpusCases(): Case[] | null {
  if (!existsSync(CORPUS)) return null;
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) return null;
  const cases: Case[] = [];
  for (const file of files) {
    const entries = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as { id: string; assessment: Record<string, unknown> }[];
    for (const e of entries) {
      const assessment = AssessmentInputSchema.parse({ patientId: VARIETY_PATIENT_ID, practitioner: 'corpus', ...e.assessment });
      const today = typeof assessment.assessedAt === 'string' ? assessment.assessedAt.slice(0, 10) : VARIETY_TODAY;
      cases.push({ id: `${file}:${e.id}`, assessment, today });
    }
  }
  return cases;
}

function throughput(cases: Case[], seconds: number): { perCpuSecond: number; microseconds: number } {
  for (let i = 0; i < 20000; i++) {
    const c = cases[i % cases.length] as Case;
    generatePlan(c.assessment, { today: c.today });
  }
  let plans = 0;
  const cpu = process.cpuUsage();
  const deadline = performance.now() + seconds * 1000;
  while (performance.now() < deadline) {
    for (const c of cases) generatePlan(c.assessment, { today: c.today });
    plans += cases.length;
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { perCpuSecond: Math.round(plans / cpuSeconds), microseconds: (1e6 * cpuSeconds) / plans };
}

function main(seconds: number): void {
  const corpus = corpusCases();
  const cases: Case[] = corpus ?? varietyCases().map((c) => ({ ...c, today: VARIETY_TODAY }));
  const source = corpus ? `corpus (${CORPUS})` : 'built-in varied cases (test/planning/variety.cases.ts)';
  const r = measureVariety(cases.map((c) => ({ ...c, plan: generatePlan(c.assessment, { today: c.today }) })));
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.treated)).toFixed(1)} %`;
  const check = (ok: boolean) => (ok ? 'ok ' : 'MISS');
  const t = VARIETY_TARGETS;
  const results = [
    [
      r.techniqueSets / r.treated >= t.techniqueShare,
      `distinct technique-by-region sets: ${r.techniqueSets} of ${r.treated} treated (${pct(r.techniqueSets)}; target ≥ ${t.techniqueShare * 100} %)`,
    ],
    [
      r.homePrograms / r.treated >= t.homeShare,
      `distinct home programs: ${r.homePrograms} of ${r.treated} treated (${pct(r.homePrograms)}; target ≥ ${t.homeShare * 100} %)`,
    ],
    [r.schedulePatterns >= t.schedulePatterns, `schedule patterns (minutes × sessions/week × weeks): ${r.schedulePatterns} (target ≥ ${t.schedulePatterns})`],
    [
      r.mechanismCovered === r.treated,
      `home program addresses the mechanism: ${r.mechanismCovered} of ${r.treated} (${pct(r.mechanismCovered)}; target 100 %)`,
    ],
  ] as const;
  console.log(`Engine variety over ${r.cases} cases from the ${source}, ${r.treated} treated:`);
  for (const [ok, line] of results) console.log(`  ${check(ok)} ${line}`);
  if (r.uncovered.length > 0) console.log(`  uncovered: ${r.uncovered.join(', ')}`);
  const speed = throughput(cases, seconds);
  console.log(
    `  ${speed.perCpuSecond.toLocaleString('en-US')} plans per CPU-second on one core over these cases (${speed.microseconds.toFixed(1)} µs/plan; target ≥ 20,000)`,
  );
  if (results.some(([ok]) => !ok)) process.exitCode = 1;
}

main(Number(process.argv[2] ?? 2));
