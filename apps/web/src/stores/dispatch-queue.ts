import type { IncidentListItem, IncidentState } from '../api/incidents.ts'

/** What waits at the command center: new reports, registered ones not yet dispatched, and returns (R6). */
export const DESK_STATES: readonly IncidentState[] = ['reported', 'registered', 'returned']

export const isDeskState = (s: string | null | undefined): s is IncidentState => !!s && (DESK_STATES as readonly string[]).includes(s)

/** The deadline the center is working against now: dispatch-by (R4), then ownership (R7), then resolve-by. */
export function nextDue(i: Pick<IncidentListItem, 'deadlines'>): string | null {
  const d = i.deadlines
  return d.dispatchBy ?? d.ownershipBy ?? d.resolveBy ?? null
}

/** Urgent (safety hazards, urgent track) first; then least time left; then the oldest. */
export function urgencyRank(i: Pick<IncidentListItem, 'track' | 'safetyHazard' | 'needsReview' | 'state'>): number {
  if (i.track === 'urgent' || i.safetyHazard) return 0
  if (i.state === 'returned') return 1
  return 2
}

export function compareQueue(a: IncidentListItem, b: IncidentListItem): number {
  const r = urgencyRank(a) - urgencyRank(b)
  if (r) return r
  const da = nextDue(a)
  const db = nextDue(b)
  if (da && db) {
    const t = Date.parse(da) - Date.parse(db)
    if (t) return t
  } else if (da || db) return da ? -1 : 1
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.code.localeCompare(b.code)
}

export function sortQueue(items: Iterable<IncidentListItem>): IncidentListItem[] {
  return [...items].sort(compareQueue)
}
