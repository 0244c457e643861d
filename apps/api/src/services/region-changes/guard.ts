import { changeSetRow, type ChangeSetRow, type ChangeSetState } from '../../db/repositories/region-change-sets.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'

/**
 * Locks a change set's row for a state change and checks it: it exists (404), is in one of `states`
 * (409 change_set_state) and, when the caller sent one, is still at `version` (409 version_conflict).
 */
export async function lockChangeSet(
  database: Database,
  tx: AppDb,
  id: number,
  states: ChangeSetState[],
  version: number | undefined,
  verb: string,
): Promise<ChangeSetRow> {
  const row = await changeSetRow(database, id, tx, true)
  if (!row) throw problems.notFound('change_set', `No change set ${id}`)
  if (!states.includes(row.state)) {
    throw problems.conflict('change_set_state', `change set ${id} is ${row.state}: only a ${states.join(' or ')} change set can be ${verb}`, { state: row.state, version: row.version })
  }
  if (version !== undefined && row.version !== version) {
    throw problems.conflict('version_conflict', `change set ${id} is at version ${row.version}, not ${version}: someone changed it meanwhile; reload and retry`, { state: row.state, version: row.version })
  }
  return row
}

/** Drafts are their author's (an admin may act on any). */
export function requireAuthor(actor: Actor, row: ChangeSetRow, verb: string): void {
  if (userRoles(actor).includes('admin') || row.createdBy === actor.id) return
  throw problems.forbidden('not_your_change_set', `change set ${row.id} was started by ${row.createdBy}: only they or an admin may ${verb} it`)
}
