import type { components } from './schema';

export type Problem = components['schemas']['Problem'];

/** An error answer (RFC 9457 problem details) where a helper cannot hand back `{ error }`, as in paging. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem ? `${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : `HTTP ${status}`);
    this.name = 'ProblemError';
  }
}
