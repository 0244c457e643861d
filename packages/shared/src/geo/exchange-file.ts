import rewind from '@turf/rewind'
import { readKml } from './kml.ts'
import { CrsError, namedCrs, reprojectFeatures, type ResolvedCrs } from './projection.ts'
import { readShapefileZip, type ShapefileLayer } from './shapefile-read.ts'
import { ExchangeFileError, type ExchangeFeature, type ExchangeFormat } from './exchange-types.ts'

/**
 * Reading a region/area exchange file of any accepted format into WGS84 GeoJSON features, with the coordinate
 * system resolved (docs/IMPORT-EXPORT.md). Pure and isomorphic: the API's import and a browser preview use it alike.
 */

export interface ExchangeRead {
  format: ExchangeFormat
  crs: { code: string; name: string; source: 'option' | 'prj' | 'geojson' | 'default' }
  /** Shapefile layers read (with their .prj), else empty. */
  layers: ShapefileLayer[]
  /**
   * The features, reprojected to WGS84 and with GeoJSON ring order (outer rings counter-clockwise). GeoJSON input
   * is passed on element by element as it came (bad elements included) for the import to name each problem.
   */
  features: unknown[]
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06]

/** The format by the file's first bytes: a zip is a Shapefile, '<' starts KML, '{' GeoJSON. */
export function sniffFormat(bytes: Uint8Array): ExchangeFormat | null {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b)
  if (starts(ZIP_MAGIC) || starts(EMPTY_ZIP_MAGIC)) return 'shapefile'
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++
  if (bytes[i] === 0x3c) return 'kml'
  if (bytes[i] === 0x7b) return 'geojson'
  return null
}

/** The system a GeoJSON (2008) file names in its `crs` member, e.g. "urn:ogc:def:crs:EPSG::4549"; null if none. */
function geojsonCrs(crs: unknown): ResolvedCrs | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name
  if (typeof name !== 'string') return null
  if (/CRS84$/i.test(name)) return namedCrs('wgs84')
  const code = /EPSG:{1,2}(?:[\d.]*:)?(\d{4,5})$/i.exec(name)?.[1]
  if (!code) throw new CrsError('unknown_crs', `The GeoJSON names the coordinate system "${name.slice(0, 80)}", which is not supported`, { crs: name.slice(0, 80) })
  return namedCrs(`EPSG:${code}`)
}

type AnyGeometry = { type: string; coordinates?: unknown; geometries?: AnyGeometry[] }

/**
 * GeoJSON ring order (RFC 7946: outer rings counter-clockwise) and a GeometryCollection of only polygons (or only
 * lines), as KML MultiGeometry gives, as one MultiPolygon (MultiLineString). A collection that mixes kinds is left
 * for the import to refuse by name.
 */
export function normalizeGeometry(g: unknown): unknown {
  if (!g || typeof g !== 'object' || Array.isArray(g)) return g
  // shpjs adds a bbox to every geometry; it is derived data and not stored.
  const { bbox: _bbox, ...geometry } = g as AnyGeometry & { bbox?: unknown }
  if (geometry.type === 'GeometryCollection' && Array.isArray(geometry.geometries) && geometry.geometries.length) {
    const parts = geometry.geometries
    if (parts.every((p) => p?.type === 'Polygon' || p?.type === 'MultiPolygon')) {
      const coordinates = parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[])))
      return normalizeGeometry({ type: 'MultiPolygon', coordinates })
    }
    if (parts.every((p) => p?.type === 'LineString' || p?.type === 'MultiLineString')) {
      return { type: 'MultiLineString', coordinates: parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : (p.coordinates as unknown[]))) }
    }
    return g
  }
  if ((geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && Array.isArray(geometry.coordinates)) {
    try {
      return rewind(geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon)
    } catch {
      return g // malformed coordinates: the import's own checks name the problem
    }
  }
  return geometry
}

const withGeometry = (f: unknown) => {
  const feature = f as { geometry?: unknown } | null
  return feature && typeof feature === 'object' && !Array.isArray(feature) && 'geometry' in feature ? { ...feature, geometry: normalizeGeometry(feature.geometry) } : f
}

function reproject(features: unknown[], crs: ResolvedCrs): unknown[] {
  const isFeature = (f: unknown): f is { geometry: unknown } => !!f && typeof f === 'object' && !Array.isArray(f)
  return features.map((f) => (isFeature(f) ? reprojectFeatures([f], crs)[0] : f))
}

/**
 * Reads a file: a zipped Shapefile, KML or GeoJSON (recognised by content; `format` may insist). `crs` is the user's
 * choice: 'auto' (the .prj, a GeoJSON `crs` member, else WGS84 — which KML and RFC 7946 GeoJSON always are),
 * 'wgs84', 'cgcs2000', 'gcj02', 'bd09' or an EPSG code. Throws {@link ExchangeFileError} or {@link CrsError}.
 */
export async function readExchangeFile(bytes: Uint8Array, { crs = 'auto', format }: { crs?: string; format?: ExchangeFormat } = {}): Promise<ExchangeRead> {
  const chosen = namedCrs(crs)
  const sniffed = sniffFormat(bytes)
  if (!sniffed) throw new ExchangeFileError('unsupported_format', 'The file is neither a zipped Shapefile (.zip), KML nor GeoJSON')
  if (format && format !== sniffed) {
    throw new ExchangeFileError('unsupported_format', `The file was sent as ${format} but its content is ${sniffed === 'shapefile' ? 'a .zip' : sniffed}`)
  }
  if (sniffed === 'shapefile') {
    const read = await readShapefileZip(bytes, chosen)
    return {
      format: 'shapefile',
      crs: { code: read.crs.code, name: read.crs.name, source: read.crsSource },
      layers: read.layers,
      features: read.features.map(withGeometry),
    }
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '')
  if (sniffed === 'kml') {
    if (chosen?.proj4) throw new CrsError('unknown_crs', `KML holds lng/lat coordinates; ${chosen.name} is a projected system. Use crs=auto (WGS84), gcj02 or bd09`, { crs })
    const features: ExchangeFeature[] = readKml(text)
    const system = chosen ?? namedCrs('wgs84')!
    return {
      format: 'kml',
      crs: { code: system.code, name: system.name, source: chosen ? 'option' : 'default' },
      layers: [],
      features: reproject(features, system).map(withGeometry),
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new ExchangeFileError('unreadable_file', `The GeoJSON is not valid JSON: ${(e as Error).message}`)
  }
  const fc = json as { type?: unknown; features?: unknown; crs?: unknown }
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ExchangeFileError('unreadable_file', 'The GeoJSON must be a FeatureCollection: {"type": "FeatureCollection", "features": [...]}')
  }
  const named = chosen ? null : geojsonCrs(fc.crs)
  const system = chosen ?? named ?? namedCrs('wgs84')!
  return {
    format: 'geojson',
    crs: { code: system.code, name: system.name, source: chosen ? 'option' : named ? 'geojson' : 'default' },
    layers: [],
    features: system.proj4 || system.offset ? reproject(fc.features, system).map(withGeometry) : fc.features.map(withGeometry),
  }
}
