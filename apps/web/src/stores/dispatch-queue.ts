import { deskRank, isDeskState } from '@hanjiang/shared/desk/queue'
import type { IncidentListItem } from '../api/incidents.ts'

/**
 * The desk queue's order in the browser — the same as the API's keyset order (packages/shared/src/desk/queue.ts),
 * so pages fetched with a cursor and rows placed by live events line up exactly.
 */
export { DESK_PAGE_SIZE, DESK_STATES, isDeskState } from '@hanjiang/shared/desk/queue'

/** The deadline the center is working against now: dispatch-by (R4), then ownership (R7), then resolve-by. */
export function nextDue(i: Pick<IncidentListItem, 'deadlines'>): string | null {
  const d = i.deadlines
  return d.dispatchBy ?? d.ownershipBy ?? d.resolveBy ?? null
}

/** Urgent (safety hazards, urgent track) first; then returns; then the rest. */
export function urgencyRank(i: Pick<IncidentListItem, 'track' | 'safetyHazard' | 'state'>): number {
  return deskRank(i)
}

/** Urgency, then least time left (none last), then the oldest, then the code (code-unit order, as the API's `COLLATE "C"`). */
export function compareQueue(a: IncidentListItem, b: IncidentListItem): number {
  const r = urgencyRank(a) - urgencyRank(b)
  if (r) return r
  const da = nextDue(a)
  const db = nextDue(b)
  if (da && db) {
    const t = Date.parse(da) - Date.parse(db)
    if (t) return t
  } else if (da || db) return da ? -1 : 1
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}

export function sortQueue(items: Iterable<IncidentListItem>): IncidentListItem[] {
  return [...items].sort(compareQueue)
}

/**
 * Whether `item` sorts after the last row loaded so far (`frontier`; null = every page loaded): such a row belongs
 * to a page not fetched yet, so the desk leaves it to that page rather than showing it out of place.
 */
export function beyondFrontier(item: IncidentListItem, frontier: IncidentListItem | null): boolean {
  return frontier !== null && compareQueue(item, frontier) > 0
}

/** How much a live event changes the number waiting: +1 entering the desk's states, −1 leaving them. */
export function deskDelta(fromState: string | null | undefined, toState: string | null | undefined): number {
  return Number(isDeskState(toState)) - Number(isDeskState(fromState))
}
