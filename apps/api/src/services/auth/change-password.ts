import { passwordIssues } from '@hanjiang/shared'
import { findUserById, revokeUserSessions, updateUser } from '../../db/repositories/accounts.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { hashPassword, verifyPassword } from '../../auth/crypto.ts'
import { recordAudit } from '../audit/record.ts'

/** The user's own password change: current password checked, rules applied, other sessions ended. */
export async function changePassword({
  database,
  actor,
  currentPassword,
  newPassword,
}: {
  database: Database
  actor: Actor
  currentPassword: string
  newPassword: string
}): Promise<void> {
  const user = await findUserById(database, actor.userId!)
  if (!user) throw problems.unauthenticated()
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(database, actor, { action: 'auth.password_change_failed', objectType: 'user', objectId: user.id })
    throw problems.unprocessable('wrong_password', 'The current password is wrong.', {
      errors: [{ path: 'currentPassword', message: 'wrong password' }],
    })
  }
  const issues = passwordIssues(newPassword, { username: user.username, current: currentPassword })
  if (issues.length) {
    throw problems.unprocessable('password_rules', `The new password ${issues.map((i) => i.message).join('; ')}.`, {
      errors: issues.map((i) => ({ path: 'newPassword', message: i.message, code: i.code })),
    })
  }
  const passwordHash = await hashPassword(newPassword)
  await database.db.transaction(async (tx) => {
    await updateUser(database, user.id, { passwordHash, mustChangePassword: false }, tx)
    // Other sessions (perhaps someone who knew the old password) end; this one goes on.
    await revokeUserSessions(database, user.id, { exceptHash: actor.sessionHash }, tx)
    await recordAudit(database, actor, { action: 'auth.password_change', objectType: 'user', objectId: user.id }, tx)
  })
}
