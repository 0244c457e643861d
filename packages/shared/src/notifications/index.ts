import type { ActorRole } from '../workflow/states.ts'

/** What the bell shows. */
export const NOTIFICATION_KINDS = ['assignment', 'urge', 'supervision', 'verification', 'closure', 'reopen'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * Which incident events make a notification, and for whom. The database trigger of migration 0010 applies
 * this table inside the event's transaction (a test checks the two agree):
 * - dispatch / redispatch → the incident's (new) unit;
 * - assign (within a unit) → the section (or the unit) and, when named, the colleague;
 * - urge / supervise → the audience the escalation names (`data.to`: role + unit; level 3: the district);
 * - resolve → the inspectors whose area holds the incident's grid (a verification task);
 * - primaryClosed (R9: the cluster's primary was closed, which answers this merged report) → the member's unit,
 *   else the command center's dispatchers (migration 0016, its own trigger);
 * - primaryReopened (R9: that primary was reopened, the answer no longer holds) → the same audience (migration 0020).
 */
export const NOTIFICATION_RULES: Readonly<Record<string, { kind: NotificationKind; audience: string }>> = {
  dispatch: { kind: 'assignment', audience: 'unit' },
  redispatch: { kind: 'assignment', audience: 'unit' },
  assign: { kind: 'assignment', audience: 'section or unit, and the named colleague' },
  urge: { kind: 'urge', audience: 'escalation target' },
  supervise: { kind: 'supervision', audience: 'escalation target' },
  resolve: { kind: 'verification', audience: 'inspectors of the grid' },
  primaryClosed: { kind: 'closure', audience: "the member's unit, else the command center's dispatchers" },
  primaryReopened: { kind: 'reopen', audience: "the member's unit, else the command center's dispatchers" },
}

/** A notification's address: NULL parts match anyone. */
export interface NotificationAddress {
  unitCode: string | null
  role: string | null
  /** A region code; matches a reader whose area is this region or contains it (code prefix). */
  regionCode: string | null
  userId: string | null
}

export interface NotificationReader {
  userId: string
  role: ActorRole
  /** The reader's unit and the sections under it they see (a supervisor: all of the unit's sections). */
  unitCodes: readonly string[]
  /** Region-code prefixes of the reader's areas (inspectors); empty: none. */
  areaPrefixes: readonly string[]
}

/**
 * Whether a notification is for this reader — the rule the repository's SQL applies. A unit supervisor
 * sees everything addressed to their unit whatever the role named (they watch the unit), others only
 * what names their role or no role. A notification naming a user is that user's alone.
 */
export function isAddressedTo(n: NotificationAddress, r: NotificationReader): boolean {
  // A named colleague is reached wherever their account sits (the assignment is to a section of their unit,
  // which they are not staff of); nobody else reads it.
  if (n.userId !== null) return n.userId === r.userId
  if (n.unitCode !== null && !r.unitCodes.includes(n.unitCode)) return false
  if (n.role !== null && n.role !== r.role && !(r.role === 'unit_supervisor' && n.unitCode !== null)) return false
  if (n.regionCode !== null && !r.areaPrefixes.some((p) => n.regionCode!.startsWith(p))) return false
  // Something must name the reader: a notification for nobody in particular is for no one.
  return n.unitCode !== null || n.role !== null || n.userId !== null
}
