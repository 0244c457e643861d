/**
 * Metres ↔ degrees near Hanjiang (~25.45°N). The generator works in WGS84 degrees but sizes things (grid cells,
 * distances to a town seat) in metres; over a district 40 km across a local equirectangular scale is accurate to
 * well under 1 %, which is all a demo needs.
 *
 * The scales are literals (computed once from the WGS84 ellipsoid series below, checked by the test) so the output
 * never depends on the platform's Math.cos.
 */

/** Reference latitude of the district, degrees. */
export const LAT0 = 25.45

/** Metres per degree of latitude at LAT0: 111132.954 − 559.822 cos 2φ + 1.175 cos 4φ. */
export const M_PER_DEG_LAT = 110779.64752527128

/** Metres per degree of longitude at LAT0: 111412.84 cos φ − 93.5 cos 3φ + 0.118 cos 5φ. */
export const M_PER_DEG_LNG = 100579.27195684476

/** (M_PER_DEG_LNG / M_PER_DEG_LAT)²: weight of Δlng² against Δlat² in squared distances. */
export const LNG_WEIGHT = (M_PER_DEG_LNG / M_PER_DEG_LAT) ** 2

/** Square of the local distance between two lng/lat points, in degrees of latitude squared. */
export function dist2Deg(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx
  const dy = ay - by
  return LNG_WEIGHT * dx * dx + dy * dy
}

/** Local distance between two lng/lat points, metres. */
export function distM(ax: number, ay: number, bx: number, by: number): number {
  return Math.sqrt(dist2Deg(ax, ay, bx, by)) * M_PER_DEG_LAT
}

/** Planar area in degrees² → square metres. */
export function deg2ToM2(a: number): number {
  return a * M_PER_DEG_LNG * M_PER_DEG_LAT
}
