import { ApiError, api, formatProblem, isProblemDetails, type ApiClient } from './client.ts'
import { csrfHeaders } from './csrf.ts'
import type { IncidentState } from './incidents.ts'
import type { JsonAnswer, Schemas } from './contract.ts'

/** The workbench and notification side of the API contract (apps/api/src/routes/{workbench,notifications}.ts). */

export type WorkAction = 'accept' | 'arrive' | 'resolve' | 'requestExtension' | 'returnToCenter'

/** A row of the unit's queue and ledger. */
export type WorkItem = Schemas['WorkItem']
export type WorkQueue = Schemas['WorkQueue']

export interface Section {
  code: string
  name: string
  nameEn: string
}

/** A colleague work can be handed to (GET /api/workbench/colleagues: the caller's own unit). */
export type Colleague = Schemas['Colleagues']['colleagues'][number]

export interface ArrivalCheck {
  distanceM: number | null
  toleranceM: number
  far: boolean
}

export type { NotificationKind } from '@hanjiang/shared'

export type AppNotification = Schemas['Notification']

export interface WebhookState {
  webhooks: { id: number; unitCode: string; channel: string; url: string; active: boolean }[]
  deliveries: { id: number; attempts: number; lastStatus: number | null; lastError: string | null; deliveredAt: string | null; failedAt: string | null }[]
}

export interface IncidentVersion {
  code: string
  state: IncidentState
  version: number
}

export function workEndpoints(client: ApiClient = api) {
  const post = <T>(path: string, body: unknown) => client.request<T>(path, { method: 'POST', body, headers: csrfHeaders() })
  return {
    queue: (mine = false, signal?: AbortSignal) => client.get<WorkQueue>('/api/workbench/queue', { query: { mine: mine ? 1 : undefined }, signal }),
    ledger: (signal?: AbortSignal) => client.get<WorkQueue>('/api/workbench/ledger', { signal }),
    sections: () => client.get<{ unitCode: string; sections: Section[] }>('/api/workbench/sections'),
    colleagues: () => client.get<Schemas['Colleagues']>('/api/workbench/colleagues'),
    /** A workflow action through the incident API (accept, resolve, requestExtension, returnToCenter). */
    act: (code: string, action: string, body: Record<string, unknown>) =>
      post<IncidentVersion>(`/api/incidents/${encodeURIComponent(code)}/actions/${action}`, body),
    arrive: (code: string, body: { version: number; position: { lng: number; lat: number; accuracyM?: number } | null; note?: string }) =>
      post<{ incident: IncidentVersion; locationCheck: ArrivalCheck | null }>(`/api/workbench/incidents/${encodeURIComponent(code)}/arrive`, body),
    assign: (code: string, body: { sectionCode?: string | null; assignee?: string | null }) =>
      post<{ code: string; section: string | null; assignee: string | null; assigneeName: string | null }>(
        `/api/workbench/incidents/${encodeURIComponent(code)}/assign`,
        body,
      ),
    webhooks: (unit: string) => client.get<WebhookState>(`/api/units/${encodeURIComponent(unit)}/webhooks`),
    setWebhook: (unit: string, body: { url: string }) =>
      client.request<{ secret: string; url: string }>(`/api/units/${encodeURIComponent(unit)}/webhooks`, { method: 'PUT', body, headers: csrfHeaders() }),
    notifications: (unreadOnly = false) =>
      client.get<JsonAnswer<'/api/notifications', 'get'>>('/api/notifications', { query: { unread: unreadOnly ? 1 : undefined, limit: 30 } }),
    unreadCount: () => client.get<{ unread: number }>('/api/notifications/unread-count'),
    markRead: (ids: number[] | 'all') =>
      post<{ marked: number; unread: number }>('/api/notifications/read', ids === 'all' ? { all: true } : { ids }),
  }
}

export type WorkEndpoints = ReturnType<typeof workEndpoints>

/** Uploads photos as multipart/form-data (field `file`); answers their ids. */
export async function uploadPhotos(files: readonly File[], url = '/api/photos', fetchFn: typeof fetch = globalThis.fetch): Promise<string[]> {
  const form = new FormData()
  for (const f of files) form.append('file', f, f.name)
  let res: Response
  try {
    res = await fetchFn(url, { method: 'POST', body: form, credentials: 'same-origin', headers: csrfHeaders() })
  } catch (cause) {
    throw new ApiError('network', `POST ${url}: the server cannot be reached`, 0, url, null, { cause })
  }
  const text = await res.text()
  const json = text ? (JSON.parse(text) as unknown) : null
  if (!res.ok) {
    if (isProblemDetails(json)) throw new ApiError('problem', formatProblem(json, res.status), res.status, url, json)
    throw new ApiError('http', `POST ${url}: HTTP ${res.status}`, res.status, url)
  }
  const list = (Array.isArray(json) ? json : [json]) as { id: string }[]
  return list.map((p) => p.id)
}
