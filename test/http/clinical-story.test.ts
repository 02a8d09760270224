import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

type Goal = {
  type: string;
  measure: string;
  joint?: string;
  movement?: string;
  baseline: number | null;
  target: number | null;
  mcid: number;
  direction: string;
};

describe('a clinic’s story: patient → assessment → plan → edits → sessions → progress → completion', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Story clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const newPatient = async () => (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Sam', birthDate: '1981-05-02' })).body.id as string;
  const assess = async (patientId: string, overrides: Record<string, unknown> = {}) => {
    const res = await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId, overrides));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/assessments/${res.body.assessment.id}`);
    return res.body as {
      assessment: Record<string, unknown>;
      plan: Record<string, unknown> & { id: string; goals: Goal[]; schedule: { reassessAfterSessions: number } };
    };
  };
  /** Session measures that put every goal of the plan at `pick(goal)`. */
  const measuresAt = (goals: Goal[], pick: (g: Goal) => number) => {
    const measures: Record<string, unknown> = {};
    const rom: unknown[] = [];
    for (const g of goals) {
      const value = pick(g);
      if (g.measure === 'pain_nrs') measures.painNrs = Math.round(value);
      else if (g.measure === 'rom') rom.push({ joint: g.joint, movement: g.movement, degrees: value });
      else if (g.measure === 'pss10') measures.stress = { instrument: 'pss10', score: Math.round(value) };
      else measures.function = { instrument: g.measure, score: value };
    }
    if (rom.length) measures.rom = rom;
    return measures;
  };
  const session = (planId: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/v1/plans/${planId}/sessions`)
      .set(auth())
      .send({ performedAt: '2026-03-01T10:00:00Z', minutes: 50, techniques: ['myofascial_release'], regions: ['lower_back'], ...body });
  const progress = async (planId: string) => (await t.http().get(`/v1/plans/${planId}/progress`).set(auth())).body;

  it('First the therapist records an assessment and gets a stored, explainable plan', async () => {
    const patientId = await newPatient();
    const { assessment, plan } = await assess(patientId, { assessedAt: '2026-02-01T09:00:00Z' });
    expect(assessment).toMatchObject({ patientId, practitioner: 'dr-lee', assessedAt: '2026-02-01T09:00:00.000Z', planId: plan.id, version: 1 });
    expect(plan).toMatchObject({ patientId, assessmentId: assessment.id, status: 'active', version: 1, notes: null });
    expect(plan.engineVersion).toEqual(expect.any(String));
    expect((plan.goals as Goal[]).map((g) => g.measure).sort()).toEqual(['odi', 'pain_nrs', 'rom']);

    const stored = await t.http().get(`/v1/assessments/${assessment.id}`).set(auth());
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(assessment);
    const read = await t.http().get(`/v1/plans/${plan.id}`).set(auth());
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(plan);

    const preview = await t
      .http()
      .post('/v1/assessments/preview')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-02-01T09:00:00Z' }));
    expect(preview.status).toBe(200);
    const {
      id: _id,
      patientId: _p,
      assessmentId: _a,
      status: _s,
      version: _v,
      notes: _n,
      createdAt: _c,
      updatedAt: _u,
      previousPlanId,
      nextPlanId,
      ...content
    } = plan;
    expect([previousPlanId, nextPlanId]).toEqual([null, null]);
    expect(preview.body).toEqual(content);
  });

  it('stores the assessment and its plan together, or neither', async () => {
    const before = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assessments where clinic_id = ${clinic.clinicId}`);
    const res = await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment('0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57'));
    expect(res.status).toBe(404);
    expect(res.body.errors[0].path).toBe('/patientId');
    const after = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assessments where clinic_id = ${clinic.clinicId}`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('rejects invalid assessments with 400 naming each field', async () => {
    const patientId = await newPatient();
    const res = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(
        lowBackAssessment(patientId, {
          painLocations: [{ region: 'lower_back', side: 'left', intensity: 11 }],
          goals: [],
          mechanism: 'magic',
          planId: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57',
        }),
      );
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/painLocations/0/intensity', '/goals', '/mechanism', '/planId']));
  });

  it('Then the therapist edits the plan; every version is kept with who and when', async () => {
    const { plan } = await assess(await newPatient());
    const edit = await t
      .http()
      .patch(`/v1/plans/${plan.id}`)
      .set(auth())
      .set('If-Match', 'W/"1"')
      .send({
        schedule: { sessionMinutes: 60, sessionsPerWeek: 2, weeks: 6, reassessAfterSessions: 6 },
        notes: 'Patient prefers mornings',
      });
    expect(edit.status).toBe(200);
    expect(edit.headers.etag).toBe('"2"');
    expect(edit.body.schedule).toMatchObject({ sessionsPerWeek: 2, weeks: 6, totalSessions: 12, reassessAfterSessions: 6 });
    expect(edit.body.notes).toBe('Patient prefers mornings');

    const target = (plan.goals as Goal[]).find((g) => g.measure === 'pain_nrs')!;
    const goalEdit = await t
      .http()
      .patch(`/v1/plans/${plan.id}`)
      .set(auth())
      .set('If-Match', 'W/"2"')
      .send({ goals: [{ type: target.type, measure: 'pain_nrs', target: 2 }] });
    expect(goalEdit.status).toBe(200);
    expect(goalEdit.body.goals.find((g: Goal) => g.measure === 'pain_nrs').target).toBe(2);

    const versions = await t.http().get(`/v1/plans/${plan.id}/versions`).set(auth());
    expect(versions.status).toBe(200);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions.body.data[0]).toMatchObject({ version: 1, notes: null, changedBy: expect.any(String), changedAt: expect.any(String) });
    expect(versions.body.data[1]).toMatchObject({ version: 2, notes: 'Patient prefers mornings' });
  });

  it('holds edits to the rules: inconsistent content 400, stale 412, missing If-Match 428, illegal status 409', async () => {
    const { plan } = await assess(await newPatient());
    const url = `/v1/plans/${plan.id}`;
    expect((await t.http().patch(url).set(auth()).send({ notes: 'x' })).status).toBe(428);
    expect((await t.http().patch(url).set(auth()).set('If-Match', 'W/"9"').send({ notes: 'x' })).status).toBe(412);
    const tooLong = await t
      .http()
      .patch(url)
      .set(auth())
      .set('If-Match', 'W/"1"')
      .send({
        techniques: [{ code: 'myofascial_release', region: 'lower_back', minutes: 90, pressure: 'moderate', goalTypes: ['pain_relief'] }],
      });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].path).toBe('/techniques');
    const badTarget = await t
      .http()
      .patch(url)
      .set(auth())
      .set('If-Match', 'W/"1"')
      .send({ goals: [{ type: 'pain_relief', measure: 'pain_nrs', target: 9 }] });
    expect(badTarget.status).toBe(400);
    expect(badTarget.body.errors[0].path).toBe('/goals/0/target');
    const serverOwned = await t.http().patch(url).set(auth()).set('If-Match', 'W/"1"').send({ version: 5, engineVersion: 'x' });
    expect(serverOwned.status).toBe(400);
    expect((await t.http().patch(url).set(auth()).set('If-Match', 'W/"1"').send({ status: 'draft' })).status).toBe(409);
    expect((await t.http().get(url).set(auth())).body.version).toBe(1);
  });

  it('exactly one of many concurrent edits with the same If-Match wins', async () => {
    const { plan } = await assess(await newPatient());
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t
          .http()
          .patch(`/v1/plans/${plan.id}`)
          .set(auth())
          .set('If-Match', 'W/"1"')
          .send({ notes: `edit ${i}` }),
      ),
    );
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 412)).toHaveLength(9);
    const after = await t.http().get(`/v1/plans/${plan.id}`).set(auth());
    expect(after.body.version).toBe(2);
    expect((await t.http().get(`/v1/plans/${plan.id}/versions`).set(auth())).body.data).toHaveLength(1);
  });

  it('Sessions that improve every goal to its target lead to discharge; then the plan is completed and closed', async () => {
    const { plan } = await assess(await newPatient());
    const goals = plan.goals;
    expect((await progress(plan.id)).recommendation.action).toBe('continue');
    const halfway = await session(plan.id, { measures: measuresAt(goals, (g) => (g.baseline! + g.target!) / 2) });
    expect(halfway.status).toBe(201);
    expect(halfway.body).toMatchObject({ planId: plan.id, version: 1, adverseEvents: [] });
    expect((await session(plan.id, { performedAt: '2026-03-08T10:00:00Z', measures: measuresAt(goals, (g) => g.target!) })).status).toBe(201);
    // One good session is not yet a discharge: the target must hold at the next one too (SPEC §9).
    expect((await progress(plan.id)).recommendation.action).toBe('progress');
    expect((await session(plan.id, { performedAt: '2026-03-15T10:00:00Z', techniques: [], measures: measuresAt(goals, (g) => g.target!) })).status).toBe(201);
    const done = await progress(plan.id);
    expect(done.sessionsCompleted).toBe(3);
    expect(
      done.goals.every(
        (g: { mcidReached: boolean; percentToTarget: number; trend: string }) => g.mcidReached && g.percentToTarget === 100 && g.trend === 'improving',
      ),
    ).toBe(true);
    expect(done.recommendation.action).toBe('discharge');

    const listed = await t.http().get(`/v1/plans/${plan.id}/sessions`).set(auth());
    expect(listed.body.data.map((s: { performedAt: string }) => s.performedAt)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-08T10:00:00.000Z',
      '2026-03-15T10:00:00.000Z',
    ]);
    expect(listed.body.data[2].techniques).toEqual([]);

    const completed = await t.http().patch(`/v1/plans/${plan.id}`).set(auth()).set('If-Match', 'W/"1"').send({ status: 'completed' });
    expect(completed.status).toBe(200);
    expect((await session(plan.id, {})).status).toBe(409);
    expect((await t.http().patch(`/v1/plans/${plan.id}`).set(auth()).set('If-Match', 'W/"2"').send({ status: 'active' })).status).toBe(409);
  });

  it('No change reaching the MCID by the reassessment point leads to reassessment', async () => {
    const { plan } = await assess(await newPatient());
    const flat = measuresAt(plan.goals, (g) => g.baseline!);
    for (let i = 0; i < plan.schedule.reassessAfterSessions; i++) {
      expect((await session(plan.id, { performedAt: `2026-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`, measures: flat })).status).toBe(201);
    }
    const p = await progress(plan.id);
    expect(p.goals.every((g: { mcidReached: boolean; trend: string }) => !g.mcidReached && g.trend === 'flat')).toBe(true);
    expect(p.recommendation.action).toBe('reassess');
  });

  it('A worsening beyond the MCID after a treatment is a flare (reassess); on the next session too, a trend (refer)', async () => {
    const worse = await assess(await newPatient());
    const pain = worse.plan.goals.find((g) => g.measure === 'pain_nrs')!;
    await session(worse.plan.id, { measures: { painNrs: pain.baseline! + pain.mcid } });
    const flare = await progress(worse.plan.id);
    expect(flare.goals.find((g: { measure: string }) => g.measure === 'pain_nrs').trend).toBe('worsening');
    expect(flare.recommendation).toMatchObject({ action: 'reassess', reason: expect.stringContaining('flare') });
    await session(worse.plan.id, { performedAt: '2026-03-04T10:00:00Z', measures: { painNrs: pain.baseline! + pain.mcid + 1 } });
    expect((await progress(worse.plan.id)).recommendation).toMatchObject({ action: 'refer', reason: expect.stringContaining('two consecutive sessions') });
  });

  it('Adverse events: text reads as moderate (reassess), severe refers, mild alone eases the next dose', async () => {
    const cases: [unknown[], string, boolean][] = [
      [['bruising over the treated area'], 'reassess', false],
      [[{ description: 'fainted after standing up', severity: 'severe' }], 'refer', false],
      [[{ description: 'sore for a day', severity: 'mild' }], 'progress', true],
    ];
    for (const [adverseEvents, action, eased] of cases) {
      const { plan } = await assess(await newPatient());
      const res = await session(plan.id, { measures: measuresAt(plan.goals, (g) => g.target!), adverseEvents });
      expect(res.status).toBe(201);
      expect(res.body.adverseEvents).toEqual(adverseEvents);
      const p = await progress(plan.id);
      // Mild at the latest session holds a `progress` at `continue` while the dose is eased.
      expect([adverseEvents, p.recommendation.action, p.recommendation.easeNextDose]).toEqual([adverseEvents, eased ? 'continue' : action, eased]);
    }
    const { plan } = await assess(await newPatient());
    const bad = await session(plan.id, { adverseEvents: [{ description: 'x', severity: 'awful' }, { text: 'y' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/adverseEvents\/0/), expect.stringMatching(/^\/adverseEvents\/1/)]),
    );
  });

  it('Early improvement past the MCID but short of target: keep going or progress the plan', async () => {
    const { plan } = await assess(await newPatient());
    await session(plan.id, { measures: measuresAt(plan.goals, (g) => (g.direction === 'lower_is_better' ? g.baseline! - g.mcid : g.baseline! + g.mcid)) });
    const p = await progress(plan.id);
    expect(p.goals.every((g: { mcidReached: boolean }) => g.mcidReached)).toBe(true);
    expect(['progress', 'continue']).toContain(p.recommendation.action);
    expect(p.recommendation.reason).toEqual(expect.any(String));
  });

  it('A knee that lacks full extension is recorded below 0, becomes a goal towards 0 and is followed by sessions', async () => {
    const knee = {
      painLocations: [{ region: 'knee', side: 'right', intensity: 4 }],
      goals: [{ type: 'range_of_motion', priority: 1 }],
      measures: { rom: [{ joint: 'knee', movement: 'extension', degrees: -10 }] },
    };
    const { plan } = await assess(await newPatient(), knee);
    const goal = plan.goals.find((g) => g.measure === 'rom' && g.movement === 'extension');
    expect(goal).toMatchObject({ joint: 'knee', baseline: -10, direction: 'higher_is_better' });
    expect(goal?.target).toBeGreaterThan(-10);
    expect(goal?.target).toBeLessThanOrEqual(0);
    expect((await session(plan.id, { regions: ['knee'], measures: { rom: [{ joint: 'knee', movement: 'extension', degrees: -4 }] } })).status).toBe(201);
    const report = await progress(plan.id);
    expect(report.goals.find((g: Goal) => g.measure === 'rom')).toMatchObject({ baseline: -10, latest: -4, change: 6, trend: 'improving' });

    const flexedBelowZero = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(await newPatient(), { ...knee, measures: { rom: [{ joint: 'knee', movement: 'flexion', degrees: -5 }] } }));
    expect(flexedBelowZero.status).toBe(400);
    expect(JSON.stringify(flexedBelowZero.body)).toContain('/measures/rom/0/degrees');
  });

  it('lists plans by patient and status, in stable pages', async () => {
    const patientId = await newPatient();
    const a = await assess(patientId);
    const b = await assess(patientId);
    const mine = await t.http().get(`/v1/plans?patientId=${patientId}&limit=1`).set(auth());
    expect(mine.body.data).toHaveLength(1);
    const next = await t.http().get(`/v1/plans?patientId=${patientId}&limit=1&cursor=${mine.body.nextCursor}`).set(auth());
    expect([mine.body.data[0].id, next.body.data[0].id]).toEqual([a.plan.id, b.plan.id]);
    expect(next.body.nextCursor).toBeNull();
    const active = await t.http().get(`/v1/plans?patientId=${patientId}&status=on_hold`).set(auth());
    expect(active.body.data).toEqual([]);
    const since = await t.http().get(`/v1/plans?patientId=${patientId}&updatedSince=2999-01-01T00:00:00Z`).set(auth());
    expect(since.body.data).toEqual([]);
    for (const bad of ['status=paused', 'updatedSince=yesterday', 'patientId=12', 'cursor=xyz']) {
      expect([bad, (await t.http().get(`/v1/plans?${bad}`).set(auth())).status]).toEqual([bad, 400]);
    }
  });

  it('a deleted patient takes their assessments, plans and sessions with them', async () => {
    const patientId = await newPatient();
    const { assessment, plan } = await assess(patientId);
    await session(plan.id, {});
    expect((await t.http().delete(`/v1/patients/${patientId}`).set(auth()).set('If-Match', 'W/"1"')).status).toBe(204);
    expect((await t.http().get(`/v1/plans/${plan.id}`).set(auth())).status).toBe(404);
    expect((await t.http().get(`/v1/assessments/${assessment.id}`).set(auth())).status).toBe(404);
  });

  it('answers every route with an id of another clinic exactly as for a missing id, and changes nothing', async () => {
    const other = await t.createClinic('Other story clinic');
    const otherAuth = { Authorization: `Bearer ${other.adminKey}` };
    const theirPatient = (await t.http().post('/v1/patients').set(otherAuth).send({ firstName: 'Theirs' })).body.id;
    const theirs = (await t.http().post('/v1/assessments').set(otherAuth).send(lowBackAssessment(theirPatient))).body;
    const snapshot = async () => ({
      plan: (await t.http().get(`/v1/plans/${theirs.plan.id}`).set(otherAuth)).body,
      sessions: (await t.http().get(`/v1/plans/${theirs.plan.id}/sessions`).set(otherAuth)).body,
      plans: (await t.http().get(`/v1/plans?patientId=${theirPatient}`).set(otherAuth)).body,
      patient: (await t.http().get(`/v1/patients/${theirPatient}`).set(otherAuth)).body,
    });
    const before = await snapshot();
    const p = theirs.plan.id;
    const calls = [
      t.http().get(`/v1/patients/${theirPatient}`),
      t.http().patch(`/v1/patients/${theirPatient}`).set('If-Match', 'W/"1"').send({ firstName: 'x' }),
      t.http().delete(`/v1/patients/${theirPatient}`).set('If-Match', 'W/"1"'),
      t.http().get(`/v1/assessments/${theirs.assessment.id}`),
      t.http().post('/v1/assessments').send(lowBackAssessment(theirPatient)),
      t.http().post('/v1/assessments/preview').send(lowBackAssessment(theirPatient)),
      t.http().get(`/v1/plans/${p}`),
      t.http().patch(`/v1/plans/${p}`).set('If-Match', 'W/"1"').send({ notes: 'x' }),
      t.http().get(`/v1/plans/${p}/versions`),
      t.http().get(`/v1/plans/${p}/sessions`),
      t
        .http()
        .post(`/v1/plans/${p}/sessions`)
        .send({ performedAt: '2026-03-01T10:00:00Z', minutes: 30, techniques: ['swedish_massage'], regions: ['neck'] }),
      t.http().get(`/v1/plans/${p}/progress`),
      t.http().get(`/v1/plans/${p}/progress/chart`),
      t.http().get(`/v1/plans/${p}/handout`),
      t
        .http()
        .post(`/v1/plans/${p}/reassessments`)
        .send((({ patientId: _x, ...input }) => input)(lowBackAssessment(theirPatient))),
    ];
    for (const [i, call] of calls.entries()) {
      const res = await call.set(auth());
      expect([i, res.status, res.body.title]).toEqual([i, 404, 'Not found']);
    }
    expect(await snapshot()).toEqual(before);
    expect((await t.http().get(`/v1/plans?patientId=${theirPatient}`).set(auth())).body.data).toEqual([]);
  });
});
