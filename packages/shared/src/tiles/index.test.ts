import { describe, expect, it } from 'vitest'
import { isTileLayer, tileAddressError, tileBounds, tilePoints, tileUnitMetres } from './index.ts'

describe('tile grid', () => {
  it('accepts addresses inside the zoom and refuses the rest, saying which part is wrong', () => {
    expect(tileAddressError({ z: 0, x: 0, y: 0 })).toBeNull()
    expect(tileAddressError({ z: 12, x: 3402, y: 1756 })).toBeNull()
    expect(tileAddressError({ z: 23, x: 0, y: 0 })).toMatch(/^z must/)
    expect(tileAddressError({ z: 1.5, x: 0, y: 0 })).toMatch(/^z must/)
    expect(tileAddressError({ z: 2, x: 4, y: 0 })).toBe('x must be an integer from 0 to 3 at zoom 2')
    expect(tileAddressError({ z: 2, x: 0, y: -1 })).toMatch(/^y must/)
  })

  it('gives the box of a tile in degrees (north up) and grows it by a margin', () => {
    expect(tileBounds({ z: 0, x: 0, y: 0 }).map((v) => Math.round(v * 1000) / 1000)).toEqual([-180, -85.051, 180, 85.051])
    // 涵江 at zoom 12: the tile holding 119.1°E 25.45°N.
    const [w, s, e, n] = tileBounds({ z: 12, x: 3403, y: 1748 })
    expect(w).toBeLessThan(119.1)
    expect(e).toBeGreaterThan(119.1)
    expect(s).toBeLessThan(25.45)
    expect(n).toBeGreaterThan(25.45)
    const grown = tileBounds({ z: 12, x: 3403, y: 1748 }, 64)
    expect(grown[0]).toBeLessThan(w)
    expect(grown[3]).toBeGreaterThan(n)
    expect(e - w).toBeCloseTo(360 / 4096, 10)
  })

  it('knows its layers, its tolerance per zoom and when incidents come as points', () => {
    expect(isTileLayer('grids')).toBe(true)
    expect(isTileLayer('district')).toBe(false)
    expect(tileUnitMetres(0)).toBeCloseTo(9783.94, 1)
    expect(tileUnitMetres(14) * 2).toBeCloseTo(tileUnitMetres(13), 10)
    expect(tilePoints(14)).toBe(false)
    expect(tilePoints(15)).toBe(true)
  })
})
