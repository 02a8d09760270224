// Variety report (issue 13): plans for a set of varied cases, then how customised they are — distinct
// technique-by-region sets and home programs per treated case, schedule patterns, mechanism coverage
// of home programs — and the engine's throughput over the same cases. Reads the case corpus at
// test/planning/corpus/cases/*.json ([{ id, assessment, expect }]) when it exists, else the built-in
// varied cases. Exits 1 when a target is missed.
// The throughput is measured in a child process of its own (same runtime and loader: tsx, which
// transpiles each source file with esbuild), never after the variety pass in this process: that pass
// keeps every plan alive until it has measured them, so V8 marks the engine's allocation sites as
// long-lived and pretenures what they allocate afterwards, which makes every later plan cost 2–3 times
// as much in garbage collection (docs/performance.md, "Throughput"). A server's plans die young.
// Run: npm run bench:engine [-- seconds]
import { fork } from 'node:child_process';
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

const WARM_UP_PLANS = 20000;

// In the child: warm up, then plans per CPU-second (process.cpuUsage: user + system time of this
// process, which includes V8's compiler and garbage-collector threads) over `seconds` of wall time.
function throughput(cases: Case[], seconds: number): { perCpuSecond: number; microseconds: number } {
  for (let i = 0; i < WARM_UP_PLANS; i++) {
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

function throughputInChild(seconds: number): Promise<{ perCpuSecond: number; microseconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [String(seconds), THROUGHPUT_ONLY]);
    child.once('message', (m) => resolve(m as { perCpuSecond: number; microseconds: number }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`throughput process exited with ${String(code)}`)));
  });
}

const THROUGHPUT_ONLY = '--throughput-only';

function casesToPlan(): { cases: Case[]; source: string } {
  const corpus = corpusCases();
  const cases: Case[] = corpus ?? varietyCases().map((c) => ({ ...c, today: VARIETY_TODAY }));
  const source = corpus ? `corpus (${CORPUS})` : 'built-in varied cases (test/planning/variety.cases.ts)';
  return { cases, source };
}

async function main(seconds: number): Promise<void> {
  const { cases, source } = casesToPlan();
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
  const speed = await throughputInChild(seconds);
  const fast = speed.perCpuSecond >= 20000;
  console.log(
    `  ${check(fast)} ${speed.perCpuSecond.toLocaleString('en-US')} plans per CPU-second on one core over these cases (${speed.microseconds.toFixed(1)} µs/plan, ${WARM_UP_PLANS.toLocaleString('en-US')} warm-up plans, own process; target ≥ 20,000)`,
  );
  if (results.some(([ok]) => !ok)) process.exitCode = 1;
}

const seconds = Number(process.argv[2] ?? 2);
if (process.argv[3] === THROUGHPUT_ONLY && process.send) {
  const send = process.send.bind(process);
  send(throughput(casesToPlan().cases, seconds), () => process.disconnect());
} else {
  main(seconds).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
