// Where each request's cost goes, per hot route: the service (built, as `npm start` runs it)
// started once per route with the cost ledger on (BENCH_LEDGER, src/lib/cost-ledger.ts) and
// `node --cpu-prof`. Under 20 connections: the server's CPU µs per request (from /proc, robust to
// the machine's noise) and the profile's top self-time frames over that window. Then with one
// connection, so that each request runs alone: the ledger's CPU µs and wall ms per stage.
import fs from 'node:fs';
import path from 'node:path';
import { drive, type Load } from './load';
import { freePort, startFlags, startNode, type Served } from './processes';

export interface HotRoute {
  name: string;
  load: Omit<Load, 'connections' | 'url'> & { path: string };
}

interface Stage {
  cpuMicros: number;
  wallMs: number;
}

interface LedgerFile {
  betweenRequests: Stage;
  routes: Record<string, { requests: number; stages: Record<string, Stage> }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** utime + stime of a process, µs (Linux /proc; the kernel counts in ticks of 10 ms). */
export function processCpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Where a frame's code lives: our source, a package, Node itself, or V8's own entries. */
function origin(url: string): string {
  if (!url) return '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node';
  const ours = /\/dist\/(.+)$/.exec(url);
  return ours ? ours[1]! : path.basename(url);
}

/** Self time per frame over [fromMicros, toMicros] of the monotonic clock the profiler also uses. */
export function topFrames(profile: CpuProfile, fromMicros: number, toMicros: number, count: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]!;
    if (at < fromMicros || at > toMicros) continue;
    const frame = byId.get(profile.samples[i]!)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const where = origin(frame.url);
    const key = where ? `${frame.functionName || '(anonymous)'} — ${where}:${frame.lineNumber + 1}` : frame.functionName;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    self.set(key, (self.get(key) ?? 0) + delta);
    total += delta;
  }
  const frames = [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
  return frames.map(([frame, micros]) => ({ frame, share: micros / total }));
}

export interface RouteCost {
  route: string;
  /** Under the concurrent load. */
  rate: number;
  p99Ms: number;
  /** Non-2xx answers, errors and time-outs under load. */
  failures: number;
  cpuMicrosPerRequest: number;
  frames: { frame: string; share: number }[];
  /** Requests that ran alone, and their stages, µs and ms per request. */
  soloRequests: number;
  stages: { stage: string; cpuMicros: number; wallMs: number }[];
}

/** Measures one route: see the head of this file. */
export async function measureRoute(options: {
  route: HotRoute;
  root: string;
  workDir: string;
  env: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<RouteCost> {
  const { route, root, workDir } = options;
  const slug = route.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const profileDir = path.join(workDir, `profile-${slug}`);
  const ledgerFile = path.join(workDir, `ledger-${slug}.json`);
  fs.rmSync(profileDir, { recursive: true, force: true });
  const port = await freePort();
  const service: Served = await startNode({
    name: `ledger-${slug}`,
    args: ['--cpu-prof', '--cpu-prof-dir', profileDir, ...startFlags(root, options.env), path.join(root, 'dist', 'server.js')],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KEY_MAX_IN_FLIGHT: '0',
      // The profiler slows the event loop: no shedding of "overloaded" requests here.
      MAX_EVENT_LOOP_DELAY_MS: '0',
      BENCH_LEDGER: ledgerFile,
      ...options.env,
    },
    port,
    readyPath: '/health/ready',
    logFile: path.join(workDir, `ledger-${slug}.log`),
    cwd: root,
  });
  let result: Omit<RouteCost, 'frames' | 'soloRequests' | 'stages'>;
  let window: [number, number];
  try {
    const load = (connections: number): Load => ({ ...route.load, url: service.url + route.load.path, connections });
    await drive(load(options.connections), 2);
    const cpuBefore = processCpuMicros(service.pid);
    const from = Number(process.hrtime.bigint() / 1000n);
    const measured = await drive(load(options.connections), options.seconds);
    const to = Number(process.hrtime.bigint() / 1000n);
    const cpu = processCpuMicros(service.pid) - cpuBefore;
    window = [from, to];
    result = { route: route.name, rate: measured.rate, p99Ms: measured.p99Ms, failures: measured.failures, cpuMicrosPerRequest: cpu / measured.count };
    // One connection: every request runs alone and the ledger books it.
    await drive(load(1), Math.max(2, Math.round(options.seconds / 2)));
  } finally {
    await service.stop();
  }
  const profileFile = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!profileFile) throw new Error(`${route.name}: the server wrote no CPU profile`);
  const profile = JSON.parse(fs.readFileSync(path.join(profileDir, profileFile), 'utf8')) as CpuProfile;
  const frames = topFrames(profile, window[0], window[1], 12);
  // A build without the ledger (BENCH_ROOT at an older commit) still gives its CPU and profile.
  if (!fs.existsSync(ledgerFile)) return { ...result, frames, soloRequests: 0, stages: [] };
  const ledger = JSON.parse(fs.readFileSync(ledgerFile, 'utf8')) as LedgerFile;
  const [key, entry] = Object.entries(ledger.routes).sort((a, b) => b[1].requests - a[1].requests)[0] ?? [];
  if (!key || !entry) throw new Error(`${route.name}: the ledger booked no request`);
  const stages = Object.entries(entry.stages)
    .map(([stage, s]) => ({ stage, cpuMicros: s.cpuMicros / entry.requests, wallMs: s.wallMs / entry.requests }))
    .sort((a, b) => b.cpuMicros - a.cpuMicros);
  stages.push({
    stage: 'between requests (HTTP parsing before the first hook, audit batches, GC)',
    cpuMicros: ledger.betweenRequests.cpuMicros / entry.requests,
    wallMs: ledger.betweenRequests.wallMs / entry.requests,
  });
  return { ...result, frames, soloRequests: entry.requests, stages };
}

/** The ledger and profile of each route as markdown. */
export function costMarkdown(costs: RouteCost[]): string[] {
  const lines: string[] = [];
  for (const c of costs) {
    const soloCpu = c.stages.reduce((sum, s) => sum + s.cpuMicros, 0);
    const soloWall = c.stages.reduce((sum, s) => sum + s.wallMs, 0);
    lines.push(
      `### ${c.route}`,
      '',
      `Under load: ${Math.round(c.rate).toLocaleString('en-US')} req/s, p99 ${c.p99Ms.toFixed(1)} ms${c.failures > 0 ? ` (${c.failures} failed)` : ''}, **${Math.round(c.cpuMicrosPerRequest)} µs of server CPU per request**. ` +
        `Alone (${c.soloRequests.toLocaleString('en-US')} requests, one connection): ${Math.round(soloCpu)} µs CPU, ${soloWall.toFixed(2)} ms wall per request.`,
      '',
      '| stage (one request alone) | CPU µs | wall ms |',
      '|---|---|---|',
      ...c.stages.map((s) => `| ${s.stage} | ${Math.round(s.cpuMicros)} | ${s.wallMs.toFixed(3)} |`),
      '',
      'Top self-time frames under load (share of the busy samples):',
      '',
      '| frame | share |',
      '|---|---|',
      ...c.frames.map((f) => `| ${f.frame.replace(/\|/g, '\\|')} | ${(f.share * 100).toFixed(1)} % |`),
      '',
    );
  }
  return lines;
}
