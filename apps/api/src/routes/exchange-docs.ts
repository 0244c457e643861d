import { IMPORT_MEDIA_TYPES } from '../services/geometry/exchange-file.ts'

/** What the region and area import/export routes share in their OpenAPI descriptions (docs/IMPORT-EXPORT.md). */

export const EXPORT_FORMATS = ['geojson', 'shapefile'] as const

export const SHAPEFILE_HEADERS = { 'content-type': 'application/zip' }

export const IMPORT_CRS_DESCRIPTION =
  "The file's coordinate system: auto (default: the Shapefile's .prj, a GeoJSON crs member, else WGS84), wgs84, cgcs2000, gcj02, bd09, or an EPSG code such as EPSG:4549 (CGCS2000 3-degree Gauss-Kruger CM 120E)"

export const IMPORT_BODY = {
  mediaType: 'application/octet-stream',
  description: `The file as the raw body, with its media type: ${IMPORT_MEDIA_TYPES.join(', ')} (octet-stream: recognised by content). GeoJSON is a FeatureCollection; a Shapefile is one .zip of .shp/.dbf/.prj (.cpg).`,
  schema: { type: 'string', format: 'binary' },
}
