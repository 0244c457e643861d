import type { LineString, Polygon, Position } from 'geojson'
import { largestPolygon, samePosition, type Areal } from './geometry.ts'

export type SplitResult = { ok: true; parts: [Polygon, Polygon] } | { ok: false; reason: 'crossings' | 'hole_crossed' | 'not_polygon' }

interface Crossing {
  point: Position
  /** Position along the ring: segment index + fraction. */
  ringAt: number
  /** Position along the line: segment index + fraction. */
  lineAt: number
}

/** Where segments p1–p2 and q1–q2 cross, as fractions along each; null when they do not. */
function segmentCrossing(p1: Position, p2: Position, q1: Position, q2: Position): { t: number; u: number } | null {
  const rx = p2[0]! - p1[0]!
  const ry = p2[1]! - p1[1]!
  const sx = q2[0]! - q1[0]!
  const sy = q2[1]! - q1[1]!
  const denom = rx * sy - ry * sx
  if (denom === 0) return null
  const qpx = q1[0]! - p1[0]!
  const qpy = q1[1]! - p1[1]!
  const t = (qpx * sy - qpy * sx) / denom
  const u = (qpx * ry - qpy * rx) / denom
  if (t < 0 || t >= 1 || u < 0 || u > 1) return null
  return { t, u }
}

function crossings(ring: Position[], line: Position[]): Crossing[] {
  const out: Crossing[] = []
  for (let i = 0; i + 1 < ring.length; i++) {
    for (let j = 0; j + 1 < line.length; j++) {
      const c = segmentCrossing(ring[i]!, ring[i + 1]!, line[j]!, line[j + 1]!)
      if (!c) continue
      const p = ring[i]!
      const q = ring[i + 1]!
      out.push({ point: [p[0]! + c.t * (q[0]! - p[0]!), p[1]! + c.t * (q[1]! - p[1]!)], ringAt: i + c.t, lineAt: j + c.u })
    }
  }
  return out
}

function pointInRing(pt: Position, ring: Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!
    const b = ring[j]!
    if (a[1]! > pt[1]! !== b[1]! > pt[1]! && pt[0]! < ((b[0]! - a[0]!) * (pt[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inside = !inside
  }
  return inside
}

function close(ring: Position[]): Position[] {
  const out = ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]!))
  if (!samePosition(out[0]!, out[out.length - 1]!)) out.push(out[0]!)
  return out
}

/**
 * Cuts a polygon in two along a drawn line that crosses its outline exactly twice. The cut is exact: both parts
 * share the cut's vertices, so the new common edge coincides and the two still tile the original. Holes go to the
 * part they lie in; a hole the cut passes through is refused.
 */
export function splitPolygon(g: Areal, cut: LineString): SplitResult {
  const polygon = g.type === 'Polygon' ? g : g.coordinates.length === 1 ? largestPolygon(g) : null
  if (!polygon) return { ok: false, reason: 'not_polygon' }
  const [outer, ...holes] = polygon.coordinates
  const line = cut.coordinates
  if (!outer) return { ok: false, reason: 'not_polygon' }
  if (holes.some((h) => crossings(h, line).length > 0)) return { ok: false, reason: 'hole_crossed' }
  const xs = crossings(outer, line)
  if (xs.length !== 2) return { ok: false, reason: 'crossings' }
  const [first, second] = [...xs].sort((a, b) => a.lineAt - b.lineAt) as [Crossing, Crossing]
  // The cut's own vertices between the two crossings, from the first to the second.
  const inner = line.slice(Math.floor(first.lineAt) + 1, Math.floor(second.lineAt) + 1)
  const [a, b] = first.ringAt < second.ringAt ? [first, second] : [second, first]
  const cutAB = a === first ? inner : [...inner].reverse()
  const ia = Math.floor(a.ringAt)
  const ib = Math.floor(b.ringAt)
  const open = outer.slice(0, -1)
  // Arc 1 runs along the ring from a to b; arc 2 from b round to a.
  const arc1 = [a.point, ...open.slice(ia + 1, ib + 1), b.point]
  const arc2 = [b.point, ...open.slice(ib + 1), ...open.slice(0, ia + 1), a.point]
  const ring1 = close([...arc1, ...[...cutAB].reverse()])
  const ring2 = close([...arc2, ...cutAB])
  const parts: [Position[][], Position[][]] = [[ring1], [ring2]]
  for (const h of holes) (pointInRing(h[0]!, ring1) ? parts[0] : parts[1]).push(h)
  return { ok: true, parts: [{ type: 'Polygon', coordinates: parts[0] }, { type: 'Polygon', coordinates: parts[1] }] }
}
