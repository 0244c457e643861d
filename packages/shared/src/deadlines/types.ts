/** How an incident is handled and timed (docs/DOMAIN.md §4 R1–R4). */
export const INCIDENT_TYPES = ['complaint', 'consultation', 'simple', 'urgent'] as const
export type IncidentType = (typeof INCIDENT_TYPES)[number]

export function isIncidentType(v: unknown): v is IncidentType {
  return typeof v === 'string' && (INCIDENT_TYPES as readonly string[]).includes(v)
}

/**
 * - `resolveBy`   resolved and answered (R1 complaint, R2 consultation, R3 simple)
 * - `dispatchBy`  registered and dispatched (R4)
 * - `arriveBy`    first unit on site (R5)
 * - `handleBy`    re-dispatched owner has handled it (R6)
 * - `ownershipBy` ownership still unclear at this time → the subclass's lead unit owns it (R7)
 * - `callbackAt`  the center calls back to check the unit went on site (R10)
 */
export const DEADLINE_KINDS = ['resolveBy', 'dispatchBy', 'arriveBy', 'handleBy', 'ownershipBy', 'callbackAt'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export type DeadlineRule = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6' | 'R7' | 'R10'

export interface Deadline {
  kind: DeadlineKind
  dueAt: Date
  rule: DeadlineRule
}
