import { geoJSONToTile } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import { TILE_BUFFER, TILE_EXTENT, type TileAddress } from '@hanjiang/shared'
import type { TileFeatureRow } from '../../db/repositories/tiles.ts'

/**
 * The embedded engine's tile encoder: its PostGIS has no protobuf (no ST_AsMVT), so the layer's rows come as GeoJSON
 * and geojson-vt cuts them to the tile — clipped with the same margin, projected and quantised to the same extent as
 * ST_AsMVTGeom — and vt-pbf writes the protobuf. The result decodes to the same features as the server's tile.
 */
export function encodeTile(layer: string, tile: TileAddress, rows: readonly TileFeatureRow[]): Uint8Array {
  if (rows.length === 0) return new Uint8Array(0)
  const data: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.fid, geometry: JSON.parse(r.geometry) as GeoJSON.Geometry, properties: r.properties })),
  }
  // maxZoom above any tile: geojson-vt then simplifies to `tolerance` tile units at this zoom, like the SQL did.
  const cut = geoJSONToTile(data, tile.z, tile.x, tile.y, { extent: TILE_EXTENT, buffer: TILE_BUFFER, clip: true, tolerance: 1, maxZoom: 24 })
  if (!cut || cut.features.length === 0) return new Uint8Array(0)
  return fromGeojsonVt({ [layer]: cut }, { version: 2, extent: TILE_EXTENT })
}
