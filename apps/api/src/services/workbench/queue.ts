import { allowedActions, formatShanghai, type IncidentState } from '@hanjiang/shared'
import { listWorkItems, type WorkItemRecord } from '../../db/repositories/workbench.ts'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'
import { reference, type Reference } from '../assignment/reference-cache.ts'
import { factsOf, incidentListItem } from '../incidents/view.ts'

/** The unit's work: what it must act on now. */
export const QUEUE_STATES = ['dispatched', 'accepted', 'on_site'] as const
/** The ledger (台账): open items until closed out, including those resolved and waiting for verification. */
export const LEDGER_STATES = ['dispatched', 'accepted', 'on_site', 'resolved'] as const

export function workItemView(r: WorkItemRecord, ref: Reference, actor: WorkActor) {
  const unitName = (code: string | null) => (code ? (ref.units.get(code)?.name ?? code) : null)
  return Object.assign(incidentListItem(r, ref), {
    hazardMarked: r.hazardMarked,
    due: r.dueAt ? { kind: r.dueKind, at: formatShanghai(r.dueAt), iso: r.dueAt.toISOString() } : null,
    overdue: r.overdue,
    section: r.sectionCode ? { code: r.sectionCode, name: unitName(r.sectionCode) } : null,
    assignee: r.assignee,
    assigneeName: r.assignee ? (r.assigneeName ?? r.assignee) : null,
    dispatchedAt: r.dispatchedAt ? formatShanghai(r.dispatchedAt) : null,
    extensionReason: r.extensionReason,
    allowedActions: allowedActions(r.state as IncidentState, actor.role, factsOf(r)),
  })
}

export type WorkItemView = ReturnType<typeof workItemView>

/**
 * The unit's queue by deadline, overdue first. A handler may narrow it to what is handed
 * to them (or to nobody in particular); a unit supervisor sees the whole unit with its sections.
 */
export async function unitQueue({
  database,
  actor,
  unitCode,
  mine,
  ledger = false,
  limit = 500,
}: {
  database: Database
  actor: WorkActor
  unitCode: string
  mine?: boolean
  ledger?: boolean
  limit?: number
}): Promise<{ unitCode: string; unit: { code: string; name: string; nameEn: string }; items: WorkItemView[]; generatedAt: string }> {
  const now = new Date()
  const [rows, ref] = await Promise.all([
    listWorkItems(database, {
      unitCode,
      states: ledger ? LEDGER_STATES : QUEUE_STATES,
      assignee: mine ? actor.id : undefined,
      now,
      limit,
    }),
    reference(database),
  ])
  const u = ref.units.get(unitCode)
  return {
    unitCode,
    unit: { code: unitCode, name: u?.name ?? unitCode, nameEn: u?.nameEn || u?.name || unitCode },
    items: rows.map((r) => workItemView(r, ref, actor)),
    generatedAt: formatShanghai(now),
  }
}
