import type { LngLat } from './crs.ts'

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8

/**
 * Great-circle (haversine) distance in metres between two WGS84 points.
 * Accurate to ~0.5 % (spherical Earth): good for tolerance checks and explanations,
 * not for surveying. Spatial queries use PostGIS geography instead.
 */
export function distanceM(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
