import { coordinateDigits, degreesPerPixel, PATROL_ROUTE_MIN_PX, PATROL_ROUTE_TOLERANCE_PX, PATROL_ROUTES_MAX } from '@hanjiang/shared'
import { plannedRoutesInBox } from '../../db/repositories/patrol.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { patrolPrefixes } from './scope.ts'

export interface PlannedRoutesView {
  type: 'FeatureCollection'
  features: { type: 'Feature'; properties: { gridCode: string; source: string }; geometry: GeoJSON.LineString }[]
  /** The zoom the answer was cut for. */
  zoom: number
  /** More routes met the box than were sent (the largest were kept): zoom in for the rest. */
  truncated: boolean
}

/**
 * GET /api/patrol/routes: the planned patrol routes for one map view (the shared map layer),
 * in the caller's patrol areas (the whole district for the command center). Routes too small to see at `zoom`
 * are left out and the rest simplified to half a pixel, so a district view stays small (packages/shared/src/patrol/routes.ts).
 */
export async function plannedRoutesInView({
  database,
  actor,
  bbox,
  zoom,
}: {
  database: Database
  actor: Actor
  bbox: [number, number, number, number]
  zoom: number
}): Promise<PlannedRoutesView> {
  const px = degreesPerPixel(zoom)
  const rows = await plannedRoutesInBox(database, {
    bbox,
    prefixes: patrolPrefixes(actor),
    minSize: PATROL_ROUTE_MIN_PX * px,
    tolerance: PATROL_ROUTE_TOLERANCE_PX * px,
    digits: coordinateDigits(zoom),
    limit: PATROL_ROUTES_MAX + 1,
  })
  return {
    type: 'FeatureCollection',
    features: rows.slice(0, PATROL_ROUTES_MAX).map((r) => ({
      type: 'Feature',
      properties: { gridCode: r.gridCode, source: r.source },
      geometry: JSON.parse(r.geometry) as GeoJSON.LineString,
    })),
    zoom,
    truncated: rows.length > PATROL_ROUTES_MAX,
  }
}
