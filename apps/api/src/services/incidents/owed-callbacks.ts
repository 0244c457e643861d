import type { OwedCallbackItem, OwedCallbacksPage } from '@hanjiang/shared/contract'
import { DESK_PAGE_SIZE, formatShanghai } from '@hanjiang/shared'
import { listOwedCallbacks, type OwedCallbackKind, type OwedKey } from '../../db/repositories/owed-callbacks.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { reference } from '../assignment/reference-cache.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { cursorCode, cursorInt, keysetCursor } from './keyset-cursor.ts'
import { incidentListItem, type IncidentListItem } from './view.ts'

/** The cursor is the whole sort key of the page's last row, as the desk queue's (desk-queue.ts). */
const owedCursor = keysetCursor({
  tag: 'c1',
  fields: [cursorInt(1), cursorInt(), cursorCode()],
  toTuple: (k: OwedKey) => [k.rank, k.dueMs, k.code],
  fromTuple: ([rank, dueMs, code]) => ({ rank, dueMs, code }),
  what: 'callbacks',
})

export type { OwedCallbackItem }

export type { OwedCallbacksPage }

/**
 * GET /api/dispatch/queue?view=callbacks: one page of the callbacks the seats owe (R10 raised by the worker, or
 * a closed report whose reporter was not called back), R10 first, then the longest owed, with the counts.
 * `limit` 0 answers the counts only (the desk's tab badge).
 */
export async function owedCallbacks({
  database,
  actor,
  input,
}: {
  database: Database
  actor: Actor
  input: { cursor?: string; limit?: number }
}): Promise<OwedCallbacksPage> {
  const limit = input.limit ?? DESK_PAGE_SIZE
  const after = input.cursor ? owedCursor.decode(input.cursor) : undefined
  const [page, ref] = await Promise.all([
    listOwedCallbacks(database, { scope: incidentRowScope(actor), after, limit: limit > 0 ? limit + 1 : 0 }),
    reference(database),
  ])
  const rows = page.rows.slice(0, limit)
  return {
    items: rows.map((r) => Object.assign(incidentListItem(r.record, ref), { callback: { kind: r.kind, dueAt: formatShanghai(r.dueAt) } })),
    nextCursor: limit > 0 && page.rows.length > limit ? owedCursor.encode(rows[rows.length - 1]!.key) : null,
    total: page.total,
    urgent: page.r10,
  }
}
