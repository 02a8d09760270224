// The input schema rejects bad assessments with one issue per bad field, its path naming the field
// (the HTTP layer turns paths into JSON pointers), and lists the allowed values of unknown codes.
import { AssessmentInputSchema, MeasuresSchema } from '../../src/contracts/assessment.contract';
import { CONDITION_CODES } from '../../src/planning/catalog/catalog.conditions';
import { REGION_CODES } from '../../src/planning/catalog/catalog.regions';
import { specExampleAssessment } from '../support/fixtures';
import { PATIENT_ID } from './planning.fixtures';

const SPEC_EXAMPLE = specExampleAssessment(PATIENT_ID);

/** The SPEC example with one change at a path. */
function withChange(path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(SPEC_EXAMPLE) as Record<string, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function issues(input: unknown) {
  const result = AssessmentInputSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe('valid input', () => {
  it('accepts the SPEC §3 example', () => {
    expect(AssessmentInputSchema.safeParse(SPEC_EXAMPLE).success).toBe(true);
  });

  it('accepts a minimal stress-only assessment without pain locations, measures or screening', () => {
    const minimal = { patientId: PATIENT_ID, practitioner: 'x', complaint: 'Stressed.', goals: [{ type: 'stress_reduction', priority: 1 }] };
    expect(AssessmentInputSchema.safeParse(minimal).success).toBe(true);
  });

  it('accepts every catalog region, and any catalog code in either screening list', () => {
    for (const region of REGION_CODES) expect(AssessmentInputSchema.safeParse(withChange(['painLocations', 0, 'region'], region)).success).toBe(true);
    const all = { conditions: [...CONDITION_CODES], redFlags: [...CONDITION_CODES], surgeryDate: '2025-01-02', age: null };
    expect(AssessmentInputSchema.safeParse(withChange(['screening'], all)).success).toBe(true);
  });

  it('accepts a local condition with region and side, and an ISO assessment time with offset', () => {
    const input = withChange(['screening', 'conditions'], [{ code: 'open_wound', region: 'shoulder', side: 'left' }]);
    expect(AssessmentInputSchema.safeParse({ ...(input as object), assessedAt: '2025-03-01T09:30:00+01:00' }).success).toBe(true);
  });
});

describe('invalid input names each bad field', () => {
  it.each([
    ['intensity above 10', ['painLocations', 0, 'intensity'], 11],
    ['negative intensity', ['painLocations', 0, 'intensity'], -1],
    ['fractional intensity', ['painLocations', 0, 'intensity'], 6.5],
    ['unknown region', ['painLocations', 0, 'region'], 'elbow_pit'],
    ['unknown side', ['painLocations', 0, 'side'], 'front'],
    ['unknown pain quality', ['painLocations', 0, 'quality', 1], 'electric'],
    ['unknown goal type', ['goals', 0, 'type'], 'flexibility'],
    ['priority 0', ['goals', 0, 'priority'], 0],
    ['oversize goal detail', ['goals', 1, 'detail'], 'x'.repeat(501)],
    ['oversize complaint', ['complaint'], 'x'.repeat(4001)],
    ['empty complaint', ['complaint'], ''],
    ['practitioner too long', ['practitioner'], 'p'.repeat(101)],
    ['patientId not a uuid', ['patientId'], 'patient-1'],
    ['assessedAt not ISO', ['assessedAt'], '01/03/2025'],
    ['negative duration', ['durationWeeks'], -2],
    ['unknown mechanism', ['mechanism'], 'fall'],
    ['unknown condition code', ['screening', 'conditions', 0], 'flu'],
    ['unknown red flag', ['screening', 'redFlags', 0], 'headache'],
    ['surgeryDate not a date', ['screening', 'surgeryDate'], '2025-13-45'],
    ['age out of range', ['screening', 'age'], 130],
    ['painNrs out of range', ['measures', 'painNrs'], 11],
    ['unknown joint', ['measures', 'rom', 0, 'joint'], 'spine'],
    ['degrees out of range', ['measures', 'rom', 0, 'degrees'], 400],
    ['PSS-10 above 40', ['measures', 'stress', 'score'], 41],
    ['unknown stress instrument', ['measures', 'stress', 'instrument'], 'dass21'],
    ['ODI above 100', ['measures', 'function', 'score'], 101],
    ['unknown function instrument', ['measures', 'function', 'instrument'], 'sf36'],
    ['session shorter than 15 minutes', ['preferences', 'sessionMinutes'], 10],
    ['8 sessions a week', ['preferences', 'sessionsPerWeek'], 8],
    ['unknown pressure', ['preferences', 'pressure'], 'deep'],
  ])('%s', (_name, path, value) => {
    const found = issues(withChange(path, value));
    expect(found.map((i) => i.path)).toContainEqual(path);
  });

  it('lists the allowed values of an unknown code', () => {
    const [region] = issues(withChange(['painLocations', 0, 'region'], 'elbow_pit'));
    expect(region?.message).toContain('"lower_back"');
    const [condition] = issues(withChange(['screening', 'conditions', 0], 'flu'));
    expect(condition?.path).toEqual(['screening', 'conditions', 0]);
    expect(condition?.message).toContain('"deep_vein_thrombosis"');
  });

  it('names the code, region and unknown keys of a local condition object', () => {
    const found = issues(withChange(['screening', 'conditions'], [{ code: 'bogus', region: 'nose', extra: true }]));
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['screening', 'conditions', 0, 'code'],
        ['screening', 'conditions', 0, 'region'],
      ]),
    );
    const unknown = found.find((i) => i.code === 'unrecognized_keys');
    expect(unknown).toMatchObject({ path: ['screening', 'conditions', 0], keys: ['extra'] });
  });

  it('requires the region of a local condition object', () => {
    const found = issues(withChange(['screening', 'conditions'], [{ code: 'open_wound' }]));
    expect(found.map((i) => i.path)).toContainEqual(['screening', 'conditions', 0, 'region']);
  });

  it('checks the function score against its own instrument (NDI is 0–50)', () => {
    const found = issues(withChange(['measures', 'function'], { instrument: 'ndi', score: 60 }));
    expect(found).toEqual([expect.objectContaining({ path: ['measures', 'function', 'score'], message: expect.stringContaining('0 and 50') })]);
  });

  it('checks the movement against the joint', () => {
    const found = issues(withChange(['measures', 'rom'], [{ joint: 'knee', movement: 'abduction', degrees: 10 }]));
    expect(found).toEqual([expect.objectContaining({ path: ['measures', 'rom', 0, 'movement'], message: expect.stringContaining('"flexion"') })]);
  });

  it('takes an extension that stops short of neutral below 0, and no other movement', () => {
    const lacking = [
      { joint: 'knee', movement: 'extension', degrees: -10 },
      { joint: 'elbow', movement: 'extension', degrees: -15 },
      { joint: 'hip', movement: 'extension', degrees: -5 },
    ];
    expect(AssessmentInputSchema.safeParse(withChange(['measures', 'rom'], lacking)).success).toBe(true);
    expect(issues(withChange(['measures', 'rom'], [{ joint: 'knee', movement: 'flexion', degrees: -5 }]))).toEqual([
      expect.objectContaining({ path: ['measures', 'rom', 0, 'degrees'], message: expect.stringContaining('flexion degrees to be >=0') }),
    ]);
    expect(issues(withChange(['measures', 'rom'], [{ joint: 'knee', movement: 'extension', degrees: -91 }])).map((i) => i.path)).toEqual([
      ['measures', 'rom', 0, 'degrees'],
    ]);
  });

  it('rejects the same joint movement measured twice', () => {
    const rom = [
      { joint: 'lumbar', movement: 'flexion', degrees: 40 },
      { joint: 'lumbar', movement: 'flexion', degrees: 45 },
    ];
    expect(issues(withChange(['measures', 'rom'], rom)).map((i) => i.path)).toContainEqual(['measures', 'rom', 1, 'movement']);
  });

  it('rejects empty goals and duplicate goal types', () => {
    expect(issues(withChange(['goals'], [])).map((i) => i.path)).toContainEqual(['goals']);
    const dup = [
      { type: 'pain_relief', priority: 1 },
      { type: 'pain_relief', priority: 2 },
    ];
    expect(issues(withChange(['goals'], dup)).map((i) => i.path)).toContainEqual(['goals', 1, 'type']);
  });

  it('rejects unknown fields at every level, naming them', () => {
    for (const path of [[], ['painLocations', 0], ['goals', 0], ['screening'], ['measures'], ['measures', 'rom', 0], ['measures', 'stress'], ['preferences']]) {
      const input = structuredClone(SPEC_EXAMPLE) as Record<string | number, unknown>;
      let node = input;
      for (const key of path) node = node[key] as Record<string | number, unknown>;
      node.surprise = 1;
      const found = issues(input);
      expect(found).toContainEqual(expect.objectContaining({ code: 'unrecognized_keys', path, keys: ['surprise'] }));
    }
  });

  it('bounds the arrays', () => {
    const many = Array.from({ length: 21 }, () => ({ region: 'neck', intensity: 3 }));
    expect(issues(withChange(['painLocations'], many)).map((i) => i.path)).toContainEqual(['painLocations']);
  });

  it('reports several bad fields at once', () => {
    const input = withChange(['painLocations', 0, 'intensity'], 12) as Record<string, unknown>;
    (input.measures as Record<string, unknown>).painNrs = -1;
    const paths = issues(input).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['painLocations', 0, 'intensity'],
        ['measures', 'painNrs'],
      ]),
    );
  });
});

describe('session measures use the same schema', () => {
  it('accepts partial measures and rejects out-of-range ones', () => {
    expect(MeasuresSchema.safeParse({ painNrs: 3 }).success).toBe(true);
    expect(MeasuresSchema.safeParse({ function: { instrument: 'lefs', score: 81 } }).error?.issues[0]?.path).toEqual(['function', 'score']);
  });
});
