import type { LineString, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import {
  applyVertexEdit,
  areaM2,
  checkRegionEdit,
  clipToFreeSpace,
  cutHole,
  gapsInParent,
  mergePolygons,
  newGapsInParent,
  propagateVertexEdits,
  removeHoles,
  selfIntersections,
  splitPolygon,
  unionOf,
  vertexEdits,
} from './editing.ts'

/** A box in degrees near Hanjiang (≈ 100 m per 0.001° east, 111 m north). */
function box(x0: number, y0: number, x1: number, y1: number): Polygon {
  const [a, b, c, d] = [119.1 + x0 / 1000, 25.46 + y0 / 1000, 119.1 + x1 / 1000, 25.46 + y1 / 1000]
  return { type: 'Polygon', coordinates: [[[a, b], [c, b], [c, d], [a, d], [a, b]]] }
}
const pt = (x: number, y: number): Position => [119.1 + x / 1000, 25.46 + y / 1000]
const line = (...pts: Position[]): LineString => ({ type: 'LineString', coordinates: pts })

describe('splitPolygon', () => {
  it('cuts a grid in two parts that tile it exactly and share the cut', () => {
    const g = box(0, 0, 2, 1)
    const r = splitPolygon(g, line(pt(1, -0.5), pt(1.2, 0.5), pt(1, 1.5)))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const [a, b] = r.parts
    expect(areaM2(a) + areaM2(b)).toBeCloseTo(areaM2(g), 3)
    expect(areaM2(a)).toBeGreaterThan(areaM2(g) * 0.4)
    // The cut's inner vertex is a vertex of both parts: the shared edge coincides.
    const has = (p: Polygon) => p.coordinates[0]!.some((q) => Math.abs(q[0]! - pt(1.2, 0.5)[0]!) < 1e-12)
    expect(has(a) && has(b)).toBe(true)
    expect(areaM2(unionOf([a, b]))).toBeCloseTo(areaM2(g), 2)
  })
  it('refuses a line that does not cross the outline twice', () => {
    expect(splitPolygon(box(0, 0, 2, 1), line(pt(1, -0.5), pt(1, 0.5)))).toEqual({ ok: false, reason: 'crossings' })
    expect(splitPolygon(box(0, 0, 2, 1), line(pt(5, 5), pt(6, 6)))).toEqual({ ok: false, reason: 'crossings' })
  })
  it('keeps a hole with the part it lies in, refuses a cut through one', () => {
    const g: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 4, 2).coordinates[0]!, box(0.2, 0.2, 0.8, 0.8).coordinates[0]!] }
    const r = splitPolygon(g, line(pt(2, -1), pt(2, 3)))
    expect(r.ok && r.parts.map((p) => p.coordinates.length).sort()).toEqual([1, 2])
    expect(splitPolygon(g, line(pt(0.5, -1), pt(0.5, 3)))).toEqual({ ok: false, reason: 'hole_crossed' })
  })
})

describe('mergePolygons', () => {
  it('merges neighbours into one polygon of the summed area', () => {
    const r = mergePolygons([box(0, 0, 1, 1), box(1, 0, 2, 1)])
    expect(r.ok).toBe(true)
    if (r.ok) expect(areaM2(r.merged)).toBeCloseTo(areaM2(box(0, 0, 2, 1)), 0)
  })
  it('refuses grids that do not share an edge', () => {
    expect(mergePolygons([box(0, 0, 1, 1), box(3, 0, 4, 1)])).toEqual({ ok: false, reason: 'not_neighbours' })
  })
})

describe('clipToFreeSpace', () => {
  it('keeps only the part of the parent no sibling covers', () => {
    const parent = box(0, 0, 4, 2)
    const sibling = box(0, 0, 2, 2)
    const r = clipToFreeSpace(box(1, -1, 3, 1), parent, [sibling])
    expect(areaM2(r.clipped)).toBeCloseTo(areaM2(box(2, 0, 3, 1)), -1)
    expect(r.removedM2).toBeCloseTo(areaM2(box(1, -1, 3, 1)) - areaM2(box(2, 0, 3, 1)), -1)
    expect(clipToFreeSpace(box(5, 5, 6, 6), parent, []).clipped).toBeNull()
  })
})

describe('holes', () => {
  it('cuts a hole and removes it again', () => {
    const g = box(0, 0, 2, 2)
    const holed = cutHole(g, box(0.5, 0.5, 1, 1))!
    expect(holed.coordinates).toHaveLength(2)
    expect(areaM2(holed)).toBeCloseTo(areaM2(g) - areaM2(box(0.5, 0.5, 1, 1)), -1)
    expect(areaM2(removeHoles(holed))).toBeCloseTo(areaM2(g), 0)
  })
})

describe('topological editing', () => {
  const left = box(0, 0, 1, 1)
  const right = box(1, 0, 2, 1)
  it('a moved shared vertex moves in the neighbour too, and the two stay gap- and overlap-free', () => {
    const moved: Polygon = structuredClone(left)
    moved.coordinates[0]![1] = pt(1.3, 0)
    const edits = vertexEdits(left, moved)
    expect(edits).toEqual([{ kind: 'move', from: pt(1, 0), to: pt(1.3, 0) }])
    const changed = propagateVertexEdits(edits, new Map([['right', right], ['far', box(5, 5, 6, 6)]]))
    expect([...changed.keys()]).toEqual(['right'])
    const r = changed.get('right')!
    expect(checkRegionEdit({ code: 'left', geometry: moved, siblings: [{ code: 'right', geometry: r }] })).toEqual([])
    expect(gapsInParent('p', box(0, 0, 2, 1), [moved, r])).toEqual([])
  })
  it('an inserted vertex on a shared edge is inserted in the neighbour; a deleted one is deleted', () => {
    const ins = { kind: 'insert' as const, at: pt(1.2, 0.5), between: [pt(1, 0), pt(1, 1)] as [Position, Position] }
    expect((applyVertexEdit(right, ins) as Polygon).coordinates[0]).toHaveLength(6)
    expect(applyVertexEdit(box(5, 5, 6, 6), ins)).toBeNull()
    const withExtra = applyVertexEdit(right, ins) as Polygon
    expect((applyVertexEdit(withExtra, { kind: 'delete', at: pt(1.2, 0.5) }) as Polygon).coordinates[0]).toHaveLength(5)
  })
})

describe('checks', () => {
  it('finds an overlap with a sibling and its size', () => {
    const p = checkRegionEdit({ code: 'a', geometry: box(0, 0, 1.5, 1), parent: box(0, 0, 2, 1), siblings: [{ code: 'b', geometry: box(1, 0, 2, 1) }] })
    expect(p.map((x) => [x.kind, x.other])).toEqual([['overlap', 'b']])
    expect(p[0]!.areaM2).toBeCloseTo(areaM2(box(1, 0, 1.5, 1)), -1)
  })
  it('finds a spill outside the parent', () => {
    const p = checkRegionEdit({ code: 'a', geometry: box(0, 0, 3, 1), parent: box(0, 0, 2, 1), siblings: [] })
    expect(p.map((x) => x.kind)).toEqual(['outside_parent'])
    expect(p[0]!.areaM2).toBeCloseTo(areaM2(box(2, 0, 3, 1)), -1)
  })
  it('ignores differences below the tolerance', () => {
    const p = checkRegionEdit({ code: 'a', geometry: box(0, 0, 1.00001, 1), parent: box(0, 0, 2, 1), siblings: [{ code: 'b', geometry: box(1, 0, 2, 1) }] })
    expect(p).toEqual([])
  })
  it('reports a self-intersecting outline with its smaller lobe', () => {
    const bowtie: Polygon = { type: 'Polygon', coordinates: [[pt(0, 0), pt(2, 1), pt(2, 0), pt(0, 1), pt(0, 0)]] }
    const p = selfIntersections('a', bowtie)
    expect(p.some((x) => x.geometry.type === 'Point')).toBe(true)
    expect(p.find((x) => x.geometry.type === 'Polygon')!.areaM2).toBeGreaterThan(1000)
    expect(checkRegionEdit({ code: 'a', geometry: bowtie, siblings: [] }).every((x) => x.kind === 'self_intersection')).toBe(true)
  })
  it('finds gaps left in the parent', () => {
    const gaps = gapsInParent('p', box(0, 0, 3, 1), [box(0, 0, 1, 1), box(2, 0, 3, 1)])
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.areaM2).toBeCloseTo(areaM2(box(1, 0, 2, 1)), -1)
  })
  it('blames only the gaps an edit opens, not those already in the data', () => {
    const parent = box(0, 0, 3, 1)
    const before = [box(0, 0, 1, 1), box(1, 0, 2, 1)]
    const after = [box(0, 0, 1, 1), box(1, 0, 1.5, 1)]
    const gaps = newGapsInParent('p', parent, before, after)
    expect(gaps).toHaveLength(1)
    expect(gaps[0]!.areaM2).toBeCloseTo(areaM2(box(1.5, 0, 2, 1)), -1)
    expect(newGapsInParent('p', parent, before, before)).toEqual([])
  })
  it('ignores a long thin sliver narrower than the width tolerance', () => {
    const sliver = checkRegionEdit({ code: 'a', geometry: box(0, 0, 1.0000005, 10), siblings: [{ code: 'b', geometry: box(1, 0, 2, 10) }] })
    expect(sliver).toEqual([])
  })
})
