import { areaFeature, insertArea } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'
import { singleWriteProblem } from '../geometry/issues.ts'
import { checkAreas } from './validate.ts'

export interface CreateAreaInput {
  name: string
  unitCode: string
  classCode: string
  /** GeoJSON Polygon/MultiPolygon ('polygon') or LineString/MultiLineString ('line'). */
  geometry: unknown
  /** Lines only: 1–5000 m. */
  bufferM?: number | null
}

/** Creates a responsibility area; answers the stored Feature. */
export async function createArea({ database, input }: { database: Database; input: CreateAreaInput }): Promise<GeoJSON.Feature> {
  const id = await database.db.transaction(async (tx) => {
    const { issues, writes } = await checkAreas(database, [{ index: 0, ...input, propertyPath: '' }], tx)
    if (issues.length) throw singleWriteProblem(issues)
    return insertArea(database, tx, writes.get(0)!)
  })
  return (await areaFeature(database, id))!
}
