import {
  computeDeadlines,
  deadlinesOnDispatch,
  deadlinesOnRedispatch,
  DEADLINE_KINDS,
  type Deadline,
  type DeadlineKind,
  type IncidentType,
  type WorkflowAction,
  type WorkingDayCalendar,
} from '@hanjiang/shared'
import type { IncidentPatch, IncidentRecord, NewTimer } from '../../db/repositories/incidents.ts'
import { extensionTarget, typeOfIncident } from './view.ts'
import { classify } from './vocabulary.ts'

/** What one transition writes besides the state: incident columns, timers, the event's data. */
export interface TransitionPlan {
  patch: IncidentPatch
  /** Pending timers the change makes moot. */
  cancel: readonly string[] | 'all'
  /** Timers the step that starts needs (rescheduled idempotently). */
  schedule: NewTimer[]
  data: Record<string, unknown>
}

export interface PlanInput {
  unitCode?: string
  hazardMarked?: boolean
  newDueAt?: Date
  approve?: boolean
  reason?: string
  incidentType?: IncidentType
  primary?: { id: number; code: string }
}

const KIND_COLUMN: Record<DeadlineKind, keyof IncidentPatch & keyof IncidentRecord> = {
  resolveBy: 'resolveBy',
  dispatchBy: 'dispatchBy',
  arriveBy: 'arriveBy',
  handleBy: 'handleBy',
  ownershipBy: 'ownershipBy',
  callbackAt: 'callbackAt',
}

const timersOf = (ds: Deadline[]): NewTimer[] => ds.map((d) => ({ kind: d.kind, dueAt: d.dueAt, data: { rule: d.rule } }))
const deadlineData = (ds: Deadline[]) => Object.fromEntries(ds.map((d) => [d.kind, { rule: d.rule, dueAt: d.dueAt.toISOString() }]))

/** Deadlines of the registration step (R1–R4, R7) as columns: every register-step column set or cleared. */
function registerStep(type: IncidentType, start: Date, calendar: WorkingDayCalendar) {
  const ds = computeDeadlines({ type, start, calendar })
  const due = (k: DeadlineKind) => ds.find((d) => d.kind === k)?.dueAt ?? null
  const patch: IncidentPatch = { dispatchBy: due('dispatchBy'), ownershipBy: due('ownershipBy'), resolveBy: due('resolveBy') }
  const registerKinds: DeadlineKind[] = ['dispatchBy', 'ownershipBy', 'resolveBy']
  return { ds, patch, moot: registerKinds.filter((k) => due(k) === null) }
}

/**
 * The effects of an allowed transition (checked by `checkTransition` before): which deadlines the step
 * that starts gets (docs/DOMAIN.md §5: computed when the step starts, stored on the incident), which timers
 * become moot or needed, and what the event records (an extension's old deadline stays in the log).
 * @throws MissingCalendarYearError when a working-day deadline reaches a year with no calendar.
 */
export function planTransition(
  action: WorkflowAction,
  rec: IncidentRecord,
  input: PlanInput,
  at: Date,
  calendar: WorkingDayCalendar,
): TransitionPlan {
  const type = typeOfIncident(rec)
  switch (action) {
    case 'register': {
      const newType = input.incidentType ?? type
      const cls = classify(newType, rec)
      // Urgent periods run from intake (first contact, R4/R7); the others from registration (R1–R3).
      const step = registerStep(newType, newType === 'urgent' ? rec.createdAt : at, calendar)
      return {
        patch: { ...cls, ...step.patch, ...(newType === 'urgent' ? { safetyHazard: true } : {}), registeredAt: at },
        cancel: step.moot,
        schedule: timersOf(step.ds),
        data: { incidentType: newType, deadlines: deadlineData(step.ds) },
      }
    }
    case 'reopen': {
      // A bad callback starts the handling over: a new registration step from now.
      const step = registerStep(type, at, calendar)
      return {
        patch: {
          ...step.patch,
          incrementReopen: true,
          registeredAt: at,
          unitCode: null,
          arriveBy: null,
          handleBy: null,
          callbackAt: null,
          resolvedAt: null,
          closedAt: null,
          // A new handling with a new deadline: the old miss stays in the log, the mark does not carry over.
          overdueAt: null,
        },
        cancel: 'all',
        schedule: timersOf(step.ds),
        data: { reason: input.reason, deadlines: deadlineData(step.ds), ...(rec.overdueAt ? { overdueCleared: rec.overdueAt.toISOString() } : {}) },
      }
    }
    case 'dispatch': {
      const ds = deadlinesOnDispatch({ type, dispatchedAt: at })
      return {
        patch: {
          unitCode: input.unitCode!,
          firstUnitCode: rec.firstUnitCode ?? input.unitCode!,
          dispatchedAt: at,
          ...Object.fromEntries(ds.map((d) => [KIND_COLUMN[d.kind], d.dueAt])),
        },
        cancel: ['dispatchBy'],
        schedule: timersOf(ds),
        data: { unitCode: input.unitCode, deadlines: deadlineData(ds) },
      }
    }
    case 'redispatch': {
      const ds = deadlinesOnRedispatch({ type, redispatchedAt: at })
      return {
        patch: { unitCode: input.unitCode!, dispatchedAt: at, ...Object.fromEntries(ds.map((d) => [KIND_COLUMN[d.kind], d.dueAt])) },
        cancel: ['dispatchBy', 'arriveBy'],
        schedule: timersOf(ds),
        data: { unitCode: input.unitCode, deadlines: deadlineData(ds) },
      }
    }
    case 'accept':
      // The unit takes it as its own: ownership is no longer unclear (R7 moot).
      return { patch: { acceptedAt: at }, cancel: ['ownershipBy'], schedule: [], data: { unitCode: rec.unitCode } }
    case 'arrive':
      return {
        patch: { arrivedAt: at, ...(input.hazardMarked ? { hazardMarked: true } : {}) },
        cancel: ['arriveBy'],
        schedule: [],
        data: { unitCode: rec.unitCode },
      }
    case 'resolve':
      return {
        patch: { resolvedAt: at },
        cancel: ['resolveBy', 'handleBy', 'arriveBy', 'callbackAt', 'dispatchBy', 'ownershipBy'],
        schedule: [],
        data: { unitCode: rec.unitCode },
      }
    case 'verifyFail': {
      // Rework (返工): the resolve step is open again under the deadlines it had.
      const again: NewTimer[] = []
      if (rec.resolveBy) again.push({ kind: 'resolveBy', dueAt: rec.resolveBy, data: { rework: true } })
      if (rec.handleBy) again.push({ kind: 'handleBy', dueAt: rec.handleBy, data: { rework: true } })
      return {
        patch: { incrementRework: true, resolvedAt: null },
        cancel: [],
        schedule: again,
        data: { reason: input.reason, reworkCount: rec.reworkCount + 1 },
      }
    }
    case 'verifyPass':
    case 'close':
    case 'answerAndClose':
      return { patch: { closedAt: at, ...(rec.resolvedAt ? {} : { resolvedAt: at }) }, cancel: 'all', schedule: [], data: {} }
    case 'selfResolve':
      return { patch: { resolvedAt: at, closedAt: at }, cancel: 'all', schedule: [], data: { selfResolved: true } }
    case 'returnToCenter': {
      // R6: back to the center for re-dispatch; the R7 ownership check still runs if it is ahead.
      const schedule: NewTimer[] =
        rec.ownershipBy && rec.ownershipBy.getTime() > at.getTime() ? [{ kind: 'ownershipBy', dueAt: rec.ownershipBy, data: { rule: 'R7' } }] : []
      return {
        patch: { unitCode: null, hazardMarked: rec.hazardMarked || input.hazardMarked === true },
        cancel: ['arriveBy', 'handleBy', 'callbackAt'],
        schedule,
        data: { reason: input.reason, unitCode: rec.unitCode, hazardMarked: input.hazardMarked === true },
      }
    }
    case 'reject':
      return { patch: {}, cancel: 'all', schedule: [], data: { reason: input.reason } }
    case 'merge':
      return { patch: { primaryId: input.primary!.id }, cancel: 'all', schedule: [], data: { primaryCode: input.primary!.code } }
    case 'requestExtension': {
      const target = extensionTarget(rec)!
      return {
        patch: { extensionPending: true, extensionDueAt: input.newDueAt!, extensionReason: input.reason! },
        cancel: [],
        schedule: [],
        data: {
          kind: target.kind,
          currentDueAt: target.dueAt.toISOString(),
          requestedDueAt: input.newDueAt!.toISOString(),
          reason: input.reason,
        },
      }
    }
    case 'decideExtension': {
      const target = extensionTarget(rec)!
      const cleared: IncidentPatch = { extensionPending: false, extensionDueAt: null, extensionReason: null }
      const requested = rec.extensionDueAt!
      if (!input.approve) {
        return {
          patch: cleared,
          cancel: [],
          schedule: [],
          data: { approved: false, kind: target.kind, requestedDueAt: requested.toISOString(), requestReason: rec.extensionReason, reason: input.reason },
        }
      }
      // R8: the stored deadline moves; the old one stays here, in the log. An overdue mark from the old
      // deadline is cleared (recomputed: the running deadline is now the later one; missing it marks again).
      return {
        patch: { ...cleared, [KIND_COLUMN[target.kind]]: requested, ...(requested.getTime() > at.getTime() ? { overdueAt: null } : {}) },
        cancel: [],
        schedule: [{ kind: target.kind, dueAt: requested, data: { extended: true } }],
        data: {
          approved: true,
          kind: target.kind,
          oldDueAt: target.dueAt.toISOString(),
          newDueAt: requested.toISOString(),
          ...(rec.overdueAt ? { overdueCleared: rec.overdueAt.toISOString() } : {}),
          requestReason: rec.extensionReason,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      }
    }
  }
}

export const ALL_TIMER_KINDS: readonly string[] = DEADLINE_KINDS
