import type { RegionLevel } from '@hanjiang/shared'
import { api, type ApiClient } from './client.ts'
import type { AppConfig, Health, RegionCollection, RegionDetail, RegionLabelCollection } from './types.ts'

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
  }
}

export type Endpoints = ReturnType<typeof endpoints>
