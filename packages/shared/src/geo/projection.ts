import proj4 from 'proj4'
import { toWgs84, type Crs } from './crs.ts'

/**
 * Coordinate reference systems of exchange files (Shapefile .prj, an EPSG code the user names, GCJ-02 when the user
 * says so) and reprojection of their coordinates to WGS84 lng/lat, which the database stores (docs/IMPORT-EXPORT.md).
 *
 * CGCS2000 and WGS84 differ by a few centimetres at most in China today (same ellipsoid size, 1/f 298.257222101 vs
 * 298.257223563); like the rest of the platform (geo/crs.ts) they are treated as the same datum. Projected systems
 * are recognised from the .prj's PARAMETERS (projection, ellipsoid, central meridian, scale, false easting/northing),
 * not its name, because QGIS, ArcGIS and hand-made .prj files name the same system differently.
 */

/** A resolved system: how to turn a file's [x, y] into WGS84 [lng, lat]. */
export interface ResolvedCrs {
  /** 'EPSG:4549', 'gcj02', 'bd09', or 'custom' for a Transverse Mercator that matches no EPSG entry below. */
  code: string
  /** Human name, e.g. 'CGCS2000 / 3-degree Gauss-Kruger CM 120E'. */
  name: string
  /** proj4 definition of a projected system; absent for lng/lat systems. */
  proj4?: string
  /** Lng/lat systems that need a shift to WGS84 (Chinese map offsets). */
  offset?: Extract<Crs, 'gcj02' | 'bd09'>
}

/** Thrown when a .prj or a named system cannot be used; `message` names it and says why. */
export class CrsError extends Error {
  constructor(
    readonly code: 'unknown_crs' | 'crs_required',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'CrsError'
  }
}

const CGCS2000_RF = 298.257222101
const WGS84_RF = 298.257223563
const A = 6378137
const TM_NAMES = new Set(['transversemercator', 'gausskruger', 'tmerc', 'gausskrueger'])

const tmerc = (lon0: number, k: number, x0: number, y0 = 0) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=GRS80 +units=m +no_defs`

/**
 * The EPSG systems accepted by code: WGS84 and CGCS2000 lng/lat; the CGCS2000 Gauss–Krüger zones (3-degree,
 * EPSG:4513–4533 with the zone number in front of the easting, 4534–4554 without; 6-degree 4491–4501 / 4502–4512);
 * WGS84 UTM north zones 43–53 (China).
 */
export function epsgCrs(code: number): ResolvedCrs | null {
  if (code === 4326) return { code: 'EPSG:4326', name: 'WGS 84' }
  if (code === 4490) return { code: 'EPSG:4490', name: 'China Geodetic Coordinate System 2000' }
  if (code >= 4534 && code <= 4554) {
    const cm = 75 + 3 * (code - 4534)
    return { code: `EPSG:${code}`, name: `CGCS2000 / 3-degree Gauss-Kruger CM ${cm}E`, proj4: tmerc(cm, 1, 500000) }
  }
  if (code >= 4513 && code <= 4533) {
    const zone = 25 + (code - 4513)
    return { code: `EPSG:${code}`, name: `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`, proj4: tmerc(zone * 3, 1, zone * 1e6 + 500000) }
  }
  if (code >= 4502 && code <= 4512) {
    const cm = 75 + 6 * (code - 4502)
    return { code: `EPSG:${code}`, name: `CGCS2000 / Gauss-Kruger CM ${cm}E`, proj4: tmerc(cm, 1, 500000) }
  }
  if (code >= 4491 && code <= 4501) {
    const zone = 13 + (code - 4491)
    return { code: `EPSG:${code}`, name: `CGCS2000 / Gauss-Kruger zone ${zone}`, proj4: tmerc(zone * 6 - 3, 1, zone * 1e6 + 500000) }
  }
  if (code >= 32643 && code <= 32653) {
    const zone = code - 32600
    return { code: `EPSG:${code}`, name: `WGS 84 / UTM zone ${zone}N`, proj4: `+proj=utm +zone=${zone} +ellps=WGS84 +units=m +no_defs` }
  }
  return null
}

export const SUPPORTED_CRS_TEXT =
  'wgs84, gcj02, bd09, EPSG:4326, EPSG:4490, CGCS2000 Gauss-Kruger EPSG:4491–4554, WGS 84 UTM EPSG:32643–32653'

/**
 * The system the user names: 'wgs84', 'gcj02', 'bd09', 'cgcs2000', 'EPSG:4549' or '4549'. `null` for 'auto'.
 * Throws {@link CrsError} for anything else.
 */
export function namedCrs(value: string): ResolvedCrs | null {
  const v = value.trim().toLowerCase()
  if (v === 'auto' || v === '') return null
  if (v === 'wgs84') return epsgCrs(4326)
  if (v === 'cgcs2000') return epsgCrs(4490)
  if (v === 'gcj02') return { code: 'gcj02', name: 'GCJ-02 (AMap, Tencent)', offset: 'gcj02' }
  if (v === 'bd09') return { code: 'bd09', name: 'BD-09 (Baidu lng/lat)', offset: 'bd09' }
  const m = /^(?:epsg:)?(\d{4,5})$/.exec(v)
  const found = m ? epsgCrs(Number(m[1])) : null
  if (found) return found
  throw new CrsError('unknown_crs', `Unknown coordinate system "${value.slice(0, 60)}"; use one of ${SUPPORTED_CRS_TEXT}`, { crs: value.slice(0, 60) })
}

/** The EPSG entry with exactly these Transverse Mercator parameters (false northing 0), if any. */
function knownTm(cgcs: boolean, cm: number, k: number, x0: number): ResolvedCrs | null {
  const zone = Math.floor(x0 / 1e6)
  const candidates = cgcs
    ? [4534 + (cm - 75) / 3, 4502 + (cm - 75) / 6, 4513 + zone - 25, 4491 + zone - 13]
    : [32600 + (cm + 183) / 6]
  for (const code of candidates) {
    const crs = Number.isInteger(code) ? epsgCrs(code) : null
    if (!crs?.proj4) continue
    const expected = cgcs ? tmerc(cm, k, x0) : `+proj=utm +zone=${code - 32600} +ellps=WGS84 +units=m +no_defs`
    if (crs.proj4 === expected && (cgcs || (k === 0.9996 && x0 === 500000))) return crs
  }
  return null
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits

/**
 * Recognises a .prj (ESRI or OGC WKT) by its parameters: lng/lat or Transverse Mercator (Gauss–Krüger, UTM) on the
 * CGCS2000 / WGS84 ellipsoid, Greenwich, metres. Anything else (Beijing 1954, Xi'an 1980, Web Mercator, feet…)
 * throws {@link CrsError} naming the system and the parameter that does not fit.
 */
export function crsFromPrj(wkt: string): ResolvedCrs {
  const text = wkt.trim()
  let p: Record<string, unknown>
  try {
    p = proj4.Proj(text) as unknown as Record<string, unknown>
  } catch {
    p = {}
  }
  const name = typeof p.name === 'string' ? p.name : (/^\s*\w+\s*\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60))
  const unknown = (why: string) =>
    new CrsError('unknown_crs', `The .prj describes "${name}", which cannot be used: ${why}. Convert the data to CGCS2000 or WGS84 (lng/lat or Gauss-Kruger) first, or name the system with crs=…`, { prj: text.slice(0, 2000), prjName: name })
  if (typeof p.projName !== 'string') throw unknown('the file is not a coordinate system description (WKT) that can be read')
  const a = Number(p.a)
  const rf = Number(p.rf)
  if (!near(a, A, 0.5) || !(near(rf, CGCS2000_RF, 1e-6) || near(rf, WGS84_RF, 1e-6))) {
    throw unknown(`its ellipsoid (a = ${round(a, 3)} m, 1/f = ${round(rf, 6)}) is neither CGCS2000 nor WGS84, and a datum shift needs local parameters`)
  }
  const cgcs = near(rf, CGCS2000_RF, 1e-6)
  const pm = Number(p.from_greenwich ?? 0)
  if (pm !== 0) throw unknown(`its prime meridian is not Greenwich`)
  const geographic = cgcs ? epsgCrs(4490)! : epsgCrs(4326)!
  const kind = String(p.projName).toLowerCase().replace(/[^a-z]/g, '')
  if (kind === 'longlat') {
    if (p.units !== undefined && !/^deg/i.test(String(p.units))) throw unknown(`its angular unit is ${String(p.units)}, not degrees`)
    return geographic
  }
  if (!TM_NAMES.has(kind)) throw unknown(`its projection ${String(p.projName)} is not Transverse Mercator / Gauss-Kruger`)
  const toMeter = Number(p.to_meter ?? 1)
  if (!near(toMeter, 1, 1e-9)) throw unknown(`its linear unit is ${String(p.units)} (${toMeter} m), not metres`)
  const lat0 = Number(p.lat0 ?? 0)
  if (!near(lat0, 0, 1e-12)) throw unknown(`its latitude of origin is ${round((lat0 * 180) / Math.PI, 6)}°, not 0`)
  const cm = round((Number(p.long0 ?? 0) * 180) / Math.PI, 9)
  const k = round(Number(p.k0 ?? 1), 9)
  const x0 = round(Number(p.x0 ?? 0), 6)
  const y0 = round(Number(p.y0 ?? 0), 6)
  if (!(cm >= -180 && cm <= 180) || !(k > 0.5 && k <= 1.5)) throw unknown(`its central meridian ${cm}° or scale factor ${k} is out of range`)
  if (y0 === 0) {
    const known = knownTm(cgcs, cm, k, x0)
    if (known) return known
  }
  const ellps = cgcs ? 'GRS80' : 'WGS84'
  return {
    code: 'custom',
    name: `${name} (Transverse Mercator, ${cgcs ? 'CGCS2000' : 'WGS84'}, central meridian ${cm}°E, k ${k}, false easting ${x0} m, false northing ${y0} m)`,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=${k} +x_0=${x0} +y_0=${y0} +ellps=${ellps} +units=m +no_defs`,
  }
}

/** A function turning one [x, y] of `crs` into WGS84 [lng, lat]; null when the system is WGS84/CGCS2000 lng/lat. */
export function toWgs84Converter(crs: ResolvedCrs): ((xy: number[]) => [number, number]) | null {
  if (crs.proj4) {
    // The inverse onto lng/lat of the same ellipsoid: no datum shift (CGCS2000 ≈ WGS84, see above).
    const ellps = /\+ellps=(\w+)/.exec(crs.proj4)?.[1] ?? 'GRS80'
    const converter = proj4(crs.proj4, `+proj=longlat +ellps=${ellps} +no_defs`)
    // Rounded to 1e-9° (0.1 mm): data that left the database as WGS84 and came back through Gauss-Kruger is then
    // bit-identical again (an unchanged region stays unchanged), far below the survey's own precision.
    return (xy) => {
      const [lng, lat] = converter.forward([xy[0]!, xy[1]!]) as [number, number]
      return [round(lng, 9), round(lat, 9)]
    }
  }
  const offset = crs.offset
  if (offset) {
    return (xy) => {
      const p = toWgs84({ lng: xy[0]!, lat: xy[1]! }, offset)
      return [p.lng, p.lat]
    }
  }
  return null
}

/** The inverse of {@link toWgs84Converter} for a projected system (tests and exports in a local system). */
export function fromWgs84Converter(crs: ResolvedCrs): (lngLat: number[]) => [number, number] {
  if (!crs.proj4) return (p) => [p[0]!, p[1]!]
  const ellps = /\+ellps=(\w+)/.exec(crs.proj4)?.[1] ?? 'GRS80'
  const converter = proj4(`+proj=longlat +ellps=${ellps} +no_defs`, crs.proj4)
  return (p) => converter.forward([p[0]!, p[1]!]) as [number, number]
}

type Position = number[]
type AnyGeometry = { type: string; coordinates?: unknown; geometries?: AnyGeometry[] }

/** Every position of a geometry mapped through `f` (a new geometry; GeometryCollections included). */
export function mapPositions<G extends AnyGeometry>(geometry: G, f: (p: Position) => Position): G {
  const walk = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? f(c as Position) : Array.isArray(c) ? c.map(walk) : c)
  if (geometry.type === 'GeometryCollection') return { ...geometry, geometries: (geometry.geometries ?? []).map((g) => mapPositions(g, f)) }
  return { ...geometry, coordinates: walk(geometry.coordinates) }
}

/**
 * Reprojects the features' geometries from `crs` to WGS84 in place of copies; features with a null or malformed
 * geometry are passed through for the import's own checks to name.
 */
export function reprojectFeatures<F extends { geometry: unknown }>(features: F[], crs: ResolvedCrs): F[] {
  const convert = toWgs84Converter(crs)
  if (!convert) return features
  return features.map((f) => {
    const g = f.geometry as AnyGeometry | null
    if (!g || typeof g !== 'object' || typeof g.type !== 'string') return f
    return { ...f, geometry: mapPositions(g, (p) => (p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)) ? convert(p) : p)) }
  })
}
