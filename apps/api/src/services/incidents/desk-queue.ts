import type { DeskQueuePage } from '@hanjiang/shared/contract'
import { DESK_PAGE_SIZE, DESK_STATES } from '@hanjiang/shared'
import { countDeskQueue, listDeskQueue, type DeskKey } from '../../db/repositories/desk-queue.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { reference } from '../assignment/reference-cache.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { cursorCode, cursorInt, keysetCursor } from './keyset-cursor.ts'
import { incidentListItem, type IncidentListItem } from './view.ts'

const deskCursor = keysetCursor({
  tag: 'd1',
  fields: [cursorInt(2), cursorInt(), cursorInt(), cursorCode()],
  toTuple: (k: DeskKey) => [k.rank, k.dueMs, k.createdMs, k.code],
  fromTuple: ([rank, dueMs, createdMs, code]) => ({ rank, dueMs, createdMs, code }),
  what: 'desk-queue',
})

export type { DeskQueuePage }

/**
 * GET /api/dispatch/queue: one page of the desk's queue (reported, registered, returned) in urgency / time-left
 * order, with the counts. `limit` 0 answers the counts only (the desk re-counts after live events).
 */
export async function deskQueue({
  database,
  actor,
  input,
}: {
  database: Database
  actor: Actor
  input: { cursor?: string; limit?: number }
}): Promise<DeskQueuePage> {
  const limit = input.limit ?? DESK_PAGE_SIZE
  const after = input.cursor ? deskCursor.decode(input.cursor) : undefined
  const filter = { states: DESK_STATES, scope: incidentRowScope(actor) }
  const [rows, counts, ref] = await Promise.all([
    limit > 0 ? listDeskQueue(database, { ...filter, after, limit: limit + 1 }) : Promise.resolve([]),
    countDeskQueue(database, filter),
    reference(database),
  ])
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => incidentListItem(r.record, ref)),
    nextCursor: rows.length > limit ? deskCursor.encode(page[page.length - 1]!.key) : null,
    ...counts,
  }
}
