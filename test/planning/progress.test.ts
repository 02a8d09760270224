// Progress (SPEC §5 and §9): each goal's latest value against baseline and target, and the
// recommendation — refer on a severe adverse event or a worsening trend, reassess on a moderate event
// or a flare, discharge when all goals held their target twice, reassess when nothing has moved by
// the reassessment point, progress when goals are moving; a mild reaction eases the next dose.
import type { Measures } from '../../src/contracts/assessment.contract';
import { ProgressSchema } from '../../src/contracts/progress.contract';
import type { PlanContent } from '../../src/contracts/plan.contract';
import type { AdverseEvent } from '../../src/contracts/session.contract';
import { computeProgress, type SessionForProgress } from '../../src/planning';
import { assessment, plan } from './planning.fixtures';

const PLAN_ID = '0193a5c2-7d1e-7b3a-9c4f-2a6b8e1d0f58';

/** Pain 6 → 4 and lumbar flexion 50 → 70, chronic, 12 sessions, reassess after 6. */
function basePlan(): PlanContent {
  return plan(assessment({ measures: { painNrs: 6, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 50 }] } }));
}

const session = (day: number, measures: Measures, adverseEvents: AdverseEvent[] = [], techniques: string[] = ['myofascial_release']): SessionForProgress => ({
  performedAt: `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`,
  measures,
  techniques,
  adverseEvents,
});
const lumbar = (degrees: number) => [{ joint: 'lumbar' as const, movement: 'flexion' as const, degrees }];

function progress(content: PlanContent, sessions: SessionForProgress[]) {
  return ProgressSchema.parse(computeProgress({ id: PLAN_ID, content }, sessions));
}

describe('computeProgress', () => {
  it('the plan under test has the goals and schedule the cases assume', () => {
    const content = basePlan();
    expect(content.goals.map((g) => [g.measure, g.baseline, g.target])).toEqual([
      ['pain_nrs', 6, 4],
      ['rom', 50, 70],
    ]);
    expect(content.schedule).toMatchObject({ totalSessions: 12, reassessAfterSessions: 6 });
  });

  it('with no session yet: nothing measured, continue', () => {
    const p = progress(basePlan(), []);
    expect(p).toMatchObject({ planId: PLAN_ID, sessionsCompleted: 0, sessionsPlanned: 12, recommendation: { action: 'continue' } });
    expect(p.goals[0]).toMatchObject({ baseline: 6, latest: null, target: 4, change: null, mcidReached: null, percentToTarget: null, trend: null });
  });

  it('a change below the MCID before the reassessment point: continue, trend flat', () => {
    const p = progress(basePlan(), [session(3, { painNrs: 6 }), session(6, { painNrs: 5.5 })]);
    expect(p.goals[0]).toMatchObject({ latest: 5.5, change: -0.5, mcidReached: false, trend: 'flat' });
    expect(p.recommendation.action).toBe('continue');
  });

  it('a goal improving past its MCID but not at target: progress', () => {
    const p = progress(basePlan(), [session(3, { painNrs: 5, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 55 }] }), session(6, { painNrs: 4.5 })]);
    expect(p.goals[0]).toMatchObject({ latest: 4.5, change: -1.5, trend: 'improving', percentToTarget: 75 });
    // Farrar 2001: 2 points *or* 30 %: 1.5 of 6 is 25 %, not yet.
    expect(p.goals[0]?.mcidReached).toBe(false);
    const later = progress(basePlan(), [session(3, { painNrs: 5 }), session(6, { painNrs: 4.2 })]);
    expect(later.goals[0]?.mcidReached).toBe(true);
    expect(later.recommendation.action).toBe('progress');
  });

  it('every goal at target once: progress, not yet discharge', () => {
    const p = progress(basePlan(), [session(3, { painNrs: 5 }), session(9, { painNrs: 3, rom: lumbar(72) })]);
    expect(p.goals.map((g) => g.percentToTarget)).toEqual([100, 100]);
    expect(p.recommendation).toMatchObject({ action: 'progress', reason: expect.stringMatching(/one more session/) });
  });

  it('every goal at target on the two latest sessions that measured it: discharge', () => {
    // Pain at target on days 9 and 12; flexion at target on days 3 and 12 (day 9 did not measure it).
    const p = progress(basePlan(), [session(3, { painNrs: 5, rom: lumbar(71) }), session(9, { painNrs: 3 }), session(12, { painNrs: 4, rom: lumbar(70) })]);
    expect(p.recommendation.action).toBe('discharge');
    // One goal slipping off its target at the last session keeps the patient in care.
    const slipped = progress(basePlan(), [session(3, { painNrs: 3, rom: lumbar(71) }), session(9, { painNrs: 3, rom: lumbar(69) })]);
    expect(slipped.recommendation.action).not.toBe('discharge');
  });

  it('at the reassessment point with no goal past its MCID: reassess', () => {
    const sessions = [1, 3, 5, 8, 10, 12].map((d) => session(d, { painNrs: 6, rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 52 }] }));
    const p = progress(basePlan(), sessions);
    expect(p.sessionsCompleted).toBe(6);
    expect(p.recommendation.action).toBe('reassess');
  });

  it('worsening beyond the MCID on one session after a treatment is a flare: reassess', () => {
    const p = progress(basePlan(), [session(3, { painNrs: 8 })]);
    expect(p.goals[0]).toMatchObject({ change: 2, trend: 'worsening', mcidReached: false });
    expect(p.recommendation).toMatchObject({ action: 'reassess', reason: expect.stringMatching(/worsened from 6 to 8 .*after treatment: a flare/) });
  });

  it('worsening beyond the MCID on two consecutive sessions is a trend: refer', () => {
    const p = progress(basePlan(), [session(3, { painNrs: 8 }), session(5, { rom: lumbar(50) }), session(7, { painNrs: 9 })]);
    expect(p.recommendation).toMatchObject({ action: 'refer', reason: expect.stringMatching(/two consecutive sessions/) });
    // A flare that settled at the next session is no trend.
    const settled = progress(basePlan(), [session(3, { painNrs: 8 }), session(7, { painNrs: 5 })]);
    expect(settled.recommendation.action).toBe('continue');
  });

  const atTarget: Measures = { painNrs: 2, rom: lumbar(80) };
  it.each<[string, string, AdverseEvent[], RegExp]>([
    ['plain text (read as moderate)', 'reassess', ['Bruising after the session'], /Bruising after the session.*moderate/],
    ['moderate', 'reassess', [{ description: 'Stiff for four days, could not work', severity: 'moderate' }], /could not work/],
    ['severe', 'refer', [{ description: 'Fainted on the table', severity: 'severe' }], /Severe adverse event.*Fainted on the table/],
    [
      'severe beside mild',
      'refer',
      [
        { description: 'sore', severity: 'mild' },
        { description: 'new numbness in the foot', severity: 'severe' },
      ],
      /numbness/,
    ],
    ['blank text (no event)', 'progress', ['   '], /one more session/],
  ])('an adverse event, %s → %s, even when the goals are reached', (_case, action, events, reason) => {
    const p = progress(basePlan(), [session(3, atTarget, events)]);
    expect(p.recommendation).toMatchObject({ action, reason: expect.stringMatching(reason) });
  });

  it('a mild reaction alone refers no one: the next dose is eased, and progressing waits', () => {
    const mild: AdverseEvent = { description: 'Sore for a day', severity: 'mild' };
    const p = progress(basePlan(), [session(3, { painNrs: 5 }), session(6, { painNrs: 4.2 }, [mild])]);
    expect(p.recommendation).toMatchObject({ action: 'continue', easeNextDose: true, reason: expect.stringMatching(/Sore for a day.*ease the next dose/) });
    expect(p.recommendation.reason).not.toMatch(/refer/);
    // The eased session has happened: a mild reaction two sessions ago no longer eases anything.
    const later = progress(basePlan(), [session(3, { painNrs: 5 }, [mild]), session(6, { painNrs: 4.2 })]);
    expect(later.recommendation).toMatchObject({ action: 'progress', easeNextDose: false });
  });

  it('a visit that only measures is a session; a worsening before any treatment is not called a flare', () => {
    const measured = progress(basePlan(), [session(3, { painNrs: 5 }, [], [])]);
    expect(measured).toMatchObject({ sessionsCompleted: 1, goals: [{ latest: 5 }, { latest: null }] });
    const untreated = progress(basePlan(), [session(3, { painNrs: 8 }, [], [])]);
    expect(untreated.recommendation).toMatchObject({ action: 'reassess', reason: expect.stringMatching(/before any treatment/) });
  });

  it('reports change against the episode baseline beside the plan baseline', () => {
    const content = basePlan();
    content.goals[0] = { ...content.goals[0]!, episodeBaseline: 8 };
    const p = progress(content, [session(3, { painNrs: 4 })]);
    expect(p.goals[0]).toMatchObject({ baseline: 6, change: -2, episodeBaseline: 8, episodeChange: -4 });
    expect(p.goals[1]).toMatchObject({ episodeBaseline: null, episodeChange: null });
  });

  it('matches range of motion on joint and movement, and higher is better there', () => {
    const p = progress(basePlan(), [
      session(3, {
        rom: [
          { joint: 'lumbar', movement: 'extension', degrees: 5 },
          { joint: 'cervical', movement: 'flexion', degrees: 10 },
        ],
      }),
      session(5, { rom: [{ joint: 'lumbar', movement: 'flexion', degrees: 62 }] }),
    ]);
    expect(p.goals[1]).toMatchObject({
      joint: 'lumbar',
      movement: 'flexion',
      latest: 62,
      change: 12,
      mcidReached: true,
      trend: 'improving',
      percentToTarget: 60,
    });
  });

  it('orders sessions by time, not by the order given', () => {
    const p = progress(basePlan(), [session(9, { painNrs: 3 }), session(2, { painNrs: 6 })]);
    expect(p.goals[0]?.latest).toBe(3);
  });

  it('a goal recorded without a baseline takes the first session value and a target from its MCID', () => {
    const content = plan(assessment({ goals: [{ type: 'stress_reduction', priority: 1 }], measures: {} }));
    expect(content.goals[0]).toMatchObject({ measure: 'pss10', baseline: null, target: null });
    const p = progress(content, [session(2, { stress: { instrument: 'pss10', score: 28 } }), session(9, { stress: { instrument: 'pss10', score: 22 } })]);
    expect(p.goals[0]).toMatchObject({ baseline: 28, latest: 22, target: 24, change: -6, mcidReached: true });
  });

  it('a referred plan recommends referral; a postponed one, re-screening', () => {
    const referred = plan(assessment({ screening: { conditions: [], redFlags: ['saddle_anesthesia'] } }));
    expect(progress(referred, []).recommendation.action).toBe('refer');
    // Fever with a spinal complaint refers (spinal_infection_signs): a shoulder complaint is postponed.
    const postponed = plan(
      assessment({ painLocations: [{ region: 'shoulder', side: 'left', intensity: 4 }], screening: { conditions: ['fever'], redFlags: [] } }),
    );
    expect(progress(postponed, []).recommendation.action).toBe('reassess');
  });

  it('with all planned sessions done and goals not reached: reassess', () => {
    const content = plan(assessment({ preferences: { sessionsPerWeek: 1 }, durationWeeks: 2, measures: { painNrs: 6 } }));
    const sessions = Array.from({ length: content.schedule.totalSessions }, (_, i) => session(i + 1, { painNrs: i === 0 ? 4 : 4.5 }));
    expect(progress(content, sessions).recommendation.action).toBe('reassess');
  });

  it('is pure: same plan and sessions, same result', () => {
    const content = basePlan();
    const sessions = [session(3, { painNrs: 5 })];
    expect(JSON.stringify(progress(content, sessions))).toBe(JSON.stringify(progress(content, sessions)));
  });
});
