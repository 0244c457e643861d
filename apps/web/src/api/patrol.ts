import type { Crs } from '@hanjiang/shared/geo/crs'
import type { Feature, FeatureCollection, LineString, MultiPolygon } from 'geojson'
import type { Schemas } from './contract.ts'

/**
 * The patrol side of the API (apps/api/src/routes/patrol.ts, incidents.ts, photos.ts) as the patrol page and its
 * outbox use it: plain fetch, so a send can tell "no network" (retry) from "refused" (keep, show). Cookie sessions
 * echo the hj_csrf cookie in X-CSRF-Token on unsafe methods (notes/auth-contract.md).
 */

export type PatrolGridSummary = Schemas['PatrolGridSummary']
export type PatrolGrids = Schemas['PatrolGrids']

export interface Coverage {
  gridCode: string
  routeM: number
  coveredM: number
  ratio: number
  toleranceM: number
}

export interface PatrolGrid {
  code: string
  name: string
  day: string
  grid: Feature<MultiPolygon>
  route: Feature<LineString> | null
  tracks: FeatureCollection<LineString, { own: boolean; startedAt: string; endedAt: string }>
  coverage: Coverage | null
}

export type PhotoLink = Schemas['PhotoLink']
export type VerificationItem = Schemas['VerificationItem']

export interface IncidentBrief {
  code: string
  state: string
  version: number
}

/** An answer that is not 2xx: its status and, for problem documents, the problem's code and readable text. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly body: Record<string, unknown> | null,
  ) {
    super(message)
  }
}

export function csrfToken(cookie: string = typeof document === 'undefined' ? '' : document.cookie): string | null {
  const m = /(?:^|;\s*)hj_csrf=([^;]+)/.exec(cookie)
  return m ? decodeURIComponent(m[1]!) : null
}

export async function call<T>(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers }
  if (method !== 'GET') {
    const token = csrfToken()
    if (token) headers['x-csrf-token'] = token
  }
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  // fetch rejects (TypeError) without a network: the caller treats that as "try again later".
  const res = await fetch(path, { method, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body, credentials: 'same-origin' })
  const text = await res.text()
  let body: Record<string, unknown> | null
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : null
  } catch {
    body = null
  }
  if (!res.ok) {
    const detail = typeof body?.detail === 'string' ? body.detail : typeof body?.title === 'string' ? body.title : `HTTP ${res.status}`
    throw new HttpError(res.status, typeof body?.code === 'string' ? body.code : null, detail, body)
  }
  return body as T
}

export const patrolApi = {
  grids: (at?: { lng: number; lat: number; crs: Crs }) =>
    call<PatrolGrids>('GET', `/api/patrol/grids${at ? `?lng=${at.lng}&lat=${at.lat}&crs=${at.crs}` : ''}`),
  grid: (code: string, day?: string) => call<PatrolGrid>('GET', `/api/patrol/grids/${code}${day ? `?day=${day}` : ''}`),
  verifications: () => call<{ items: VerificationItem[] }>('GET', '/api/patrol/verifications'),
  me: () => call<{ user: { username: string; displayName: string; roles: string[]; areas: { code: string; name: string }[] } }>('GET', '/api/auth/me'),
  uploadPhoto: (blob: Blob, name: string) => {
    const form = new FormData()
    form.append('file', blob, name)
    return call<{ id: string; gps: { lng: number; lat: number } | null }>('POST', '/api/photos', { body: form })
  },
  createIncident: (key: string, body: Record<string, unknown>) =>
    call<IncidentBrief>('POST', '/api/incidents', { json: body, headers: { 'idempotency-key': key } }),
  incident: (code: string) => call<IncidentBrief>('GET', `/api/incidents/${code}`),
  events: (code: string) => call<{ events: { action: string; actor: string | null }[] }>('GET', `/api/incidents/${code}/events`),
  act: (code: string, action: string, body: Record<string, unknown>) =>
    call<IncidentBrief>('POST', `/api/incidents/${code}/actions/${action}`, { json: body }),
  uploadTrack: (body: { chunkId: string; crs: Crs; points: { lng: number; lat: number; t: string; accuracy?: number | null }[] }) =>
    call<{ created: boolean; keptPoints: number }>('POST', '/api/patrol/tracks', { json: body }),
}
