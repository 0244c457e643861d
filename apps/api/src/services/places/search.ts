import type { Place, PlaceSearchResult } from '@hanjiang/shared/contract'
import { searchNamedPlaces, searchRegionPlaces } from '../../db/repositories/places.ts'
import type { Database } from '../../db/types.ts'

export type { Place, PlaceSearchResult }

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
