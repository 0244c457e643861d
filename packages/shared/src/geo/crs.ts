import gcoord from 'gcoord'

/**
 * Coordinate systems accepted on the way in (docs/DOMAIN.md §6):
 * - `wgs84` — GPS / CGCS2000 (treated as identical at this scale); what the database stores.
 * - `gcj02` — "Mars coordinates" used by AMap (高德), Tencent and most Chinese phone maps.
 * - `bd09`  — Baidu's further-offset variant of GCJ-02 (BD-09 lng/lat, not BD-09 Mercator metres).
 */
export const CRS_VALUES = ['wgs84', 'gcj02', 'bd09'] as const
export type Crs = (typeof CRS_VALUES)[number]

export interface LngLat {
  lng: number
  lat: number
}

export function isCrs(v: unknown): v is Crs {
  return typeof v === 'string' && (CRS_VALUES as readonly string[]).includes(v)
}

/** Thrown by {@link validateLngLat}; `message` says exactly what is wrong. */
export class CoordinateError extends RangeError {
  readonly code = 'invalid_coordinate'
  constructor(message: string) {
    super(message)
    this.name = 'CoordinateError'
  }
}

function checkAxis(name: 'lng' | 'lat', v: unknown, limit: number): string | null {
  if (typeof v !== 'number') return `${name} must be a number, got ${v === null ? 'null' : typeof v}`
  if (Number.isNaN(v)) return `${name} must be a finite number, got NaN`
  if (!Number.isFinite(v)) return `${name} must be a finite number, got ${v}`
  if (v < -limit || v > limit) return `${name} ${v} is out of range [-${limit}, ${limit}]`
  return null
}

/**
 * Returns the point as a plain `{lng, lat}` or throws a {@link CoordinateError} naming the
 * bad axis: not a number, NaN/±Infinity, lng outside [-180, 180], lat outside [-90, 90].
 * When the point is only valid with the axes swapped, the message says so.
 */
export function validateLngLat(point: { lng: unknown; lat: unknown }): LngLat {
  const problems = [checkAxis('lng', point.lng, 180), checkAxis('lat', point.lat, 90)].filter(
    (p): p is string => p !== null,
  )
  if (problems.length === 0) return { lng: point.lng as number, lat: point.lat as number }
  let message = problems.join('; ')
  if (checkAxis('lng', point.lat, 180) === null && checkAxis('lat', point.lng, 90) === null) {
    message += ' (lng and lat look swapped: GeoJSON order is [lng, lat])'
  }
  throw new CoordinateError(message)
}

const GCOORD_CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const

function transform(point: LngLat, from: Crs, to: Crs): LngLat {
  const p = validateLngLat(point)
  if (from === to) return p
  const [lng, lat] = gcoord.transform<[number, number]>([p.lng, p.lat], GCOORD_CRS[from], GCOORD_CRS[to])
  return { lng, lat }
}

/**
 * Converts a point given in `crs` to WGS84 (gcoord; GCJ-02 → WGS84 is gcoord's iterative inverse,
 * residual well under 1 m inside China). Validates the input first ({@link validateLngLat}).
 *
 * Outside China: gcoord applies the GCJ-02 offset only inside a rough bounding box
 * (lng 72.004–137.8347, lat 0.8293–55.8271). Outside it, `gcj02` points are returned unchanged,
 * but `bd09` points still get Baidu's own BD-09 → GCJ-02 shift (a few hundred metres).
 * Inside the box but outside China (e.g. Seoul) the GCJ-02 offset is applied although it should
 * not be. None of this matters for Hanjiang; a point that far away is outside the district and
 * is flagged for review by the assignment anyway.
 */
export function toWgs84(point: LngLat, crs: Crs): LngLat {
  return transform(point, crs, 'wgs84')
}

/** The inverse of {@link toWgs84}: a WGS84 point expressed in `crs` (e.g. for an AMap basemap). */
export function fromWgs84(point: LngLat, crs: Crs): LngLat {
  return transform(point, 'wgs84', crs)
}
