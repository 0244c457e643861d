import { areaFeature, lockArea, updateArea as writeAreaUpdate } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { singleWriteProblem } from '../geometry/issues.ts'
import { checkAreas, kindOf } from './validate.ts'

export interface UpdateAreaInput {
  name?: string
  unitCode?: string
  classCode?: string
  geometry?: unknown
  /** null clears it (a line becoming a polygon clears it by itself). */
  bufferM?: number | null
  /** Optimistic locking: 409 version_conflict unless this is the stored version. */
  version?: number
}

/**
 * Changes an area: the PATCH is merged into the stored row and the result checked as a whole
 * (so a polygon can become a line only with a bufferM). Any change bumps `version`; the same values
 * again change nothing. Editing an inactive area is allowed and leaves it inactive.
 */
export async function updateArea({ database, id, input }: { database: Database; id: number; input: UpdateAreaInput }): Promise<{ action: 'updated' | 'unchanged'; feature: GeoJSON.Feature }> {
  const action = await database.db.transaction(async (tx) => {
    const cur = await lockArea(database, tx, id)
    if (!cur) throw problems.notFound('area', `No responsibility area with id ${id}`)
    if (input.version !== undefined && input.version !== cur.version) {
      throw problems.conflict('version_conflict', `area ${id} is at version ${cur.version}, not ${input.version}: someone changed it meanwhile; reload and retry`, { currentVersion: cur.version })
    }
    const newType = (input.geometry as { type?: unknown } | null | undefined)?.type
    const kind = input.geometry !== undefined && typeof newType === 'string' ? kindOf(newType) : cur.geometryKind
    const bufferM = input.bufferM !== undefined ? input.bufferM : kind === 'polygon' ? null : cur.geometryKind === 'line' ? cur.bufferM : undefined
    const { issues, writes } = await checkAreas(database, [{
      index: 0,
      name: input.name ?? cur.name,
      unitCode: input.unitCode ?? cur.unitCode,
      classCode: input.classCode ?? cur.classCode,
      geometry: input.geometry,
      keptKind: cur.geometryKind,
      bufferM,
      propertyPath: '',
    }], tx)
    if (issues.length) throw singleWriteProblem(issues)
    const version = await writeAreaUpdate(database, tx, id, writes.get(0)!)
    return version === null ? ('unchanged' as const) : ('updated' as const)
  })
  return { action, feature: (await areaFeature(database, id))! }
}
