/**
 * Grid level (网格 / 万米单元网格): every community is cut into grids coded community code + 3-digit sequence.
 *
 * - Urban streets (涵东, 涵西, 三江口, 白塘): a square lattice, 150 m in 社区 and 200 m in villages, shared by the whole
 *   district (so grids line up across community borders), clipped to the community. Slivers under 1 % of a cell are
 *   folded into a neighbouring grid. A community that would get more than 999 grids gets a coarser lattice.
 * - Elsewhere: a few larger grids per community (3–12, about one per 0.6 km² in villages, 0.4 km² in 社区), the
 *   Voronoi cells of k-means seeds keyed by the community code, stray fragments folded into neighbours.
 *
 * Sequence numbers run north-west to south-east (row by row).
 */
import type { Community } from './communities.ts'
import { bboxOf, mainCentroid, multiArea, multiAreaM2, polyArea, type MultiPoly, type Poly } from './geom.ts'
import { latticeClearance, latticeSplit, type Lattice } from './lattice.ts'
import { rngFor } from './prng.ts'
import { M_PER_DEG_LAT, M_PER_DEG_LNG } from './projection.ts'
import { kmeansSeeds, samplePoints } from './seeds.ts'
import { mergeSmallPieces } from './slivers.ts'
import { voronoiSplit } from './voronoi.ts'

/** Streets whose communities get the fine lattice. */
export const URBAN_STREETS = new Set(['350303001000', '350303002000', '350303100000', '350303101000'])

/** North-west corner shared by every lattice (just outside the district's bounding box). */
export const LATTICE_ORIGIN = { lng: 118.84, lat: 25.77 }

export const MAX_GRIDS_PER_COMMUNITY = 999

/** Fraction of a full cell below which a lattice piece is a sliver. */
const SLIVER_FRACTION = 0.01

/** Vertices closer than this to a lattice line (degrees, ≈2 cm) make the lattice shift a little. */
const MIN_CLEARANCE = 2e-7

export interface Grid {
  code: string
  name: string
  parentCode: string
  geometry: MultiPoly
}

export interface GridPlan {
  kind: 'lattice' | 'voronoi'
  /** lattice cell size in metres, or target grid area in km² for Voronoi grids */
  size: number
}

export function planFor(c: Community): GridPlan {
  if (URBAN_STREETS.has(c.parentCode)) return { kind: 'lattice', size: c.urban ? 150 : 200 }
  return { kind: 'voronoi', size: c.urban ? 0.4 : 0.6 }
}

function latticeOf(sizeM: number, shiftM: number): Lattice {
  return {
    x0: LATTICE_ORIGIN.lng + shiftM / M_PER_DEG_LNG,
    y0: LATTICE_ORIGIN.lat - shiftM / M_PER_DEG_LAT,
    dx: sizeM / M_PER_DEG_LNG,
    dy: sizeM / M_PER_DEG_LAT,
  }
}

interface Cell {
  /** sort key: row (north first), then column (west first) */
  row: number
  col: number
  parts: Poly[]
}

function latticeCells(c: Community, sizeM: number): Cell[] {
  for (let size = sizeM; ; size *= 1.1) {
    // steer clear of lattice lines grazing a vertex (keeps the later 7-decimal rounding safe)
    let shift = 0
    let l = latticeOf(size, shift)
    while (latticeClearance(c.geometry, l) < MIN_CLEARANCE && shift < 50) {
      shift += 0.37
      l = latticeOf(size, shift)
    }
    const pieces = latticeSplit(c.geometry, l).map((p) => ({ cell: p.row * 100_000 + p.col, poly: p.poly }))
    const full = l.dx * l.dy
    const kept = mergeSmallPieces(pieces, (p) => polyArea(p.poly) < SLIVER_FRACTION * full)
    const byCell = new Map<number, Cell>()
    for (const p of kept) {
      let cell = byCell.get(p.cell)
      if (!cell) {
        cell = { row: Math.floor(p.cell / 100_000), col: p.cell % 100_000, parts: [] }
        byCell.set(p.cell, cell)
      }
      cell.parts.push(p.poly)
    }
    const cells = [...byCell.values()]
    if (cells.length <= MAX_GRIDS_PER_COMMUNITY) return cells
  }
}

function voronoiCells(c: Community, targetKm2: number): Cell[] {
  const areaKm2 = multiAreaM2(c.geometry) / 1e6
  const k = Math.max(3, Math.min(12, Math.round(areaKm2 / targetKm2)))
  const rng = rngFor(c.code, 'grids')
  const samples = samplePoints(c.geometry, 120 * k, rng)
  const seeds = kmeansSeeds(samples, k, rng)
  const cells = voronoiSplit(c.geometry, seeds)
  const nominal = multiArea(c.geometry) / k
  const largest = cells.map((mp) => Math.max(0, ...mp.map(polyArea)))
  const pieces = cells.flatMap((mp, cell) => mp.map((poly) => ({ cell, poly })))
  const kept = mergeSmallPieces(pieces, (p) => polyArea(p.poly) < largest[p.cell]! || polyArea(p.poly) < SLIVER_FRACTION * nominal)
  const parts: Poly[][] = cells.map(() => [])
  for (const p of kept) parts[p.cell]!.push(p.poly)
  // rows of roughly one grid's height, north to south; west to east within a row
  const [, , , north] = bboxOf(c.geometry)
  const band = Math.sqrt(nominal) * 1.2
  return parts
    .filter((ps) => ps.length > 0)
    .map((ps) => {
      const [x, y] = mainCentroid(ps)
      return { row: Math.floor((north - y) / band), col: x, parts: ps }
    })
}

/** 新区社区居委会 → 新区社区, 后郭村委会 → 后郭村 */
export function shortName(name: string): string {
  return name.replace(/居委会$/, '').replace(/村委会$/, '村')
}

/** The grids of one community, coded and ordered north-west to south-east. */
export function buildGrids(c: Community): Grid[] {
  const plan = planFor(c)
  const cells = plan.kind === 'lattice' ? latticeCells(c, plan.size) : voronoiCells(c, plan.size)
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  if (cells.length > MAX_GRIDS_PER_COMMUNITY) throw new Error(`${c.code}: ${cells.length} grids`)
  return cells.map((cell, i) => {
    const seq = String(i + 1).padStart(3, '0')
    return { code: c.code + seq, name: `${shortName(c.name)}${seq}网格`, parentCode: c.code, geometry: cell.parts as MultiPoly }
  })
}
