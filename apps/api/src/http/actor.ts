import type { Context } from 'hono'
import type { ActorRole, UserRole } from '@hanjiang/shared'

/**
 * Who is acting: a signed-in user (from the session or an API token, set by the authorization middleware),
 * the timer worker (`system`) or an anonymous citizen (`public`).
 */
export interface Actor {
  /** The name written into incident event logs: the username, `timer-worker`, or `public`. */
  id: string
  /** The primary role (first held); workflow checks use {@link actingRole} since users may hold several. */
  role: ActorRole
  /** Every role held (defaults to `[role]`): read through {@link rolesOf}. */
  roles?: readonly ActorRole[]
  /** Signed-in users only. */
  userId?: string
  displayName?: string
  unitCode?: string | null
  /** Region-code prefixes of the user's areas (inspector, grid_admin). */
  areaPrefixes?: readonly string[]
  /** Where the request came from, for audit rows. */
  ip?: string | null
  userAgent?: string | null
  /** Hash of the cookie session id (absent for API tokens). */
  sessionHash?: string
  /** Cookie sessions: the token unsafe requests echo in X-CSRF-Token. */
  csrfToken?: string
  mustChangePassword?: boolean
  /** Requests made with a unit's API key (services/api-keys/actor.ts): which key, what it may do. */
  apiKey?: { id: string; name: string; scopes: readonly string[]; rateLimitPerMinute: number }
}

declare module 'hono' {
  interface ContextVariableMap {
    actor: Actor
  }
}

export const PUBLIC_ACTOR: Actor = { id: 'public', role: 'public', roles: ['public'] }

/** The request's actor (the middleware always sets one: a user on signed-in routes, PUBLIC_ACTOR on public ones). */
export function actorOf(c: Context): Actor {
  return c.get('actor') ?? PUBLIC_ACTOR
}

/** The first of the actor's roles that `allowed` lists, else the primary role (which the check then refuses). */
export function actingRole(actor: Actor, allowed: readonly ActorRole[]): ActorRole {
  return rolesOf(actor).find((r) => allowed.includes(r)) ?? actor.role
}

export const rolesOf = (actor: Actor): readonly ActorRole[] => actor.roles ?? [actor.role]

export const userRoles = (actor: Actor): UserRole[] => rolesOf(actor).filter((r): r is UserRole => r !== 'system' && r !== 'public')

