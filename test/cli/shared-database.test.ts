import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serverDatabaseUrl } from '../support/database-target';
import { startServerProcess, type ServerProcess } from '../support/server-process';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const hasPsql = spawnSync('psql', ['--version']).status === 0;

/** `manuplan <args>` in a process of its own, from the sources (a stale dist/ must not answer for them). */
function manuplan(args: string[], pgliteDir: string) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PGLITE_DIR: pgliteDir, LOG_LEVEL: 'warn' },
    timeout: 120_000,
  });
}

async function waitUntilReady(server: ServerProcess): Promise<void> {
  for (;;) {
    const res = await fetch(`${server.baseUrl}/health/ready`).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// A newcomer runs `npm start` on the embedded database and, in a second terminal, the CLI and psql.
const onEmbedded = serverDatabaseUrl() ? describe.skip : describe;

onEmbedded('a second terminal while the server holds the embedded database', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mps-'));
  const folder = path.join(root, 'data');
  const socket = path.join(folder, '.s.PGSQL.5432');

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates a clinic with the CLI and queries with psql through the server’s socket', async () => {
    const server = await startServerProcess({ PGLITE_DIR: folder }, { readyTimeoutMs: 120_000 });
    try {
      await waitUntilReady(server);
      expect(fs.statSync(socket).isSocket()).toBe(true);

      const { stdout } = await manuplan(['clinic', 'create', '--name', 'Second Terminal Physio', '--json'], folder);
      const created = JSON.parse(stdout) as { clinic: { id: string }; apiKey: string };

      // The running server sees the clinic and accepts its key at once.
      const keys = await fetch(`${server.baseUrl}/v1/api-keys`, { headers: { authorization: `Bearer ${created.apiKey}` } });
      expect(keys.status).toBe(200);

      if (hasPsql) {
        const psql = await run('psql', [
          '-h',
          folder,
          '-U',
          'postgres',
          '-d',
          'postgres',
          '-At',
          '-c',
          `select name from clinics where id = '${created.clinic.id}'`,
        ]);
        expect(psql.stdout.trim()).toBe('Second Terminal Physio');
      }
    } finally {
      expect((await server.stop('SIGTERM')).code).toBe(0);
    }
    expect(fs.existsSync(socket)).toBe(false);
  }, 300_000);

  it('opens the folder itself when the socket was left by a server that died', async () => {
    const server = await startServerProcess({ PGLITE_DIR: folder }, { readyTimeoutMs: 120_000 });
    await waitUntilReady(server);
    await server.stop('SIGKILL');
    expect(fs.statSync(socket).isSocket()).toBe(true);

    const { stdout } = await manuplan(['clinic', 'create', '--name', 'After The Crash', '--json'], folder);
    expect(JSON.parse(stdout)).toMatchObject({ clinic: { name: 'After The Crash' } });
  }, 300_000);
});
