import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import { planStep, type IncidentPatch, type IncidentRow, type PlannedTimer } from '../workflow/plan.ts'
import type { OwnershipTransition } from './decide.ts'

/** The timer row that triggered a step, as the event records it (null id: the demo simulator's in-memory row). */
export interface TimerRef {
  id: number | null
  kind: string
  dueAt: string
}

/** The R7 step the system takes: one workflow action to `dispatched`, with everything it writes. */
export interface AutoDispatchStep {
  action: OwnershipTransition['action']
  to: 'dispatched'
  patch: IncidentPatch
  cancel: readonly string[] | 'all'
  schedule: PlannedTimer[]
  /** The event's data (the writer adds the incident's new version). */
  data: Record<string, unknown>
}

/**
 * R7 (docs/DOMAIN.md §4): ownership still unclear 12 h after intake → the system dispatches the incident to the
 * subclass's lead unit, as `dispatch` from the center or `redispatch` after a return. The step is the workflow's
 * own (same deadlines, timers and stale-extension rule as a dispatcher's), plus: an unregistered incident is
 * registered by it (R7 runs from intake), and the event says why (rule, the lead-unit assignment, the timer).
 * The timer worker writes it to the database; the demo simulator applies it in memory.
 */
export function planAutoDispatch(
  rec: IncidentRow,
  transition: OwnershipTransition,
  at: Date,
  calendar: WorkingDayCalendar,
  timer: TimerRef,
): AutoDispatchStep {
  const { action, unitCode, assignment } = transition
  const step = planStep(action, 'dispatched', rec, { unitCode }, at, calendar)
  const patch: IncidentPatch = { ...step.patch }
  if (!rec.registeredAt) patch.registeredAt = at
  const { extensionDropped, ...rest } = step.data
  const data: Record<string, unknown> = {
    ...rest,
    rule: 'R7',
    assignment: { rule: assignment.rule, unit: assignment.unit, needsReview: assignment.needsReview, explanation: assignment.explanation },
    timer,
    ...(extensionDropped ? { extensionDropped } : {}),
  }
  return { action, to: 'dispatched', patch, cancel: step.cancel, schedule: step.schedule, data }
}
