import type { Bilingual } from '@hanjiang/shared/assignment/types'
import type { DeadlineKind as ComputedDeadlineKind } from '@hanjiang/shared'
import { api, type ApiClient } from './client.ts'
import type { JsonAnswer, JsonBody, QueryOf, Schemas } from './contract.ts'

/**
 * The incident side of the API contract (apps/api/src/routes/{incidents,clusters,knowledge,deadlines,places}.ts):
 * answers and request bodies from the contract (./contract.ts), vocabularies from packages/shared, and typed
 * calls, each with an injectable client. Times are ISO-8601 with +08:00.
 */

export {
  HOTLINE_CHANNELS,
  INCIDENT_TYPES,
  RATINGS as SATISFACTIONS,
  REQUEST_TYPES,
  TRACKS,
  type IncidentChannel as Channel,
  type IncidentState,
  type IncidentType,
  type Rating as Satisfaction,
  type RequestType,
  type Track,
  type WorkflowAction,
} from '@hanjiang/shared'
import type { IncidentState, IncidentType, RequestType, Track, WorkflowAction } from '@hanjiang/shared'

export type Named = Schemas['IncidentListItem']['unit'] & {}
export type Deadlines = Schemas['IncidentListItem']['deadlines']
/** A deadline field of an incident: the computed kinds, and `overdueAt`. */
export type DeadlineKind = keyof Deadlines & (ComputedDeadlineKind | 'overdueAt')

/** A row of `GET /api/incidents`. */
export type IncidentListItem = Schemas['IncidentListItem']
/** The assignment computed at intake (docs/DOMAIN.md §6), stored on the incident. */
export type AssignmentSnapshot = NonNullable<Schemas['IncidentDetail']['assignment']>
/** `GET /api/incidents/:code` */
export type IncidentDetail = Schemas['IncidentDetail']
export type PhotoRef = Exclude<NonNullable<Schemas['IncidentEvent']['photos']>[number], string>
/** One row of `GET /api/incidents/:code/events`. */
export type IncidentEvent = Schemas['IncidentEvent']
export type IncidentPage = Schemas['IncidentPage']
/** `GET /api/dispatch/queue`: one page of the desk's queue in its order, with the counts of everything waiting. */
export type DeskQueuePage = Schemas['DeskQueuePage']
/** A row of `GET /api/dispatch/queue?view=callbacks`: an incident the seats owe a callback, since when. */
export type OwedCallbackItem = Schemas['OwedCallbackItem']
/** What an owed callback asks (packages/shared callbackTask's kind). */
export type OwedCallbackKind = OwedCallbackItem['callback']['kind']
/** `GET /api/dispatch/queue?view=callbacks`: the longest owed first; `total` all owed, `urgent` the R10 ones. */
export type OwedCallbacksPage = Schemas['OwedCallbacksPage']
export type DeadlinePreview = Schemas['DeadlinePreview']
export type UnitRow = Schemas['UnitRow']

/** `GET /api/incidents` query, with the states as a list (sent comma-separated). */
export type IncidentListQuery = Omit<QueryOf<'/api/incidents', 'get'>, 'state'> & { state?: IncidentState[] }
/** `POST /api/incidents`; the web always sends a client id (it doubles as the Idempotency-Key). */
export type NewIncident = JsonBody<'/api/incidents', 'post'> & { clientId: string }
export type ActionInput = JsonBody<'/api/incidents/{code}/actions/{action}', 'post'>
/** `POST /api/incidents/:code/callback` (dispatcher): the seat's callback (回访, R10 / after closing). */
export type CallbackInput = JsonBody<'/api/incidents/{code}/callback', 'post'>

// Answers the API does not describe yet (their routes answer `anyJson`): hand-typed until they get a schema.
export type SimilarIncident = Schemas['SimilarIncident']

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

export type Place = Schemas['Place']
export type PlaceKind = Place['kind']

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
      (await client.get<JsonAnswer<'/api/incidents/{code}/events', 'get'>>(`/api/incidents/${code(c)}/events`, { signal })).events,
    /** The dispatcher corrects the fine class: the assignment is recomputed and stored (an event `reclassify`). */
    reclassify: (c: string, body: JsonBody<'/api/incidents/{code}/classification', 'post'>) =>
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
    units: (signal?: AbortSignal) => client.get<JsonAnswer<'/api/admin/units', 'get'>>('/api/admin/units', { signal }),
  }
}

export type IncidentEndpoints = ReturnType<typeof incidentEndpoints>

/** The incident type (which deadline rules apply) from request type and track — as the API decides it. */
export function incidentTypeOf(requestType: RequestType, track: Track): IncidentType {
  if (track === 'urgent') return 'urgent'
  if (track === 'simple') return 'simple'
  return requestType === 'consultation' ? 'consultation' : 'complaint'
}
