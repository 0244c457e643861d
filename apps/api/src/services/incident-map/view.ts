import { clusterCell, INCIDENT_STATES, MAX_POINTS, wantsPoints, type IncidentMapView, type MapCluster, type MapPoint } from '@hanjiang/shared'
import { incidentClusters, incidentPoints, type MapFilter } from '../../db/repositories/incident-map.ts'
import type { Database } from '../../db/types.ts'

/**
 * GET /api/incidents/map: the incidents one map view needs. Below POINTS_MIN_ZOOM the answer is
 * grid clusters (a lone incident in its cell comes as a point, so it can be clicked); from it on, the points.
 *
 * Why the map screens still use JSON clusters here while the same incidents are also served as vector tiles
 * (services/tiles, per-tile cells): one aggregate per view is a few dozen rows at district zoom (a few KB gzip) where
 * tiles send each tile's share and re-aggregate per tile, and live updates patch single points in the client's copy
 * instead of invalidating tiles.
 */

export interface IncidentMapInput extends Omit<MapFilter, 'scope'> {
  zoom: number
}

const round = (v: number) => Math.round(v * 1e6) / 1e6

export async function incidentMapView({
  database,
  input,
  scope = null,
}: {
  database: Database
  input: IncidentMapInput
  scope?: MapFilter['scope']
}): Promise<IncidentMapView> {
  const filter: MapFilter = { ...input, scope }
  const base = { zoom: input.zoom, bbox: input.bbox }
  if (wantsPoints(input.zoom)) {
    const rows = await incidentPoints(database, filter, MAX_POINTS + 1)
    const points = rows.slice(0, MAX_POINTS).map((p) => ({ ...p, lng: round(p.lng), lat: round(p.lat) }))
    return { mode: 'points', ...base, total: points.length, truncated: rows.length > MAX_POINTS, clusters: [], points }
  }
  const cell = clusterCell(input.zoom, (input.bbox[1] + input.bbox[3]) / 2)
  const rows = await incidentClusters(database, filter, cell)
  const clusters: MapCluster[] = []
  const points: MapPoint[] = []
  let total = 0
  for (const r of rows) {
    total += r.count
    if (r.single) {
      points.push({ ...r.single, lng: round(r.single.lng), lat: round(r.single.lat) })
      continue
    }
    const byState: Record<string, number> = {}
    r.byState.forEach((c, i) => c > 0 && (byState[INCIDENT_STATES[i]!] = c))
    clusters.push({ id: `${cell.z}/${r.gx}/${r.gy}`, lng: round(r.lng), lat: round(r.lat), count: r.count, byState, urgent: r.urgent, overdue: r.overdue })
  }
  clusters.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
  points.sort((a, b) => a.code.localeCompare(b.code))
  return { mode: 'clusters', ...base, total, truncated: false, clusters, points }
}
