import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import type { RegionCollection, RegionLabelCollection } from '../api/types.ts'

/** [west, south, east, north] */
export type BBox = [number, number, number, number]

function extend(b: BBox, p: Position): void {
  const x = p[0]
  const y = p[1]
  if (x === undefined || y === undefined) return
  if (x < b[0]) b[0] = x
  if (y < b[1]) b[1] = y
  if (x > b[2]) b[2] = x
  if (y > b[3]) b[3] = y
}

function walk(g: Geometry | null | undefined, b: BBox): void {
  if (!g) return
  switch (g.type) {
    case 'Point':
      extend(b, g.coordinates)
      break
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach((p) => extend(b, p))
      break
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach((p) => extend(b, p)))
      break
    case 'MultiPolygon':
      g.coordinates.forEach((poly) => poly.forEach((r) => r.forEach((p) => extend(b, p))))
      break
    case 'GeometryCollection':
      g.geometries.forEach((x) => walk(x, b))
      break
  }
}

/** The bounding box of a feature or collection, or null when it has no coordinates. */
export function bboxOf(x: Feature | FeatureCollection | Geometry): BBox | null {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  if (x.type === 'FeatureCollection') x.features.forEach((f) => walk(f.geometry, b))
  else if (x.type === 'Feature') walk(x.geometry, b)
  else walk(x, b)
  return Number.isFinite(b[0]) ? b : null
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

/**
 * Gives each feature a `color` index in [0, paletteSize) so that features whose bounding boxes touch get different
 * colours where possible (greedy colouring; bounding boxes over-approximate adjacency, which only helps).
 * Deterministic: features are taken in code order. Mutates and returns the collection.
 */
export function assignColorIndex(fc: RegionCollection, paletteSize: number): RegionCollection {
  const items = fc.features
    .map((f) => ({ f, box: bboxOf(f) }))
    .sort((a, b) => a.f.properties.code.localeCompare(b.f.properties.code))
  const colors: number[] = []
  items.forEach((item, i) => {
    const used = new Set<number>()
    for (let j = 0; j < i; j++) {
      const other = items[j]!
      if (item.box && other.box && overlaps(item.box, other.box)) used.add(colors[j]!)
    }
    let c = 0
    while (used.has(c) && c < paletteSize - 1) c++
    // All taken: fall back to a spread-out choice rather than always the last colour.
    if (used.has(c)) c = i % paletteSize
    colors.push(c)
    ;(item.f.properties as unknown as Record<string, unknown>).color = c
  })
  return fc
}

/** Signed area of a ring in coordinate units (positive = counter-clockwise). */
export function ringArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const a = ring[j]!
    const b = ring[i]!
    sum += (a[0]! * b[1]! - b[0]! * a[1]!) / 2
  }
  return sum
}

function oriented(ring: Position[], ccw: boolean): Position[] {
  const isCcw = ringArea(ring) > 0
  return isCcw === ccw ? ring : [...ring].reverse()
}

/**
 * A polygon covering the world except the district: drawn as a veil so that the district stands out on a map with
 * no basemap. The district's outer rings become holes (clockwise, as RFC 7946 and MapLibre's ring classifier want).
 */
export function outsideMask(district: FeatureCollection<Polygon | MultiPolygon>): FeatureCollection<Polygon> {
  const world: Position[] = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
    [-180, -85],
  ]
  const holes: Position[][] = []
  for (const f of district.features) {
    const g = f.geometry
    if (!g) continue
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
    for (const poly of polys) if (poly[0] && poly[0].length >= 4) holes.push(oriented(poly[0], false))
  }
  if (!holes.length) return { type: 'FeatureCollection', features: [] }
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [oriented(world, true), ...holes] } },
    ],
  }
}

/** Label points computed in the browser, used only when the API's label endpoint fails. */
export function fallbackLabels(fc: RegionCollection): RegionLabelCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const { code, name, level } = f.properties
      const p = pointOnFeature(f)
      return { type: 'Feature', id: f.id, properties: { code, name, level }, geometry: p.geometry }
    }),
  }
}

/**
 * The name as the map labels it: the official names carry suffixes that only crowd the map ("青年社区居委会" →
 * "青年社区", "东沙村委会" → "东沙村"), and a grid is labelled by its number inside its community, whose name
 * is on the map already ("青年社区045网格" → "045网格"). The details panel shows the full name.
 */
export function mapLabel(level: string, name: string): string {
  if (level === 'community') return name.replace(/居委会$/, '').replace(/村委会$/, '村') || name
  if (level === 'grid') {
    const m = /(第?\d+号?网格)$/.exec(name)
    return m && m.index > 0 ? m[1]! : name
  }
  return name
}

/** Adds the `label` property the label layers draw. Mutates and returns the collection. */
export function withMapLabels(fc: RegionLabelCollection): RegionLabelCollection {
  for (const f of fc.features) {
    const p = f.properties as RegionLabelCollection['features'][number]['properties'] & { label?: string }
    p.label = mapLabel(p.level, String(p.name ?? ''))
  }
  return fc
}

export const EMPTY_COLLECTION: FeatureCollection = Object.freeze({ type: 'FeatureCollection', features: [] }) as FeatureCollection
