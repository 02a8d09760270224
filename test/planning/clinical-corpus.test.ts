// The clinical safety corpus: assessments written from the clinical reference by a clinician who had
// not read the engine, each with its expected safety outcome written before it was run. A miss here is
// a class of unsafe plans, not a single case: fix the rule, then add the neighbours of the case.
import path from 'node:path';
import { AssessmentInputSchema } from '../../src/contracts/assessment.contract';
import { PlanContentSchema, type PlanContent } from '../../src/contracts/plan.contract';
import { generatePlan } from '../../src/planning';
import { REGIONS, type RegionCode } from '../../src/planning/catalog/catalog.regions';
import { TECHNIQUES, type TechniqueCode } from '../../src/planning/catalog/catalog.techniques';
import type { Pressure } from '../../src/planning/catalog/catalog.types';
import { readCorpus } from './corpus/read-corpus';
import { PATIENT_ID } from './planning.fixtures';

interface Place {
  region: RegionCode;
  side?: 'left' | 'right' | 'bilateral' | 'midline';
}

interface Expectation {
  decision: PlanContent['screening']['decision'][];
  findings?: string[];
  /** Findings that must not be raised: the negative controls of a class, against over-referral. */
  noFindings?: string[];
  noHandsOn?: Place[];
  maxPressure?: Pressure;
  maxPressureAt?: { region: RegionCode; pressure: Pressure }[];
  romMax?: { joint: string; movement: string; degrees: number }[];
  noTechniques?: string[];
  noSessions?: boolean;
  hasHandsOn?: boolean;
  unanswered?: string[];
  notUnanswered?: string[];
  /** Home exercises the program must hold: one of each group (any exercise of the group treats the cause). */
  homeAnyOf?: string[][];
  sessionMinutesMin?: number;
}

interface CorpusCase {
  id: string;
  why: string;
  assessment: Record<string, unknown>;
  expect: Expectation;
}

const RANK: Record<Pressure, number> = { light: 0, moderate: 1, firm: 2 };
// The clinician wrote British spellings and generic names; the catalog's codes differ in two places.
const TECHNIQUE_ALIASES: Record<string, TechniqueCode> = { cross_fibre_friction: 'cross_fiber_friction' };

const cases = readCorpus<CorpusCase>(path.join(__dirname, 'corpus', 'cases'));

/** Whether a technique's side touches the side the expectation forbids (a whole region when no side is named). */
function touches(t: PlanContent['techniques'][number], place: Place): boolean {
  if (t.region !== place.region) return false;
  if (!place.side || place.side === 'bilateral' || !REGIONS[place.region].paired) return true;
  return t.side === undefined || t.side === 'bilateral' || t.side === place.side;
}

function planOf(c: CorpusCase): PlanContent {
  const input = AssessmentInputSchema.parse({ patientId: PATIENT_ID, ...c.assessment });
  const today = (input.assessedAt ?? '2026-11-20').slice(0, 10);
  return PlanContentSchema.parse(generatePlan(input, { today }));
}

describe('clinical safety corpus (written from the reference, outcomes fixed before running)', () => {
  it('has at least 150 cases', () => expect(cases.length).toBeGreaterThanOrEqual(150));

  it.each(cases)('%s', (_name, c) => {
    const p = planOf(c);
    const e = c.expect;
    const handsOn = p.techniques.filter((t) => TECHNIQUES[t.code].handsOn);
    const findings = p.screening.findings.map((f) => f.code);
    const summary = `decision ${p.screening.decision}; findings ${findings.join(', ')}; techniques ${p.techniques.map((t) => `${t.code}@${t.region}/${t.side ?? '-'}/${t.pressure}`).join(', ')}`;

    expect({ decisionAllowed: e.decision.includes(p.screening.decision), summary }).toEqual({ decisionAllowed: true, summary });
    for (const code of e.findings ?? []) expect({ findings, summary }).toEqual({ findings: expect.arrayContaining([code]), summary });
    for (const code of e.noFindings ?? []) expect({ findings, summary }).toEqual({ findings: expect.not.arrayContaining([code]), summary });
    for (const place of e.noHandsOn ?? []) expect(handsOn.filter((t) => touches(t, place))).toEqual([]);
    if (e.maxPressure)
      for (const t of handsOn) expect({ technique: t.code, region: t.region, rank: RANK[t.pressure] <= RANK[e.maxPressure] }).toMatchObject({ rank: true });
    for (const cap of e.maxPressureAt ?? []) {
      for (const t of handsOn.filter((x) => x.region === cap.region))
        expect({ technique: t.code, pressure: t.pressure, ok: RANK[t.pressure] <= RANK[cap.pressure] }).toMatchObject({ ok: true });
    }
    for (const limit of e.romMax ?? []) {
      for (const g of p.goals.filter((x) => x.measure === 'rom' && x.joint === limit.joint && x.movement === limit.movement)) {
        expect(g.target ?? 0).toBeLessThanOrEqual(Math.max(limit.degrees, g.baseline ?? 0));
      }
    }
    for (const code of e.noTechniques ?? []) {
      // "No deep tissue work" is a pressure statement in the catalog's terms: nothing firm.
      if (code === 'deep_tissue') expect(handsOn.filter((t) => t.pressure === 'firm')).toEqual([]);
      else expect(p.techniques.map((t) => t.code)).not.toContain(TECHNIQUE_ALIASES[code] ?? code);
    }
    if (e.noSessions) expect(p.schedule.totalSessions).toBe(0);
    if (e.hasHandsOn) expect({ handsOn: handsOn.length > 0, summary }).toEqual({ handsOn: true, summary });
    for (const q of e.unanswered ?? []) expect(p.screening.unanswered ?? []).toContain(q);
    for (const q of e.notUnanswered ?? []) expect(p.screening.unanswered ?? []).not.toContain(q);
    const home: string[] = p.homeProgram.map((h) => h.code);
    for (const group of e.homeAnyOf ?? []) expect({ home, oneOf: group.some((code) => home.includes(code)) }).toEqual({ home, oneOf: true });
    if (e.sessionMinutesMin !== undefined) expect(p.schedule.sessionMinutes).toBeGreaterThanOrEqual(e.sessionMinutesMin);
    if (p.techniques.length === 0 && p.homeProgram.length === 0) expect(p.schedule.totalSessions).toBe(0);
  });
});
