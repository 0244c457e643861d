import { regionDiff } from '../../db/repositories/region-change-impact.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/**
 * The difference between two versions of a region as a GeoJSON FeatureCollection: one `added` and
 * one `removed` feature (MultiPolygon, omitted when nothing was), the versions and the m² as foreign
 * members (docs/GRID-EDITOR.md).
 */
export async function regionVersionDiff({ database, code, from, to }: { database: Database; code: string; from: number; to: number }) {
  const d = await regionDiff(database, code, from, to)
  if (!d) throw problems.notFound('region', `Region ${code} has no version ${from} or no version ${to}`)
  const features = (['added', 'removed'] as const).flatMap((kind) =>
    d[kind].geometry ? [{ type: 'Feature' as const, properties: { kind, areaM2: d[kind].areaM2 }, geometry: d[kind].geometry }] : [],
  )
  return {
    type: 'FeatureCollection' as const,
    code,
    from: d.from,
    to: d.to,
    addedM2: d.added.areaM2,
    removedM2: d.removed.areaM2,
    features,
  }
}
