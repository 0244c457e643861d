import type { LineString } from 'geojson'
import { searchNamedPlaces, searchRegionPlaces } from '../../db/repositories/places.ts'
import type { Database } from '../../db/types.ts'

export type PlaceKind = 'street' | 'community' | 'grid' | 'road' | 'river'

/** One match of the seats' address search: where to put the map (and the intake's point). */
export interface Place {
  /** The region code, or the line's id (`road-g324`). */
  id: string
  name: string
  kind: PlaceKind
  /** The containing street/town (communities, grids). */
  parent: { code: string; name: string | null } | null
  /** WGS84: a point on the region's surface, or the middle vertex of a road or river. */
  point: { lng: number; lat: number }
  /** Roads and rivers: the line itself, to show the seat where it runs. */
  line?: LineString
}

export interface PlaceSearchResult {
  query: string
  places: Place[]
}

/**
 * Address search for the hotline intake over the named places of the jurisdiction: the
 * current streets/towns and communities/villages (by name; grids by a code prefix of 4+ digits) and the
 * named roads and rivers of the `named_place` table. Regions first (they decide ownership), lines after.
 */
export async function searchPlaces(database: Database, query: string, limit: number): Promise<PlaceSearchResult> {
  const q = query.trim()
  const regions = await searchRegionPlaces(database, q, limit)
  const places: Place[] = regions.map((r) => ({
    id: r.code,
    name: r.name,
    kind: r.level,
    parent: r.parentCode && r.level !== 'street' ? { code: r.parentCode, name: r.parentName } : null,
    point: { lng: r.lng, lat: r.lat },
  }))
  for (const d of await searchNamedPlaces(database, q, limit - places.length)) {
    places.push({ id: d.id, name: d.name, kind: d.kind, parent: null, point: { lng: d.lng, lat: d.lat }, line: d.line })
  }
  return { query: q, places }
}
