import type { FeatureIssue } from './issues.ts'

/**
 * Structural checks of incoming GeoJSON geometry, done in TypeScript BEFORE anything reaches PostGIS:
 * the size limits (a 100k-vertex polygon should be refused without parsing it twice), and the two
 * defects PostGIS' GeoJSON reader does not name precisely (an unclosed ring or a ring with too few
 * positions: ST_GeomFromGeoJSON accepts them silently and ST_IsValid only says "invalid").
 * Topology (self-intersections, holes outside shells…) is PostGIS' job: see geometry-checks.ts.
 */

/** Every accepted position lies in this box (mainland China with its islands, a little margin). */
export const CHINA_BOX = { west: 73, east: 136, south: 3, north: 54 } as const

/** Per feature: the GeoJSON of one geometry, serialised. */
export const MAX_FEATURE_BYTES = 5 * 1024 * 1024
/** Per feature: positions over all rings/lines. */
export const MAX_FEATURE_VERTICES = 100_000

export type SurfaceType = 'Polygon' | 'MultiPolygon'
export type LinearType = 'LineString' | 'MultiLineString'
export type AcceptedType = SurfaceType | LinearType

export const SURFACE_TYPES: readonly SurfaceType[] = ['Polygon', 'MultiPolygon']
export const AREA_TYPES: readonly AcceptedType[] = ['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString']

export interface CheckedGeometry {
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | GeoJSON.LineString | GeoJSON.MultiLineString
  vertices: number
  bytes: number
}

type Position = number[]

const fmt = (n: number) => n.toLocaleString('en-US')

/**
 * Checks one geometry. Returns the geometry or the FIRST problem found, in this order:
 * shape (400 validation_failed) → size (413 geometry_too_large) → rings/lines/ranges (422 invalid_geometry).
 */
export function checkGeometry(
  value: unknown,
  accepted: readonly AcceptedType[],
  path = 'geometry',
): { ok: true; value: CheckedGeometry } | { ok: false; issue: FeatureIssue } {
  const malformed = (p: string, message: string) => ({
    ok: false as const,
    issue: { code: 'validation_failed' as const, status: 400, path: p, message },
  })
  if (value === null || value === undefined) return malformed(path, `${path} is required`)
  if (typeof value !== 'object' || Array.isArray(value)) return malformed(path, `${path} must be a GeoJSON geometry object`)
  const g = value as { type?: unknown; coordinates?: unknown; geometries?: unknown }
  if (g.type === 'GeometryCollection') {
    // What a KML MultiGeometry of a polygon and a point becomes (docs/IMPORT-EXPORT.md): name the kinds it mixes.
    const kinds = Array.isArray(g.geometries) ? [...new Set(g.geometries.map((x) => String((x as { type?: unknown } | null)?.type)))] : []
    return {
      ok: false,
      issue: {
        code: 'mixed_geometry',
        status: 422,
        path: `${path}.type`,
        message: `${path} mixes geometry types (a GeometryCollection of ${kinds.join(', ') || 'nothing'}); give one of ${accepted.join(', ')}`,
        kinds,
      },
    }
  }
  if (typeof g.type !== 'string' || !(accepted as readonly string[]).includes(g.type)) {
    return malformed(`${path}.type`, `${path}.type must be one of ${accepted.join(', ')}${typeof g.type === 'string' ? ` (got ${g.type})` : ''}`)
  }
  const type = g.type as AcceptedType
  // Nesting depth of the coordinates array down to positions: LineString 1, Polygon/MultiLineString 2, MultiPolygon 3.
  const depth = type === 'LineString' ? 1 : type === 'MultiPolygon' ? 3 : 2

  // 1. Shape and vertex count in one walk.
  let vertices = 0
  let shapeError: { path: string; message: string } | null = null
  const walk = (node: unknown, level: number, p: string): void => {
    if (shapeError) return
    if (!Array.isArray(node)) {
      shapeError = { path: p, message: `${p} must be an array` }
      return
    }
    if (level === 0) {
      if (node.length < 2 || node.length > 3 || !node.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        shapeError = { path: p, message: `${p} must be a position [lng, lat] of finite numbers` }
        return
      }
      vertices++
      return
    }
    for (let i = 0; i < node.length; i++) walk(node[i], level - 1, `${p}.${i}`)
  }
  walk(g.coordinates, depth, `${path}.coordinates`)
  if (shapeError) return malformed((shapeError as { path: string }).path, (shapeError as { message: string }).message)

  // 2. Size, before anything is sent to the database.
  if (vertices > MAX_FEATURE_VERTICES) {
    return {
      ok: false,
      issue: {
        code: 'geometry_too_large', status: 413, path,
        message: `${path} has ${fmt(vertices)} vertices; at most ${fmt(MAX_FEATURE_VERTICES)} are accepted per feature (simplify it or split it into several features)`,
        limit: MAX_FEATURE_VERTICES, actual: vertices, unit: 'vertices',
      },
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8')
  if (bytes > MAX_FEATURE_BYTES) {
    return {
      ok: false,
      issue: {
        code: 'geometry_too_large', status: 413, path,
        message: `${path} is ${(bytes / 1048576).toFixed(1)} MB of GeoJSON; at most 5 MB are accepted per feature`,
        limit: MAX_FEATURE_BYTES, actual: bytes, unit: 'bytes',
      },
    }
  }

  // 3. Rings, lines and coordinate ranges.
  const invalid = (p: string, reason: string, message: string) => ({
    ok: false as const,
    issue: { code: 'invalid_geometry' as const, status: 422, path: p, reason, message },
  })
  const coords = g.coordinates as unknown[]
  if (coords.length === 0) return invalid(`${path}.coordinates`, 'Empty geometry', `${path} has no coordinates`)

  const checkRange = (pos: Position, p: string) => {
    const [lng, lat] = pos as [number, number]
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      return invalid(p, 'Coordinate out of range',
        `${p} = [${pos.join(', ')}] is not a longitude/latitude; coordinates must be WGS84/CGCS2000 degrees (lng within ±180, lat within ±90)`)
    }
    // A district's regions and areas lie in China: anything else is a mistake (swapped axes, another CRS) and a
    // whole-world or antimeridian-spanning shape would make PostGIS' geography functions fail ("antipodal edge").
    if (lng < CHINA_BOX.west || lng > CHINA_BOX.east || lat < CHINA_BOX.south || lat > CHINA_BOX.north) {
      return invalid(p, 'Outside China',
        `${p} = [${pos.join(', ')}] lies outside China (lng ${CHINA_BOX.west}–${CHINA_BOX.east}, lat ${CHINA_BOX.south}–${CHINA_BOX.north}); is it lng/lat in WGS84 or CGCS2000?`)
    }
    return null
  }
  const checkRing = (ring: Position[], p: string, label: string) => {
    for (let i = 0; i < ring.length; i++) {
      const bad = checkRange(ring[i]!, `${p}.${i}`)
      if (bad) return bad
    }
    if (ring.length < 4) {
      return invalid(p, 'Too few points in ring', `${label} (${p}) has ${ring.length} position${ring.length === 1 ? '' : 's'}; a closed ring needs at least 4 (the first repeated at the end)`)
    }
    const first = ring[0]!
    const last = ring[ring.length - 1]!
    if (first.length !== last.length || first.some((v, i) => v !== last[i])) {
      return invalid(p, 'Ring not closed', `${label} (${p}) is not closed: it starts at [${first.join(', ')}] and ends at [${last.join(', ')}]; repeat the first position at the end`)
    }
    return null
  }
  const checkPolygon = (rings: Position[][], p: string, prefix: string) => {
    if (rings.length === 0) return invalid(p, 'Empty polygon', `${prefix || 'the polygon'} (${p}) has no rings`)
    for (let r = 0; r < rings.length; r++) {
      const label = `${prefix}${r === 0 ? 'exterior ring' : `hole ${r}`}`
      const bad = checkRing(rings[r]!, `${p}.${r}`, label.charAt(0).toUpperCase() + label.slice(1))
      if (bad) return bad
    }
    return null
  }
  const checkLine = (line: Position[], p: string, label: string) => {
    for (let i = 0; i < line.length; i++) {
      const bad = checkRange(line[i]!, `${p}.${i}`)
      if (bad) return bad
    }
    if (line.length < 2) return invalid(p, 'Too few points in line', `${label} (${p}) has ${line.length} position${line.length === 1 ? '' : 's'}; a line needs at least 2`)
    return null
  }

  let bad: ReturnType<typeof invalid> | null = null
  const base = `${path}.coordinates`
  if (type === 'Polygon') bad = checkPolygon(coords as Position[][], base, '')
  else if (type === 'MultiPolygon') {
    for (let i = 0; i < coords.length && !bad; i++) bad = checkPolygon(coords[i] as Position[][], `${base}.${i}`, `polygon ${i}, `)
  } else if (type === 'LineString') bad = checkLine(coords as Position[], base, 'The line')
  else {
    for (let i = 0; i < coords.length && !bad; i++) bad = checkLine(coords[i] as Position[], `${base}.${i}`, `Line ${i}`)
  }
  if (bad) return bad
  return { ok: true, value: { geometry: value as CheckedGeometry['geometry'], vertices, bytes } }
}
