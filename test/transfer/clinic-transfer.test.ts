import { Readable, Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { renamedId } from '../../src/modules/transfer/transfer-mapping';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

/** A writable that keeps what it was given, slowly enough (tiny buffer) that the export must wait for it. */
function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      setImmediate(done);
    },
  });
  return { stream, text: () => chunks.join('') };
}

const linesOf = (ndjson: string) => ndjson.split('\n').filter((l) => l.length > 0);
const body = (ndjson: string) => linesOf(ndjson).slice(1);

describe('moving a clinic: export to NDJSON and import it back', () => {
  let t: TestApp;
  let source: TestClinic;
  let exported: string;

  const auth = (c: TestClinic) => ({ Authorization: `Bearer ${c.adminKey}` });
  const exportOf = async (clinicId: string, batchSize = 3) => {
    const out = sink();
    await t.services.transfer.export(clinicId, out.stream, { batchSize });
    return out.text();
  };
  const importInto = (clinicId: string, ndjson: string, options: { newIds?: boolean; batchSize?: number } = {}) =>
    t.services.transfer.import(clinicId, Readable.from([Buffer.from(ndjson)]), { batchSize: 4, ...options });

  beforeAll(async () => {
    t = await startTestApp();
    source = await t.createClinic('Source clinic');
    // Patients, one deleted; assessments with their plans; a plan edited twice (versions); sessions.
    const patient = async (body: Record<string, unknown>) => (await t.http().post('/v1/patients').set(auth(source)).send(body)).body.id as string;
    const ids = [
      await patient({ firstName: 'Ana', lastName: 'Silva', externalId: 'A-1', birthDate: '1970-01-31', sex: 'female' }),
      await patient({ firstName: 'Ben' }),
      await patient({}),
    ];
    const gone = await patient({ firstName: 'Gone', externalId: 'G-1' });
    for (const [i, id] of ids.entries()) {
      const res = await t
        .http()
        .post('/v1/assessments')
        .set(auth(source))
        .send(lowBackAssessment(id, { assessedAt: `2026-01-0${i + 1}T09:00:00Z` }));
      expect(res.status).toBe(201);
      const plan = res.body.plan;
      for (const week of [1, 2]) {
        const s = await t
          .http()
          .post(`/v1/plans/${plan.id}/sessions`)
          .set(auth(source))
          .send({
            performedAt: `2026-01-${10 + week * 7}T10:00:00Z`,
            minutes: 50,
            techniques: [plan.techniques[0].code],
            regions: ['lower_back'],
            measures: { painNrs: 6 - week },
            notes: { subjective: `week ${week}` },
            adverseEvents: week === 2 && i === 0 ? ['dizzy after treatment'] : [],
          });
        expect(s.status).toBe(201);
      }
      if (i === 0) {
        expect((await t.http().patch(`/v1/plans/${plan.id}`).set(auth(source)).set('If-Match', 'W/"1"').send({ notes: 'prefers mornings' })).status).toBe(200);
        expect((await t.http().patch(`/v1/plans/${plan.id}`).set(auth(source)).set('If-Match', 'W/"2"').send({ status: 'on_hold' })).status).toBe(200);
      }
    }
    await t.http().post('/v1/assessments').set(auth(source)).send(lowBackAssessment(gone));
    expect((await t.http().delete(`/v1/patients/${gone}`).set(auth(source)).set('If-Match', 'W/"1"')).status).toBe(204);
    exported = await exportOf(source.clinicId);
  });
  afterAll(() => t?.close());

  it('writes a header, then every live record as the API shows it, parents before children', async () => {
    const lines = linesOf(exported).map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({
      type: 'header',
      data: {
        format: 'manuplan-ndjson',
        formatVersion: 1,
        clinicId: source.clinicId,
        exportedAt: expect.any(String),
        engineVersion: expect.any(String),
        counts: { patient: 3, assessment: 3, plan: 3, plan_version: 2, session: 6 },
      },
    });
    expect(lines.slice(1).map((l) => l.type)).toEqual([
      ...Array(3).fill('patient'),
      ...Array(3).fill('assessment'),
      ...Array(3).fill('plan'),
      'plan_version',
      'plan_version',
      ...Array(6).fill('session'),
    ]);
    // The deleted patient and everything under it stay behind.
    expect(exported).not.toContain('Gone');
    const plan = lines.find((l) => l.type === 'plan' && l.data.status === 'on_hold').data;
    expect((await t.http().get(`/v1/plans/${plan.id}`).set(auth(source))).body).toEqual(plan);
    const assessment = lines.find((l) => l.type === 'assessment').data;
    expect((await t.http().get(`/v1/assessments/${assessment.id}`).set(auth(source))).body).toEqual(assessment);
  });

  it('export → import into an empty clinic → export gives the same content, ids and all; importing again changes nothing', async () => {
    const target = await t.createClinic('Empty clinic');
    const report = await importInto(target.clinicId, exported);
    expect(report).toMatchObject({ rejectedCount: 0, warnings: [], imported: { patient: 3, assessment: 3, plan: 3, plan_version: 2, session: 6 } });
    const again = await exportOf(target.clinicId);
    expect(body(again)).toEqual(body(exported));

    const changesBefore = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from changes where clinic_id = ${target.clinicId}`);
    const second = await importInto(target.clinicId, exported);
    expect(second).toMatchObject({ rejectedCount: 0, imported: { patient: 0, assessment: 0, plan: 0, plan_version: 0, session: 0 } });
    expect(second.alreadyPresent).toEqual({ patient: 3, assessment: 3, plan: 3, plan_version: 2, session: 6 });
    expect(body(await exportOf(target.clinicId))).toEqual(body(exported));
    const changesAfter = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from changes where clinic_id = ${target.clinicId}`);
    expect(changesAfter).toEqual(changesBefore);

    // The imported records are the clinic's own through the API, and its sync clients hear of them.
    const patientId = JSON.parse(body(exported)[0]!).data.id;
    expect((await t.http().get(`/v1/patients/${patientId}`).set(auth(target))).status).toBe(200);
    const feed = await t.http().get('/v1/changes?limit=200').set(auth(target));
    expect(feed.body.data.filter((c: { type: string }) => c.type === 'session')).toHaveLength(6);
    // Ids are per clinic ((clinic_id, id) keys): the source still has its own copy, untouched.
    expect((await t.http().get(`/v1/patients/${patientId}`).set(auth(source))).status).toBe(200);
  });

  it('with new ids: the same content under ids derived from the target clinic, still idempotent', async () => {
    const target = await t.createClinic('Renamed clinic');
    const report = await importInto(target.clinicId, exported, { newIds: true });
    expect(report).toMatchObject({ rejectedCount: 0, imported: { patient: 3, assessment: 3, plan: 3, plan_version: 2, session: 6 } });
    const renamed = await exportOf(target.clinicId);

    // Map every id back; then the two exports hold the same lines.
    const back = new Map<string, string>();
    for (const l of body(exported).map((x) => JSON.parse(x))) {
      for (const [kind, id] of [[l.type === 'plan_version' ? 'plan' : l.type, l.data.id]] as [string, string][])
        back.set(renamedId(target.clinicId, kind, id), id);
    }
    const restore = (line: string) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => back.get(id) ?? id);
    expect(body(renamed).map(restore).sort()).toEqual(body(exported).sort());
    expect(body(renamed).some((l) => body(exported).includes(l))).toBe(false);

    const second = await importInto(target.clinicId, exported, { newIds: true });
    expect(second.imported).toEqual({ patient: 0, assessment: 0, plan: 0, plan_version: 0, session: 0 });
  });

  it('reports a corrupt line by its number and imports all the others', async () => {
    const lines = linesOf(exported);
    const session = JSON.parse(lines.at(-1)!);
    const badPatient = JSON.parse(lines[2]!);
    badPatient.data.sex = 'robot';
    const corrupted = [
      lines[0], // 1 header
      lines[1], // 2 patient
      JSON.stringify(badPatient), // 3 invalid field → rejected, and so are the records under it
      '{"type":"patient","data":{', // 4 not JSON
      ...lines.slice(3, -1), // 5 … n-1
      JSON.stringify({ ...session, data: { ...session.data, id: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f58', planId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f59' } }), // dangling plan
      JSON.stringify({ type: 'invoice', data: {} }), // unknown type
      lines.at(-1),
    ].join('\n');
    const target = await t.createClinic('Corrupt import');
    const rejectedAsTheyCome: number[] = [];
    const report = await t.services.transfer.import(target.clinicId, Readable.from([Buffer.from(corrupted)]), {
      batchSize: 2,
      onRejected: (r) => rejectedAsTheyCome.push(r.line),
    });

    const n = corrupted.split('\n').length;
    const badPatientId = badPatient.data.id;
    const linesUnder = corrupted
      .split('\n')
      .map((l, i) => ({ l, line: i + 1 }))
      .filter(({ l }) => l.includes(badPatientId) && !l.includes('"type":"patient"'));
    const assessmentOfBad = JSON.parse(linesUnder.find(({ l }) => l.includes('"type":"assessment"'))!.l).data;
    const planOfBad = assessmentOfBad.planId;
    const sessionsOfBad = corrupted.split('\n').flatMap((l, i) => (l.includes(`"planId":"${planOfBad}"`) && l.includes('"type":"session"') ? [i + 1] : []));
    const expectedRejected = [3, 4, ...linesUnder.map((x) => x.line), ...sessionsOfBad, n - 2, n - 1].sort((a, b) => a - b);
    expect(report.rejected.map((r) => r.line)).toEqual([...new Set(expectedRejected)]);
    expect(rejectedAsTheyCome.sort((a, b) => a - b)).toEqual([...new Set(expectedRejected)]);
    expect(report.rejected.find((r) => r.line === 3)!.errors).toEqual([{ path: '/data/sex', message: expect.stringMatching(/female/) }]);
    expect(report.rejected.find((r) => r.line === 4)!.errors[0]!.message).toMatch(/^not JSON/);
    expect(report.rejected.find((r) => r.line === n - 2)!.errors).toEqual([{ path: '/data/planId', message: expect.stringMatching(/no such plan/) }]);
    expect(report.rejected.find((r) => r.line === n - 1)!.errors[0]!.path).toBe('/type');
    // Everything else arrived.
    expect(report.imported).toEqual({ patient: 2, assessment: 2, plan: 2, plan_version: report.imported.plan_version, session: 4 });
    expect(report.imported.patient + report.imported.assessment + report.imported.plan + report.imported.plan_version + report.imported.session).toBe(
      n - 1 - report.rejectedCount,
    );
  });

  it('writes only into the clinic named: a record under another clinic’s plan finds no plan there', async () => {
    // The session's plan exists — in the source clinic. In the target, as the restricted role with the
    // target clinic set (row-level security), there is no such plan.
    const session = linesOf(exported).at(-1)!;
    const target = await t.createClinic('Isolated');
    const report = await importInto(target.clinicId, session);
    expect(report.rejected).toEqual([{ line: 1, errors: [{ path: '/data/planId', message: expect.stringMatching(/no such plan/) }] }]);
    expect(report.imported.session).toBe(0);
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sessions where clinic_id = ${target.clinicId}`);
    expect(rows[0]!.n).toBe(0);
  });

  it('warns when the file is shorter than its header says, or has no header', async () => {
    const lines = linesOf(exported);
    const truncated = await importInto((await t.createClinic()).clinicId, lines.slice(0, -2).join('\n'));
    expect(truncated.warnings).toEqual(['The header announces 6 session line(s) but the file has 4: it may be truncated.']);
    const headless = await importInto((await t.createClinic()).clinicId, lines.slice(1, 4).join('\r\n') + '\r\n');
    expect(headless).toMatchObject({ rejectedCount: 0, imported: { patient: 3 }, warnings: [expect.stringMatching(/no header/)] });
  });
  it('carries an episode of care (plan links, severity of adverse events) across, renaming the links with --new-ids', async () => {
    const clinic = await t.createClinic('Episode source');
    const patientId = (await t.http().post('/v1/patients').set(auth(clinic)).send({ firstName: 'Eve' })).body.id;
    const first = (
      await t
        .http()
        .post('/v1/assessments')
        .set(auth(clinic))
        .send(lowBackAssessment(patientId, { assessedAt: '2026-01-05T09:00:00Z' }))
    ).body.plan;
    const mild = { description: 'sore for a day', severity: 'mild' };
    const s = await t
      .http()
      .post(`/v1/plans/${first.id}/sessions`)
      .set(auth(clinic))
      .send({ performedAt: '2026-01-12T10:00:00Z', minutes: 30, techniques: [], regions: [], measures: { painNrs: 5 }, adverseEvents: [mild, 'dizzy'] });
    expect(s.status).toBe(201);
    const { patientId: _p, ...input } = lowBackAssessment(patientId, { assessedAt: '2026-02-02T09:00:00Z' });
    const second = (await t.http().post(`/v1/plans/${first.id}/reassessments`).set(auth(clinic)).send(input)).body.plan;
    const ndjson = await exportOf(clinic.clinicId);

    const same = await t.createClinic('Episode copy');
    expect((await importInto(same.clinicId, ndjson)).rejectedCount).toBe(0);
    expect((await t.http().get(`/v1/plans/${first.id}`).set(auth(same))).body).toMatchObject({
      status: 'completed',
      nextPlanId: second.id,
      previousPlanId: null,
    });
    expect((await t.http().get(`/v1/plans/${second.id}`).set(auth(same))).body).toMatchObject({ previousPlanId: first.id, nextPlanId: null });
    expect((await t.http().get(`/v1/plans/${first.id}/sessions`).set(auth(same))).body.data[0]).toMatchObject({
      techniques: [],
      adverseEvents: [mild, 'dizzy'],
    });

    const renamed = await t.createClinic('Episode renamed');
    expect((await importInto(renamed.clinicId, ndjson, { newIds: true })).rejectedCount).toBe(0);
    const [newFirst, newSecond] = [renamedId(renamed.clinicId, 'plan', first.id), renamedId(renamed.clinicId, 'plan', second.id)];
    expect((await t.http().get(`/v1/plans/${newFirst}`).set(auth(renamed))).body).toMatchObject({ nextPlanId: newSecond, previousPlanId: null });
    expect((await t.http().get(`/v1/plans/${newSecond}`).set(auth(renamed))).body).toMatchObject({ previousPlanId: newFirst });
    const progress = (await t.http().get(`/v1/plans/${newSecond}/progress`).set(auth(renamed))).body;
    expect(progress.goals.find((g: { measure: string }) => g.measure === 'pain_nrs')).toMatchObject({ episodeBaseline: 7 });
  });

  it('reads an export made before episodes (no plan links) as plans without links', async () => {
    const lines = linesOf(exported).map((l) => JSON.parse(l));
    const old = lines.map((l) =>
      l.type === 'plan' || l.type === 'plan_version' ? { ...l, data: (({ previousPlanId: _a, nextPlanId: _b, ...rest }) => rest)(l.data) } : l,
    );
    const target = await t.createClinic('Old export');
    const report = await importInto(target.clinicId, old.map((l) => JSON.stringify(l)).join('\n'));
    expect(report).toMatchObject({ rejectedCount: 0, imported: { plan: 3, plan_version: 2 } });
    const plan = lines.find((l) => l.type === 'plan').data;
    expect((await t.http().get(`/v1/plans/${plan.id}`).set(auth(target))).body).toMatchObject({ previousPlanId: null, nextPlanId: null });
  });
});
