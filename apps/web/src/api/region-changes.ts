import { api, type ApiClient } from './client.ts'
import type { JsonAnswer, JsonBody, QueryOf, Schemas } from './contract.ts'
import type { RegionVersionCollection } from './types.ts'

/** The grid editor's change sets (docs/GRID-EDITOR.md); types generated from the API's OpenAPI document. */
export type ChangeSet = Schemas['RegionChangeSet']
export type ChangeSetSummary = Schemas['RegionChangeSetSummary']
export type ChangeImpact = JsonAnswer<'/api/region-changes/{id}/preview', 'post'>
export type ChangeItemInput = JsonBody<'/api/region-changes', 'post'>['items'] extends (infer I)[] | undefined ? I : never
export type ApproveBody = JsonBody<'/api/region-changes/{id}/approve', 'post'>
export type RegionDiff = JsonAnswer<'/api/regions/{code}/diff', 'get'>
type ListQuery = QueryOf<'/api/region-changes', 'get'>

const path = (id: number, tail = '') => `/api/region-changes/${encodeURIComponent(String(id))}${tail}`

export function regionChangeEndpoints(client: ApiClient = api) {
  return {
    list: (q: ListQuery = {}) => client.get<JsonAnswer<'/api/region-changes', 'get'>>('/api/region-changes', { query: q }),
    get: (id: number) => client.get<ChangeSet>(path(id)),
    create: (body: JsonBody<'/api/region-changes', 'post'>) => client.request<ChangeSet>('/api/region-changes', { method: 'POST', body }),
    setItems: (id: number, body: JsonBody<'/api/region-changes/{id}/items', 'put'>) =>
      client.request<ChangeSet>(path(id, '/items'), { method: 'PUT', body }),
    // Validation + impact of a re-tiling can take a moment on a big district.
    preview: (id: number) => client.request<ChangeImpact>(path(id, '/preview'), { method: 'POST', timeoutMs: 60_000 }),
    submit: (id: number, version: number) =>
      client.request<ChangeSet>(path(id, '/submit'), { method: 'POST', body: { version }, timeoutMs: 60_000 }),
    withdraw: (id: number, version: number) => client.request<ChangeSet>(path(id, '/withdraw'), { method: 'POST', body: { version } }),
    approve: (id: number, body: ApproveBody) => client.request<ChangeSet>(path(id, '/approve'), { method: 'POST', body, timeoutMs: 60_000 }),
    reject: (id: number, body: JsonBody<'/api/region-changes/{id}/reject', 'post'>) =>
      client.request<ChangeSet>(path(id, '/reject'), { method: 'POST', body }),
    versions: (code: string) => client.get<RegionVersionCollection>(`/api/regions/${encodeURIComponent(code)}/versions`),
    diff: (code: string, from: number, to: number) =>
      client.get<RegionDiff>(`/api/regions/${encodeURIComponent(code)}/diff`, { query: { from, to } }),
  }
}
