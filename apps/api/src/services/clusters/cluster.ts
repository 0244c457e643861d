import { clusterReportCount, isClusterFlagged } from '@hanjiang/shared'
import { findCluster, type ClusterIncident, type ClusterMember } from '../../db/repositories/clusters.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { incidentRowScope, requireIncidentInScope } from '../auth/scope.ts'

export interface ClusterView {
  /** The code asked for (a member's code leads to its cluster). */
  requestedCode: string
  primary: ClusterIncident
  members: ClusterMember[]
  memberCount: number
  /** Primary + members: the reporters the primary's rectification answers. */
  reportCount: number
  /** R9: reportCount ≥ flagMinReports — a problem many people report, for the center's attention. */
  flagged: boolean
  flagMinReports: number
}

/** A cluster (一诉一整改): the primary, which carries the rectification, and its members. 404 incident_not_found. */
export async function clusterOf(database: Database, code: string, flagMinReports: number, actor?: Actor): Promise<ClusterView> {
  // Scoped callers: the requested incident must be theirs, and members are listed only within their scope.
  if (actor) await requireIncidentInScope(database, actor, code)
  const rows = await findCluster(database, code, actor ? incidentRowScope(actor) : null)
  if (!rows) throw problems.notFound('incident', `No incident with code ${code}`)
  const memberCount = rows.members.length
  return {
    requestedCode: rows.requestedCode,
    primary: rows.primary,
    members: rows.members,
    memberCount,
    reportCount: clusterReportCount(memberCount),
    flagged: isClusterFlagged(memberCount, flagMinReports),
    flagMinReports,
  }
}
