import { api, type ApiClient } from './client.ts'

/** Types and endpoints of the auth contract (notes/auth-contract.md): sign-in, users, units, audit log. */

export const ROLES = [
  'admin',
  'dispatcher',
  'inspector',
  'grid_admin',
  'handler',
  'unit_supervisor',
  'efficiency_office',
  'viewer',
] as const
export type Role = (typeof ROLES)[number]

export interface AreaRef {
  code: string
  name: string
  level: string
}

export interface Me {
  id: string
  username: string
  displayName: string
  unit: { code: string; name: string }
  roles: Role[]
  areas: AreaRef[]
  mustChangePassword: boolean
  permissions: string[]
}

export interface Session {
  user: Me
  csrfToken: string | null
}

export interface AdminUser extends Omit<Me, 'permissions'> {
  disabled: boolean
  lastLoginAt: string | null
  createdAt: string
}

export interface AdminUnit {
  code: string
  name: string
  nameEn: string
  kind: string
  parentCode: string | null
  regionCode: string | null
  active: boolean
}
export const UNIT_KINDS = ['command', 'supervision', 'department', 'utility', 'street_office', 'section'] as const

export interface AuditEntry {
  id: number
  at: string
  actor: { id: string; username: string } | null
  role: string | null
  action: string
  objectType: string | null
  objectId: string | null
  ip: string | null
  userAgent: string | null
  detail: unknown
}

export interface AuditPage {
  items: AuditEntry[]
  nextBefore: number | null
}

export interface AuditQuery {
  actor?: string
  action?: string
  objectType?: string
  objectId?: string
  from?: string
  to?: string
  before?: number
  limit?: number
}

export interface UserQuery {
  q?: string
  unit?: string
  role?: string
}

export interface NewUser {
  username: string
  displayName: string
  unitCode: string
  roles: Role[]
  areaCodes: string[]
  password: string
}

/** One client address the sign-in throttle holds (`GET /api/admin/sign-in-throttle`); times +08:00. */
export interface ThrottledAddress {
  /** An IPv4 address or an IPv6 /64. */
  address: string
  failures: number
  throttled: boolean
  windowStart: string
  windowEndsAt: string
}

export interface SignInThrottleList {
  maxFailures: number
  windowMinutes: number
  items: ThrottledAddress[]
}

export type UserPatch = Partial<Omit<NewUser, 'username'> & { disabled: boolean }>

const blank = (v: string | undefined) => (v ? v : undefined)

export function authEndpoints(client: ApiClient = api) {
  return {
    me: () => client.get<Session>('/api/auth/me', { timeoutMs: 15_000 }),
    login: (username: string, password: string) =>
      client.request<Session>('/api/auth/login', { method: 'POST', body: { username, password } }),
    logout: () => client.request<void>('/api/auth/logout', { method: 'POST' }),
    changePassword: (currentPassword: string, newPassword: string) =>
      client.request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),

    users: (q: UserQuery = {}, signal?: AbortSignal) =>
      client.get<{ items: AdminUser[] }>('/api/admin/users', {
        query: { q: blank(q.q?.trim()), unit: blank(q.unit), role: blank(q.role) },
        signal,
      }),
    createUser: (u: NewUser) => client.request<AdminUser>('/api/admin/users', { method: 'POST', body: u }),
    updateUser: (id: string, patch: UserPatch) =>
      client.request<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    revokeSessions: (id: string) =>
      client.request<{ revoked: number }>(`/api/admin/users/${encodeURIComponent(id)}/revoke-sessions`, { method: 'POST' }),

    signInThrottle: (signal?: AbortSignal) => client.get<SignInThrottleList>('/api/admin/sign-in-throttle', { signal }),
    clearSignInThrottle: (address: string) =>
      client.request<void>(`/api/admin/sign-in-throttle/${encodeURIComponent(address)}`, { method: 'DELETE' }),

    units: () => client.get<{ items: AdminUnit[] }>('/api/admin/units'),
    createUnit: (u: AdminUnit) => client.request<AdminUnit>('/api/admin/units', { method: 'POST', body: u }),
    updateUnit: (code: string, patch: Partial<Omit<AdminUnit, 'code'>>) =>
      client.request<AdminUnit>(`/api/admin/units/${encodeURIComponent(code)}`, { method: 'PATCH', body: patch }),

    audit: (q: AuditQuery, signal?: AbortSignal) =>
      client.get<AuditPage>('/api/audit', {
        query: {
          actor: blank(q.actor?.trim()),
          action: blank(q.action?.trim()),
          objectType: blank(q.objectType?.trim()),
          objectId: blank(q.objectId?.trim()),
          from: blank(q.from),
          to: blank(q.to),
          before: q.before,
          limit: q.limit ?? 50,
        },
        signal,
      }),
  }
}

export type AuthEndpoints = ReturnType<typeof authEndpoints>
