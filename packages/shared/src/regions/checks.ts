import { kinks, unkinkPolygon } from '@turf/turf'
import type { Point, Polygon } from 'geojson'
import { REGION_TOLERANCE_M2, areaM2, bboxOf, bboxesTouch, intersection, polygonsOf, significant, subtract, unionOf, type Areal } from './geometry.ts'

export type RegionProblemKind = 'self_intersection' | 'outside_parent' | 'overlap' | 'gap'

export interface RegionProblem {
  kind: RegionProblemKind
  /** The region the problem is about (for a gap: the parent). */
  code: string
  /** The sibling it overlaps, for `overlap`. */
  other?: string
  /** The problem area to highlight (for a self-intersection: the smallest lobe of the bow-tie). */
  geometry: Polygon | Point
  areaM2: number
}

export interface RegionEditCheck {
  code: string
  geometry: Areal
  /** The parent's outline, when the region has one (a grid: its community). */
  parent?: Areal | null
  /** The other children of the same parent, as they will be after the edit. */
  siblings: ReadonlyArray<{ code: string; geometry: Areal }>
  toleranceM2?: number
}

/** Self-intersections of an outline: one problem per crossing, sized by the smallest lobe the crossing makes. */
export function selfIntersections(code: string, g: Areal): RegionProblem[] {
  const out: RegionProblem[] = []
  for (const p of polygonsOf(g)) {
    const points = kinks(p).features
    if (points.length === 0) continue
    let lobes: Polygon[] = []
    try {
      lobes = unkinkPolygon(p).features.map((f) => f.geometry)
    } catch {
      /* a degenerate ring turf cannot untie: the crossing points still show */
    }
    const smallest = lobes.sort((a, b) => areaM2(a) - areaM2(b))[0]
    if (smallest) out.push({ kind: 'self_intersection', code, geometry: smallest, areaM2: areaM2(smallest) })
    for (const k of points) out.push({ kind: 'self_intersection', code, geometry: k.geometry, areaM2: 0 })
  }
  return out
}

function pieces(kind: RegionProblemKind, code: string, g: Areal | null, tol: number, other?: string): RegionProblem[] {
  return polygonsOf(g)
    .filter((geometry) => significant(geometry, tol))
    .map((geometry) => ({ kind, code, geometry, areaM2: areaM2(geometry), ...(other ? { other } : {}) }))
}

/**
 * The live checks of one edited region (docs/GRID-EDITOR.md): self-intersection, spill outside the parent and
 * overlap with siblings beyond the tolerance, each with its area in m². The server runs the same rules on submit
 * and stays the authority.
 */
export function checkRegionEdit(input: RegionEditCheck): RegionProblem[] {
  const tol = input.toleranceM2 ?? REGION_TOLERANCE_M2
  const kinked = selfIntersections(input.code, input.geometry)
  // Boolean operations on a self-intersecting ring are undefined: report the crossing alone.
  if (kinked.length > 0) return kinked
  const out: RegionProblem[] = []
  if (input.parent) out.push(...pieces('outside_parent', input.code, subtract(input.geometry, [input.parent]), tol))
  const box = bboxOf(input.geometry)
  for (const s of input.siblings) {
    if (s.code === input.code || !bboxesTouch(box, bboxOf(s.geometry))) continue
    out.push(...pieces('overlap', input.code, intersection(input.geometry, s.geometry), tol, s.code))
  }
  return out
}

/**
 * Gaps an edit leaves: the part of the parent its children covered before and no longer cover (as the server's
 * `coverage_gap`), so a gap that was already in the data is not blamed on the edit.
 */
export function newGapsInParent(
  parentCode: string,
  parent: Areal,
  before: readonly Areal[],
  after: readonly Areal[],
  toleranceM2 = REGION_TOLERANCE_M2,
): RegionProblem[] {
  const was = unionOf(before)
  if (!was) return []
  const covered = intersection(was, parent)
  if (!covered) return []
  const now = unionOf(after)
  return pieces('gap', parentCode, now ? subtract(covered, [now]) : covered, toleranceM2)
}

/** Parts of a parent no child covers, beyond the tolerance. */
export function gapsInParent(parentCode: string, parent: Areal, children: readonly Areal[], toleranceM2 = REGION_TOLERANCE_M2): RegionProblem[] {
  const covered = unionOf(children)
  return pieces('gap', parentCode, covered ? subtract(parent, [covered]) : parent, toleranceM2)
}
