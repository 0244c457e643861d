import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl'
import { isOpenState } from '@hanjiang/shared/incident-map/index'
import type { IncidentMapView } from '../api/incident-map.ts'
import { BOLD_FONT_STACK } from './layers.ts'

/**
 * The incident layers every map screen shares: server clusters (zoomed out) and points (zoomed in,
 * coloured by state, urgent pulsing, overdue ringed), plus the planned patrol routes. One GeoJSON source holds both
 * kinds (`kind` = cluster | point), replaced whenever the view's answer changes.
 */

export const INCIDENT_SOURCE = 'incidents'
/** Planned patrol routes (docs/DOMAIN.md §2 patrol/route) of the current view, while switched on: see usePatrolRouteLayer. */
export const PATROL_SOURCE = 'patrol-routes'

export const incidentLayerId = {
  clusterHalo: 'incident-cluster-halo',
  cluster: 'incident-cluster',
  clusterCount: 'incident-cluster-count',
  pulse: 'incident-urgent-pulse',
  point: 'incident-point',
  overdue: 'incident-overdue',
  patrol: 'patrol-route-line',
} as const

export const INCIDENT_LAYERS = [
  incidentLayerId.clusterHalo,
  incidentLayerId.cluster,
  incidentLayerId.clusterCount,
  incidentLayerId.pulse,
  incidentLayerId.point,
  incidentLayerId.overdue,
]
/** What a click may hit: points first (a click opens the incident), then clusters (a click zooms in). */
export const INCIDENT_CLICKABLE = [incidentLayerId.point, incidentLayerId.cluster]

/** State colours: red/orange wait at the center, blues are with a unit, green awaits verification, greys are done. */
export const STATE_COLORS: Record<string, string> = {
  reported: '#e03131',
  registered: '#f76707',
  returned: '#c2255c',
  dispatched: '#1971c2',
  accepted: '#3b5bdb',
  on_site: '#7048e8',
  resolved: '#2f9e44',
  closed: '#868e96',
  rejected: '#adb5bd',
  merged: '#adb5bd',
}
export const URGENT_COLOR = '#ff2d2d'
export const OVERDUE_COLOR = '#ffb300'
export const CLUSTER_COLOR = '#0b3d91'
export const PATROL_COLOR = '#12b886'

const stateColor: ExpressionSpecification = [
  'match',
  ['get', 'state'],
  ...Object.entries(STATE_COLORS).flat(),
  '#495057',
] as unknown as ExpressionSpecification

const isCluster: ExpressionSpecification = ['==', ['get', 'kind'], 'cluster']
const isPoint: ExpressionSpecification = ['==', ['get', 'kind'], 'point']

/**
 * A transparent square the cluster count carries as its icon, sized to the cluster's disc: symbol placement then
 * keeps town and community labels (lower layers, placed later) off the discs — they move aside or hide — instead
 * of being drawn underneath them. Added to the map by useIncidentLayer.
 */
export const CLUSTER_FOOTPRINT_IMAGE = 'incident-cluster-footprint'
const FOOTPRINT_PX = 16

export function clusterFootprintImage(): { width: number; height: number; data: Uint8Array } {
  return { width: FOOTPRINT_PX, height: FOOTPRINT_PX, data: new Uint8Array(FOOTPRINT_PX * FOOTPRINT_PX * 4) }
}

/** Cluster radius grows with the log of the count: 10 → 14 px, 1,000 → 26 px, capped. */
const clusterRadius: ExpressionSpecification = ['min', 34, ['+', 10, ['*', 5.5, ['log10', ['max', 1, ['get', 'count']]]]]]

/** The incident layers, bottom to top. `scale` enlarges everything (the wall is read from across a room). */
export function incidentLayers(scale = 1): LayerSpecification[] {
  const s = (v: number) => v * scale
  const clusterHalo: CircleLayerSpecification = {
    id: incidentLayerId.clusterHalo,
    type: 'circle',
    source: INCIDENT_SOURCE,
    filter: isCluster,
    paint: {
      'circle-radius': ['+', ['*', clusterRadius, scale], s(5)],
      // Urgent inside → red halo; overdue inside → amber; else a soft navy.
      'circle-color': ['case', ['>', ['get', 'urgent'], 0], URGENT_COLOR, ['>', ['get', 'overdue'], 0], OVERDUE_COLOR, CLUSTER_COLOR],
      'circle-opacity': ['case', ['any', ['>', ['get', 'urgent'], 0], ['>', ['get', 'overdue'], 0]], 0.45, 0.18],
    },
  }
  const cluster: CircleLayerSpecification = {
    id: incidentLayerId.cluster,
    type: 'circle',
    source: INCIDENT_SOURCE,
    filter: isCluster,
    paint: {
      'circle-radius': ['*', clusterRadius, scale],
      'circle-color': CLUSTER_COLOR,
      'circle-opacity': 0.88,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': s(2),
    },
  }
  const clusterCount: SymbolLayerSpecification = {
    id: incidentLayerId.clusterCount,
    type: 'symbol',
    source: INCIDENT_SOURCE,
    filter: isCluster,
    layout: {
      'text-field': ['get', 'label'],
      'text-font': BOLD_FONT_STACK,
      'text-size': s(13),
      'text-allow-overlap': true,
      'text-ignore-placement': false,
      'icon-image': CLUSTER_FOOTPRINT_IMAGE,
      'icon-size': ['/', ['*', 2, ['+', ['*', clusterRadius, scale], s(5)]], FOOTPRINT_PX],
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
    paint: { 'text-color': '#ffffff' },
  }
  const pulse: CircleLayerSpecification = {
    id: incidentLayerId.pulse,
    type: 'circle',
    source: INCIDENT_SOURCE,
    filter: ['all', isPoint, ['==', ['get', 'urgent'], true]],
    // Radius and opacity are animated by useIncidentLayer (static where motion is reduced).
    paint: { 'circle-radius': s(14), 'circle-color': URGENT_COLOR, 'circle-opacity': 0.35, 'circle-pitch-alignment': 'map' },
  }
  const point: CircleLayerSpecification = {
    id: incidentLayerId.point,
    type: 'circle',
    source: INCIDENT_SOURCE,
    filter: isPoint,
    paint: {
      'circle-radius': ['case', ['==', ['get', 'urgent'], true], s(8), s(6)],
      'circle-color': stateColor,
      'circle-stroke-color': ['case', ['==', ['get', 'urgent'], true], URGENT_COLOR, '#ffffff'],
      'circle-stroke-width': ['case', ['==', ['get', 'urgent'], true], s(2.5), s(1.5)],
    },
  }
  // Overdue: an amber ring outside the dot, readable whatever the state colour.
  const overdue: CircleLayerSpecification = {
    id: incidentLayerId.overdue,
    type: 'circle',
    source: INCIDENT_SOURCE,
    filter: ['all', isPoint, ['==', ['get', 'overdue'], true]],
    paint: {
      'circle-radius': ['case', ['==', ['get', 'urgent'], true], s(12), s(10)],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': OVERDUE_COLOR,
      'circle-stroke-width': s(2.5),
    },
  }
  return [clusterHalo, cluster, clusterCount, pulse, point, overdue]
}

/** Patrol routes sit under the incidents, above the regions; thin zoomed out (many routes), bolder zoomed in. Hidden until switched on. */
export function patrolLayers(scale = 1): LayerSpecification[] {
  const line: LineLayerSpecification = {
    id: incidentLayerId.patrol,
    type: 'line',
    source: PATROL_SOURCE,
    layout: { 'line-join': 'round', 'line-cap': 'round', visibility: 'none' },
    paint: {
      'line-color': PATROL_COLOR,
      'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.2 * scale, 14, 2.5 * scale, 17, 3.5 * scale],
      'line-dasharray': [2, 1.5],
      'line-opacity': 0.9,
    },
  }
  return [line]
}

export interface IncidentFeatureProps {
  kind: 'cluster' | 'point'
  /** Clusters: the id; points: the incident code. */
  id: string
  count: number
  label: string
  state: string | null
  urgent: boolean | number
  overdue: boolean | number
}

/** Compact count labels: 999, 1.2k, 12k. */
export function countLabel(n: number): string {
  if (n < 1000) return String(n)
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`
  return `${Math.floor(n / 1000)}k`
}

/** The API's answer as the layers' GeoJSON. */
export function toFeatures(view: Pick<IncidentMapView, 'clusters' | 'points'>): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: GeoJSON.Feature<GeoJSON.Point>[] = []
  for (const c of view.clusters) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
      properties: { kind: 'cluster', id: c.id, count: c.count, label: countLabel(c.count), state: null, urgent: c.urgent, overdue: c.overdue },
    })
  }
  for (const p of view.points) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lng, p.lat] },
      properties: { kind: 'point', id: p.code, count: 1, label: '', state: p.state, urgent: p.track === 'urgent' && isOpenState(p.state), overdue: p.overdue },
    })
  }
  return { type: 'FeatureCollection', features }
}
