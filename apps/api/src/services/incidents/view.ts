import {
  allowedActions,
  extensionTarget,
  typeOfIncident,
  formatShanghai,
  fineClassInfo,
  type ActorRole,
  type Crs,
  type IncidentFacts,
  type IncidentState,
  type WorkflowAction,
} from '@hanjiang/shared'
import type { IncidentDetail, IncidentEvent, IncidentListItem } from '@hanjiang/shared/contract'
import type { EventRecord } from '../../db/repositories/incident-events.ts'
import type { IncidentRecord } from '../../db/repositories/incident-rows.ts'
import type { Reference } from '../assignment/reference-cache.ts'
import type { IncidentChannel, RequestType, Track } from '@hanjiang/shared'

// Masking is a domain rule (packages/shared/src/auth/masking.ts); re-exported for the views' callers.
export { maskName, maskPhone } from '@hanjiang/shared'
import { maskName, maskPhone } from '@hanjiang/shared'

const t = (d: Date | null): string | null => (d ? formatShanghai(d) : null)

// The stored incident's type and extension target are workflow rules (packages/shared/src/workflow/plan.ts).
export { extensionTarget, typeOfIncident }
export type { ExtensionTarget } from '@hanjiang/shared'

/** The facts the workflow rules look at. */
export function factsOf(r: IncidentRecord): IncidentFacts {
  const target = extensionTarget(r)
  return {
    safetyHazard: r.safetyHazard,
    id: r.code,
    type: typeOfIncident(r),
    extensionPending: r.extensionPending,
    ...(target ? { dueAt: target.dueAt } : {}),
  }
}

export function deadlinesView(r: IncidentRecord) {
  return {
    dispatchBy: t(r.dispatchBy),
    arriveBy: t(r.arriveBy),
    handleBy: t(r.handleBy),
    resolveBy: t(r.resolveBy),
    ownershipBy: t(r.ownershipBy),
    callbackAt: t(r.callbackAt),
    overdueAt: t(r.overdueAt),
  }
}

const unitRef = (ref: Reference, code: string | null) =>
  code ? { code, name: ref.units.get(code)?.name ?? code } : null

function fineClassRef(ref: Reference, code: string | null) {
  if (!code) return null
  const info = fineClassInfo(ref.taxonomy, code)
  return {
    code,
    name: info?.fine.name ?? code,
    subclass: info ? { code: info.subclass.code, name: info.subclass.name } : null,
  }
}

interface AssignmentSnapshot {
  street?: { code: string; name: string } | null
  community?: { code: string; name: string } | null
  grid?: { code: string; name: string } | null
}

function regionRef(code: string | null, snap: { code: string; name: string } | null | undefined) {
  return code ? { code, name: snap?.code === code ? snap.name : null } : null
}

/** A row of the dispatch desk's list (its shape: the wire contract in packages/shared/src/contract). */
export function incidentListItem(r: IncidentRecord, ref: Reference): IncidentListItem {
  const snap = (r.assignment ?? {}) as AssignmentSnapshot
  return {
    code: r.code,
    state: r.state as IncidentState,
    version: r.version,
    channel: r.channel as IncidentChannel,
    requestType: r.requestType as RequestType,
    track: r.track as Track,
    type: typeOfIncident(r),
    fineClass: fineClassRef(ref, r.fineClass),
    safetyHazard: r.safetyHazard,
    location: r.lng === null || r.lat === null ? null : { lng: r.lng, lat: r.lat },
    address: r.address,
    description: r.description,
    reporter: { name: maskName(r.reporterName), phone: maskPhone(r.reporterPhone) },
    unit: unitRef(ref, r.unitCode),
    suggestedUnit: unitRef(ref, r.suggestedUnitCode),
    street: regionRef(r.streetCode, snap.street),
    needsReview: r.needsReview,
    deadlines: deadlinesView(r),
    escalationLevel: r.escalationLevel,
    extensionPending: r.extensionPending,
    createdAt: formatShanghai(r.createdAt),
    updatedAt: formatShanghai(r.updatedAt),
  }
}

export type { IncidentListItem }

/** The full incident for the caller's role(s), with the actions it may take now (a user may hold several roles). */
export function incidentView(
  r: IncidentRecord,
  ref: Reference,
  role: ActorRole | readonly ActorRole[],
): IncidentDetail {
  const snap = (r.assignment ?? {}) as AssignmentSnapshot
  const actions: WorkflowAction[] =
    typeof role === 'string'
      ? allowedActions(r.state as IncidentState, role, factsOf(r))
      : [...new Set(role.flatMap((x) => allowedActions(r.state as IncidentState, x, factsOf(r))))]
  // Object.assign, not `{ ...item, more }`: V8 builds a spread followed by many properties ~30× slower.
  return Object.assign(incidentListItem(r, ref), {
    trackingCode: r.trackingCode,
    locationCrs: r.locationCrs as Crs | null,
    firstUnit: unitRef(ref, r.firstUnitCode),
    regions: {
      street: regionRef(r.streetCode, snap.street),
      community: regionRef(r.communityCode, snap.community),
      grid: regionRef(r.gridCode, snap.grid),
    },
    regionVersions: { street: r.streetRegionId, community: r.communityRegionId, grid: r.gridRegionId },
    /** The assignment as computed at intake: rule, explanation, candidates, near boundary (docs/DOMAIN.md §6). */
    assignment: r.assignment as IncidentDetail['assignment'],
    reworkCount: r.reworkCount,
    reopenCount: r.reopenCount,
    hazardMarked: r.hazardMarked,
    /** R8: the pending request (its reason is shown to the reporter). */
    extension: r.extensionPending
      ? { pending: true, requestedDueAt: t(r.extensionDueAt), reason: r.extensionReason }
      : { pending: false, requestedDueAt: null, reason: null },
    primaryCode: r.primaryCode,
    satisfaction: r.satisfaction as IncidentDetail['satisfaction'],
    createdBy: r.createdBy,
    registeredAt: t(r.registeredAt),
    dispatchedAt: t(r.dispatchedAt),
    acceptedAt: t(r.acceptedAt),
    arrivedAt: t(r.arrivedAt),
    resolvedAt: t(r.resolvedAt),
    closedAt: t(r.closedAt),
    allowedActions: actions,
  })
}

export type IncidentView = IncidentDetail

export function eventView(e: EventRecord): IncidentEvent {
  return {
    id: e.id,
    at: formatShanghai(e.at),
    actor: e.actor,
    actorRole: e.actorRole,
    actorName: e.actorName ?? null,
    action: e.action,
    from: e.fromState as IncidentState | null,
    to: e.toState as IncidentState | null,
    note: e.note,
    photos: e.photos as IncidentEvent['photos'],
    data: e.data as IncidentEvent['data'],
  }
}
