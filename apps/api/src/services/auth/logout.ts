import { revokeSession } from '../../db/repositories/accounts.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { recordAudit } from '../audit/record.ts'

/** Ends the caller's session (API tokens have none to end). */
export async function logout({ database, actor }: { database: Database; actor: Actor }): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (actor.sessionHash) await revokeSession(database, actor.sessionHash, tx)
    await recordAudit(database, actor, { action: 'auth.logout', objectType: 'user', objectId: actor.userId }, tx)
  })
}
