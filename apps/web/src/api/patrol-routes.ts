import type { Bbox } from '@hanjiang/shared/incident-map/index'
import type { Feature, FeatureCollection, LineString } from 'geojson'
import { api, type ApiClient } from './client.ts'

/** The planned patrol routes of one map view (`GET /api/patrol/routes`, apps/api/src/routes/patrol.ts). */
export type PatrolRouteFeature = Feature<LineString, { gridCode: string; source: 'seed' | 'drawn' }>

export interface PatrolRoutesView extends FeatureCollection<LineString, PatrolRouteFeature['properties']> {
  features: PatrolRouteFeature[]
  /** The zoom the server cut the answer for (routes too small for it are left out, the rest simplified). */
  zoom: number
  /** More routes met the box than were sent: zoom in for the rest. */
  truncated: boolean
}

export function patrolRouteEndpoints(client: ApiClient = api) {
  return {
    routes: (q: { bbox: Bbox; zoom: number }, signal?: AbortSignal) =>
      client.get<PatrolRoutesView>('/api/patrol/routes', { query: { bbox: q.bbox.join(','), zoom: q.zoom }, signal }),
  }
}
