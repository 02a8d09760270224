// What a plan looks like outside the API (SPEC §10): the progress chart (SVG) a therapist shows on a
// phone or prints, and the handout (HTML) the patient takes home. Both are self-contained, escape
// every stored text, revalidate by ETag, and are read — and audited — like any patient data.
import { lowBackAssessment } from '../support/fixtures';
import { markupProblems, visibleText } from '../support/markup-check';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('patient materials: progress chart and handout', () => {
  let t: TestApp;
  let clinic: TestClinic;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Harbour <b>Manual</b> Therapy & Co');
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const planFor = async (patient: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const patientId = (await t.http().post('/v1/patients').set(auth()).send(patient)).body.id as string;
    const res = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-03-01T09:00:00Z', ...overrides }));
    expect(res.status).toBe(201);
    return res.body.plan as {
      id: string;
      goals: { measure: string; baseline: number | null; target: number | null; joint?: string; movement?: string }[];
      homeProgram: unknown[];
    };
  };
  const session = (planId: string, performedAt: string, measures: Record<string, unknown>, techniques = ['myofascial_release']) =>
    t
      .http()
      .post(`/v1/plans/${planId}/sessions`)
      .set(auth())
      .send({ performedAt, minutes: 45, techniques, regions: ['lower_back'], measures });

  describe('GET /v1/plans/{id}/progress/chart', () => {
    it('draws one panel per goal with the session values, baseline, target and MCID band, self-contained and accessible', async () => {
      const plan = await planFor({ firstName: 'Chart' });
      await session(plan.id, '2026-03-08T10:00:00Z', { painNrs: 6, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 45 }] });
      await session(plan.id, '2026-03-15T10:00:00Z', { painNrs: 5 }, []);
      await session(plan.id, '2026-03-22T10:00:00Z', { painNrs: 3, function: { instrument: 'odi', score: 24 } });
      const res = await t
        .http()
        .get(`/v1/plans/${plan.id}/progress/chart`)
        .set(auth())
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (c: Buffer) => (text += c.toString('utf8')));
          r.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const chart = res.body as string;
      expect(markupProblems(chart, 'xml')).toEqual([]);
      expect(chart).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 640 \d+" width="100%"/);
      expect(chart).toMatch(/<title id="chart-title">[^<]+<\/title>\s*<desc id="chart-desc">[^<]+<\/desc>/);
      // One panel per goal, each with its own accessible title.
      expect(chart.match(/<g class="goal"/g)).toHaveLength(plan.goals.length);
      // Self-contained: no script, no event handler, no link out (the xmlns is a name, not a fetch).
      expect(chart).not.toMatch(/<script|\son\w+=|href=|<image|<foreignObject|@import|url\((?!#mcid-hatch\))/i);
      expect(chart.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
      // Black and white: baseline and target told apart by dash pattern, the band by hatching.
      expect(chart).toContain('stroke-dasharray="6 4"');
      expect(chart).toContain('stroke-dasharray="10 3 2 3"');
      expect(chart).toContain('fill="url(#mcid-hatch)"');
      // Values, dates and units are there; the pain panel has three points, its baseline and target named.
      const pain = plan.goals.find((g) => g.measure === 'pain_nrs')!;
      const panels = chart.split('<g class="goal"').slice(1);
      const painPanel = panels.find((p) => p.includes('>Pain<'))!;
      expect(painPanel.match(/<circle [^>]*r="4"/g)).toHaveLength(3);
      expect(painPanel).toContain(`Baseline ${pain.baseline}`);
      expect(painPanel).toContain(`Target ${pain.target}`);
      for (const date of ['2026-03-08', '2026-03-15', '2026-03-22']) expect(painPanel).toContain(`>${date}</text>`);
      expect(painPanel).toContain('>points</text>');
      expect(chart).toContain('degrees');
      expect(chart).toContain('Pain (points, lower is better); baseline 7; target');
      const odi = panels.find((p) => p.includes('Oswestry'))!;
      expect(odi.match(/<circle [^>]*r="4"/g)).toHaveLength(1);
      expect(odi).toContain('24 % on 2026-03-22');
    });

    it('answers 304 to a current If-None-Match, and a new session changes the ETag', async () => {
      const plan = await planFor({ firstName: 'Etag' });
      const url = `/v1/plans/${plan.id}/progress/chart`;
      const first = await t.http().get(url).set(auth());
      const etag = first.headers.etag as string;
      const again = await t.http().get(url).set(auth()).set('If-None-Match', etag);
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers.etag).toBe(etag);
      expect((await t.http().get(url).set(auth()).set('If-None-Match', `W/${etag}, "other"`)).status).toBe(304);
      await session(plan.id, '2026-03-08T10:00:00Z', { painNrs: 5 });
      const changed = await t.http().get(url).set(auth()).set('If-None-Match', etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    });
  });

  describe('GET /v1/plans/{id}/handout', () => {
    it('is a self-contained printable page in plain words, with every stored text escaped', async () => {
      const plan = await planFor({ firstName: HOSTILE, lastName: `O'Brien "&" <script>alert(2)</script>` });
      const edit = await t
        .http()
        .patch(`/v1/plans/${plan.id}`)
        .set(auth())
        .set('If-Match', 'W/"1"')
        .send({
          homeProgram: [
            {
              code: 'pelvic_tilts',
              instructions: 'Lie on your back </style><script>alert(3)</script> & tilt gently.',
              frequency: '10 times, twice a day',
              goalTypes: ['pain_relief'],
            },
            { code: 'walking_program', instructions: 'Walk at an easy pace on level ground.', frequency: '20 minutes a day', goalTypes: ['pain_relief'] },
          ],
          precautions: ['Avoid deep pressure <iframe src=//evil.example> near the nerve path.'],
        });
      expect(edit.status).toBe(200);
      const res = await t.http().get(`/v1/plans/${plan.id}/handout`).set(auth());
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
      const page = res.text;
      expect(markupProblems(page, 'html')).toEqual([]);
      // Stored text is text: the hostile name shows as typed, and makes no element.
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page).not.toMatch(/<img|<script|<iframe|<[^>]*\son\w+=|<\/style><script/i);
      expect(page.match(/<style>/g)).toHaveLength(1);
      const text = visibleText(page);
      expect(text).toContain(HOSTILE);
      expect(text).toContain(`O'Brien "&" <script>alert(2)</script>`);
      expect(text).toContain('Harbour <b>Manual</b> Therapy & Co');
      // Self-contained: no link, no external asset; print rules for the paper.
      expect(page).not.toMatch(/<[^>]*\s(src|href)=|@import|url\(/i);
      expect(page).toMatch(/@media print/);
      expect(page).toMatch(/@page \{ size: A4;/);
      // What the patient needs: findings in plain words, the visits, each exercise with how often, when to stop.
      expect(text).toMatch(/What we found Your main problem area is your left low back\./);
      expect(text).toMatch(/We will see you (once|twice|\d+ times) a week for \d+ weeks?/);
      expect(text).toContain('Pelvic tilts');
      expect(text).toContain('Lie on your back </style><script>alert(3)</script> & tilt gently.');
      expect(text).toContain('How often: 10 times, twice a day');
      expect(text).toContain('How often: 20 minutes a day');
      expect(text).toContain('Stop and call us if…');
      expect(text).toContain('Avoid deep pressure <iframe src=//evil.example> near the nerve path.');
      // No codes and no clinical shorthand.
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b|\bNRS\b|\bMCID\b|\bCPT\b|97140/);
    });

    it('lays the page out for Letter on request, and revalidates by ETag', async () => {
      const plan = await planFor({ firstName: 'Letter' });
      const letter = await t.http().get(`/v1/plans/${plan.id}/handout?paper=letter`).set(auth());
      expect(letter.text).toMatch(/@page \{ size: letter;/);
      const a4 = await t.http().get(`/v1/plans/${plan.id}/handout`).set(auth());
      expect(a4.headers.etag).not.toBe(letter.headers.etag);
      expect(
        (
          await t
            .http()
            .get(`/v1/plans/${plan.id}/handout`)
            .set(auth())
            .set('If-None-Match', a4.headers.etag as string)
        ).status,
      ).toBe(304);
      const bad = await t.http().get(`/v1/plans/${plan.id}/handout?paper=legal`).set(auth());
      expect([bad.status, bad.body.errors?.[0]?.path]).toEqual([400, '/paper']);
    });

    it('tells a referred patient to see a doctor first, and books no visits', async () => {
      const plan = await planFor({ firstName: 'Referred' }, { screening: { conditions: [], redFlags: ['saddle_anesthesia'] } });
      const text = visibleText((await t.http().get(`/v1/plans/${plan.id}/handout`).set(auth())).text);
      expect(text).toContain('Please see your doctor before we begin hands-on treatment.');
      expect(text).toContain('We are not booking treatment visits yet.');
    });
  });

  it('needs the read scope, hides other clinics’ plans (404) and audits each read', async () => {
    const plan = await planFor({ firstName: 'Audit' });
    const other = await t.createClinic('Other');
    for (const path of ['progress/chart', 'handout']) {
      const url = `/v1/plans/${plan.id}/${path}`;
      expect((await t.http().get(url)).status).toBe(401);
      const foreign = await t
        .http()
        .get(url)
        .set({ Authorization: `Bearer ${other.adminKey}` });
      expect([foreign.status, foreign.headers['content-type']]).toEqual([404, expect.stringMatching(/^application\/problem\+json/)]);
      expect((await t.http().get(`/v1/plans/0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f57/${path}`).set(auth())).status).toBe(404);
      expect(
        (
          await t
            .http()
            .get(url)
            .set({ Authorization: `Bearer ${await clinic.keyWith('read')}` })
        ).status,
      ).toBe(200);
    }
    await t.services.audit.flush();
    const audit = await t.http().get('/v1/audit-events').query({ limit: 200, resourceId: plan.id }).set(auth());
    const actions = audit.body.data.map((e: { action: string; resourceType: string; outcome: string }) => [e.action, e.resourceType, e.outcome]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['getPlanProgressChart', 'plan', 'success'],
        ['getPlanHandout', 'plan', 'success'],
      ]),
    );
    const theirs = await t
      .http()
      .get('/v1/audit-events')
      .query({ limit: 200, resourceId: plan.id })
      .set({ Authorization: `Bearer ${other.adminKey}` });
    expect(theirs.body.data.map((e: { outcome: string }) => e.outcome)).toEqual(['not_found', 'not_found']);
  });
});
