import { areaFeature } from '../../db/repositories/areas.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/** One area (active or not) as a GeoJSON Feature with its unit/class names and size. */
export async function getArea({ database, id }: { database: Database; id: number }): Promise<GeoJSON.Feature> {
  const feature = await areaFeature(database, id)
  if (!feature) throw problems.notFound('area', `No responsibility area with id ${id}`)
  return feature
}
