// Child processes of the benchmark: the service under test, the bare-Fastify floor and the CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Served {
  name: string;
  pid: number;
  url: string;
  /** Resident memory now, MiB (Linux /proc). */
  rssMiB(): number;
  /** Highest resident memory since the process started, MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node <args>` (the pid is the server's own, so its memory can be read) and resolves
 * once GET `readyPath` answers 200. Output goes to `logFile`, which a failure points at.
 */
export async function startNode(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
  logFile: string;
  cwd: string;
  timeoutMs?: number;
}): Promise<Served> {
  const log = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  for (;;) {
    if (exited) throw new Error(`${options.name} exited during start-up; see ${options.logFile}`);
    try {
      const res = await fetch(url + options.readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not become ready; see ${options.logFile}`);
    }
    await sleep(100);
  }
  const pid = child.pid!;
  return {
    name: options.name,
    pid,
    url,
    rssMiB: () => statusKiB(pid, 'VmRSS') / 1024,
    peakRssMiB: () => statusKiB(pid, 'VmHWM') / 1024,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(killer);
    },
  };
}

/**
 * The Node.js flags the server runs with where it is deployed: on a PostgreSQL server as the image
 * runs it (the Dockerfile's CMD), on the embedded database as `npm start` runs it (package.json's
 * start script). The benchmark measures the service as it runs in production.
 */
export function startFlags(root: string, env: Record<string, string | undefined>): string[] {
  const command = env.DATABASE_URL ? imageCommand(root) : npmStartCommand(root);
  if (command[0] !== 'node') return [];
  return command.slice(1).filter((w) => w.startsWith('--'));
}

function npmStartCommand(root: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  return (pkg.scripts?.start ?? '').trim().split(/\s+/);
}

function imageCommand(root: string): string[] {
  const file = path.join(root, 'Dockerfile');
  if (!fs.existsSync(file)) return npmStartCommand(root);
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(fs.readFileSync(file, 'utf8'));
  return cmd ? (JSON.parse(cmd[1] as string) as string[]) : npmStartCommand(root);
}

/** Runs the built `manuplan` CLI and parses its --json answer. */
export function runCli<T>(root: string, args: string[], env: NodeJS.ProcessEnv): T {
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'cli', 'main.js'), ...args, '--json'], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`manuplan ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Samples a process's resident memory every `everyMs` until stopped. */
export function sampleRss(served: Served, everyMs: number) {
  const started = Date.now();
  const samples: { atSeconds: number; rssMiB: number }[] = [];
  const timer = setInterval(() => samples.push({ atSeconds: (Date.now() - started) / 1000, rssMiB: served.rssMiB() }), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return samples;
    },
  };
}
