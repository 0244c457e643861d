import type { NotificationReaderScope } from '../../db/repositories/notifications.ts'
import type { WorkActor } from '../../http/work-actor.ts'

/** Whose bell: the caller's id, role, unit and areas. */
export const readerOf = (a: WorkActor): NotificationReaderScope => ({
  userId: a.id,
  role: a.role,
  unitCode: a.unitCode,
  areaPrefixes: a.areaPrefixes,
})
