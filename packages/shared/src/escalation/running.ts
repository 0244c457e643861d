import type { DeadlineKind } from '../deadlines/types.ts'
import { NOT_ON_SITE_STATES, UNDISPATCHED_STATES, UNIT_WORK_STATES, type IncidentState } from '../workflow/states.ts'

/** Still at the command center, never dispatched (R4 dispatch-by, R7 ownership). */
export const AT_CENTER = UNDISPATCHED_STATES
/** Not on site yet (R5, R10: "not on site → urge; still not → …"). */
export const NOT_ON_SITE = NOT_ON_SITE_STATES
export const UNIT_WORK = UNIT_WORK_STATES
/** Still being handled: a missed resolve-by makes it overdue (resolved is judged at verification, not here). */
export const OPEN_FOR_RESOLVE: readonly IncidentState[] = ['registered', 'dispatched', 'accepted', 'on_site', 'returned']

/**
 * The states in which each deadline still runs: where the timer worker acts on it when it falls due
 * ({@link decideTimer}). In any other state the step it asks for has been taken (or no longer applies), so
 * screens show it as done, never as overdue.
 */
const RUNNING: Record<DeadlineKind, readonly IncidentState[]> = {
  dispatchBy: AT_CENTER,
  arriveBy: NOT_ON_SITE,
  handleBy: UNIT_WORK,
  resolveBy: OPEN_FOR_RESOLVE,
  // Also dispatched on an unconfirmed assignment (needsReview), not yet accepted: see deadlineRunning.
  ownershipBy: [...AT_CENTER, 'returned'],
  callbackAt: UNIT_WORK,
}

/** Whether deadline `kind` still runs for an incident in `state` (R7 also while dispatched on an unconfirmed assignment). */
export function deadlineRunning(kind: DeadlineKind, state: IncidentState, needsReview = false): boolean {
  if (kind === 'ownershipBy' && state === 'dispatched' && needsReview) return true
  return RUNNING[kind].includes(state)
}
