import { passwordIssues, regionPrefix, type RegionLevel, type UserRole } from '@hanjiang/shared'
import {
  findUserById, insertUser, listUsers, revokeUserSessions, setRolesAndAreas, updateUser, type UserFilter,
} from '../../db/repositories/accounts.ts'
import { findRegionLevels, findUnit } from '../../db/repositories/units.ts'
import type { AppDb, Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { hashPassword } from '../../auth/crypto.ts'
import { recordAudit } from '../audit/record.ts'
import { adminUserView, type AdminUser } from '../auth/me.ts'

/** The admin's verbs on users (auth contract): list, create, update (incl. grants, disable, reset), revoke sessions. */

export async function listUsersForAdmin(database: Database, f: UserFilter): Promise<AdminUser[]> {
  return (await listUsers(database, f)).map(adminUserView)
}

function checkPassword(password: string, username: string): void {
  const issues = passwordIssues(password, { username })
  if (issues.length) {
    throw problems.unprocessable('password_rules', `The password ${issues.map((i) => i.message).join('; ')}.`, {
      errors: issues.map((i) => ({ path: 'password', message: i.message, code: i.code })),
    })
  }
}

async function checkUnit(database: Database, code: string, tx?: AppDb): Promise<void> {
  if (!(await findUnit(database, code, tx))) {
    throw problems.unprocessable('unknown_unit', `Unknown unit ${code}`, { errors: [{ path: 'unitCode', message: `unknown unit ${code}` }] })
  }
}

async function areasOf(database: Database, codes: readonly string[], tx?: AppDb): Promise<{ code: string; prefix: string }[]> {
  const levels = await findRegionLevels(database, codes, tx)
  const missing = codes.filter((c) => !levels.has(c))
  if (missing.length) {
    throw problems.unprocessable('unknown_region', `Unknown region(s) ${missing.join(', ')}`, {
      errors: missing.map((c) => ({ path: 'areaCodes', message: `unknown region ${c}` })),
    })
  }
  return codes.map((code) => ({ code, prefix: regionPrefix(code, levels.get(code) as RegionLevel) }))
}

export interface CreateUserInput {
  username: string
  displayName: string
  unitCode: string
  roles: UserRole[]
  areaCodes: string[]
  password: string
}

/** New users must change the password the admin gave them at first sign-in. */
export async function createUser(database: Database, actor: Actor, input: CreateUserInput): Promise<AdminUser> {
  checkPassword(input.password, input.username)
  const passwordHash = await hashPassword(input.password)
  const id = await database.db.transaction(async (tx) => {
    await checkUnit(database, input.unitCode, tx)
    const areas = await areasOf(database, input.areaCodes, tx)
    const id = await insertUser(database, { ...input, passwordHash, mustChangePassword: true, areas }, tx)
    if (!id) throw problems.conflict('username_taken', `The user name ${input.username} is taken`)
    await recordAudit(database, actor, {
      action: 'user.create',
      objectType: 'user',
      objectId: id,
      detail: { username: input.username.toLowerCase(), unitCode: input.unitCode, roles: input.roles, areaCodes: input.areaCodes },
    }, tx)
    return id
  })
  return adminUserView((await findUserById(database, id))!)
}

export interface UpdateUserInput {
  displayName?: string
  unitCode?: string
  roles?: UserRole[]
  areaCodes?: string[]
  disabled?: boolean
  password?: string
}

/** A reset password must be changed at next sign-in; disabling, a reset or new grants end the user's sessions. */
export async function updateUserForAdmin(database: Database, actor: Actor, id: string, input: UpdateUserInput): Promise<AdminUser> {
  const user = await findUserById(database, id)
  if (!user) throw problems.notFound('user', `No user ${id}`)
  if (input.password !== undefined) checkPassword(input.password, user.username)
  if (actor.userId === id && (input.disabled === true || (input.roles && !input.roles.includes('admin')))) {
    throw problems.conflict('self_lockout', 'You cannot disable yourself or drop your own admin role')
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password)
  await database.db.transaction(async (tx) => {
    if (input.unitCode !== undefined) await checkUnit(database, input.unitCode, tx)
    const areas = input.areaCodes === undefined ? undefined : await areasOf(database, input.areaCodes, tx)
    await updateUser(database, id, {
      displayName: input.displayName,
      unitCode: input.unitCode,
      disabled: input.disabled,
      passwordHash,
      mustChangePassword: passwordHash ? true : undefined,
    }, tx)
    await setRolesAndAreas(database, id, input.roles, areas, tx)
    const revoked = input.disabled === true || passwordHash !== undefined || input.roles !== undefined || input.unitCode !== undefined || areas !== undefined
    if (revoked) await revokeUserSessions(database, id, {}, tx)
    const { password: _pw, ...shown } = input
    await recordAudit(database, actor, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      detail: { ...shown, ...(passwordHash ? { passwordReset: true } : {}), sessionsRevoked: revoked },
    }, tx)
  })
  return adminUserView((await findUserById(database, id))!)
}

export async function revokeSessionsForAdmin(database: Database, actor: Actor, id: string): Promise<number> {
  if (!(await findUserById(database, id))) throw problems.notFound('user', `No user ${id}`)
  return database.db.transaction(async (tx) => {
    const n = await revokeUserSessions(database, id, {}, tx)
    await recordAudit(database, actor, { action: 'user.revoke_sessions', objectType: 'user', objectId: id, detail: { sessions: n } }, tx)
    return n
  })
}
