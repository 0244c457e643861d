import { listColleagues } from '../../db/repositories/workbench.ts'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'

export interface ColleagueView {
  username: string
  displayName: string
  roles: string[]
  /** The caller (a handler may take the work themself). */
  me: boolean
}

/**
 * The colleagues work can be handed to: the enabled handlers and supervisors of the caller's
 * own unit — never another unit's, whatever is asked. The picker searches them by name on the device.
 */
export async function unitColleagues(database: Database, actor: WorkActor, unitCode: string): Promise<{ unitCode: string; colleagues: ColleagueView[] }> {
  const rows = await listColleagues(database, unitCode)
  return { unitCode, colleagues: rows.map((r) => ({ ...r, me: r.username === actor.id })) }
}
