import { markAudited } from '../../auth/audit-writes.ts'
import { insertAudit } from '../../db/repositories/audit.ts'
import type { AppDb, Database } from '../../db/types.ts'
import { rolesOf, type Actor } from '../../http/actor.ts'

export interface AuditEvent {
  /** Dotted verb, e.g. `auth.login`, `incident.dispatch`, `incident.reveal`, `user.create`. */
  action: string
  objectType?: string | null
  objectId?: string | number | null
  detail?: unknown
}

/**
 * One audit row for what `actor` did. Pass the transaction of the change itself so the row and the change
 * commit or roll back together (nothing half-written).
 */
export async function recordAudit(database: Database, actor: Actor | null, e: AuditEvent, tx?: AppDb): Promise<void> {
  markAudited()
  await insertAudit(
    database,
    {
      actorId: actor?.userId ?? null,
      actorUsername: actor?.userId || actor?.apiKey ? actor.id : null,
      role: actor ? rolesOf(actor).join(',') : null,
      action: e.action,
      objectType: e.objectType ?? null,
      objectId: e.objectId == null ? null : String(e.objectId),
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent ?? null,
      detail: e.detail ?? null,
    },
    tx,
  )
}
