import { CLUSTER_CLOSED_ACTION, clusterClosedMessage, type WorkflowAction } from '@hanjiang/shared'
import { answerClusterMembers, latestAfterPhotos } from '../../db/repositories/clusters.ts'
import type { AppDb, Database } from '../../db/types.ts'

export interface ClosedPrimary {
  id: number
  code: string
  /** The transition that closed it (verifyPass, close, answerAndClose, selfResolve). */
  action: WorkflowAction
  actor: string
  actorRole: string
  /** Its closing note (the answer), if any. */
  note: string | null
  at: Date
}

/**
 * R9 一诉一整改 "closing it answers every reporter": called inside the transaction that closes a primary, so the
 * close and the members' answers commit together or not at all. Each member still `merged` (a final state,
 * docs/DOMAIN.md §5) gets one event `primaryClosed` carrying the primary's code, closing note and after-photos — its
 * public timeline shows it and the photos, and the trigger of migration 0016 rings its unit's bell (the command
 * center's, for members that never had a unit). Returns the members answered.
 */
export async function answerMembers(database: Database, tx: AppDb, p: ClosedPrimary): Promise<string[]> {
  const photos = await latestAfterPhotos(database, tx, p.id)
  return answerClusterMembers(database, tx, p.id, p.at, {
    action: CLUSTER_CLOSED_ACTION,
    actor: p.actor,
    actorRole: p.actorRole,
    note: p.note,
    photos: photos.length ? photos : null,
    data: {
      rule: 'R9',
      primaryCode: p.code,
      primaryAction: p.action,
      closedAt: p.at.toISOString(),
      message: clusterClosedMessage(p.code),
    },
  })
}
