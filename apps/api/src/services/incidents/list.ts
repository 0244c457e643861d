import { listIncidents as listRows } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { reference } from '../assignment/reference-cache.ts'
import { incidentListItem, type IncidentListItem } from './view.ts'

export interface ListIncidentsInput {
  states?: string[]
  unitCode?: string
  streetCode?: string
  classCode?: string
  q?: string
  /** Opaque: the `nextCursor` of the previous page. */
  cursor?: string
  limit?: number
}

export const encodeCursor = (id: number): string => Buffer.from(`i:${id}`).toString('base64url')

function decodeCursor(cursor: string): number {
  const m = /^i:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString())
  if (!m) throw problems.validation('cursor is not a cursor this API gave out', [{ path: 'cursor', message: 'invalid cursor' }])
  return Number(m[1])
}

/** Newest first, keyset-paged (stable while new incidents arrive); reporter data masked. */
export async function listIncidents({
  database,
  actor,
  input,
}: {
  database: Database
  actor: Actor
  input: ListIncidentsInput
}): Promise<{ items: IncidentListItem[]; nextCursor: string | null }> {
  const limit = input.limit ?? 50
  const [rows, ref] = await Promise.all([
    listRows(database, {
      states: input.states,
      unitCode: input.unitCode,
      streetCode: input.streetCode,
      classCode: input.classCode,
      q: input.q,
      beforeId: input.cursor ? decodeCursor(input.cursor) : undefined,
      limit: limit + 1,
      scope: incidentRowScope(actor),
    }),
    reference(database),
  ])
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => incidentListItem(r, ref)),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
  }
}
