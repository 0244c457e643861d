import { api, type ApiClient } from './client.ts'
import type { JsonBody, Schemas } from './contract.ts'

/** API keys of units for external systems (`/api/admin/api-keys`); times are ISO-8601 with +08:00. */

export const API_SCOPES = ['open311:write', 'incidents:read'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export type ApiKey = Schemas['ApiKey']
/** The answer that issues a key: the only time the key itself is sent. */
export type IssuedApiKey = Schemas['IssuedApiKey']
export type NewApiKey = JsonBody<'/api/admin/api-keys', 'post'>

export function apiKeyEndpoints(client: ApiClient = api) {
  return {
    list: (signal?: AbortSignal) => client.get<{ items: ApiKey[] }>('/api/admin/api-keys', { signal }),
    create: (k: NewApiKey) => client.request<IssuedApiKey>('/api/admin/api-keys', { method: 'POST', body: k }),
    revoke: (id: string) => client.request<ApiKey>(`/api/admin/api-keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    rotate: (id: string) => client.request<IssuedApiKey>(`/api/admin/api-keys/${encodeURIComponent(id)}/rotate`, { method: 'POST' }),
  }
}
