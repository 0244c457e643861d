import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'

/** Any GeoJSON, features without geometry included. */
type AnyGeoJson = Geometry | Feature<Geometry | null> | FeatureCollection<Geometry | null>
import { fromWgs84, toWgs84, type LngLat } from './crs.ts'

/**
 * The coordinate system a basemap is drawn in (docs/BASEMAPS.md). Our data is stored in WGS84; on a `wgs84`
 * basemap (Tianditu's CGCS2000 counts as WGS84 at this scale) it is drawn as it is, on a `gcj02` one (AMap,
 * Tencent and mirrors of them) every coordinate handed to the map is shifted into GCJ-02 first and every
 * coordinate read from the map (a click, the view's bounds) is shifted back.
 */
export const MAP_CRS_VALUES = ['wgs84', 'gcj02'] as const
export type MapCrs = (typeof MAP_CRS_VALUES)[number]

export function isMapCrs(v: unknown): v is MapCrs {
  return typeof v === 'string' && (MAP_CRS_VALUES as readonly string[]).includes(v)
}

/** A stored (WGS84) point as the map draws it. Invalid points are returned unchanged: the map ignores them anyway. */
export function toMapLngLat(p: LngLat, crs: MapCrs): LngLat {
  if (crs === 'wgs84' || !finitePoint(p.lng, p.lat)) return { lng: p.lng, lat: p.lat }
  return fromWgs84(p, crs)
}

/** A point read from the map (a click, a corner of the view) as WGS84, the system the database stores. */
export function fromMapLngLat(p: LngLat, crs: MapCrs): LngLat {
  if (crs === 'wgs84' || !finitePoint(p.lng, p.lat)) return { lng: p.lng, lat: p.lat }
  return toWgs84(p, crs)
}

/** [west, south, east, north] read from the map, as the WGS84 box that covers it (all four corners converted). */
export function fromMapBbox(b: readonly [number, number, number, number], crs: MapCrs): [number, number, number, number] {
  if (crs === 'wgs84') return [b[0], b[1], b[2], b[3]]
  const corners = [
    [b[0], b[1]],
    [b[0], b[3]],
    [b[2], b[1]],
    [b[2], b[3]],
  ].map(([lng, lat]) => fromMapLngLat({ lng: lng!, lat: lat! }, crs))
  return [
    Math.min(...corners.map((c) => c.lng)),
    Math.min(...corners.map((c) => c.lat)),
    Math.max(...corners.map((c) => c.lng)),
    Math.max(...corners.map((c) => c.lat)),
  ]
}

/** [west, south, east, north] of stored data, as the map draws it. */
export function toMapBbox(b: readonly [number, number, number, number], crs: MapCrs): [number, number, number, number] {
  if (crs === 'wgs84') return [b[0], b[1], b[2], b[3]]
  const sw = toMapLngLat({ lng: b[0], lat: b[1] }, crs)
  const ne = toMapLngLat({ lng: b[2], lat: b[3] }, crs)
  return [sw.lng, sw.lat, ne.lng, ne.lat]
}

/**
 * A copy of stored (WGS84) GeoJSON with every position shifted into `crs`; properties, ids and any third
 * coordinate are kept. The input is not changed (sources keep the WGS84 original to redraw after a basemap switch).
 * On `wgs84` the input itself is returned.
 */
export function toMapGeoJson<T extends AnyGeoJson>(data: T, crs: MapCrs): T {
  if (crs === 'wgs84') return data
  return shiftGeoJson(data, (p) => {
    const q = toMapLngLat({ lng: p[0]!, lat: p[1]! }, crs)
    return p.length > 2 ? [q.lng, q.lat, ...p.slice(2)] : [q.lng, q.lat]
  })
}

function finitePoint(lng: unknown, lat: unknown): boolean {
  return typeof lng === 'number' && typeof lat === 'number' && Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90
}

type Shift = (p: Position) => Position

function shiftGeometry(g: Geometry, f: Shift): Geometry {
  switch (g.type) {
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((x) => shiftGeometry(x, f)) }
    case 'Point':
      return { ...g, coordinates: f(g.coordinates) }
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(f) }
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(f)) }
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) }
    default:
      return g
  }
}

function shiftGeoJson<T extends AnyGeoJson>(data: T, f: Shift): T {
  const g = data as AnyGeoJson
  if (g.type === 'FeatureCollection') return { ...g, features: g.features.map((x) => shiftGeoJson(x, f)) } as T
  if (g.type === 'Feature') return { ...g, geometry: g.geometry ? shiftGeometry(g.geometry, f) : g.geometry } as T
  return shiftGeometry(g, f) as T
}
