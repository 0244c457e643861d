/**
 * Deterministic, offline demo regions for 涵江区: district → 13 streets/towns → 200 communities → grids, all as WGS84
 * MultiPolygons that tile their parent exactly. Everything below the district is SYNTHETIC (see SOURCES.md): only
 * the boundary, the division codes and names, and the town seats are real.
 *
 * Pipeline: streets.ts (12 Voronoi towns + the 赤港 carve) → communities.ts (k-means seeds, Voronoi split) →
 * grids.ts (lattice in urban streets, Voronoi elsewhere) → finalize.ts (noding + 7-decimal rounding). The district is
 * the source boundary with its source vertices unchanged; finalize only inserts, on its edges, the vertices where
 * towns, communities and grids meet it (rounded to 1e-7°), so that every level shares exactly the same edges.
 * No Math.random, no clock, no I/O besides reading seed/: two runs give byte-identical output.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson'
import { splitStreet, type Community } from './communities.ts'
import { finalizeAll } from './finalize.ts'
import { fromGeoJSON, toGeoJSON, type MultiPoly } from './geom.ts'
import { buildGrids, type Grid } from './grids.ts'
import { placesFrom, type DemoPlace } from './places.ts'
import { DISTRICT_CODE, readRegionSources, type RegionSources } from './sources.ts'
import { buildStreets, type Street } from './streets.ts'

export interface DemoRegion {
  code: string
  name: string
  level: 'district' | 'street' | 'community' | 'grid'
  parentCode: string | null
  /** WGS84 lng/lat, outer rings counter-clockwise (RFC 7946) */
  geometry: MultiPolygon
}

export interface DemoLayers {
  district: MultiPoly
  streets: Street[]
  communities: Community[]
  grids: Grid[]
}

/** All levels in internal form (open rings), before output formatting. */
export function buildLayers(src: RegionSources = readRegionSources()): DemoLayers {
  const district = fromGeoJSON(src.boundary)
  const streets = buildStreets(src)
  const communities = streets.flatMap((s) => splitStreet(s, src.divisions))
  const grids = communities.flatMap((c) => buildGrids(c))
  return { district, streets, communities, grids }
}

/** The demo regions, parents before children (district, streets, communities, grids; code order within a level). */
export function buildDemoRegions(src: RegionSources = readRegionSources()): DemoRegion[] {
  const l = buildLayers(src)
  const districtName = src.divisions.find((d) => d.code === DISTRICT_CODE)?.name ?? '涵江区'
  const rows: Omit<DemoRegion, 'geometry'>[] = [
    { code: DISTRICT_CODE, name: districtName, level: 'district', parentCode: null },
    ...l.streets.map((s) => ({ code: s.code, name: s.name, level: 'street' as const, parentCode: DISTRICT_CODE })),
    ...l.communities.map((c) => ({ code: c.code, name: c.name, level: 'community' as const, parentCode: c.parentCode })),
    ...l.grids.map((g) => ({ code: g.code, name: g.name, level: 'grid' as const, parentCode: g.parentCode })),
  ]
  const { geometries } = finalizeAll([l.district, ...l.streets.map((s) => s.geometry), ...l.communities.map((c) => c.geometry), ...l.grids.map((g) => g.geometry)])
  return rows.map((r, i) => ({ ...r, geometry: toGeoJSON(geometries[i]!) }))
}

/**
 * Named demo places: each community's label point, main roads and rivers (LineStrings). Pass the regions if you
 * already built them; otherwise they are built here.
 */
export function buildDemoPlaces(regions: DemoRegion[] = buildDemoRegions()): DemoPlace[] {
  return placesFrom(regions.filter((r) => r.level === 'community'))
}

/** Regions and places as one GeoJSON FeatureCollection (what the CLI writes). */
export function toFeatureCollection(regions: DemoRegion[], places: DemoPlace[] = []): FeatureCollection {
  const features: Feature<Geometry>[] = [
    ...regions.map((r) => ({
      type: 'Feature' as const,
      properties: { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode },
      geometry: r.geometry,
    })),
    ...places.map((p) => ({
      type: 'Feature' as const,
      properties: { id: p.id, name: p.name, kind: p.kind, ...(p.roadClass ? { roadClass: p.roadClass } : {}), ...(p.parentCode ? { parentCode: p.parentCode } : {}) },
      geometry: p.geometry,
    })),
  ]
  return { type: 'FeatureCollection', features }
}

export { readRegionSources } from './sources.ts'
export type { RegionSources } from './sources.ts'
export type { DemoPlace, PlaceKind } from './places.ts'
