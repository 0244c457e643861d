import type { DeadlinePreview } from '@hanjiang/shared/contract'
import { computeDeadlines, formatShanghai, type IncidentType, type OfficeHours } from '@hanjiang/shared'
import type { Database } from '../../db/types.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import { withCalendar } from '../incidents/problems.ts'

/**
 * The deadlines registering an incident of `type` at `start` would set (R1–R4, R7), so seats see them
 * before registering. Times are ISO-8601 in Shanghai time (+08:00). A working-day period reaching a
 * year with no calendar → 422 calendar_year_missing naming the year. Working-day periods end when the
 * deployment's office hours (OFFICE_HOURS) close.
 */
export async function previewDeadlines({
  database,
  input,
  officeHours,
}: {
  database: Database
  input: { type: IncidentType; start: Date }
  officeHours?: OfficeHours
}): Promise<DeadlinePreview> {
  const calendar = await workingCalendar(database, officeHours)
  const deadlines = withCalendar(() => computeDeadlines({ type: input.type, start: input.start, calendar }))
  return {
    type: input.type,
    start: formatShanghai(input.start),
    deadlines: deadlines.map((d) => ({ kind: d.kind, rule: d.rule, dueAt: formatShanghai(d.dueAt) })),
  }
}
