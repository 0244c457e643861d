import { deactivateArea } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/** Deactivates an area (the row stays, for history and re-activation by import); idempotent. */
export async function deleteArea({ database, id }: { database: Database; id: number }): Promise<void> {
  if (!(await deactivateArea(database, id))) throw problems.notFound('area', `No responsibility area with id ${id}`)
}
