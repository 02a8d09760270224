import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/output';
import { openPglite } from '../../src/db/pglite.database';
import { serverDatabaseUrl } from '../support/database-target';
import { startTestApp } from '../support/test-app';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('the manuplan CLI', () => {
  // The CLI reads the same environment as the server: the test server database, or its own embedded folder.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-cli-'));
  const env = serverDatabaseUrl() ? { DATABASE_URL: serverDatabaseUrl() } : { PGLITE_DIR: path.join(dir, 'data') };
  const openSameDatabase = () => (serverDatabaseUrl() ? startTestApp() : openPglite(env.PGLITE_DIR!).then((database) => startTestApp({ database })));

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a clinic whose printed key authenticates, and manages keys', async () => {
    const io = capture();
    expect(await runCli(['clinic', 'create', '--name', 'Lakeside Physio', '--json'], io, env)).toBe(0);
    const created = JSON.parse(io.stdout.join(''));
    expect(created).toEqual({
      clinic: { id: expect.any(String), name: 'Lakeside Physio' },
      apiKey: expect.stringMatching(/^mpk_/),
      apiKeyId: expect.any(String),
    });

    const keyIo = capture();
    expect(await runCli(['key', 'create', '--clinic', created.clinic.id, '--scopes', 'read,write', '--json'], keyIo, env)).toBe(0);
    const made = JSON.parse(keyIo.stdout.join(''));
    expect(made).toEqual({
      key: expect.objectContaining({ id: made.apiKeyId, scopes: ['read', 'write'] }),
      apiKey: expect.stringMatching(/^mpk_/),
      apiKeyId: expect.any(String),
    });
    const readWrite = made.key;

    const listIo = capture();
    expect(await runCli(['key', 'list', '--clinic', created.clinic.id, '--json'], listIo, env)).toBe(0);
    const listed = JSON.parse(listIo.stdout.join('')).data;
    expect(listed).toHaveLength(2);
    expect(listIo.stdout.join('')).not.toContain(created.apiKey);

    expect(await runCli(['key', 'revoke', readWrite.id], capture(), env)).toBe(0);

    const t = await openSameDatabase();
    try {
      const ok = await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${created.apiKey}`);
      expect(ok.status).toBe(200);
      expect((await t.http().get('/v1/api-keys').set('Authorization', `Bearer ${readWrite.secret}`)).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('explains bad usage without touching the database', async () => {
    const io = capture();
    expect(await runCli(['clinic', 'destroy'], io, env)).toBe(2);
    expect(io.stderr.join('')).toMatch(/Usage|manuplan <command>/);
    const missing = capture();
    expect(await runCli(['key', 'create', '--clinic', 'not-a-uuid', '--scopes', 'read'], missing, env)).toBe(1);
    expect(missing.stderr.join('')).toMatch(/--clinic/);
  });
});
