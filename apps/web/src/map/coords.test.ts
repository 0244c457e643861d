import { describe, expect, it } from 'vitest'
import { parseCoordinate, parseLngLatPair } from './coords.ts'

describe('parseCoordinate', () => {
  it('reads plain, signed, degree-marked and full-width numbers', () => {
    expect(parseCoordinate(' 119.14 ')).toBe(119.14)
    expect(parseCoordinate('-25.5')).toBe(-25.5)
    expect(parseCoordinate('119.14°')).toBe(119.14)
    expect(parseCoordinate('25.515N')).toBe(25.515)
    expect(parseCoordinate('１１９．１４')).toBe(119.14)
  })

  it('refuses what is not one number', () => {
    expect(parseCoordinate('')).toBeNull()
    expect(parseCoordinate('abc')).toBeNull()
    expect(parseCoordinate('119.14, 25.5')).toBeNull()
    expect(parseCoordinate('1e5')).toBeNull()
  })
})

describe('parseLngLatPair', () => {
  it('reads "lng,lat" as phone maps copy it, with any separator', () => {
    expect(parseLngLatPair('119.14,25.515')).toEqual({ lng: 119.14, lat: 25.515, swapped: false })
    expect(parseLngLatPair('119.14 25.515')).toEqual({ lng: 119.14, lat: 25.515, swapped: false })
    expect(parseLngLatPair('119.14，25.515')).toEqual({ lng: 119.14, lat: 25.515, swapped: false })
    expect(parseLngLatPair('119.14°E, 25.515°N')).toEqual({ lng: 119.14, lat: 25.515, swapped: false })
  })

  it('swaps a lat-first pair that only makes sense the other way round', () => {
    expect(parseLngLatPair('25.515, 119.14')).toEqual({ lng: 119.14, lat: 25.515, swapped: true })
  })

  it('is null unless there are exactly two numbers', () => {
    expect(parseLngLatPair('119.14')).toBeNull()
    expect(parseLngLatPair('1, 2, 3')).toBeNull()
    expect(parseLngLatPair('')).toBeNull()
  })
})
