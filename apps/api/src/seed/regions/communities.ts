/**
 * Community level (社区/村): each street/town area is split among the communities the divisions CSV lists under it.
 *
 * SYNTHETIC: no community boundaries are published. Seed points are drawn inside the town (PRNG keyed by the town
 * code), denser near the town seat, clustered with k-means; the town is then split into the seeds' Voronoi cells.
 * Urban 社区 take the cells nearest the seat (the small ones, as density is higher there), villages (村) the rest.
 * Stray fragments of a cell (where a cell crosses a bend of the town boundary) are merged into a neighbour.
 */
import { polyArea, type MultiPoly, type Pt } from './geom.ts'
import { rngFor } from './prng.ts'
import { distM } from './projection.ts'
import { kmeansSeeds, samplePoints } from './seeds.ts'
import { mergeSmallPieces } from './slivers.ts'
import type { Division } from './sources.ts'
import type { Street } from './streets.ts'
import { voronoiSplit } from './voronoi.ts'

export interface Community {
  code: string
  name: string
  parentCode: string
  geometry: MultiPoly
  /** the Voronoi seed: a point inside the community */
  seed: Pt
  urban: boolean
}

export const isUrbanCommunity = (name: string): boolean => name.includes('社区')

/**
 * How much denser seeds are at the seat than far away: density(d) = 1 + peak·exp(−d / radius).
 * Streets made only of 社区 get a mild gradient; towns with a few 社区 a strong one (a compact town centre);
 * purely rural towns a gentle one (villages near the seat are a little smaller).
 */
function densityFor(communities: Division[]): { peak: number; radius: number } {
  const urban = communities.filter((c) => isUrbanCommunity(c.name)).length
  if (urban === communities.length) return { peak: 3, radius: 1200 }
  if (urban > 0) return { peak: 8, radius: 1500 }
  return { peak: 2, radius: 3000 }
}

export function splitStreet(street: Street, divisions: Division[]): Community[] {
  const members = divisions.filter((d) => d.level === 'village' && d.parentCode === street.code).sort((a, b) => (a.code < b.code ? -1 : 1))
  if (members.length === 0) return []
  if (members.length === 1) {
    const d = members[0]!
    return [{ code: d.code, name: d.name, parentCode: street.code, geometry: street.geometry, seed: street.seat, urban: isUrbanCommunity(d.name) }]
  }
  const n = members.length
  const rng = rngFor(street.code, 'communities')
  const { peak, radius } = densityFor(members)
  const [sx, sy] = street.seat
  const weight = (x: number, y: number) => (1 + peak * Math.exp(-distM(x, y, sx, sy) / radius)) / (1 + peak)
  const samples = samplePoints(street.geometry, Math.min(6000, 200 * n), rng, weight)
  const seeds = kmeansSeeds(samples, n, rng)
  const cells = voronoiSplit(street.geometry, seeds)

  // stray parts (not the largest part of their cell) join a neighbouring cell
  const pieces = cells.flatMap((mp, cell) => mp.map((poly) => ({ cell, poly })))
  const largest = cells.map((mp) => Math.max(...mp.map(polyArea)))
  const merged = mergeSmallPieces(pieces, (p) => polyArea(p.poly) < largest[p.cell]!)
  const geoms: MultiPoly[] = cells.map(() => [])
  for (const p of merged) geoms[p.cell]!.push(p.poly)

  // nearest cells to the seat → 社区 first (code order), then 村 (code order)
  const byDistance = seeds
    .map((s, i) => ({ i, d: distM(s[0], s[1], sx, sy) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((o) => o.i)
  const ordered = [...members.filter((m) => isUrbanCommunity(m.name)), ...members.filter((m) => !isUrbanCommunity(m.name))]
  const out = ordered.map((d, k) => {
    const cell = byDistance[k]!
    if (geoms[cell]!.length === 0) throw new Error(`empty community cell for ${d.code}`)
    return { code: d.code, name: d.name, parentCode: street.code, geometry: geoms[cell]!, seed: seeds[cell]!, urban: isUrbanCommunity(d.name) }
  })
  return out.sort((a, b) => (a.code < b.code ? -1 : 1))
}
