import { CLUSTER_REOPENED_ACTION, clusterReopenedMessage } from '@hanjiang/shared'
import { answerClusterMembers } from '../../db/repositories/clusters.ts'
import type { AppDb, Database } from '../../db/types.ts'

export interface ReopenedPrimary {
  id: number
  code: string
  actor: string
  actorRole: string
  /** Why it was reopened (the workflow's reason, e.g. the callback's "not satisfied" note). */
  reason: string | null
  /** What reopened it: the workflow's action, a seat's "not satisfied" callback, or the reporter's own rating. */
  via: 'workflow' | 'callback' | 'rating'
  at: Date
}

/**
 * R9, the other way round: closing the primary answered every member (answer-members.ts), so reopening it —
 * after a bad callback — withdraws that answer. Called inside the reopening transaction: each member still
 * `merged` gets one event `primaryReopened` (its timeline, the public step `cluster_reopened`, and the bell of
 * migration 0020, addressed like the closure's), committed with the reopen or not at all. The next closing
 * answers the members again. Returns the members told.
 */
export async function tellMembersReopened(database: Database, tx: AppDb, p: ReopenedPrimary): Promise<string[]> {
  return answerClusterMembers(database, tx, p.id, p.at, {
    action: CLUSTER_REOPENED_ACTION,
    actor: p.actor,
    actorRole: p.actorRole,
    note: p.reason,
    photos: null,
    data: {
      rule: 'R9',
      primaryCode: p.code,
      primaryAction: 'reopen',
      via: p.via,
      reopenedAt: p.at.toISOString(),
      message: clusterReopenedMessage(p.code),
    },
  })
}
