import type { Bbox, IncidentMapView } from '@hanjiang/shared/incident-map/index'
import { api, type ApiClient } from './client.ts'

/**
 * The map and wall side of the API contract (apps/api/src/routes/{incident-map,wall}.ts): types as the server
 * sends them (times ISO-8601 with +08:00) and typed calls, each with an injectable client.
 */

/** The answer's contract lives in packages/shared (incident-map/view.ts), shared with the API. */
export type { IncidentMapView }

/** The filters every map screen offers. Empty = no restriction. */
export interface IncidentMapFilters {
  states: string[]
  fineClass: string | null
  unit: string | null
  street: string | null
  /** ISO-8601 instants with offset. */
  from: string | null
  to: string | null
}

export interface IncidentMapQuery extends IncidentMapFilters {
  bbox: Bbox
  zoom: number
}

export function mapQueryParams(q: IncidentMapQuery): Record<string, string | number | undefined> {
  return {
    bbox: q.bbox.join(','),
    zoom: Math.round(q.zoom * 100) / 100,
    state: q.states.length ? q.states.join(',') : undefined,
    fineClass: q.fineClass ?? undefined,
    unit: q.unit ?? undefined,
    street: q.street ?? undefined,
    from: q.from ?? undefined,
    to: q.to ?? undefined,
  }
}

type Named = { name: string; nameEn: string }

export interface WallStats {
  generatedAt: string
  day: string
  totals: { today: number; open: number; overdue: number; urgentOpen: number }
  intakeByChannel: { channel: string; count: number }[]
  byStreet: { code: string; name: string; open: number; overdue: number }[]
  onTime: { days: number; closed: number; onTime: number; rate: number | null }
  topClasses: { days: number; items: ({ code: string; count: number } & Named)[] }
  events: {
    id: number
    code: string
    action: string
    fromState: string | null
    toState: string | null
    at: string
    state: string
    track: string
    fineClass: string | null
    streetCode: string | null
    className: Named | null
  }[]
  urgent: {
    code: string
    state: string
    fineClass: string | null
    streetCode: string | null
    unitCode: string | null
    address: string | null
    createdAt: string
    dueAt: string | null
    overdue: boolean
    className: Named | null
    unitName: Named | null
  }[]
}

export function incidentMapEndpoints(client: ApiClient = api) {
  return {
    incidentMap: (q: IncidentMapQuery, signal?: AbortSignal) =>
      client.get<IncidentMapView>('/api/incidents/map', { query: mapQueryParams(q), signal, timeoutMs: 30_000 }),
    wallStats: (signal?: AbortSignal) => client.get<WallStats>('/api/wall/stats', { signal, timeoutMs: 30_000 }),
  }
}
