// HTTP load with autocannon on loopback, and the pairing of a scenario with its floor.
import autocannon from 'autocannon';

export interface Load {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A sequence each connection walks through in a loop (paging through cursors, a mixed workload). */
  requests?: { method?: string; path: string; headers?: Record<string, string>; body?: string }[];
  connections: number;
}

export interface Measured {
  /** Completed requests (or transactions) per second. */
  rate: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  count: number;
  seconds: number;
  /** Non-2xx answers, socket errors and time-outs: any of them invalidates the figure. */
  failures: number;
}

/** Drives `load` for `seconds` and reports what it measured. */
export async function drive(load: Load, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: seconds,
    method: load.method ?? 'GET',
    headers: load.body ? { 'content-type': 'application/json', ...load.headers } : load.headers,
    body: load.body,
    requests: load.requests,
    timeout: 30,
  });
  const count = result.requests.total;
  return {
    rate: count / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    count,
    seconds: result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** Several runs as one: rates add up over time, latencies are the worst run's. */
export function combine(runs: Measured[]): Measured {
  const count = runs.reduce((n, r) => n + r.count, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    rate: count / seconds,
    p50Ms: Math.max(...runs.map((r) => r.p50Ms)),
    p99Ms: Math.max(...runs.map((r) => r.p99Ms)),
    maxMs: Math.max(...runs.map((r) => r.maxMs)),
    count,
    seconds,
    failures: runs.reduce((n, r) => n + r.failures, 0),
  };
}

/**
 * Measures a scenario against its floor in alternating rounds (floor, scenario, floor,
 * scenario…), so that a change in the machine's background load hits both alike; the ratio
 * is the scenario's rate over the floor's, both summed over their rounds.
 */
export async function versus(
  floor: (seconds: number) => Promise<Measured>,
  scenario: (seconds: number) => Promise<Measured>,
  options: { rounds: number; seconds: number; warmupSeconds: number },
): Promise<{ floor: Measured; scenario: Measured; ratio: number }> {
  if (options.warmupSeconds > 0) {
    await floor(options.warmupSeconds);
    await scenario(options.warmupSeconds);
  }
  const floors: Measured[] = [];
  const scenarios: Measured[] = [];
  for (let round = 0; round < options.rounds; round++) {
    floors.push(await floor(options.seconds));
    scenarios.push(await scenario(options.seconds));
  }
  const f = combine(floors);
  const s = combine(scenarios);
  return { floor: f, scenario: s, ratio: s.rate / f.rate };
}
