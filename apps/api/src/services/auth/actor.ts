import { USER_ROLES, type UserRole } from '@hanjiang/shared'
import type { UserRecord } from '../../db/repositories/accounts.ts'
import type { Actor } from '../../http/actor.ts'

/** The actor of a signed-in user: roles in USER_ROLES order (the first is the primary one). */
export function actorOfUser(u: UserRecord, extra: Pick<Actor, 'ip' | 'userAgent' | 'sessionHash' | 'csrfToken'> = {}): Actor {
  const roles = USER_ROLES.filter((r) => u.roles.includes(r)) as UserRole[]
  return {
    id: u.username,
    role: roles[0] ?? 'viewer',
    roles,
    userId: u.id,
    displayName: u.displayName,
    unitCode: u.unitCode,
    areaPrefixes: u.areas.map((a) => a.prefix),
    mustChangePassword: u.mustChangePassword,
    ...extra,
  }
}
