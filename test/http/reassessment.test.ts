// An episode of care (SPEC §9, §10): the therapist assesses, treats, re-measures at a visit with no
// treatment, then reassesses. The new plan points back at the old one and keeps the episode's first
// baselines; the old one is completed and points forward, in the same transaction.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { feedClient } from '../support/change-feed';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

type Goal = { type: string; measure: string; joint?: string; movement?: string; baseline: number | null; episodeBaseline?: number; target: number | null };

describe('reassessment: one episode of care across plans', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Episode clinic');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const newPatient = async () => (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada', birthDate: '1979-04-11' })).body.id as string;
  /** A reassessment body: the assessment without patientId. */
  const reassessment = (overrides: Record<string, unknown> = {}) => {
    const { patientId: _p, ...body } = lowBackAssessment('00000000-0000-7000-8000-000000000000', overrides);
    return body;
  };
  const measures = (pain: number, flexion: number, odi: number) => ({
    painNrs: pain,
    rom: [{ joint: 'lumbar', movement: 'flexion', degrees: flexion }],
    function: { instrument: 'odi', score: odi },
  });
  const session = (planId: string, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/v1/plans/${planId}/sessions`)
      .set(auth())
      .send({ minutes: 45, techniques: ['myofascial_release'], regions: ['lower_back'], ...body });
  const count = async (table: 'assessments' | 'plans') =>
    (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)} where clinic_id = ${clinic.clinicId}`))[0]!.n;
  const byMeasure = (goals: Goal[], measure: string): Goal => goals.find((g) => g.measure === measure)!;

  it('walks an episode: assessment → sessions (one measures-only) → reassessment → new plan with episode baselines → progress of both', async () => {
    const patientId = await newPatient();
    const first = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-01-05T09:00:00Z', measures: measures(7, 40, 38) }));
    expect(first.status).toBe(201);
    const firstPlan = first.body.plan;
    expect(firstPlan).toMatchObject({ previousPlanId: null, nextPlanId: null, status: 'active' });
    expect(firstPlan.goals.every((g: Goal) => g.episodeBaseline === undefined)).toBe(true);

    expect((await session(firstPlan.id, { performedAt: '2026-01-12T10:00:00Z', measures: measures(6, 45, 34) })).status).toBe(201);
    const remeasure = await session(firstPlan.id, { performedAt: '2026-01-26T10:00:00Z', techniques: [], regions: [], measures: measures(5, 50, 30) });
    expect(remeasure.status).toBe(201);
    expect(remeasure.body.techniques).toEqual([]);

    const { drain } = feedClient(t, clinic);
    const { syncCursor } = await drain();
    const before = { assessments: await count('assessments'), plans: await count('plans') };
    const body = reassessment({ assessedAt: '2026-02-02T09:00:00Z', measures: measures(5, 50, 30) });
    const key = `reassess-${firstPlan.id}`;
    const res = await t.http().post(`/v1/plans/${firstPlan.id}/reassessments`).set(auth()).set('Idempotency-Key', key).send(body);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/assessments/${res.body.assessment.id}`);
    const { assessment, plan } = res.body;
    expect(assessment).toMatchObject({ patientId, planId: plan.id, assessedAt: '2026-02-02T09:00:00.000Z', version: 1 });
    expect(plan).toMatchObject({ patientId, assessmentId: assessment.id, previousPlanId: firstPlan.id, nextPlanId: null, status: 'active', version: 1 });
    // Each goal measuring what the first plan measured keeps the first plan's baseline.
    expect(byMeasure(plan.goals, 'pain_nrs')).toMatchObject({ baseline: 5, episodeBaseline: 7 });
    expect(byMeasure(plan.goals, 'rom')).toMatchObject({ joint: 'lumbar', movement: 'flexion', baseline: 50, episodeBaseline: 40 });
    expect(byMeasure(plan.goals, 'odi')).toMatchObject({ baseline: 30, episodeBaseline: 38 });
    expect(
      await t
        .http()
        .get(`/v1/plans/${plan.id}`)
        .set(auth())
        .then((r) => r.body),
    ).toEqual(plan);
    expect((await count('assessments')) - before.assessments).toBe(1);
    expect((await count('plans')) - before.plans).toBe(1);

    // The earlier plan is completed, points forward, and its version before that is kept.
    const earlier = await t.http().get(`/v1/plans/${firstPlan.id}`).set(auth());
    expect(earlier.headers.etag).toBe('"2"');
    expect(earlier.body).toMatchObject({ status: 'completed', version: 2, nextPlanId: plan.id, previousPlanId: null });
    const versions = await t.http().get(`/v1/plans/${firstPlan.id}/versions`).set(auth());
    // Version 1 was the active plan before the reassessment: it had no next plan yet.
    expect(versions.body.data).toEqual([expect.objectContaining({ version: 1, status: 'active', nextPlanId: null, changedBy: expect.any(String) })]);
    expect((await session(firstPlan.id, { performedAt: '2026-02-03T10:00:00Z' })).status).toBe(409);

    // A sync client hears of all three writes; the audit trail names the new plan.
    const { changes } = await feedClient(t, clinic).pollUntil(syncCursor, (all) => all.length >= 3);
    expect(changes.map((c) => [c.type, c.id, c.version, c.op])).toEqual(
      expect.arrayContaining([
        ['assessment', assessment.id, 1, 'upsert'],
        ['plan', plan.id, 1, 'upsert'],
        ['plan', firstPlan.id, 2, 'upsert'],
      ]),
    );
    await t.services.audit.flush();
    const audit = await t.http().get('/v1/audit-events').query({ limit: 200, resourceId: plan.id }).set(auth());
    expect(audit.body.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'reassessPlan', resourceType: 'plan', outcome: 'success', statusCode: 201 })]),
    );

    // A retry with the same key replays the answer and creates nothing.
    const replay = await t.http().post(`/v1/plans/${firstPlan.id}/reassessments`).set(auth()).set('Idempotency-Key', key).send(body);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(res.body);
    expect((await count('assessments')) - before.assessments).toBe(1);
    expect((await count('plans')) - before.plans).toBe(1);
    const otherBody = await t
      .http()
      .post(`/v1/plans/${firstPlan.id}/reassessments`)
      .set(auth())
      .set('Idempotency-Key', key)
      .send({ ...body, practitioner: 'dr-kim' });
    expect(otherBody.status).toBe(422);

    // Progress of the new plan: change since its own baseline and over the episode.
    await session(plan.id, { performedAt: '2026-02-09T10:00:00Z', measures: measures(3, 60, 22) });
    const progress = await t.http().get(`/v1/plans/${plan.id}/progress`).set(auth());
    expect(progress.status).toBe(200);
    expect(byMeasure(progress.body.goals, 'pain_nrs')).toMatchObject({ baseline: 5, latest: 3, change: -2, episodeBaseline: 7, episodeChange: -4 });
    expect(byMeasure(progress.body.goals, 'rom')).toMatchObject({ baseline: 50, latest: 60, change: 10, episodeBaseline: 40, episodeChange: 20 });
    expect(byMeasure(progress.body.goals, 'odi')).toMatchObject({ baseline: 30, latest: 22, change: -8, episodeBaseline: 38, episodeChange: -16 });
    // …and of the earlier plan, which started the episode.
    const earlierProgress = await t.http().get(`/v1/plans/${firstPlan.id}/progress`).set(auth());
    expect(earlierProgress.body.sessionsCompleted).toBe(2);
    expect(byMeasure(earlierProgress.body.goals, 'pain_nrs')).toMatchObject({ baseline: 7, latest: 5, change: -2, episodeBaseline: null, episodeChange: null });

    // A completed plan cannot be reassessed again.
    const again = await t.http().post(`/v1/plans/${firstPlan.id}/reassessments`).set(auth()).send(body);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict', detail: expect.stringContaining('completed') });

    // A third plan still carries the first plan's baselines; a measure new to the episode has none.
    const third = await t
      .http()
      .post(`/v1/plans/${plan.id}/reassessments`)
      .set(auth())
      .send(
        reassessment({
          assessedAt: '2026-03-02T09:00:00Z',
          measures: { ...measures(3, 60, 22), stress: { instrument: 'pss10', score: 20 } },
          goals: [
            { type: 'pain_relief', priority: 1 },
            { type: 'range_of_motion', priority: 2 },
            { type: 'stress_reduction', priority: 3 },
          ],
        }),
      );
    expect(third.status).toBe(201);
    expect(third.body.plan.previousPlanId).toBe(plan.id);
    expect(byMeasure(third.body.plan.goals, 'pain_nrs')).toMatchObject({ baseline: 3, episodeBaseline: 7 });
    expect(byMeasure(third.body.plan.goals, 'rom')).toMatchObject({ baseline: 60, episodeBaseline: 40 });
    expect(byMeasure(third.body.plan.goals, 'pss10').episodeBaseline).toBeUndefined();
    expect((await t.http().get(`/v1/plans/${plan.id}`).set(auth())).body).toMatchObject({
      status: 'completed',
      nextPlanId: third.body.plan.id,
      previousPlanId: firstPlan.id,
    });
  });

  it('a goal first recorded at a session (no baseline in the assessment) takes that value as episode baseline', async () => {
    const patientId = await newPatient();
    const { plan } = (
      await t
        .http()
        .post('/v1/assessments')
        .set(auth())
        .send(lowBackAssessment(patientId, { measures: { painNrs: 6 } }))
    ).body;
    const rom = byMeasure(plan.goals, 'rom');
    expect(rom.baseline).toBeNull();
    await session(plan.id, { performedAt: '2026-01-12T10:00:00Z', measures: { painNrs: 5, rom: [{ joint: rom.joint, movement: rom.movement, degrees: 45 }] } });
    const next = await t
      .http()
      .post(`/v1/plans/${plan.id}/reassessments`)
      .set(auth())
      .send(reassessment({ measures: { painNrs: 4, rom: [{ joint: rom.joint, movement: rom.movement, degrees: 55 }] } }));
    expect(next.status).toBe(201);
    expect(byMeasure(next.body.plan.goals, 'pain_nrs')).toMatchObject({ baseline: 4, episodeBaseline: 6 });
    expect(byMeasure(next.body.plan.goals, 'rom')).toMatchObject({ baseline: 55, episodeBaseline: 45 });
  });

  it('answers 409 for a discontinued plan, 404 for another clinic’s plan, 400 for a body naming a patient — and changes nothing', async () => {
    const patientId = await newPatient();
    const { plan } = (await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId))).body;
    const stopped = await t.http().patch(`/v1/plans/${plan.id}`).set(auth()).set('If-Match', 'W/"1"').send({ status: 'discontinued' });
    expect(stopped.status).toBe(200);
    const before = { assessments: await count('assessments'), plans: await count('plans') };
    const closed = await t.http().post(`/v1/plans/${plan.id}/reassessments`).set(auth()).send(reassessment());
    expect([closed.status, closed.body.type]).toEqual([409, expect.stringContaining('plan-closed')]);

    const other = await t.createClinic('Other episode clinic');
    const otherAuth = { Authorization: `Bearer ${other.adminKey}` };
    const theirPatient = (await t.http().post('/v1/patients').set(otherAuth).send({ firstName: 'Theirs' })).body.id;
    const theirs = (await t.http().post('/v1/assessments').set(otherAuth).send(lowBackAssessment(theirPatient))).body.plan;
    const missing = await t.http().post('/v1/plans/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57/reassessments').set(auth()).send(reassessment());
    const foreign = await t.http().post(`/v1/plans/${theirs.id}/reassessments`).set(auth()).send(reassessment());
    expect([foreign.status, foreign.body.title, foreign.body.detail]).toEqual([404, missing.body.title, missing.body.detail]);
    expect(missing.status).toBe(404);
    expect((await t.http().get(`/v1/plans/${theirs.id}`).set(otherAuth)).body).toMatchObject({ status: 'active', version: 1, nextPlanId: null });

    const open = (await t.http().post('/v1/assessments').set(auth()).send(lowBackAssessment(patientId))).body.plan;
    const named = await t
      .http()
      .post(`/v1/plans/${open.id}/reassessments`)
      .set(auth())
      .send({ ...reassessment(), patientId });
    expect(named.status).toBe(400);
    expect(named.body.errors.map((e: { path: string }) => e.path)).toContain('/patientId');
    const readOnly = await t
      .http()
      .post(`/v1/plans/${open.id}/reassessments`)
      .set({ Authorization: `Bearer ${await clinic.keyWith('read')}` })
      .send(reassessment());
    expect(readOnly.status).toBe(403);
    expect({ assessments: (await count('assessments')) - 1, plans: (await count('plans')) - 1 }).toEqual(before);
  });
});
