import { describe, expect, it } from 'vitest'
import { distanceM, EARTH_RADIUS_M } from './distance.ts'

describe('distanceM (haversine)', () => {
  it('is zero for the same point and symmetric', () => {
    const a = { lng: 119.116783, lat: 25.461942 }
    const b = { lng: 119.105178, lat: 25.455127 }
    expect(distanceM(a, a)).toBe(0)
    expect(distanceM(a, b)).toBeCloseTo(distanceM(b, a), 9)
  })

  it('gives one degree of latitude as πR/180', () => {
    const d = distanceM({ lng: 119, lat: 25 }, { lng: 119, lat: 26 })
    expect(d).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 6)
  })

  it('shrinks a degree of longitude by cos(latitude)', () => {
    const d = distanceM({ lng: 119, lat: 25.46 }, { lng: 119.001, lat: 25.46 })
    expect(d).toBeCloseTo(((Math.PI * EARTH_RADIUS_M) / 180) * 0.001 * Math.cos((25.46 * Math.PI) / 180), 3)
    expect(d).toBeGreaterThan(100)
    expect(d).toBeLessThan(101)
  })

  it('measures 涵东街道 → 涵西街道 seats at about 1.4 km', () => {
    const d = distanceM({ lng: 119.116783, lat: 25.461942 }, { lng: 119.105178, lat: 25.455127 })
    expect(d).toBeGreaterThan(1300)
    expect(d).toBeLessThan(1500)
  })

  it('handles antipodes without NaN', () => {
    expect(distanceM({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3)
  })
})
