/**
 * Planar polygon helpers on lng/lat coordinates. Internally rings are OPEN (the first point is not repeated at the
 * end), outer rings counter-clockwise and holes clockwise; `toGeoJSON` closes them for output (RFC 7946).
 */
import type { MultiPolygon, Polygon } from 'geojson'
import { deg2ToM2 } from './projection.ts'

export type Pt = [number, number]
export type Ring = Pt[]
/** [outer, ...holes] */
export type Poly = Ring[]
export type MultiPoly = Poly[]
export type BBox = [number, number, number, number]

/** Shoelace area of an open ring, degrees²; positive when counter-clockwise. Centred on the first point for precision. */
export function ringArea(r: Ring): number {
  const n = r.length
  if (n < 3) return 0
  const [ox, oy] = r[0]!
  let s = 0
  for (let i = 1; i < n - 1; i++) {
    const a = r[i]!
    const b = r[i + 1]!
    s += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy)
  }
  return s / 2
}

/** Area of a polygon (outer minus holes), degrees². */
export function polyArea(p: Poly): number {
  let s = 0
  for (const r of p) s += ringArea(r)
  return s
}

export function multiArea(mp: MultiPoly): number {
  let s = 0
  for (const p of mp) s += polyArea(p)
  return s
}

/** Planar area in square metres (local scale at ~25.45°N). */
export function multiAreaM2(mp: MultiPoly): number {
  return deg2ToM2(multiArea(mp))
}

export function bboxOf(mp: MultiPoly): BBox {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  for (const p of mp) {
    for (const [x, y] of p[0] ?? []) {
      if (x < w) w = x
      if (x > e) e = x
      if (y < s) s = y
      if (y > n) n = y
    }
  }
  return [w, s, e, n]
}

/** Even-odd test; points exactly on an edge may go either way. */
export function pointInRing(x: number, y: number, r: Ring): boolean {
  let inside = false
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]!
    const [xj, yj] = r[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

export function pointInPoly(x: number, y: number, p: Poly): boolean {
  if (!p[0] || !pointInRing(x, y, p[0])) return false
  for (let i = 1; i < p.length; i++) if (pointInRing(x, y, p[i]!)) return false
  return true
}

export function pointInMulti(x: number, y: number, mp: MultiPoly): boolean {
  for (const p of mp) if (pointInPoly(x, y, p)) return true
  return false
}

/** Squared planar distance from (x, y) to segment a–b. */
export function segDist2(x: number, y: number, a: Pt, b: Pt, wx = 1): number {
  const dx = (b[0] - a[0]) * Math.sqrt(wx)
  const dy = b[1] - a[1]
  const px = (x - a[0]) * Math.sqrt(wx)
  const py = y - a[1]
  const l2 = dx * dx + dy * dy
  let t = l2 > 0 ? (px * dx + py * dy) / l2 : 0
  t = t < 0 ? 0 : t > 1 ? 1 : t
  const ex = px - t * dx
  const ey = py - t * dy
  return ex * ex + ey * ey
}

/** Removes consecutive duplicates (and a closing duplicate) from a ring. */
export function dedupeRing(r: Ring): Ring {
  const out: Ring = []
  for (const p of r) {
    const q = out[out.length - 1]
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p)
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop()
  return out
}

/** GeoJSON Polygon/MultiPolygon coordinates → open rings, outer CCW, holes CW. */
export function fromGeoJSON(g: Polygon | MultiPolygon): MultiPoly {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  return polys.map((p) =>
    p.map((ring, i) => {
      const r = dedupeRing(ring.map((c) => [c[0]!, c[1]!] as Pt))
      const ccw = ringArea(r) > 0
      return (i === 0) === ccw ? r : r.reverse()
    }),
  )
}

/** Open rings → closed GeoJSON MultiPolygon (RFC 7946 winding is kept from the internal form). */
export function toGeoJSON(mp: MultiPoly): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: mp.map((p) => p.map((r) => [...r.map((c) => [c[0], c[1]]), [r[0]![0], r[0]![1]]])),
  }
}

/** Centroid of the largest polygon's outer ring (area-weighted). */
export function mainCentroid(mp: MultiPoly): Pt {
  let best: Ring | undefined
  let bestA = -Infinity
  for (const p of mp) {
    const a = polyArea(p)
    if (a > bestA) {
      bestA = a
      best = p[0]
    }
  }
  return ringCentroid(best!)
}

export function ringCentroid(r: Ring): Pt {
  const [ox, oy] = r[0]!
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < r.length; i++) {
    const p = r[i]!
    const q = r[(i + 1) % r.length]!
    const x0 = p[0] - ox
    const y0 = p[1] - oy
    const x1 = q[0] - ox
    const y1 = q[1] - oy
    const f = x0 * y1 - x1 * y0
    a += f
    cx += (x0 + x1) * f
    cy += (y0 + y1) * f
  }
  if (a === 0) return [ox, oy]
  return [ox + cx / (3 * a), oy + cy / (3 * a)]
}

/**
 * A point well inside the polygon, for labels: the centroid if it lies inside, else the best of a coarse lattice
 * of candidates by distance to the boundary (a two-pass "pole of inaccessibility").
 */
export function labelPoint(mp: MultiPoly, wx = 1): Pt {
  let main: Poly = mp[0]!
  let bestA = -Infinity
  for (const p of mp) {
    const a = polyArea(p)
    if (a > bestA) {
      bestA = a
      main = p
    }
  }
  const edgeDist = (x: number, y: number): number => {
    let d = Infinity
    for (const r of main) {
      for (let i = 0; i < r.length; i++) {
        const v = segDist2(x, y, r[i]!, r[(i + 1) % r.length]!, wx)
        if (v < d) d = v
      }
    }
    return d
  }
  const [w, s, e, n] = bboxOf([main])
  let best: Pt = ringCentroid(main[0]!)
  let bestD = pointInPoly(best[0], best[1], main) ? edgeDist(best[0], best[1]) : -1
  let cw = (e - w) / 12
  let ch = (n - s) / 12
  let cx = (w + e) / 2
  let cy = (s + n) / 2
  for (let pass = 0; pass < 3; pass++) {
    for (let i = -6; i <= 6; i++) {
      for (let j = -6; j <= 6; j++) {
        const x = cx + i * cw
        const y = cy + j * ch
        if (!pointInPoly(x, y, main)) continue
        const d = edgeDist(x, y)
        if (d > bestD) {
          bestD = d
          best = [x, y]
        }
      }
    }
    cx = best[0]
    cy = best[1]
    cw /= 6
    ch /= 6
  }
  return best
}
