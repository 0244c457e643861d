import type { Position } from 'geojson'

export interface ScreenPoint {
  x: number
  y: number
}

export interface SnapResult {
  position: Position
  kind: 'vertex' | 'edge'
  distancePx: number
}

/**
 * Snapping to the neighbours (docs/GRID-EDITOR.md): the nearest vertex within `tolerancePx` wins, else the nearest
 * point on an edge. Distances are measured on screen, as the user sees them; the answer is the exact neighbour
 * coordinate (a vertex) or the point on the edge, so shared edges coincide.
 */
export function snapToRings(
  pointer: ScreenPoint,
  rings: Iterable<readonly Position[]>,
  project: (p: Position) => ScreenPoint,
  tolerancePx = 12,
): SnapResult | null {
  let vertex: SnapResult | null = null
  let edge: { a: ScreenPoint; b: ScreenPoint; t: number; d: number; pa: Position; pb: Position } | null = null
  for (const ring of rings) {
    let prev: ScreenPoint | null = null
    let prevPos: Position | null = null
    for (const pos of ring) {
      const s = project(pos)
      const d = Math.hypot(s.x - pointer.x, s.y - pointer.y)
      if (d <= tolerancePx && (!vertex || d < vertex.distancePx)) vertex = { position: pos, kind: 'vertex', distancePx: d }
      if (prev && prevPos) {
        const dx = s.x - prev.x
        const dy = s.y - prev.y
        const len2 = dx * dx + dy * dy
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((pointer.x - prev.x) * dx + (pointer.y - prev.y) * dy) / len2))
        const ed = Math.hypot(prev.x + t * dx - pointer.x, prev.y + t * dy - pointer.y)
        if (ed <= tolerancePx && (!edge || ed < edge.d)) edge = { a: prev, b: s, t, d: ed, pa: prevPos, pb: pos }
      }
      prev = s
      prevPos = pos
    }
  }
  if (vertex) return vertex
  if (!edge) return null
  // The point on the edge, interpolated in degrees (straight on a Web Mercator screen at this scale).
  const p: Position = [edge.pa[0]! + edge.t * (edge.pb[0]! - edge.pa[0]!), edge.pa[1]! + edge.t * (edge.pb[1]! - edge.pa[1]!)]
  return { position: p, kind: 'edge', distancePx: edge.d }
}
