import { codeLevel } from '../taxonomy/codes.ts'
import type { IncidentState } from '../workflow/states.ts'

/**
 * R9 一诉一整改: many reports of one problem are merged into one primary incident, which carries the
 * rectification. These are the pure rules; the API finds candidates with PostGIS.
 */

/** A cluster of this many reports (primary + members) or more is flagged for the command center. */
export const CLUSTER_FLAG_MIN_REPORTS = 5

/** Defaults and bounds of the similar-incident search on intake. */
export const SIMILAR_RADIUS_M_DEFAULT = 250
export const SIMILAR_RADIUS_M_MAX = 5000
export const SIMILAR_DAYS_DEFAULT = 30
export const SIMILAR_DAYS_MAX = 365
export const SIMILAR_LIMIT_DEFAULT = 20
export const SIMILAR_LIMIT_MAX = 100

/** Incidents in these states are never suggested as merge targets: done, invalid, or already merged. */
export const NOT_MERGEABLE_STATES = ['closed', 'rejected', 'merged'] as const satisfies readonly IncidentState[]

export function isMergeTargetState(state: string): boolean {
  return !(NOT_MERGEABLE_STATES as readonly string[]).includes(state)
}

/** `010502` → `0105`; a subclass code is its own subclass; anything else (class, malformed) → null. */
export function subclassOf(code: string): string | null {
  const level = codeLevel(code)
  return level === 'fine' || level === 'subclass' ? code.slice(0, 4) : null
}

/**
 * The event each member gets when its cluster's primary is closed (R9 "answer every reporter"): no state change —
 * `merged` is final (docs/DOMAIN.md §5) — but the member's reporter is answered by it (public timeline, the bell).
 */
export const CLUSTER_CLOSED_ACTION = 'primaryClosed'

/** Whether a transition to `toState` closes the incident, and so answers the reports merged into it. */
export function closesCluster(toState: IncidentState | string): boolean {
  return toState === 'closed'
}

/** What the member's timeline and notification say (no personal data: it goes to webhooks as is). */
export function clusterClosedMessage(primaryCode: string): { zh: string; en: string } {
  return {
    zh: `同一问题的主件 ${primaryCode} 已办结，本件随同办结（一诉一整改），请答复反映人`,
    en: `The primary report ${primaryCode} of the same problem was closed: this merged report is answered with it (R9)`,
  }
}

/**
 * The event each member gets when its primary is reopened (a bad callback): the answer its reporter was given
 * at closing no longer holds, so the member's timeline, public page and bell say the problem is handled again
 * — and the next closing answers it again ({@link CLUSTER_CLOSED_ACTION}).
 */
export const CLUSTER_REOPENED_ACTION = 'primaryReopened'

/** Whether a transition from `fromState` to `toState` reopens a closed incident, and so tells its members. */
export function reopensCluster(fromState: IncidentState | string, toState: IncidentState | string): boolean {
  return fromState === 'closed' && toState !== 'closed'
}

/** What the member's timeline and notification say when the primary is reopened (no personal data). */
export function clusterReopenedMessage(primaryCode: string): { zh: string; en: string } {
  return {
    zh: `同一问题的主件 ${primaryCode} 已重新办理，本件随同重新办理（一诉一整改），办结后再次答复反映人`,
    en: `The primary report ${primaryCode} of the same problem was reopened: this merged report is handled again with it and answered when it closes (R9)`,
  }
}

/** Reports in a cluster: the primary plus its members. */
export function clusterReportCount(memberCount: number): number {
  if (!Number.isInteger(memberCount) || memberCount < 0) throw new RangeError(`memberCount must be a non-negative integer, got ${memberCount}`)
  return memberCount + 1
}

/** Flagged when primary + members reach `minReports` (default {@link CLUSTER_FLAG_MIN_REPORTS}). */
export function isClusterFlagged(memberCount: number, minReports: number = CLUSTER_FLAG_MIN_REPORTS): boolean {
  if (!Number.isInteger(minReports) || minReports < 1) throw new RangeError(`minReports must be a positive integer, got ${minReports}`)
  return clusterReportCount(memberCount) >= minReports
}

/**
 * Half-widths in degrees of a box that surely contains every point within `radiusM` metres of a point at
 * `lat` (on the WGS84 spheroid): the `&&` prefilter that lets the GiST index work before the exact
 * geography ST_DWithin. Errs wide (10 % + 1 m) — a wider box costs a few rows, a narrower one loses matches.
 */
export function searchBoxDegrees(lat: number, radiusM: number): { dLng: number; dLat: number } {
  if (!(radiusM >= 0) || !Number.isFinite(radiusM)) throw new RangeError(`radiusM must be a finite non-negative number, got ${radiusM}`)
  // Shortest metres per degree of latitude on WGS84 (at the equator) — so this errs wide.
  const mPerDegLat = 110_574
  const r = radiusM * 1.1 + 1
  const dLat = r / mPerDegLat
  const maxLat = Math.min(90, Math.abs(lat) + dLat)
  const cos = Math.cos((maxLat * Math.PI) / 180)
  const dLng = cos < 1e-6 ? 180 : Math.min(180, r / (mPerDegLat * cos))
  return { dLng, dLat }
}
