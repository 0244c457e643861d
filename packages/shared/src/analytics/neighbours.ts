/**
 * Neighbourhoods for Gi*. Administrative grids use a fixed distance band on their representative points (a point
 * on the surface of each grid): every feature within `band` metres is a neighbour. The default band is the largest
 * nearest-neighbour distance, so every feature has at least one neighbour (ArcGIS's default for a fixed band).
 * H3 hexagons use contiguity instead: the six cells of the first ring (apps/api, h3-js gridDisk).
 */
export interface LngLat {
  lng: number
  lat: number
}

const R = 6_371_008.8

/** Metres between two points (equirectangular: exact enough within a district). */
export function metres(a: LngLat, b: LngLat): number {
  const phi = ((a.lat + b.lat) / 2) * (Math.PI / 180)
  const dx = (b.lng - a.lng) * (Math.PI / 180) * Math.cos(phi)
  const dy = (b.lat - a.lat) * (Math.PI / 180)
  return R * Math.sqrt(dx * dx + dy * dy)
}

/** The largest distance from a point to its nearest other point (0 for fewer than two points). */
export function defaultDistanceBand(points: readonly LngLat[]): number {
  let band = 0
  for (let i = 0; i < points.length; i++) {
    let nearest = Infinity
    for (let j = 0; j < points.length; j++) if (i !== j) nearest = Math.min(nearest, metres(points[i]!, points[j]!))
    if (Number.isFinite(nearest)) band = Math.max(band, nearest)
  }
  return band
}

/** For each point, the indices of the other points within `band` metres. */
export function distanceBandNeighbours(points: readonly LngLat[], band: number): number[][] {
  const out: number[][] = points.map(() => [])
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (metres(points[i]!, points[j]!) <= band) {
        out[i]!.push(j)
        out[j]!.push(i)
      }
    }
  }
  return out
}
