import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { deg2ToM2, distM, LAT0, M_PER_DEG_LAT, M_PER_DEG_LNG } from './projection.ts'

describe('projection', () => {
  it('matches the WGS84 series at the reference latitude', () => {
    const p = (LAT0 * Math.PI) / 180
    expect(M_PER_DEG_LAT).toBeCloseTo(111132.954 - 559.822 * Math.cos(2 * p) + 1.175 * Math.cos(4 * p), 6)
    expect(M_PER_DEG_LNG).toBeCloseTo(111412.84 * Math.cos(p) - 93.5 * Math.cos(3 * p) + 0.118 * Math.cos(5 * p), 6)
  })

  it('agrees with turf within 0.5 % inside the district', () => {
    const a: [number, number] = [119.0, 25.6]
    const b: [number, number] = [119.05, 25.63]
    expect(distM(a[0], a[1], b[0], b[1]) / (turf.distance(a, b, { units: 'kilometers' }) * 1000)).toBeCloseTo(1, 2)
    const sq = turf.bboxPolygon([119.1, 25.45, 119.11, 25.46])
    expect(deg2ToM2(0.01 * 0.01) / turf.area(sq)).toBeCloseTo(1, 2)
  })
})
