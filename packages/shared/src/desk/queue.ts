import type { IncidentState } from '../workflow/states.ts'

/**
 * The dispatch desk's queue, shared by the API (which pages it) and the web app (which keeps it
 * live): what waits at the command center and in which order.
 *
 * Order: urgency rank (0 = urgent track or safety hazard, 1 = returned by a unit, 2 = the rest), then the next
 * deadline the center works against (dispatch-by, else ownership, else resolve-by; none last), then intake time,
 * then the code (plain code-unit order). Times compare at millisecond precision (what the API's ISO texts carry),
 * so the server's keyset and the browser's sort agree item for item.
 */

/** New reports, registered ones not yet dispatched, and returns (R6). */
export const DESK_STATES: readonly IncidentState[] = ['reported', 'registered', 'returned']

/** Rows per page the desk asks for; the API caps a page at {@link DESK_MAX_PAGE}. */
export const DESK_PAGE_SIZE = 100
export const DESK_MAX_PAGE = 200

export function isDeskState(s: string | null | undefined): s is IncidentState {
  return !!s && (DESK_STATES as readonly string[]).includes(s)
}

/** The urgency rank of the order above. */
export function deskRank(i: { track: string; safetyHazard: boolean; state: string }): 0 | 1 | 2 {
  if (i.track === 'urgent' || i.safetyHazard) return 0
  if (i.state === 'returned') return 1
  return 2
}
