import { USER_ROLES, type ActorRole } from '@hanjiang/shared'
import { problems } from './problem.ts'

/** Who is acting: a user (id + role), the timer worker (`system`) or an anonymous citizen (`public`). */
export interface Actor {
  id: string
  role: ActorRole
}

/** Roles a caller may claim over HTTP: signed-in roles and `public`; `system` is the in-process worker only. */
const HTTP_ROLES: readonly ActorRole[] = [...USER_ROLES, 'public']

export const DEFAULT_ACTOR: Actor = { id: 'dispatcher-seat', role: 'dispatcher' }

/**
 * TODO(auth): placeholder until the accounts issue lands — the caller names itself with `X-Actor` and
 * `X-Actor-Role` (default: a dispatcher seat). The authorization layer will replace this with the session.
 */
export function actorFromHeaders(header: (name: string) => string | undefined): Actor {
  const id = header('x-actor')?.trim() || DEFAULT_ACTOR.id
  const role = header('x-actor-role')?.trim() || DEFAULT_ACTOR.role
  if (id.length > 100) throw problems.validation('X-Actor is at most 100 characters', [{ path: 'X-Actor', message: 'at most 100 characters' }])
  if (!HTTP_ROLES.includes(role as ActorRole)) {
    throw problems.validation(`X-Actor-Role must be one of ${HTTP_ROLES.join(', ')}`, [
      { path: 'X-Actor-Role', message: `unknown role ${JSON.stringify(role)}` },
    ])
  }
  return { id, role: role as ActorRole }
}
