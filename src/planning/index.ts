// The planning engine's public surface: pure functions and the versioned catalog. No I/O, no clock
// (the assessment date is an argument), no randomness: same input and version, byte-identical plan.
export { ENGINE_VERSION, CATALOG_VERSION } from './engine.version';
export { CATALOG } from './catalog/catalog';
export { MEASURES } from './catalog/catalog.measures';
export { HOME_EXERCISES } from './catalog/catalog.goals';
export { generatePlan } from './plan/plan.generator';
export { computeProgress, valueOf as measuredValue, type SessionForProgress } from './progress/progress.calculator';
export { withEpisodeBaselines, type EpisodePlan } from './progress/episode';
export { billingFor, techniqueViolations, type TechniqueViolation } from './plan/edit.rules';
export type { PlanningContext } from './case.facts';
