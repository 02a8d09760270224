// SPEC §8 end to end: the catalog's screening questions, answers that act as red flags, questions left
// open, vital signs, operations with their protocols — and bad screening input refused before storage.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/database';
import { lowBackAssessment } from '../support/fixtures';
import { startTestApp, type TestApp, type TestClinic } from '../support/test-app';

interface CatalogQuestion {
  code: string;
  question: string;
  redFlag: string;
  appliesTo: { always: boolean; regions: string[] };
}

describe('structured screening (engine 2.0)', () => {
  let t: TestApp;
  let clinic: TestClinic;
  let patientId: string;
  let questions: CatalogQuestion[];

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await t.createClinic('Screening clinic');
    patientId = (await t.http().post('/v1/patients').set(auth()).send({ firstName: 'Ada', birthDate: '1970-01-02' })).body.id;
    questions = (await t.http().get('/v1/catalog').set(auth())).body.screeningQuestions;
  });
  afterAll(() => t?.close());

  const auth = () => ({ Authorization: `Bearer ${clinic.adminKey}` });
  const allNo = () => Object.fromEntries(questions.map((q) => [q.code, 'no']));
  const screening = (extra: Record<string, unknown>) => ({ conditions: [], redFlags: [], age: 55, answers: allNo(), ...extra });
  const preview = (overrides: Record<string, unknown>) =>
    t
      .http()
      .post('/v1/assessments/preview')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-11-20T10:00:00Z', ...overrides }));
  const assessmentCount = async () => {
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from assessments where clinic_id = ${clinic.clinicId}`);
    return rows[0]?.n ?? 0;
  };

  it('the catalog lists the questions in plain words, each with the red flag it raises and where it applies', async () => {
    const codes = questions.map((q) => q.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'saddle_numbness',
        'bladder_change',
        'leg_weakness',
        'dizziness',
        'double_vision',
        'calf_swelling',
        'exertional_discomfort',
        'fever',
        'weight_loss',
        'constant_night_pain',
        'cancer_history',
      ]),
    );
    const saddle = questions.find((q) => q.code === 'saddle_numbness');
    expect(saddle).toMatchObject({ redFlag: 'saddle_anesthesia', appliesTo: { always: false, regions: expect.arrayContaining(['lower_back']) } });
    expect(saddle?.question).toMatch(/toilet paper/);
    expect(questions.find((q) => q.code === 'fever')?.appliesTo.always).toBe(true);
  });

  it('a complete screen with every answer "no" treats, with nothing left to ask', async () => {
    const res = await preview({ screening: screening({}) });
    expect(res.status).toBe(200);
    expect(res.body.screening).toMatchObject({ decision: 'treat', unanswered: [] });
    expect(res.body.engineVersion).toBe('2.3.67');
  });

  it('a "yes" acts exactly as the coded red flag: refer, no hands-on, no sessions', async () => {
    const res = await preview({ screening: screening({ answers: { ...allNo(), saddle_numbness: 'yes' } }) });
    expect(res.body.screening.decision).toBe('refer');
    expect(res.body.screening.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'saddle_anesthesia', severity: 'stop', evidence: 'screening.answers.saddle_numbness: yes' })]),
    );
    expect(res.body.techniques).toEqual([]);
    expect(res.body.schedule.totalSessions).toBe(0);
  });

  it('questions that apply but are unanswered or "unknown" are listed, and the plan treats with a precaution naming them', async () => {
    const answers = allNo();
    delete answers.saddle_numbness;
    answers.bladder_change = 'unknown';
    const res = await preview({ screening: screening({ answers }) });
    expect(res.body.screening.decision).toBe('treat_with_precautions');
    expect(res.body.screening.unanswered).toEqual(['saddle_numbness', 'bladder_change']);
    expect(res.body.precautions.join(' ')).toMatch(/saddle numbness.*bladder change/);
  });

  it('a "no" never cancels what the complaint says: the finding stays and says the answers disagree', async () => {
    const res = await preview({ complaint: 'Low back pain. Lost bladder control yesterday.', screening: screening({}) });
    expect(res.body.screening.decision).toBe('refer');
    const finding = res.body.screening.findings.find((f: { code: string }) => f.code === 'bladder_bowel_dysfunction');
    expect(finding).toMatchObject({ source: 'complaint', evidence: expect.stringMatching(/bladder control/i) });
    expect(finding.message).toMatch(/answers say no/);
  });

  it('vital signs are judged by the reference thresholds', async () => {
    const crisis = await preview({ screening: screening({ vitals: { systolic: 186, diastolic: 96 } }) });
    expect(crisis.body.screening.decision).toBe('refer');
    const elevated = await preview({ screening: screening({ vitals: { systolic: 166, diastolic: 94, heartRate: 72, temperatureC: 36.8 } }) });
    expect(elevated.body.screening.decision).toBe('treat_with_precautions');
    for (const tech of elevated.body.techniques) expect(tech.pressure).toBe('light');
    const fever = await preview({ screening: screening({ vitals: { temperatureC: 38.2 } }), painLocations: [{ region: 'calf', side: 'left', intensity: 4 }] });
    expect(fever.body.screening.decision).toBe('postpone');
    // Fever with low back pain is the infection red flag (AHCPR): refer.
    const feverBack = await preview({ screening: screening({ vitals: { temperatureC: 38.2 } }) });
    expect(feverBack.body.screening.decision).toBe('refer');
  });

  it('an operation counts whatever the mechanism: its protocol binds ROM targets and its open incision is left alone', async () => {
    const res = await preview({
      mechanism: 'unknown',
      painLocations: [{ region: 'hip', side: 'left', intensity: 5 }],
      measures: { painNrs: 5, rom: [{ joint: 'hip', movement: 'flexion', degrees: 70 }] },
      screening: screening({ surgeries: [{ procedure: 'total_hip_arthroplasty', approach: 'posterior', date: '2026-10-30', region: 'hip', side: 'left' }] }),
    });
    expect(res.status).toBe(200);
    const flexion = res.body.goals.find((g: { joint?: string; movement?: string }) => g.joint === 'hip' && g.movement === 'flexion');
    expect(flexion.target).toBeLessThanOrEqual(90);
    expect(res.body.screening.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['surgery_protocol', 'dvt_risk_factor']));

    const fresh = await preview({
      painLocations: [{ region: 'knee', side: 'right', intensity: 5 }],
      screening: screening({ surgeries: [{ procedure: 'total_knee_arthroplasty', date: '2026-11-15', region: 'knee', side: 'right' }] }),
    });
    expect(fresh.body.techniques.filter((x: { region: string }) => x.region === 'knee')).toEqual([]);
  });

  it.each([
    ['an unknown question code', { answers: { saddle_numbnes: 'yes' } }, '/screening/answers/saddle_numbnes'],
    ['an answer other than yes, no or unknown', { answers: { fever: 'maybe' } }, '/screening/answers/fever'],
    ['a blood pressure out of physiological range', { vitals: { systolic: 400 } }, '/screening/vitals/systolic'],
    ['a temperature in Fahrenheit where Celsius is expected', { vitals: { temperatureC: 101 } }, '/screening/vitals/temperatureC'],
    ['an unknown procedure', { surgeries: [{ procedure: 'appendix', date: '2026-11-01', region: 'abdomen' }] }, '/screening/surgeries/0/procedure'],
    ['a surgery dated after the assessment', { surgeries: [{ procedure: 'other', date: '2026-12-01', region: 'abdomen' }] }, '/screening/surgeries/0/date'],
  ])('%s → 400 naming the field, nothing stored', async (_name, extra, path) => {
    const before = await assessmentCount();
    const res = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-11-20T10:00:00Z', screening: screening(extra) }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await assessmentCount()).toBe(before);
  });

  it('stores the new screening fields with the assessment and returns them as sent', async () => {
    const input = screening({ vitals: { systolic: 128, diastolic: 80 }, surgeries: [{ procedure: 'hernia_repair', date: '2026-09-01', region: 'abdomen' }] });
    const res = await t
      .http()
      .post('/v1/assessments')
      .set(auth())
      .send(lowBackAssessment(patientId, { assessedAt: '2026-11-20T10:00:00Z', screening: input }));
    expect(res.status).toBe(201);
    const stored = await t.http().get(`/v1/assessments/${res.body.assessment.id}`).set(auth());
    expect(stored.body.screening).toEqual(input);
    expect(res.body.plan.screening.unanswered).toEqual([]);
  });
});
