// The progress corpus: treatment courses written from the SPEC's progress rules and the clinical
// reference by a clinician who had not read the engine — an assessment, the sessions that followed and
// the recommendation expected, fixed before running. Sessions are validated as the API validates them.
import path from 'node:path';
import { AssessmentInputSchema } from '../../src/contracts/assessment.contract';
import { ProgressSchema, type Progress } from '../../src/contracts/progress.contract';
import { CreateSessionBodySchema } from '../../src/contracts/session.contract';
import { computeProgress, generatePlan } from '../../src/planning';
import { readCorpus } from './corpus/read-corpus';
import { PATIENT_ID } from './planning.fixtures';

interface GoalExpectation {
  measure: Progress['goals'][number]['measure'];
  joint?: string;
  movement?: string;
  trend?: Progress['goals'][number]['trend'];
  mcidReached?: boolean;
}

interface ProgressCase {
  id: string;
  why: string;
  assessment: Record<string, unknown>;
  sessions: Record<string, unknown>[];
  expect: { action: Progress['recommendation']['action'][]; goals?: GoalExpectation[] };
}

const cases = readCorpus<ProgressCase>(path.join(__dirname, 'corpus', 'progress'));

describe('progress corpus (written from the SPEC and the reference, outcomes fixed before running)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s', (_name, c) => {
    const input = AssessmentInputSchema.parse({ patientId: PATIENT_ID, ...c.assessment });
    const content = generatePlan(input, { today: (input.assessedAt ?? '2026-11-20').slice(0, 10) });
    const sessions = c.sessions.map((s) => CreateSessionBodySchema.parse(s)).map((s) => ({ ...s, measures: s.measures ?? {} }));
    const progress = ProgressSchema.parse(computeProgress({ id: '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f58', content }, sessions));
    const summary = `${progress.recommendation.action}: ${progress.recommendation.reason}; goals ${progress.goals
      .map((g) => `${g.measure} ${g.baseline}→${g.latest ?? '-'} (target ${g.target}, ${g.trend}, mcid ${g.mcidReached})`)
      .join('; ')}; reassess after ${content.schedule.reassessAfterSessions} of ${content.schedule.totalSessions}`;
    expect({ allowed: c.expect.action.includes(progress.recommendation.action), summary }).toEqual({ allowed: true, summary });
    for (const e of c.expect.goals ?? []) {
      const goal = progress.goals.find(
        (g) => g.measure === e.measure && (e.joint === undefined || g.joint === e.joint) && (e.movement === undefined || g.movement === e.movement),
      );
      expect({ found: goal !== undefined, summary }).toEqual({ found: true, summary });
      if (e.trend) expect({ trend: goal?.trend, summary }).toEqual({ trend: e.trend, summary });
      if (e.mcidReached !== undefined) expect({ mcidReached: goal?.mcidReached, summary }).toEqual({ mcidReached: e.mcidReached, summary });
    }
  });
});
