import type { AssignmentDecision, Bilingual, NearBoundary } from '@hanjiang/shared/assignment/types'
import type { Crs } from '@hanjiang/shared/geo/crs'
import type { LineString } from 'geojson'
import { api, type ApiClient } from './client.ts'

/**
 * The incident side of the API contract (apps/api/src/routes/{incidents,clusters,knowledge,deadlines,places}.ts):
 * types as the server sends them (times ISO-8601 with +08:00) and typed calls, each with an injectable client.
 */

export type IncidentState =
  | 'reported'
  | 'registered'
  | 'dispatched'
  | 'accepted'
  | 'on_site'
  | 'resolved'
  | 'closed'
  | 'returned'
  | 'rejected'
  | 'merged'
export type IncidentType = 'complaint' | 'consultation' | 'simple' | 'urgent'
export type Track = 'normal' | 'simple' | 'urgent'
export type RequestType = 'complaint' | 'consultation' | 'help' | 'suggestion' | 'report'
export type Channel = 'hotline_12345' | 'hotline_12315' | 'hotline_12369' | 'patrol' | 'public_web' | 'open311' | 'other_system'
export type DeadlineKind = 'dispatchBy' | 'arriveBy' | 'handleBy' | 'resolveBy' | 'ownershipBy' | 'callbackAt' | 'overdueAt'

export const REQUEST_TYPES: readonly RequestType[] = ['complaint', 'consultation', 'help', 'suggestion', 'report']
export const TRACKS: readonly Track[] = ['normal', 'simple', 'urgent']
export const HOTLINE_CHANNELS: readonly Channel[] = ['hotline_12345', 'hotline_12315', 'hotline_12369']
export const INCIDENT_TYPES: readonly IncidentType[] = ['complaint', 'consultation', 'simple', 'urgent']

export interface Named {
  code: string
  name: string
}

export type Deadlines = Record<DeadlineKind, string | null>

/** A row of `GET /api/incidents`. */
export interface IncidentListItem {
  code: string
  state: IncidentState
  version: number
  channel: Channel
  requestType: RequestType
  track: Track
  type: IncidentType
  fineClass: { code: string; name: string; subclass: Named | null } | null
  safetyHazard: boolean
  location: { lng: number; lat: number } | null
  address: string | null
  description: string
  reporter: { name: string | null; phone: string | null }
  unit: Named | null
  suggestedUnit: Named | null
  street: { code: string; name: string | null } | null
  needsReview: boolean
  deadlines: Deadlines
  escalationLevel: number
  extensionPending: boolean
  createdAt: string
  updatedAt: string
}

/** The assignment computed at intake (docs/DOMAIN.md §6), stored on the incident. */
export interface AssignmentSnapshot extends Partial<AssignmentDecision> {
  street?: Named | null
  community?: Named | null
  grid?: Named | null
  nearBoundary?: NearBoundary | null
  point?: { lng: number; lat: number }
}

export type WorkflowAction =
  | 'register'
  | 'dispatch'
  | 'accept'
  | 'arrive'
  | 'resolve'
  | 'verifyPass'
  | 'verifyFail'
  | 'close'
  | 'returnToCenter'
  | 'redispatch'
  | 'reject'
  | 'merge'
  | 'selfResolve'
  | 'answerAndClose'
  | 'reopen'
  | 'requestExtension'
  | 'decideExtension'

/** `GET /api/incidents/:code` */
export interface IncidentDetail extends IncidentListItem {
  trackingCode: string
  locationCrs: Crs | null
  firstUnit: Named | null
  regions: { street: { code: string; name: string | null } | null; community: { code: string; name: string | null } | null; grid: { code: string; name: string | null } | null }
  regionVersions: { street: number | null; community: number | null; grid: number | null }
  assignment: AssignmentSnapshot | null
  reworkCount: number
  reopenCount: number
  hazardMarked: boolean
  extension: { pending: boolean; requestedDueAt: string | null; reason: string | null }
  primaryCode: string | null
  satisfaction: Satisfaction | null
  createdBy: string | null
  registeredAt: string | null
  dispatchedAt: string | null
  acceptedAt: string | null
  arrivedAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  allowedActions: WorkflowAction[]
}

export interface PhotoRef {
  id: string
  kind: 'before' | 'after' | 'attachment'
}

/** One row of `GET /api/incidents/:code/events`. */
export interface IncidentEvent {
  id: number
  at: string
  actor: string | null
  actorRole: string | null
  action: string
  from: IncidentState | null
  to: IncidentState | null
  note: string | null
  /** `[{id, kind}]`; older rows may hold bare ids. */
  photos: (PhotoRef | string)[] | null
  data: Record<string, unknown> | null
}

export interface IncidentPage {
  items: IncidentListItem[]
  nextCursor: string | null
}

/** `GET /api/dispatch/queue`: one page of the desk's queue in its order, with the counts of everything waiting. */
export interface DeskQueuePage extends IncidentPage {
  total: number
  urgent: number
}

/** What an owed callback asks (packages/shared callbackTask's kind). */
export type OwedCallbackKind = 'r10' | 'progress' | 'satisfaction'

/** A row of `GET /api/dispatch/queue?view=callbacks`: an incident the seats owe a callback, since when. */
export interface OwedCallbackItem extends IncidentListItem {
  callback: { kind: OwedCallbackKind; dueAt: string }
}

/** `GET /api/dispatch/queue?view=callbacks`: the longest owed first; `total` all owed, `urgent` the R10 ones. */
export interface OwedCallbacksPage {
  items: OwedCallbackItem[]
  nextCursor: string | null
  total: number
  urgent: number
}

export interface IncidentListQuery {
  state?: IncidentState[]
  unit?: string
  street?: string
  class?: string
  q?: string
  limit?: number
  cursor?: string
}

export interface NewIncident {
  channel: Channel
  requestType: RequestType
  track?: Track
  fineClass?: string | null
  location?: { lng: number; lat: number; crs: Crs } | null
  address?: string | null
  description: string
  reporter?: { name?: string | null; phone?: string | null } | null
  clientId: string
}

export interface ActionInput {
  version: number
  note?: string
  reason?: string
  unitCode?: string
  hazardMarked?: boolean
  primaryCode?: string
  incidentType?: IncidentType
  approve?: boolean
}

export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'not_satisfied'
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'not_satisfied']

/** `POST /api/incidents/:code/callback` (dispatcher): the seat's callback (回访, R10 / after closing). */
export interface CallbackInput {
  version: number
  /** The reporter was reached by phone. */
  reached: boolean
  /** Closed incidents whose reporter was reached: how satisfied they are. */
  satisfaction?: Satisfaction
  note?: string
  /** With "not_satisfied": reopen it in the same transaction (back at the center). */
  reopen?: boolean
}

export interface SimilarIncident {
  code: string
  fineClass: string | null
  state: IncidentState
  distanceM: number
  createdAt: string
  description: string
  photo: string | null
  memberCount: number
  flagged: boolean
}

export interface KnowledgeMatch {
  id: number
  kind: 'qa' | 'guide'
  title: string
  titleEn: string | null
  body: string
  tags: string[]
  unitCode: string | null
  score: number
  matched: string[]
}

export interface DeadlinePreview {
  type: IncidentType
  start: string
  deadlines: { kind: DeadlineKind; rule: string; dueAt: string }[]
}

export type PlaceKind = 'street' | 'community' | 'grid' | 'road' | 'river'
export interface Place {
  id: string
  name: string
  kind: PlaceKind
  parent: { code: string; name: string | null } | null
  point: { lng: number; lat: number }
  line?: LineString
}

export interface UnitRow {
  code: string
  name: string
  nameEn: string
  kind: string
  parentCode: string | null
  regionCode: string | null
  active: boolean
}

export type { Bilingual }

export function incidentEndpoints(client: ApiClient = api) {
  const code = (c: string) => encodeURIComponent(c)
  return {
    list: (q: IncidentListQuery, signal?: AbortSignal) =>
      client.get<IncidentPage>('/api/incidents', {
        query: { state: q.state?.join(','), unit: q.unit, street: q.street, class: q.class, q: q.q, limit: q.limit, cursor: q.cursor },
        signal,
      }),
    /** The desk's queue, keyset-paged: pass the previous page's `nextCursor`; `limit: 0` asks for the counts only. */
    deskQueue: (q: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
      client.get<DeskQueuePage>('/api/dispatch/queue', { query: { cursor: q.cursor ?? undefined, limit: q.limit }, signal }),
    /** The callbacks the seats owe, keyset-paged like the queue; `limit: 0` asks for the counts only. */
    owedCallbacks: (q: { cursor?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
      client.get<OwedCallbacksPage>('/api/dispatch/queue', { query: { view: 'callbacks', cursor: q.cursor ?? undefined, limit: q.limit }, signal }),
    get: (c: string, signal?: AbortSignal) => client.get<IncidentDetail>(`/api/incidents/${code(c)}`, { signal }),
    events: async (c: string, signal?: AbortSignal) =>
      (await client.get<{ code: string; events: IncidentEvent[] }>(`/api/incidents/${code(c)}/events`, { signal })).events,
    /** The dispatcher corrects the fine class: the assignment is recomputed and stored (an event `reclassify`). */
    reclassify: (c: string, body: { version: number; fineClass: string }) =>
      client.request<IncidentDetail>(`/api/incidents/${code(c)}/classification`, { method: 'POST', body }),
    /** Intake; the client id doubles as the Idempotency-Key, so a retried submit never makes a second incident. */
    create: (body: NewIncident) =>
      client.request<IncidentDetail>('/api/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': body.clientId } }),
    act: (c: string, action: WorkflowAction, body: ActionInput) =>
      client.request<IncidentDetail>(`/api/incidents/${code(c)}/actions/${action}`, { method: 'POST', body }),
    /** Records the seat's callback; "not satisfied" with `reopen` reopens it in the same transaction. */
    callback: (c: string, body: CallbackInput) => client.request<IncidentDetail>(`/api/incidents/${code(c)}/callback`, { method: 'POST', body }),
    similar: (q: { lng: number; lat: number; fineClass: string; exclude?: string }, signal?: AbortSignal) =>
      client.get<{ incidents: SimilarIncident[] }>('/api/incidents/similar', { query: q, signal }),
    knowledge: (q: string, signal?: AbortSignal) =>
      client.get<{ query: string; results: KnowledgeMatch[] }>('/api/knowledge', { query: { q: q.slice(0, 200), limit: 3 }, signal }),
    deadlinePreview: (type: IncidentType, signal?: AbortSignal) =>
      client.get<DeadlinePreview>('/api/deadlines/preview', { query: { type }, signal }),
    places: (q: string, signal?: AbortSignal) => client.get<{ query: string; places: Place[] }>('/api/places', { query: { q }, signal }),
    units: (signal?: AbortSignal) => client.get<{ items: UnitRow[] }>('/api/admin/units', { signal }),
  }
}

export type IncidentEndpoints = ReturnType<typeof incidentEndpoints>

/** The incident type (which deadline rules apply) from request type and track — as the API decides it. */
export function incidentTypeOf(requestType: RequestType, track: Track): IncidentType {
  if (track === 'urgent') return 'urgent'
  if (track === 'simple') return 'simple'
  return requestType === 'consultation' ? 'consultation' : 'complaint'
}
