import { describe, expect, it } from 'vitest'
import { bboxContains, bboxHas, clusterCell, isOpenState, OPEN_STATES, paddedBbox, wantsPoints } from './index.ts'

describe('incident map rules', () => {
  it('open states exclude closed, rejected and merged', () => {
    expect(OPEN_STATES).not.toContain('closed')
    expect(isOpenState('returned')).toBe(true)
    expect(isOpenState('merged')).toBe(false)
  })

  it('a cluster cell is ~64 px: half as wide per zoom level, cos(lat) as tall in degrees', () => {
    const z10 = clusterCell(10, 25.45)
    expect(z10.dx).toBeCloseTo(360 * 64 / (256 * 1024), 12)
    expect(clusterCell(11, 25.45).dx).toBeCloseTo(z10.dx / 2, 12)
    expect(z10.dy / z10.dx).toBeCloseTo(Math.cos((25.45 * Math.PI) / 180), 9)
    // Fractional zooms use the whole level below.
    expect(clusterCell(10.9, 25.45).dx).toBe(z10.dx)
  })

  it('points from zoom 15', () => {
    expect(wantsPoints(14.99)).toBe(false)
    expect(wantsPoints(15)).toBe(true)
  })

  it('pads and snaps a bbox to whole cells; a small pan stays inside the padded box', () => {
    const view: [number, number, number, number] = [119.0, 25.4, 119.2, 25.5]
    const p = paddedBbox(view, 11)
    expect(bboxContains(p, view)).toBe(true)
    const { dx } = clusterCell(11, 25.45)
    expect(Math.abs(p[0] / dx - Math.round(p[0] / dx))).toBeLessThan(1e-3)
    expect(bboxContains(p, [119.01, 25.41, 119.21, 25.51])).toBe(true)
    expect(bboxHas(view, 119.1, 25.45)).toBe(true)
    expect(bboxHas(view, 119.3, 25.45)).toBe(false)
  })
})
