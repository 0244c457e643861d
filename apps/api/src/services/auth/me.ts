import { permissionsOf, USER_ROLES, type RegionLevel, type UserRole } from '@hanjiang/shared'
import type { Me } from '@hanjiang/shared/contract'
import type { UserRecord } from '../../db/repositories/accounts.ts'

/** `Me` of the auth contract: its shape is the wire contract (packages/shared/src/contract). */
export type { Me }

export interface AdminUser extends Omit<Me, 'permissions'> {
  disabled: boolean
  lastLoginAt: string | null
  createdAt: string
}

const ordered = (roles: readonly UserRole[]) => USER_ROLES.filter((r) => roles.includes(r))

export function meView(u: UserRecord): Me {
  const roles = ordered(u.roles)
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    unit: { code: u.unitCode, name: u.unitName },
    roles,
    areas: u.areas.map((a) => ({ code: a.code, name: a.name, level: a.level as RegionLevel })),
    mustChangePassword: u.mustChangePassword,
    // A pending password change allows nothing else, so the app shows nothing else.
    permissions: u.mustChangePassword ? [] : permissionsOf(roles),
  }
}

export function adminUserView(u: UserRecord): AdminUser {
  const { permissions: _p, ...me } = meView(u)
  return {
    ...me,
    mustChangePassword: u.mustChangePassword,
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }
}
