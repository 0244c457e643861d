import type { IncidentPatch } from '@hanjiang/shared'
import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** Columns a transition may set. `null` clears; `undefined` leaves as is. */
// What a step changes is defined with the workflow's plans (packages/shared/src/workflow/plan.ts).
export type { IncidentPatch }

const PATCH_COLUMNS: Record<Exclude<keyof IncidentPatch, 'incrementRework' | 'incrementReopen'>, [string, string]> = {
  state: ['state', 'text'],
  track: ['track', 'text'],
  requestType: ['request_type', 'text'],
  safetyHazard: ['safety_hazard', 'boolean'],
  unitCode: ['unit_code', 'text'],
  firstUnitCode: ['first_unit_code', 'text'],
  hazardMarked: ['hazard_marked', 'boolean'],
  extensionPending: ['extension_pending', 'boolean'],
  extensionDueAt: ['extension_due_at', 'timestamptz'],
  extensionReason: ['extension_reason', 'text'],
  primaryId: ['primary_id', 'bigint'],
  escalationLevel: ['escalation_level', 'int'],
  dispatchBy: ['dispatch_by', 'timestamptz'],
  arriveBy: ['arrive_by', 'timestamptz'],
  handleBy: ['handle_by', 'timestamptz'],
  resolveBy: ['resolve_by', 'timestamptz'],
  ownershipBy: ['ownership_by', 'timestamptz'],
  callbackAt: ['callback_at', 'timestamptz'],
  overdueAt: ['overdue_at', 'timestamptz'],
  registeredAt: ['registered_at', 'timestamptz'],
  dispatchedAt: ['dispatched_at', 'timestamptz'],
  acceptedAt: ['accepted_at', 'timestamptz'],
  arrivedAt: ['arrived_at', 'timestamptz'],
  resolvedAt: ['resolved_at', 'timestamptz'],
  closedAt: ['closed_at', 'timestamptz'],
  fineClass: ['fine_class', 'text'],
  suggestedUnitCode: ['suggested_unit_code', 'text'],
  needsReview: ['needs_review', 'boolean'],
  assignment: ['assignment', 'jsonb'],
}

/**
 * The optimistic-locking update: applies `patch`, bumps `version`, stamps `updated_at` — only if the
 * row still has `version`. Returns the new version, or null when someone else changed it first.
 */
export async function updateIncidentVersioned(
  database: Database,
  tx: AppDb,
  id: number,
  version: number,
  patch: IncidentPatch,
  at: Date,
): Promise<number | null> {
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${at.toISOString()}::timestamptz`]
  for (const [key, [column, type]] of Object.entries(PATCH_COLUMNS)) {
    const v = patch[key as keyof typeof PATCH_COLUMNS]
    if (v === undefined) continue
    const value = v instanceof Date ? v.toISOString() : type === 'jsonb' ? JSON.stringify(v) : v
    sets.push(sql`${sql.raw(column)} = ${value}::${sql.raw(type)}`)
  }
  if (patch.incrementRework) sets.push(sql`rework_count = rework_count + 1`)
  if (patch.incrementReopen) sets.push(sql`reopen_count = reopen_count + 1`)
  const rows = await database.rows<{ version: number }>(
    sql`UPDATE incident SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING version`,
    tx,
  )
  return rows[0] ? Number(rows[0].version) : null
}
