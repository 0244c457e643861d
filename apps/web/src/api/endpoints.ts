import type { RegionLevel } from '@hanjiang/shared'
import { api, type ApiClient } from './client.ts'
import type {
  AppConfig,
  AreaCollection,
  AssignQuery,
  AssignmentResult,
  Health,
  RegionCollection,
  RegionDetail,
  RegionLabelCollection,
} from './types.ts'

/** The typed endpoints of the API contract; each takes an optional client so tests can inject one. */
export function endpoints(client: ApiClient = api) {
  return {
    health: (signal?: AbortSignal) => client.get<Health>('/api/health', { signal, timeoutMs: 10_000 }),
    // The map waits for the configuration (it may name a basemap): never for long.
    config: (signal?: AbortSignal) => client.get<AppConfig>('/api/config', { signal, timeoutMs: 10_000 }),
    regions: (level: RegionLevel, signal?: AbortSignal) =>
      client.get<RegionCollection>('/api/regions', { query: { level }, signal, timeoutMs: 120_000 }),
    regionLabels: (level: RegionLevel, signal?: AbortSignal) =>
      client.get<RegionLabelCollection>('/api/regions/labels', { query: { level }, signal, timeoutMs: 60_000 }),
    region: (code: string, signal?: AbortSignal) =>
      client.get<RegionDetail>(`/api/regions/${encodeURIComponent(code)}`, { signal }),
    /** Who owns a point for a fine class (none = "no class"), with the explanation. */
    assign: (q: AssignQuery, signal?: AbortSignal) =>
      client.get<AssignmentResult>('/api/assign', {
        query: { lng: q.lng, lat: q.lat, crs: q.crs ?? 'wgs84', fineClass: q.fineClass || undefined, at: q.at },
        signal,
        timeoutMs: 20_000,
      }),
    /** Active responsibility areas as GeoJSON. */
    areas: (signal?: AbortSignal) => client.get<AreaCollection>('/api/areas', { signal, timeoutMs: 60_000 }),
  }
}

export type Endpoints = ReturnType<typeof endpoints>
