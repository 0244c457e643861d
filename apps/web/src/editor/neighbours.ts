import { bboxOf, bboxesTouch, type Areal } from '@hanjiang/shared/regions/editing'
import type { RegionFeature } from '../api/types.ts'

/** The grids by parent and with their boxes, built once per loaded grid layer (≈ 3,000 in the demo). */
export interface GridIndex {
  byParent: Map<string, string[]>
  boxes: Map<string, [number, number, number, number]>
}

export function indexGrids(features: readonly RegionFeature[]): GridIndex {
  const byParent = new Map<string, string[]>()
  const boxes = new Map<string, [number, number, number, number]>()
  for (const f of features) {
    const { code, parentCode } = f.properties
    if (parentCode) {
      const list = byParent.get(parentCode)
      if (list) list.push(code)
      else byParent.set(parentCode, [code])
    }
    boxes.set(code, bboxOf(f.geometry))
  }
  return { byParent, boxes }
}

/** Codes of the grids whose box touches `box` (a linear scan of boxes: fast enough for a few thousand). */
export function gridsNear(index: GridIndex, box: readonly number[], except?: string): string[] {
  const out: string[] = []
  for (const [code, b] of index.boxes) if (code !== except && bboxesTouch(b, box)) out.push(code)
  return out
}

/** A box grown by `d` degrees on every side. */
export function grow(box: readonly number[], d: number): [number, number, number, number] {
  return [box[0]! - d, box[1]! - d, box[2]! + d, box[3]! + d]
}

export type { Areal }
