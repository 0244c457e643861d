import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { clipMulti, horizontal, splitMulti, vertical, type HalfPlane } from './clip.ts'
import { multiArea, ringArea, toGeoJSON, type MultiPoly, type Pt } from './geom.ts'
import { mulberry32 } from './prng.ts'
import { polygonProblem } from './validity.ts'

const sq = (w: number, s: number, e: number, n: number): Pt[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
]

/** A random star-shaped (simple) polygon around (cx, cy). */
function star(rng: () => number, cx: number, cy: number, n: number): Pt[] {
  const angles = Array.from({ length: n }, () => rng() * 2 * Math.PI).sort((a, b) => a - b)
  return angles.map((t) => {
    const r = 0.2 + rng()
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)] as Pt
  })
}

function expectSimple(mp: MultiPoly): void {
  for (const p of mp) {
    expect(ringArea(p[0]!)).toBeGreaterThan(0)
    for (const h of p.slice(1)) expect(ringArea(h)).toBeLessThan(0)
    expect(polygonProblem(p)).toBeNull()
  }
}

describe('clipMulti', () => {
  it('splits a square along a vertical line', () => {
    const [l, r] = splitMulti([[sq(0, 0, 2, 1)]], vertical(0.5))
    expect(multiArea(l)).toBeCloseTo(0.5, 12)
    expect(multiArea(r)).toBeCloseTo(1.5, 12)
    expect(l[0]![0]!.every((p) => p[0] <= 0.5)).toBe(true)
    expectSimple(l)
    expectSimple(r)
  })

  it('returns each connected piece as its own polygon', () => {
    // a U: two arms above y = 1
    const u: Pt[] = [
      [0, 0],
      [3, 0],
      [3, 2],
      [2, 2],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ]
    const top = clipMulti([[u]], horizontal(1.5, true))
    expect(top).toHaveLength(2)
    expect(multiArea(top)).toBeCloseTo(1, 12)
    expectSimple(top)
    const bottom = clipMulti([[u]], horizontal(1.5))
    expect(bottom).toHaveLength(1)
    expect(multiArea(bottom)).toBeCloseTo(4, 12)
  })

  it('keeps, cuts and closes holes', () => {
    const hole: Pt[] = sq(1, 1, 2, 2).reverse()
    const p: MultiPoly = [[sq(0, 0, 3, 3), hole]]
    const [l, r] = splitMulti(p, vertical(0.5))
    expect(l[0]).toHaveLength(1)
    expect(r[0]).toHaveLength(2) // hole entirely on the right
    expect(multiArea(r)).toBeCloseTo(7.5 - 1, 12)
    const [a, b] = splitMulti(p, vertical(1.5))
    expect(a).toHaveLength(1)
    expect(a[0]).toHaveLength(1) // the hole became a notch
    expect(multiArea(a)).toBeCloseTo(4.5 - 0.5, 12)
    expect(multiArea(b)).toBeCloseTo(4.5 - 0.5, 12)
    expectSimple(a)
    expectSimple(b)
    // the hole lies on the kept side of a line, but the outer ring does not
    const c = clipMulti(p, horizontal(2.5))
    expect(c[0]).toHaveLength(2)
    expect(multiArea(c)).toBeCloseTo(7.5 - 1, 12)
  })

  it('handles vertices exactly on the line', () => {
    // diamond touching x = 1 from the left with its right vertex, and crossing it through vertices
    const diamond: Pt[] = [
      [0, -1],
      [1, 0],
      [0, 1],
      [-1, 0],
    ]
    const [l, r] = splitMulti([[diamond]], vertical(1))
    expect(multiArea(l)).toBeCloseTo(2, 12)
    expect(r).toHaveLength(0)
    const [l0, r0] = splitMulti([[diamond]], vertical(0))
    expect(multiArea(l0)).toBeCloseTo(1, 12)
    expect(multiArea(r0)).toBeCloseTo(1, 12)
    expectSimple(l0)
    expectSimple(r0)
    // a W whose middle vertex touches y = 1 from below: one piece above y = 0.5 becomes two, below stays one
    const w: Pt[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [3, 2],
      [2, 1],
      [1, 2],
      [0, 2],
    ]
    const [below, above] = splitMulti([[w]], horizontal(1))
    expect(multiArea(below)).toBeCloseTo(4, 12)
    expect(above).toHaveLength(2)
    expect(multiArea(above)).toBeCloseTo(3, 12)
    // an edge lying on the line
    const [lo, hi] = splitMulti([[sq(0, 0, 1, 1)]], horizontal(1))
    expect(multiArea(lo)).toBeCloseTo(1, 12)
    expect(hi).toHaveLength(0)
  })

  it('conserves area and agrees with turf.intersect on random polygons and lines', () => {
    const rng = mulberry32(7)
    for (let k = 0; k < 200; k++) {
      const ring = star(rng, 0, 0, 5 + Math.floor(rng() * 40))
      const t = rng() * Math.PI
      const h: HalfPlane = { nx: Math.cos(t), ny: Math.sin(t), mx: (rng() - 0.5) * 0.8, my: (rng() - 0.5) * 0.8 }
      const mp: MultiPoly = [[ring]]
      const [a, b] = splitMulti(mp, h)
      const total = multiArea(mp)
      expect(Math.abs(multiArea(a) + multiArea(b) - total) / total).toBeLessThan(1e-12)
      expectSimple(a)
      expectSimple(b)
      if (k < 30 && a.length > 0) {
        // the kept side as a big polygon for turf
        const far = 100
        const dx = -h.ny
        const dy = h.nx
        const hp = turf.polygon([
          [
            [h.mx - dx * far, h.my - dy * far],
            [h.mx + dx * far, h.my + dy * far],
            [h.mx + dx * far - h.nx * far, h.my + dy * far - h.ny * far],
            [h.mx - dx * far - h.nx * far, h.my - dy * far - h.ny * far],
            [h.mx - dx * far, h.my - dy * far],
          ],
        ])
        const ref = turf.intersect(turf.featureCollection([turf.polygon(toGeoJSON(mp).coordinates[0]!), hp]))
        const refParts = ref!.geometry.type === 'Polygon' ? 1 : ref!.geometry.coordinates.length
        expect(a.length).toBe(refParts)
      }
    }
  })
})
