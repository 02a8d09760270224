// An episode of care is a chain of plans, each made at a reassessment of the one before (SPEC §10).
// A goal of a later plan that measures what an earlier plan measured keeps that first baseline as
// `episodeBaseline`, so progress can report the change over the whole episode beside the change
// since this plan's own baseline.
import type { PlanGoal } from '../engine.types';
import { inTimeOrder, valueOf, type SessionForProgress } from './progress.calculator';

/** An earlier plan of the episode: its goals and the sessions delivered against it. */
export interface EpisodePlan {
  goals: readonly PlanGoal[];
  sessions: readonly SessionForProgress[];
}

const sameMeasure = (a: PlanGoal, b: PlanGoal) => a.measure === b.measure && a.joint === b.joint && a.movement === b.movement;

/** The baseline an earlier plan had for a goal: its own episode baseline, its baseline, else its first session value. */
function baselineIn(plan: EpisodePlan, goal: PlanGoal): number | null {
  const earlier = plan.goals.find((g) => sameMeasure(g, goal));
  if (!earlier) return null;
  return (
    earlier.episodeBaseline ??
    earlier.baseline ??
    inTimeOrder(plan.sessions)
      .map((s) => valueOf(earlier, s.measures))
      .find((v) => v !== null) ??
    null
  );
}

/**
 * The goals with `episodeBaseline` set from the first plan of the episode (`chain`, oldest first)
 * that measured the same thing (measure; for rom the same joint and movement). Goals measuring
 * something new to the episode are returned unchanged.
 */
export function withEpisodeBaselines(goals: readonly PlanGoal[], chain: readonly EpisodePlan[]): PlanGoal[] {
  return goals.map((goal) => {
    for (const plan of chain) {
      const episodeBaseline = baselineIn(plan, goal);
      if (episodeBaseline !== null) {
        const { baseline, ...rest } = goal;
        return { ...rest, baseline, episodeBaseline };
      }
    }
    return goal;
  });
}
