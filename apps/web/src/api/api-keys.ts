import { api, type ApiClient } from './client.ts'

/** API keys of units for external systems (`/api/admin/api-keys`); times are ISO-8601 with +08:00. */

export const API_SCOPES = ['open311:write', 'incidents:read'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export interface ApiKey {
  id: string
  name: string
  unit: { code: string; name: string }
  scopes: string[]
  rateLimitPerMinute: number
  /** The first characters of the key: enough to recognise it, not to use it. */
  prefix: string | null
  useCount: number
  createdBy: string | null
  replacesId: string | null
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedAt: string | null
  active: boolean
}

/** The answer that issues a key: the only time the key itself is sent. */
export interface IssuedApiKey extends ApiKey {
  key: string
}

export interface NewApiKey {
  name: string
  unitCode: string
  scopes: ApiScope[]
  rateLimitPerMinute: number
  expiresAt?: string | null
}

export function apiKeyEndpoints(client: ApiClient = api) {
  return {
    list: (signal?: AbortSignal) => client.get<{ items: ApiKey[] }>('/api/admin/api-keys', { signal }),
    create: (k: NewApiKey) => client.request<IssuedApiKey>('/api/admin/api-keys', { method: 'POST', body: k }),
    revoke: (id: string) => client.request<ApiKey>(`/api/admin/api-keys/${encodeURIComponent(id)}/revoke`, { method: 'POST' }),
    rotate: (id: string) => client.request<IssuedApiKey>(`/api/admin/api-keys/${encodeURIComponent(id)}/rotate`, { method: 'POST' }),
  }
}
