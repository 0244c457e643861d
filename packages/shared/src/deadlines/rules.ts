import type { WorkingDayCalendar } from '../calendar/workingCalendar.ts'
import type { OfficeHoursConfig } from '../calendar/officeHours.ts'
import type { Instant } from '../time/shanghai.ts'
import { addElapsed, HOUR_MS, MINUTE_MS, sameDayDeadline, workingDaysDeadline } from './periods.ts'
import type { Deadline, IncidentType } from './types.ts'

/** The numbers of the notice's §11–§12, in one place. */
export const DEADLINE_RULES = {
  R1: { workingDays: 3 },
  R2: { workingDays: 2 },
  R4: { ms: 15 * MINUTE_MS },
  R5: { ms: 6 * HOUR_MS },
  R6: { ms: 6 * HOUR_MS },
  R7: { ms: 12 * HOUR_MS },
  R10: { ms: 12 * HOUR_MS },
} as const

export interface ComputeDeadlinesInput {
  type: IncidentType
  /** Registration time for complaint/consultation/simple; intake time (first contact) for urgent. */
  start: Instant
  /** Needed for the working-day rules; urgent (clock-hour) deadlines never consult it. */
  calendar: WorkingDayCalendar
  /** Default: the calendar's own office hours (the deployment's OFFICE_HOURS), else 08:30–17:30. */
  officeHours?: OfficeHoursConfig
}

/**
 * Deadlines that start when an incident is registered (or, for urgent ones, taken in):
 * - complaint    → resolveBy, 3 working days (R1)
 * - consultation → resolveBy, 2 working days (R2)
 * - simple       → resolveBy, the same day (R3; after hours / non-working day → next working day)
 * - urgent       → dispatchBy intake + 15 min (R4), ownershipBy intake + 12 h (R7)
 * @throws MissingCalendarYearError for working-day rules that reach a year with no calendar.
 */
export function computeDeadlines(input: ComputeDeadlinesInput): Deadline[] {
  const { type, start, calendar, officeHours } = input
  switch (type) {
    case 'complaint':
      return [
        { kind: 'resolveBy', rule: 'R1', dueAt: workingDaysDeadline(start, DEADLINE_RULES.R1.workingDays, calendar, officeHours) },
      ]
    case 'consultation':
      return [
        { kind: 'resolveBy', rule: 'R2', dueAt: workingDaysDeadline(start, DEADLINE_RULES.R2.workingDays, calendar, officeHours) },
      ]
    case 'simple':
      return [{ kind: 'resolveBy', rule: 'R3', dueAt: sameDayDeadline(start, calendar, officeHours) }]
    case 'urgent':
      return [
        { kind: 'dispatchBy', rule: 'R4', dueAt: addElapsed(start, DEADLINE_RULES.R4.ms) },
        { kind: 'ownershipBy', rule: 'R7', dueAt: addElapsed(start, DEADLINE_RULES.R7.ms) },
      ]
  }
}

/**
 * Deadlines that start with a dispatch (派件). Urgent: arriveBy + 6 h (R5) and callbackAt + 12 h
 * (R10). Other types: none — their R1–R3 period runs from registration and is not restarted.
 */
export function deadlinesOnDispatch(input: { type: IncidentType; dispatchedAt: Instant }): Deadline[] {
  if (input.type !== 'urgent') return []
  return [
    { kind: 'arriveBy', rule: 'R5', dueAt: addElapsed(input.dispatchedAt, DEADLINE_RULES.R5.ms) },
    { kind: 'callbackAt', rule: 'R10', dueAt: addElapsed(input.dispatchedAt, DEADLINE_RULES.R10.ms) },
  ]
}

/**
 * Deadlines that start when a returned incident is re-dispatched (转派) to its owner. Urgent:
 * handleBy + 6 h (R6), and — a re-dispatch being a dispatch — callbackAt + 12 h (R10). Other types:
 * none (the original period keeps running; only an approved extension moves it, R8).
 */
export function deadlinesOnRedispatch(input: { type: IncidentType; redispatchedAt: Instant }): Deadline[] {
  if (input.type !== 'urgent') return []
  return [
    { kind: 'handleBy', rule: 'R6', dueAt: addElapsed(input.redispatchedAt, DEADLINE_RULES.R6.ms) },
    { kind: 'callbackAt', rule: 'R10', dueAt: addElapsed(input.redispatchedAt, DEADLINE_RULES.R10.ms) },
  ]
}
