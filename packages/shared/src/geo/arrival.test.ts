import { describe, expect, it } from 'vitest'
import { ARRIVAL_TOLERANCE_M, arrivalCheck } from './arrival.ts'

const incident = { lng: 119.02, lat: 25.48 }
// 0.001° of latitude ≈ 111 m
const north = (m: number) => ({ lng: incident.lng, lat: incident.lat + m / 111_195 })

describe('arrivalCheck', () => {
  it('accepts a position within the tolerance', () => {
    const c = arrivalCheck(incident, north(150))
    expect(c.far).toBe(false)
    expect(c.distanceM).toBeGreaterThanOrEqual(149)
    expect(c.distanceM).toBeLessThanOrEqual(151)
    expect(c.toleranceM).toBe(ARRIVAL_TOLERANCE_M)
  })
  it('warns beyond 200 m, not at it', () => {
    expect(arrivalCheck(incident, north(199)).far).toBe(false)
    expect(arrivalCheck(incident, north(205)).far).toBe(true)
    expect(arrivalCheck(incident, north(2000)).distanceM).toBeGreaterThan(1990)
  })
  it('takes a custom tolerance', () => {
    expect(arrivalCheck(incident, north(150), 100).far).toBe(true)
  })
  it('cannot judge an incident without a location', () => {
    expect(arrivalCheck(null, north(5000))).toEqual({ distanceM: null, toleranceM: 200, far: false })
  })
})
