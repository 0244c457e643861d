import { api, type ApiClient } from './client.ts'
import type { JsonBody, QueryOf, Schemas } from './contract.ts'

/** Types and endpoints of the auth contract (notes/auth-contract.md): sign-in, users, units, audit log. */

/** The roles (packages/shared); `ROLES` is the name the screens use. */
export { USER_ROLES as ROLES, UNIT_KINDS, type UserRole as Role } from '@hanjiang/shared'
import type { UserRole as Role } from '@hanjiang/shared'

/** The signed-in user and the session (`GET /api/auth/me`, `POST /api/auth/login`). */
export type Me = Schemas['Me']
export type AreaRef = Me['areas'][number]
export type Session = Schemas['Session']
/** A row of `GET /api/admin/units`. */
export type AdminUnit = Schemas['UnitRow']

// Answers the API does not describe yet (their routes answer `anyJson`): hand-typed until they get a schema.
export interface AdminUser extends Omit<Me, 'permissions'> {
  disabled: boolean
  lastLoginAt: string | null
  createdAt: string
}

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

export type AuditQuery = QueryOf<'/api/audit', 'get'>

/** The users filter; an empty role or unit means any. */
export type UserQuery = Omit<QueryOf<'/api/admin/users', 'get'>, 'role'> & { role?: Role | '' }

export type NewUser = JsonBody<'/api/admin/users', 'post'>

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

export type UserPatch = JsonBody<'/api/admin/users/{id}', 'patch'>

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
    createUnit: (u: JsonBody<'/api/admin/units', 'post'>) => client.request<AdminUnit>('/api/admin/units', { method: 'POST', body: u }),
    updateUnit: (code: string, patch: JsonBody<'/api/admin/units/{code}', 'patch'>) =>
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
