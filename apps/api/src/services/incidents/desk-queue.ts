import { DESK_PAGE_SIZE, DESK_STATES } from '@hanjiang/shared'
import { z } from 'zod'
import { countDeskQueue, listDeskQueue, type DeskKey } from '../../db/repositories/desk-queue.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { reference } from '../assignment/reference-cache.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { incidentListItem, type IncidentListItem } from './view.ts'

/**
 * The cursor is the whole sort key of the page's last row (not only its id): the next page starts right after
 * that position in the order, whatever arrived or changed in between.
 */
export const encodeDeskCursor = (k: DeskKey): string => Buffer.from(JSON.stringify(['d1', k.rank, k.dueMs, k.createdMs, k.code])).toString('base64url')

const cursorShape = z.tuple([
  z.literal('d1'),
  z.number().int().min(0).max(2),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(64),
])

export function decodeDeskCursor(cursor: string): DeskKey {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString())
  } catch {
    parsed = null
  }
  const r = cursorShape.safeParse(parsed)
  if (!r.success) throw problems.validation('cursor is not a desk-queue cursor this API gave out', [{ path: 'cursor', message: 'invalid cursor' }])
  const [, rank, dueMs, createdMs, code] = r.data
  return { rank, dueMs, createdMs, code }
}

export interface DeskQueuePage {
  items: IncidentListItem[]
  /** Null on the last page (and when counts only were asked for). */
  nextCursor: string | null
  /** Every incident waiting at the center in the caller's scope, and the urgent ones among them. */
  total: number
  urgent: number
}

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
  const after = input.cursor ? decodeDeskCursor(input.cursor) : undefined
  const filter = { states: DESK_STATES, scope: incidentRowScope(actor) }
  const [rows, counts, ref] = await Promise.all([
    limit > 0 ? listDeskQueue(database, { ...filter, after, limit: limit + 1 }) : Promise.resolve([]),
    countDeskQueue(database, filter),
    reference(database),
  ])
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => incidentListItem(r.record, ref)),
    nextCursor: rows.length > limit ? encodeDeskCursor(page[page.length - 1]!.key) : null,
    ...counts,
  }
}
