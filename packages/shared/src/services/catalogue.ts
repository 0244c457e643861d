/**
 * Catalogue edits and the requests booked under them (docs/SERVICES.md §2): an edit may not leave an open
 * request without a way to be served — the item withdrawn, the special service no longer offered, or the
 * request's point no longer handling the item. The API refuses such an edit and lists these requests.
 */
export interface OpenRequestRef {
  publicCode: string
  kind: string
  pointCode: string
  slotAt: string
}

export interface ItemAfterEdit {
  /** null: the item is withdrawn. */
  specialServices: readonly string[] | null
  /** The points handling the item after the edit (null: unchanged). */
  pointCodes: readonly string[] | null
}

export function orphanedRequests(after: ItemAfterEdit, open: readonly OpenRequestRef[]): OpenRequestRef[] {
  if (after.specialServices === null) return [...open]
  const kinds = new Set(after.specialServices)
  const points = after.pointCodes ? new Set(after.pointCodes) : null
  return open.filter((r) => !kinds.has(r.kind) || (points !== null && !points.has(r.pointCode)))
}
