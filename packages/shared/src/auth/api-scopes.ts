import type { Permission } from './permissions.ts'

/**
 * What an API key issued to an external system may do. A key acts for its owner unit, never as a person:
 * `open311:write` posts service requests through the Open311 GeoReport v2 server (reads there are public);
 * `incidents:read` reads and exports the owner unit's incidents through /api (the command center's keys: all).
 */
export const API_SCOPES = ['open311:write', 'incidents:read'] as const
export type ApiScope = (typeof API_SCOPES)[number]

const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  'open311:write': [],
  'incidents:read': ['incident.read', 'incident.export'],
}

export const isApiScope = (v: unknown): v is ApiScope => (API_SCOPES as readonly unknown[]).includes(v)

/** The /api permissions a key's scopes grant (route rules check these; Open311 checks the scope itself). */
export function scopePermissions(scopes: readonly string[]): Permission[] {
  const out = new Set<Permission>()
  for (const s of scopes) if (isApiScope(s)) for (const p of SCOPE_PERMISSIONS[s]) out.add(p)
  return [...out]
}

/** Default per-minute request limit of a new key, and the bounds an administrator may set. */
export const API_KEY_RATE_DEFAULT = 60
export const API_KEY_RATE_MIN = 1
export const API_KEY_RATE_MAX = 100_000
