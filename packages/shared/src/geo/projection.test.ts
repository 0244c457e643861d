import { describe, expect, it } from 'vitest'
import { distanceM } from './distance.ts'
import { BEIJING_54, ESRI_4549, GEO_CGCS, OGC_4528, WEB_MERCATOR } from './prj-samples.ts'
import { crsFromPrj, CrsError, epsgCrs, fromWgs84Converter, namedCrs, toWgs84Converter } from './projection.ts'

// 涵江区政府 roughly; a point 1° west of the 120°E central meridian.
const HANJIANG = [119.116783, 25.461942]

describe('crsFromPrj', () => {
  it('recognises CGCS2000 Gauss-Kruger by its parameters, whatever the name', () => {
    expect(crsFromPrj(ESRI_4549).code).toBe('EPSG:4549')
    expect(crsFromPrj(OGC_4528).code).toBe('EPSG:4528')
    const renamed = ESRI_4549.replace('CGCS2000_3_Degree_GK_CM_120E', 'My local grid').replace('"Gauss_Kruger"', '"Transverse_Mercator"')
    expect(crsFromPrj(renamed)).toMatchObject({ code: 'EPSG:4549', name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E' })
    // Same name, another central meridian: the parameters win.
    expect(crsFromPrj(ESRI_4549.replace('["Central_Meridian",120.0]', '["Central_Meridian",117.0]')).code).toBe('EPSG:4548')
  })

  it('recognises every 3-degree zone with and without the zone prefix, and the 6-degree zones', () => {
    for (let code = 4534; code <= 4554; code++) {
      const cm = 75 + 3 * (code - 4534)
      expect(crsFromPrj(ESRI_4549.replace('["Central_Meridian",120.0]', `["Central_Meridian",${cm}.0]`)).code).toBe(`EPSG:${code}`)
      const zone = cm / 3
      const prefixed = OGC_4528.replace('["central_meridian",120]', `["central_meridian",${cm}]`).replace('["false_easting",40500000]', `["false_easting",${zone}500000]`)
      expect(crsFromPrj(prefixed).code).toBe(`EPSG:${4513 + zone - 25}`)
    }
    const sixDegree = OGC_4528.replace('["central_meridian",120]', '["central_meridian",117]').replace('["false_easting",40500000]', '["false_easting",20500000]')
    expect(crsFromPrj(sixDegree).code).toBe('EPSG:4498')
  })

  it('recognises CGCS2000 and WGS84 lng/lat, and keeps an unlisted Transverse Mercator as custom', () => {
    expect(crsFromPrj(GEO_CGCS).code).toBe('EPSG:4490')
    expect(crsFromPrj(GEO_CGCS.replace('298.257222101', '298.257223563')).code).toBe('EPSG:4326')
    const custom = crsFromPrj(ESRI_4549.replace('["False_Northing",0.0]', '["False_Northing",-2800000.0]'))
    expect(custom.code).toBe('custom')
    expect(custom.proj4).toContain('+y_0=-2800000')
  })

  it('refuses other datums, projections and garbage, naming the system and why', () => {
    const err = (wkt: string) => {
      try {
        crsFromPrj(wkt)
      } catch (e) {
        return e as CrsError
      }
      throw new Error('accepted')
    }
    const bj = err(BEIJING_54)
    expect(bj).toBeInstanceOf(CrsError)
    expect(bj.code).toBe('unknown_crs')
    expect(bj.message).toContain('Beijing_1954_3_Degree_GK_CM_120E')
    expect(bj.message).toContain('6378245')
    expect(err(WEB_MERCATOR).message).toMatch(/WGS_1984_Web_Mercator_Auxiliary_Sphere.*Mercator_Auxiliary_Sphere/)
    expect(err('hello').message).toContain('not a coordinate system description')
    expect(err(ESRI_4549.replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]')).message).toContain('not metres')
  })
})

describe('named systems and conversion', () => {
  it('accepts the names and EPSG codes the import offers, refuses others', () => {
    expect(namedCrs('auto')).toBeNull()
    expect(namedCrs('EPSG:4549')?.code).toBe('EPSG:4549')
    expect(namedCrs('4549')?.code).toBe('EPSG:4549')
    expect(namedCrs('gcj02')?.offset).toBe('gcj02')
    expect(namedCrs('cgcs2000')?.code).toBe('EPSG:4490')
    expect(() => namedCrs('EPSG:2385')).toThrow(/Unknown coordinate system "EPSG:2385"/)
    expect(epsgCrs(4533)?.name).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 45')
    expect(epsgCrs(32650)?.name).toBe('WGS 84 / UTM zone 50N')
  })

  it('projects Hanjiang into EPSG:4549 and back to well under a millimetre', () => {
    const crs = epsgCrs(4549)!
    const [x, y] = fromWgs84Converter(crs)(HANJIANG)
    // By hand: x ≈ 500 km − N·cosφ·Δλ ≈ 411.17 km; y ≈ meridian arc 2,817.23 km + N·sinφ·cosφ·Δλ²/2 ≈ 0.29 km.
    expect(x).toBeGreaterThan(411_100)
    expect(x).toBeLessThan(411_250)
    expect(y).toBeGreaterThan(2_817_450)
    expect(y).toBeLessThan(2_817_600)
    const back = toWgs84Converter(crs)!([x, y])
    expect(distanceM({ lng: back[0], lat: back[1] }, { lng: HANJIANG[0]!, lat: HANJIANG[1]! })).toBeLessThan(0.001)
    // The zone-prefixed easting is the same place.
    const prefixed = toWgs84Converter(epsgCrs(4528)!)!([x + 40_000_000, y])
    expect(prefixed[0]).toBeCloseTo(back[0], 9)
    expect(toWgs84Converter(epsgCrs(4490)!)).toBeNull()
  })

  it('takes GCJ-02 back to WGS84 (the offset is a few hundred metres here)', () => {
    const toWgs = toWgs84Converter(namedCrs('gcj02')!)!
    const out = toWgs(HANJIANG)
    const shift = distanceM({ lng: out[0], lat: out[1] }, { lng: HANJIANG[0]!, lat: HANJIANG[1]! })
    expect(shift).toBeGreaterThan(100)
    expect(shift).toBeLessThan(1000)
  })
})
