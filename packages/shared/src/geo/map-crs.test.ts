import type { FeatureCollection, Geometry } from 'geojson'
import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { fromMapBbox, fromMapLngLat, toMapBbox, toMapGeoJson, toMapLngLat } from './map-crs.ts'

const P = { lng: 119.1, lat: 25.46 }

describe('map coordinate system', () => {
  it('leaves WGS84 alone', () => {
    expect(toMapLngLat(P, 'wgs84')).toEqual(P)
    expect(fromMapLngLat(P, 'wgs84')).toEqual(P)
    const fc = { type: 'FeatureCollection' as const, features: [] }
    expect(toMapGeoJson(fc, 'wgs84')).toBe(fc)
  })

  it('shifts Hanjiang by the GCJ-02 offset (about 490 m east, 290 m south) and back', () => {
    const g = toMapLngLat(P, 'gcj02')
    const [lng, lat] = gcoord.transform<[number, number]>([P.lng, P.lat], gcoord.WGS84, gcoord.GCJ02)
    expect(g).toEqual({ lng, lat })
    expect(g.lng - P.lng).toBeGreaterThan(0.004)
    expect(g.lng - P.lng).toBeLessThan(0.006)
    expect(g.lat - P.lat).toBeLessThan(-0.002)
    expect(g.lat - P.lat).toBeGreaterThan(-0.004)
    const back = fromMapLngLat(g, 'gcj02')
    // gcoord's inverse is iterative: well under a metre (1e-5° ≈ 1 m).
    expect(Math.abs(back.lng - P.lng)).toBeLessThan(1e-5)
    expect(Math.abs(back.lat - P.lat)).toBeLessThan(1e-5)
  })

  it('passes invalid points through instead of throwing (the map ignores them)', () => {
    expect(toMapLngLat({ lng: Number.NaN, lat: 25 }, 'gcj02').lat).toBe(25)
    expect(fromMapLngLat({ lng: 200, lat: 25 }, 'gcj02')).toEqual({ lng: 200, lat: 25 })
  })

  it('shifts every position of every geometry type, keeping properties, ids and heights, without changing the input', () => {
    const poly = [
      [
        [119, 25.4],
        [119.2, 25.4],
        [119.2, 25.5],
        [119, 25.4],
      ],
    ]
    const input: FeatureCollection<Geometry | null> = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature' as const, id: 7, properties: { code: 'a' }, geometry: { type: 'Point' as const, coordinates: [119.1, 25.46, 12] } },
        { type: 'Feature' as const, properties: null, geometry: { type: 'LineString' as const, coordinates: [[119, 25.4], [119.1, 25.5]] } },
        { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: [poly] } },
        {
          type: 'Feature' as const,
          properties: {},
          geometry: { type: 'GeometryCollection' as const, geometries: [{ type: 'MultiPoint' as const, coordinates: [[119, 25.4]] }, { type: 'Polygon' as const, coordinates: poly }] },
        },
        { type: 'Feature' as const, properties: {}, geometry: null },
      ],
    }
    const copy = structuredClone(input)
    const out = toMapGeoJson(input, 'gcj02')
    expect(input).toEqual(copy)
    const shift = (lng: number, lat: number) => {
      const p = toMapLngLat({ lng, lat }, 'gcj02')
      return [p.lng, p.lat]
    }
    expect(out.features[0]).toMatchObject({ id: 7, properties: { code: 'a' }, geometry: { coordinates: [...shift(119.1, 25.46), 12] } })
    expect(out.features[1]!.geometry).toEqual({ type: 'LineString', coordinates: [shift(119, 25.4), shift(119.1, 25.5)] })
    const mp = out.features[2]!.geometry as { coordinates: number[][][][] }
    expect(mp.coordinates[0]![0]![1]).toEqual(shift(119.2, 25.4))
    const gc = out.features[3]!.geometry as { geometries: { coordinates: unknown }[] }
    expect(gc.geometries[0]!.coordinates).toEqual([shift(119, 25.4)])
    expect((gc.geometries[1]!.coordinates as number[][][])[0]![2]).toEqual(shift(119.2, 25.5))
    expect(out.features[4]!.geometry).toBeNull()
  })

  it('converts boxes both ways', () => {
    const b: [number, number, number, number] = [119, 25.4, 119.2, 25.5]
    const m = toMapBbox(b, 'gcj02')
    expect(m[0]).toBeCloseTo(toMapLngLat({ lng: 119, lat: 25.4 }, 'gcj02').lng, 9)
    const back = fromMapBbox(m, 'gcj02')
    for (let i = 0; i < 4; i++) expect(Math.abs(back[i]! - b[i]!)).toBeLessThan(1e-4)
    expect(fromMapBbox(b, 'wgs84')).toEqual(b)
  })
})
