// Variety report (issue 13): plans for a set of varied cases, then how customised they are — distinct
// technique-by-region sets and home programs per treated case, schedule patterns, mechanism coverage
// of home programs — and the engine's throughput over the same cases. Reads the case corpus at
// test/planning/corpus/cases/*.json ([{ id, assessment, expect }]) when it exists, else the built-in
// varied cases. Exits 1 when a variety target is missed; the throughput line is marked too but, as it
// depends on how loaded the machine is, does not set the exit code.
// The throughput is measured on the engine as production runs it — compiled by tsc (`npm run build`,
// dist/planning), not the TypeScript sources under tsx, whose per-file CommonJS turns every read of an
// imported name into a getter call (11.6 % of the engine's time in the fourth round's profile) — and in
// a child process of its own, never after the variety pass in this process: that pass
// keeps every plan alive until it has measured them, so V8 marks the engine's allocation sites as
// long-lived and pretenures what they allocate afterwards, which makes every later plan cost 2–3 times
// as much in garbage collection (docs/performance.md, "Throughput"). A server's plans die young.
// Run: npm run bench:engine [-- seconds [warm-up CPU-seconds]] (3 and 10 by default; it builds first)
import { fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AssessmentInputSchema, type AssessmentInput } from '../src/contracts/assessment.contract';
import { generatePlan } from '../src/planning';
import { VARIETY_PATIENT_ID, VARIETY_TODAY, varietyCases } from '../test/planning/variety.cases';
import { measureVariety, VARIETY_TARGETS } from '../test/planning/variety.metrics';

const CORPUS = join(__dirname, '..', 'test', 'planning', 'corpus', 'cases');
const COMPILED_ENGINE = join(__dirname, '..', 'dist', 'planning');

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

interface Throughput {
  perCpuSecond: number;
  microseconds: number;
  /** Plans per CPU-second of the slowest and the fastest measured CPU-second. */
  slowest: number;
  fastest: number;
  warmUpPlans: number;
}

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return used.user + used.system;
};

// In the child. CPU time is process.cpuUsage: user + system time of the whole process, V8's compiler
// and garbage-collector threads included. Warm-up is counted in CPU time too: on a shared machine the
// optimising compiler's thread gets a share of the cores like any other, so a warm-up counted in plans
// or wall time ends before the engine is compiled (over the corpus, V8 needs some 8 CPU-seconds to
// reach the steady state on this machine; docs/performance.md has the curve). Then plans per
// CPU-second over `seconds` windows of one CPU-second each.
function throughput(cases: Case[], seconds: number, warmUpSeconds: number, generate: typeof generatePlan): Throughput {
  const pass = () => {
    for (const c of cases) generate(c.assessment, { today: c.today });
    return cases.length;
  };
  let warmUpPlans = 0;
  const start = process.cpuUsage();
  while (cpuMicros(start) < warmUpSeconds * 1e6) warmUpPlans += pass();
  let plans = 0;
  let micros = 0;
  let slowest = Infinity;
  let fastest = 0;
  for (let w = 0; w < seconds; w++) {
    const cpu = process.cpuUsage();
    let n = 0;
    let used = 0;
    while (used < 1e6) {
      n += pass();
      used = cpuMicros(cpu);
    }
    const rate = (1e6 * n) / used;
    slowest = Math.min(slowest, rate);
    fastest = Math.max(fastest, rate);
    plans += n;
    micros += used;
  }
  return {
    perCpuSecond: Math.round((1e6 * plans) / micros),
    microseconds: micros / plans,
    slowest: Math.round(slowest),
    fastest: Math.round(fastest),
    warmUpPlans,
  };
}

function throughputInChild(seconds: number, warmUpSeconds: number): Promise<Throughput> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [String(seconds), String(warmUpSeconds), THROUGHPUT_ONLY]);
    child.once('message', (m) => resolve(m as Throughput));
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

async function main(seconds: number, warmUpSeconds: number): Promise<void> {
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
  const speed = await throughputInChild(seconds, warmUpSeconds);
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(
    `  ${check(speed.perCpuSecond >= 20000)} ${n(speed.perCpuSecond)} plans per CPU-second on one core over these cases (${speed.microseconds.toFixed(1)} µs/plan; ` +
      `${seconds} CPU-seconds from ${n(speed.slowest)} to ${n(speed.fastest)}, compiled engine, in a process of its own after ${n(speed.warmUpPlans)} warm-up plans in ${warmUpSeconds} CPU-seconds; target ≥ 20,000)`,
  );
  if (results.some(([ok]) => !ok)) process.exitCode = 1;
}

const seconds = Math.max(1, Math.round(Number(process.argv[2] ?? 3)));
const warmUpSeconds = Number(process.argv[3] ?? 10);
if (process.argv[4] === THROUGHPUT_ONLY && process.send) {
  const send = process.send.bind(process);
  import(COMPILED_ENGINE)
    .then((engine: { generatePlan: typeof generatePlan }) =>
      send(throughput(casesToPlan().cases, seconds, warmUpSeconds, engine.generatePlan), () => process.disconnect()),
    )
    .catch((err: unknown) => {
      console.error(`the compiled engine (${COMPILED_ENGINE}) could not be loaded: run npm run build`, err);
      process.exitCode = 1;
    });
} else {
  main(seconds, warmUpSeconds).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
