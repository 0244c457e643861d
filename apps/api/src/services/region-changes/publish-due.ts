import { dueChangeSets, updateChangeSet } from '../../db/repositories/region-change-sets.ts'
import type { Database } from '../../db/types.ts'
import { Problem } from '../../http/problem.ts'
import { recordAudit } from '../audit/record.ts'
import { lockChangeSet } from './guard.ts'
import { publishInTransaction } from './publish.ts'

const SYSTEM = { id: 'system', role: 'system' as const }

/**
 * Publishes approved change sets whose effective-from has come (called by the timer worker's loop).
 * Each in its own transaction. One that no longer passes (a region changed meanwhile, a new overlap)
 * is not published half: it goes back to `rejected` with the reason as the decision comment, audited,
 * so its author can start again from the current map.
 */
export async function publishDueChangeSets(database: Database): Promise<{ published: number[]; refused: number[] }> {
  const published: number[] = []
  const refused: number[] = []
  for (const id of await dueChangeSets(database)) {
    try {
      await database.db.transaction(async (tx) => {
        const row = await lockChangeSet(database, tx, id, ['approved'], undefined, 'published')
        if (row.publishedAt) return
        await publishInTransaction(database, tx, SYSTEM, id, new Date(row.effectiveFrom!))
      })
      published.push(id)
    } catch (e) {
      if (!(e instanceof Problem)) throw e
      // Another process decided it meanwhile (published or refused): nothing left to do here.
      if (e.code === 'change_set_state') continue
      await database.db.transaction(async (tx) => {
        await updateChangeSet(database, tx, id, { state: 'rejected', decidedBy: 'system', decisionComment: `not published at its effective time: ${e.message}` })
        await recordAudit(database, SYSTEM, { action: 'region_change.publish_refused', objectType: 'region_change_set', objectId: id, detail: { code: e.code, detail: e.message } }, tx)
      })
      refused.push(id)
    }
  }
  return { published, refused }
}
