import { describe, expect, it } from 'vitest'
import { snapToRings } from './snap.ts'

// A screen where one degree is 1000 px (x east, y south).
const project = ([x, y]: number[]) => ({ x: x! * 1000, y: -y! * 1000 })
const square = [[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]

describe('snapToRings', () => {
  it('snaps to the nearest vertex within the tolerance, with its exact coordinate', () => {
    const r = snapToRings({ x: 105, y: -3 }, [square], project, 12)
    expect(r).toEqual({ position: [0.1, 0], kind: 'vertex', distancePx: Math.hypot(5, 3) })
  })
  it('else to the nearest point on an edge', () => {
    const r = snapToRings({ x: 50, y: -6 }, [square], project, 12)
    expect(r?.kind).toBe('edge')
    expect(r?.position[0]).toBeCloseTo(0.05, 9)
    expect(r?.position[1]).toBeCloseTo(0, 9)
  })
  it('prefers a vertex over a nearer edge', () => {
    const r = snapToRings({ x: 92, y: -2 }, [square], project, 12)
    expect(r?.kind).toBe('vertex')
  })
  it('answers null when nothing is near', () => {
    expect(snapToRings({ x: 50, y: -50 }, [square], project, 12)).toBeNull()
  })
})
