// Episode baselines (SPEC §10): a goal of a plan made at a reassessment keeps the baseline of the
// first plan of the episode that measured the same thing.
import type { PlanGoal } from '../../src/contracts/plan.contract';
import { withEpisodeBaselines, type EpisodePlan } from '../../src/planning';

const goal = (measure: PlanGoal['measure'], baseline: number | null, extra: Partial<PlanGoal> = {}): PlanGoal => ({
  type: 'pain_relief',
  measure,
  baseline,
  target: baseline === null ? null : baseline - 2,
  byWeek: 6,
  mcid: 2,
  direction: measure === 'rom' ? 'higher_is_better' : 'lower_is_better',
  ruleIds: [],
  rationale: '',
  ...extra,
});
const flexion = (baseline: number | null, movement: 'flexion' | 'extension' = 'flexion') =>
  goal('rom', baseline, { joint: 'lumbar', movement, type: 'range_of_motion' });
const plan = (goals: PlanGoal[], sessions: EpisodePlan['sessions'] = []): EpisodePlan => ({ goals, sessions });

describe('withEpisodeBaselines', () => {
  it.each<[string, PlanGoal[], EpisodePlan[], (number | undefined)[]]>([
    ['first plan of the chain wins', [goal('pain_nrs', 4)], [plan([goal('pain_nrs', 8)]), plan([goal('pain_nrs', 6)])], [8]],
    ['a measure new to the episode has none', [goal('pss10', 20)], [plan([goal('pain_nrs', 8)])], [undefined]],
    ['rom matches on joint and movement', [flexion(60), flexion(20, 'extension')], [plan([flexion(40)])], [40, undefined]],
    [
      'an earlier null baseline falls back to that plan’s first session value',
      [goal('odi', 20)],
      [
        plan(
          [goal('odi', null)],
          [
            { performedAt: '2026-01-20T10:00:00Z', measures: { function: { instrument: 'odi', score: 30 } } },
            { performedAt: '2026-01-10T10:00:00Z', measures: { function: { instrument: 'odi', score: 34 } } },
          ],
        ),
      ],
      [34],
    ],
    ['a plan not measuring it is skipped for the next one', [goal('pain_nrs', 3)], [plan([flexion(40)]), plan([goal('pain_nrs', 6)])], [6]],
    ['an earlier plan’s own episode baseline carries over a broken chain', [goal('pain_nrs', 3)], [plan([goal('pain_nrs', 5, { episodeBaseline: 9 })])], [9]],
  ])('%s', (_case, goals, chain, expected) => {
    const result = withEpisodeBaselines(goals, chain);
    expect(result.map((g) => g.episodeBaseline)).toEqual(expected);
    // Nothing else about the goal changes.
    result.forEach((g, i) => expect({ ...g, episodeBaseline: undefined }).toEqual({ ...goals[i], episodeBaseline: undefined }));
  });
});
