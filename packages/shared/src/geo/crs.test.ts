import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CoordinateError, CRS_VALUES, fromWgs84, isCrs, toWgs84, validateLngLat, type LngLat } from './crs.ts'
import { distanceM } from './distance.ts'

const GEO = new URL('../../../../seed/geo/', import.meta.url)

interface Fc {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[]
}
const load = (name: string): Fc => JSON.parse(readFileSync(new URL(name, GEO), 'utf8')) as Fc

function vertices(fc: Fc): LngLat[] {
  const out: LngLat[] = []
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push({ lng: c[0], lat: c[1] as number })
    else if (Array.isArray(c)) c.forEach(walk)
  }
  fc.features.forEach((f) => walk(f.geometry.coordinates))
  return out
}

function maxPairError(gcjFile: string, wgsFile: string): { count: number; max: number } {
  const gcj = vertices(load(gcjFile))
  const wgs = vertices(load(wgsFile))
  expect(gcj.length).toBe(wgs.length)
  let max = 0
  gcj.forEach((p, i) => {
    max = Math.max(max, distanceM(toWgs84(p, 'gcj02'), wgs[i]!))
  })
  return { count: gcj.length, max }
}

describe('CRS values', () => {
  it('lists the three accepted systems', () => {
    expect(CRS_VALUES).toEqual(['wgs84', 'gcj02', 'bd09'])
    expect(isCrs('gcj02')).toBe(true)
    expect(isCrs('GCJ02')).toBe(false)
    expect(isCrs(undefined)).toBe(false)
  })
})

describe('toWgs84 against the published GCJ-02/WGS84 pairs (seed/geo)', () => {
  it('12 street/town seats agree within 2 m', () => {
    const { count, max } = maxPairError('hanjiang_town_centers_gcj02.geojson', 'hanjiang_town_centers_wgs84.geojson')
    expect(count).toBe(12)
    expect(max).toBeLessThan(2)
  })

  it('every district boundary vertex agrees within 2 m', () => {
    const { count, max } = maxPairError('hanjiang_boundary_gcj02.geojson', 'hanjiang_boundary_wgs84.geojson')
    expect(count).toBeGreaterThan(1000)
    expect(max).toBeLessThan(2)
  })

  it('the GCJ-02 offset itself is hundreds of metres here (so the test is not vacuous)', () => {
    const gcj = { lng: 119.121697, lat: 25.459314 } // 涵东街道 seat as published by AMap
    expect(distanceM(gcj, toWgs84(gcj, 'gcj02'))).toBeGreaterThan(400)
  })

  it('wgs84 input is returned as is (a copy)', () => {
    const p = { lng: 119.116783, lat: 25.461942 }
    const out = toWgs84(p, 'wgs84')
    expect(out).toEqual(p)
    expect(out).not.toBe(p)
  })
})

describe('fromWgs84 / BD-09', () => {
  const seats = vertices(load('hanjiang_town_centers_wgs84.geojson'))

  it('WGS84 → BD-09 → WGS84 round trip within 2 m for every seat', () => {
    for (const p of seats) {
      const bd = fromWgs84(p, 'bd09')
      expect(distanceM(p, bd)).toBeGreaterThan(500) // Baidu adds its own shift on top of GCJ-02
      expect(distanceM(p, toWgs84(bd, 'bd09'))).toBeLessThan(2)
    }
  })

  it('WGS84 → GCJ-02 reproduces the published GCJ-02 seats within 2 m', () => {
    const gcj = vertices(load('hanjiang_town_centers_gcj02.geojson'))
    seats.forEach((p, i) => expect(distanceM(fromWgs84(p, 'gcj02'), gcj[i]!)).toBeLessThan(2))
  })

  it('BD-09 and GCJ-02 of the same place convert to the same WGS84 point', () => {
    const p = seats[0]!
    const viaBd = toWgs84(fromWgs84(p, 'bd09'), 'bd09')
    const viaGcj = toWgs84(fromWgs84(p, 'gcj02'), 'gcj02')
    expect(distanceM(viaBd, viaGcj)).toBeLessThan(2)
  })
})

describe('gcoord outside China (documented behaviour)', () => {
  const london = { lng: -0.1276, lat: 51.5072 }

  it('GCJ-02 is not offset outside its China bounding box', () => {
    expect(toWgs84(london, 'gcj02')).toEqual(london)
    expect(fromWgs84(london, 'gcj02')).toEqual(london)
  })

  it('BD-09 still gets Baidu’s own shift outside China', () => {
    const d = distanceM(london, toWgs84(london, 'bd09'))
    expect(d).toBeGreaterThan(100)
    expect(d).toBeLessThan(2000)
  })

  it('the box is rough: Seoul (inside the box, outside China) is offset as if it were GCJ-02', () => {
    const seoul = { lng: 126.978, lat: 37.5665 }
    expect(distanceM(seoul, fromWgs84(seoul, 'gcj02'))).toBeGreaterThan(100)
  })
})

describe('validateLngLat', () => {
  it('accepts a valid point and returns a plain copy', () => {
    expect(validateLngLat({ lng: 119.1, lat: 25.4 })).toEqual({ lng: 119.1, lat: 25.4 })
    expect(validateLngLat({ lng: -180, lat: 90 })).toEqual({ lng: -180, lat: 90 })
  })

  it.each([
    [{ lng: Number.NaN, lat: 25 }, 'lng must be a finite number, got NaN'],
    [{ lng: 119, lat: Number.NaN }, 'lat must be a finite number, got NaN'],
    [{ lng: Number.POSITIVE_INFINITY, lat: 25 }, 'lng must be a finite number, got Infinity'],
    [{ lng: 181, lat: 25 }, 'lng 181 is out of range [-180, 180]'],
    [{ lng: 119, lat: -90.5 }, 'lat -90.5 is out of range [-90, 90]'],
    [{ lng: '119', lat: 25 }, 'lng must be a number, got string'],
    [{ lng: 119, lat: null }, 'lat must be a number, got null'],
  ])('rejects %o', (p, message) => {
    expect(() => validateLngLat(p)).toThrow(CoordinateError)
    expect(() => validateLngLat(p)).toThrow(message)
  })

  it('reports both axes and hints at swapped axes', () => {
    expect(() => validateLngLat({ lng: 25.46, lat: 119.12 })).toThrow(
      'lat 119.12 is out of range [-90, 90] (lng and lat look swapped: GeoJSON order is [lng, lat])',
    )
    expect(() => validateLngLat({ lng: 200, lat: 100 })).toThrow(
      'lng 200 is out of range [-180, 180]; lat 100 is out of range [-90, 90]',
    )
  })

  it('conversion validates first and carries a stable code', () => {
    try {
      toWgs84({ lng: Number.NaN, lat: 25 }, 'gcj02')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(CoordinateError)
      expect((e as CoordinateError).code).toBe('invalid_coordinate')
    }
  })
})
