import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/output';
import { openPglite } from '../../src/db/pglite.database';
import { serverDatabaseUrl } from '../support/database-target';
import { validateFhirBundle } from '../support/fhir-validator';
import { startTestApp } from '../support/test-app';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const body = (ndjson: string) => ndjson.split('\n').filter(Boolean).slice(1);

// Each command opens the embedded database afresh (start-up and migrations): the export scenario
// runs about fifteen of them, well past the default minute on a loaded 2-core machine.
jest.setTimeout(240_000);

describe('manuplan seed, export and import', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manuplan-transfer-'));
  const env = serverDatabaseUrl() ? { DATABASE_URL: serverDatabaseUrl() } : { PGLITE_DIR: path.join(dir, 'data') };
  const openSameDatabase = () => (serverDatabaseUrl() ? startTestApp() : openPglite(env.PGLITE_DIR!).then((database) => startTestApp({ database })));
  const cli = async (...argv: string[]) => {
    const io = capture();
    const code = await runCli(argv, io, env);
    return { code, out: io.stdout.join(''), err: io.stderr.join('') };
  };
  const newClinic = async () => JSON.parse((await cli('clinic', 'create', '--name', 'Target', '--json')).out).clinic.id as string;
  let demo: { clinic: { id: string }; apiKey: string; created: Record<string, number> };
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    const seeded = await cli('seed', '--demo', '--json');
    expect(seeded).toMatchObject({ code: 0, err: '' });
    demo = JSON.parse(seeded.out);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seed --demo makes a clinic of realistic patients whose plans came from the engine, in every state, with sessions', async () => {
    expect(demo.created).toEqual({ patients: 8, assessments: 8, plans: 8, sessions: expect.any(Number) });
    expect(demo.created.sessions).toBeGreaterThanOrEqual(15);
    expect((await cli('seed')).code).toBe(1);

    const t = await openSameDatabase();
    try {
      const auth = { Authorization: `Bearer ${demo.apiKey}` };
      const plans = (await t.http().get('/v1/plans?limit=50').set(auth)).body.data as {
        id: string;
        status: string;
        engineVersion: string;
        screening: { decision: string };
      }[];
      expect(plans.map((p) => p.status).sort()).toEqual(['active', 'active', 'active', 'active', 'completed', 'discontinued', 'draft', 'on_hold']);
      expect(new Set(plans.map((p) => p.screening.decision))).toEqual(new Set(['treat', 'treat_with_precautions', 'refer', 'postpone']));
      for (const plan of plans) {
        const fhir = await t.http().get(`/v1/plans/${plan.id}/fhir`).set(auth);
        expect(fhir.status).toBe(200);
        expect(validateFhirBundle(fhir.body).errors).toEqual([]);
      }
      const completed = plans.find((p) => p.status === 'completed')!;
      expect((await t.http().get(`/v1/plans/${completed.id}/progress`).set(auth)).body.recommendation.action).toBe('discharge');
    } finally {
      await t.close();
    }
  });

  it('export writes NDJSON to a file (never over one without --yes) or to stdout; import into an empty clinic round-trips it', async () => {
    const out = file('demo.ndjson');
    const exported = await cli('export', '--clinic', demo.clinic.id, '--out', out, '--json');
    expect(exported).toMatchObject({ code: 0, err: '' });
    const summary = JSON.parse(exported.out);
    expect(summary).toEqual({
      clinicId: demo.clinic.id,
      file: out,
      counts: { patient: 8, assessment: 8, plan: 8, plan_version: 2, session: demo.created.sessions },
    });
    const text = fs.readFileSync(out, 'utf8');
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    // Health records: readable by the operator's account only.
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const refused = await cli('export', '--clinic', demo.clinic.id, '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already exists; pass --yes/);
    expect(fs.readFileSync(out, 'utf8')).toBe(text);
    expect((await cli('export', '--clinic', demo.clinic.id, '--out', out, '--yes')).code).toBe(0);

    const toStdout = await cli('export', '--clinic', demo.clinic.id);
    expect(toStdout.code).toBe(0);
    expect(body(toStdout.out)).toEqual(body(text));
    expect(toStdout.err).toMatch(/^Exported \d+ records/);

    const target = await newClinic();
    const imported = await cli('import', '--clinic', target, out);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^Imported \d+ records/);
    expect(body((await cli('export', '--clinic', target)).out)).toEqual(body(text));

    // The clinic now has records: importing again needs --yes, and then changes nothing.
    const guarded = await cli('import', '--clinic', target, out);
    expect(guarded.code).toBe(1);
    expect(guarded.err).toMatch(/already has records.*--yes/s);
    const again = await cli('import', '--clinic', target, out, '--yes', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ rejectedCount: 0, imported: { patient: 0, assessment: 0, plan: 0, plan_version: 0, session: 0 } });
    expect(body((await cli('export', '--clinic', target)).out)).toEqual(body(text));

    // Piped in: `manuplan export --clinic A | manuplan import --clinic B` (no file, or "-").
    for (const args of [[], ['-']]) {
      const piped = await newClinic();
      const io = capture();
      io.stdinStream = Readable.from([toStdout.out]);
      expect(await runCli(['import', '--clinic', piped, ...args, '--json'], io, env)).toBe(0);
      expect(JSON.parse(io.stdout.join(''))).toMatchObject({ rejectedCount: 0, imported: { patient: 8, assessment: 8, plan: 8 } });
      expect(body((await cli('export', '--clinic', piped)).out)).toEqual(body(text));
    }
  });

  it('import reports a corrupt line by number on stderr, imports the rest, and exits 1', async () => {
    const lines = fs.readFileSync(file('demo.ndjson'), 'utf8').split('\n').filter(Boolean);
    lines.splice(5, 0, '{"type":"patient","data":{"id":"not-a-uuid"}}');
    fs.writeFileSync(file('corrupt.ndjson'), lines.join('\n') + '\n');
    const target = await newClinic();
    const res = await cli('import', '--clinic', target, file('corrupt.ndjson'));
    expect(res.code).toBe(1);
    expect(res.err.split('\n').filter(Boolean)[0]).toMatch(/^line 6: \/data\/id: /);
    expect(res.out).toMatch(/Imported \d+ records .*1 line\(s\) rejected/);
    expect(body((await cli('export', '--clinic', target)).out)).toEqual(body(fs.readFileSync(file('demo.ndjson'), 'utf8')));
  });

  it('refuses unknown clinics, missing files and bad usage', async () => {
    const nobody = '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57';
    expect(await cli('export', '--clinic', nobody)).toMatchObject({ code: 1, err: expect.stringMatching(/Clinic was not found/) });
    expect(await cli('import', '--clinic', demo.clinic.id, file('missing.ndjson'))).toMatchObject({ code: 1, err: expect.stringMatching(/Cannot read/) });
    expect(await cli('import', '--clinic', demo.clinic.id)).toMatchObject({ code: 1, err: expect.stringMatching(/No file given and no standard input/) });
    expect(await cli('import', '--clinic', demo.clinic.id, 'a.ndjson', 'b.ndjson')).toMatchObject({ code: 1, err: expect.stringMatching(/Usage/) });
  });
});
