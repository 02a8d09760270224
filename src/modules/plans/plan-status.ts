import type { PlanStatus } from '../../contracts/plan-resource.contract';
import { conflict } from '../../errors';

// SPEC §2: draft → active → on_hold ↔ active → completed | discontinued. A draft or a plan on
// hold may also be discontinued (the patient never starts or never comes back); completed and
// discontinued are final.
const NEXT: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active', 'discontinued'],
  active: ['on_hold', 'completed', 'discontinued'],
  on_hold: ['active', 'discontinued'],
  completed: [],
  discontinued: [],
};

/** Throws 409 unless `to` is a legal next status from `from` (staying put is always legal). */
export function assertStatusMove(from: PlanStatus, to: PlanStatus): void {
  if (from === to || NEXT[from].includes(to)) return;
  const allowed = NEXT[from].length > 0 ? `allowed from ${from}: ${NEXT[from].join(', ')}` : `${from} is final`;
  throw conflict(`A plan cannot move from ${from} to ${to} (${allowed}).`, 'illegal-status-transition');
}

/** Sessions are recorded only against plans still open. */
export function acceptsSessions(status: PlanStatus): boolean {
  return status !== 'completed' && status !== 'discontinued';
}

/**
 * The status a newly generated plan starts in, from the screening decision: a plan that may
 * go ahead is active; a postponed one waits on hold; a referral stays a draft until the
 * therapist has the clearance and activates it.
 */
export function initialStatus(decision: 'treat' | 'treat_with_precautions' | 'postpone' | 'refer'): PlanStatus {
  if (decision === 'postpone') return 'on_hold';
  if (decision === 'refer') return 'draft';
  return 'active';
}
