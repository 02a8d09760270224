import fs from 'node:fs';

/**
 * The per-request cost ledger of the benchmark (`npm run bench`, BENCH_ONLY=ledger): where each
 * request's CPU microseconds and wall milliseconds go, stage by stage (authentication, body
 * validation, tenant settings, SQL, row parsing, serialization, audit…).
 *
 * On only when BENCH_LEDGER names a file, read once at start; off, `costLedger` is undefined and
 * every call site is one `?.` on it. It writes the file when the process exits.
 *
 * A request's stages form a timeline: `stage(name)` closes the running stage and opens the next.
 * Process CPU time is only this request's while no other request is in flight, so only such
 * solo requests are counted: drive the service with one connection to fill the ledger. Time
 * outside any request (the HTTP parser before the first hook, audit batches written behind the
 * answers, garbage collection between requests) is booked apart, as `betweenRequests`.
 */
export interface CostLedger {
  /** A request begins: `route` is how it is reported (method and route pattern). */
  begin(route: string): void;
  /** The running request moves to `stage`. */
  stage(name: string): void;
  /**
   * Books `micros` of pure CPU work measured by the caller (a row's parsers) to `stage`, out of
   * the running stage: for work too fine-grained to switch stages around.
   */
  charge(stage: string, micros: number): void;
  /** A request ends (answered or abandoned by its client; once each): its stages are booked if it ran alone. */
  end(): void;
}

interface Totals {
  requests: number;
  stages: Map<string, { cpuMicros: number; wallMs: number }>;
}

function createLedger(file: string): CostLedger {
  const routes = new Map<string, Totals>();
  let inFlight = 0;
  let current: { route: string; solo: boolean; stage: string; cpu: number; wall: number; charged: number; booked: [string, number, number][] } | undefined;
  let betweenCpu = 0;
  let betweenWallMs = 0;
  let idleSince: { cpu: number; wall: number } | undefined;

  const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };

  const close = (cpu: number, wall: number) => {
    if (!current) return;
    const charged = current.charged;
    current.booked.push([current.stage, cpu - current.cpu - charged, wall - current.wall - charged / 1000]);
  };

  process.on('exit', () => {
    const report = {
      betweenRequests: { cpuMicros: betweenCpu, wallMs: betweenWallMs },
      routes: Object.fromEntries([...routes].map(([route, totals]) => [route, { requests: totals.requests, stages: Object.fromEntries(totals.stages) }])),
    };
    fs.writeFileSync(file, JSON.stringify(report, null, 2));
  });

  return {
    begin(route) {
      inFlight += 1;
      if (current) current.solo = false;
      if (inFlight > 1) {
        current = undefined;
        return;
      }
      const cpu = cpuNow();
      const wall = performance.now();
      if (idleSince) {
        betweenCpu += cpu - idleSince.cpu;
        betweenWallMs += wall - idleSince.wall;
        idleSince = undefined;
      }
      current = { route, solo: true, stage: 'framework', cpu, wall, charged: 0, booked: [] };
    },
    stage(name) {
      if (!current) return;
      const cpu = cpuNow();
      const wall = performance.now();
      close(cpu, wall);
      Object.assign(current, { stage: name, cpu, wall, charged: 0 });
    },
    charge(stage, micros) {
      if (!current) return;
      current.charged += micros;
      current.booked.push([stage, micros, micros / 1000]);
    },
    end() {
      inFlight -= 1;
      if (!current && inFlight > 0) return;
      const cpu = cpuNow();
      const wall = performance.now();
      if (current?.solo) {
        close(cpu, wall);
        let totals = routes.get(current.route);
        if (!totals) routes.set(current.route, (totals = { requests: 0, stages: new Map() }));
        totals.requests += 1;
        for (const [stage, cpuMicros, wallMs] of current.booked) {
          const sum = totals.stages.get(stage) ?? { cpuMicros: 0, wallMs: 0 };
          sum.cpuMicros += cpuMicros;
          sum.wallMs += wallMs;
          totals.stages.set(stage, sum);
        }
      }
      current = undefined;
      if (inFlight === 0) idleSince = { cpu, wall };
    },
  };
}

export const costLedger: CostLedger | undefined = process.env.BENCH_LEDGER ? createLedger(process.env.BENCH_LEDGER) : undefined;
