import * as turf from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromGeoJSON, labelPoint, pointInMulti, segDist2 } from './geom.ts'
import { buildDemoPlaces, buildDemoRegions, type DemoRegion } from './index.ts'
import { multiProblem } from './validity.ts'
import { readRegionSources } from './sources.ts'

// One full build for the whole file (it is the expensive part); every test reads it.
let regions: DemoRegion[]
let buildMs = 0
const byCode = new Map<string, DemoRegion>()
const children = new Map<string, DemoRegion[]>()

beforeAll(() => {
  const t0 = performance.now()
  regions = buildDemoRegions()
  buildMs = performance.now() - t0
  console.log(`[regions] buildDemoRegions: ${regions.length} regions in ${buildMs.toFixed(0)} ms`)
  for (const r of regions) {
    byCode.set(r.code, r)
    if (r.parentCode) {
      const list = children.get(r.parentCode) ?? []
      list.push(r)
      children.set(r.parentCode, list)
    }
  }
})

const feature = (r: DemoRegion): Feature<MultiPolygon> => turf.feature(r.geometry)
const area = (r: DemoRegion): number => turf.area(r.geometry)
const level = (l: DemoRegion['level']) => regions.filter((r) => r.level === l)

/** Pairs of siblings whose bounding boxes touch (the only ones that can overlap). */
function neighbourPairs(list: DemoRegion[]): [DemoRegion, DemoRegion][] {
  const boxes = list.map((r) => turf.bbox(r.geometry))
  const out: [DemoRegion, DemoRegion][] = []
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) out.push([list[i]!, list[j]!])
    }
  }
  return out
}

function overlapM2(a: DemoRegion, b: DemoRegion): number {
  const x = turf.intersect(turf.featureCollection([feature(a), feature(b)]) as never) as Feature<Polygon | MultiPolygon> | null
  return x ? turf.area(x) : 0
}

describe('buildDemoRegions', () => {
  it('builds within a few seconds', () => {
    // ~1.1 s alone on the 2-core dev machine; the margin covers other test files running in parallel
    expect(buildMs).toBeLessThan(6000)
  })

  it('has the district, 13 streets, 200 communities and 2,000–8,000 grids, parents first', () => {
    const src = readRegionSources()
    expect(level('district')).toHaveLength(1)
    expect(level('street')).toHaveLength(13)
    expect(level('community')).toHaveLength(200)
    const grids = level('grid')
    expect(grids.length).toBeGreaterThanOrEqual(2000)
    expect(grids.length).toBeLessThanOrEqual(8000)
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length)
    const seen = new Set<string>()
    for (const r of regions) {
      if (r.parentCode) expect(seen.has(r.parentCode), `${r.code} before its parent`).toBe(true)
      seen.add(r.code)
    }
    // names and parents as in the divisions CSV
    for (const d of src.divisions) {
      if (d.level === 'district') continue
      const r = byCode.get(d.code)
      expect(r, d.code).toBeDefined()
      expect(r!.name).toBe(d.name)
      expect(r!.parentCode).toBe(d.parentCode)
      expect(r!.level).toBe(d.level === 'town' ? 'street' : 'community')
    }
  })

  it('codes grids as community code + 001…, at most 999 per community', () => {
    for (const c of level('community')) {
      const gs = children.get(c.code) ?? []
      expect(gs.length, c.code).toBeGreaterThanOrEqual(1)
      expect(gs.length).toBeLessThanOrEqual(999)
      gs.forEach((g, i) => {
        expect(g.code).toMatch(/^\d{15}$/)
        expect(g.code).toBe(c.code + String(i + 1).padStart(3, '0'))
        expect(g.level).toBe('grid')
      })
    }
  })

  it('keeps the district equal to the source boundary (plus on-edge vertices, within 1e-7°)', () => {
    const src = readRegionSources()
    const d = level('district')[0]!
    expect(Math.abs(area(d) - turf.area(src.boundary)) / turf.area(src.boundary)).toBeLessThan(1e-6)
    const coords = d.geometry.coordinates.flat(2)
    const have = new Set(coords.map((c) => `${c[0]},${c[1]}`))
    const ring = (src.boundary as Polygon).coordinates[0]!
    for (const c of ring) expect(have.has(`${c[0]},${c[1]}`)).toBe(true)
    // every other vertex was inserted on a boundary edge for the tiling, then rounded: it stays within ~1 cm
    const src2 = fromGeoJSON(src.boundary)[0]![0]!
    let worst = 0
    for (const c of coords) {
      if (ring.some((v) => v[0] === c[0] && v[1] === c[1])) continue
      let best = Infinity
      for (let i = 0; i < src2.length; i++) best = Math.min(best, segDist2(c[0]!, c[1]!, src2[i]!, src2[(i + 1) % src2.length]!))
      worst = Math.max(worst, Math.sqrt(best))
    }
    expect(worst).toBeLessThan(1e-7)
  })

  it('writes closed, counter-clockwise, 7-decimal MultiPolygons that are valid', () => {
    let checked = 0
    for (const r of regions) {
      expect(r.geometry.type).toBe('MultiPolygon')
      for (const poly of r.geometry.coordinates) {
        poly.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4)
          expect(ring[0]).toEqual(ring[ring.length - 1])
          expect(turf.booleanClockwise(ring as [number, number][])).toBe(i > 0)
          for (const c of ring) {
            expect(Math.round(c[0]! * 1e7) / 1e7).toBe(c[0])
            expect(Math.round(c[1]! * 1e7) / 1e7).toBe(c[1])
          }
        })
      }
      const problem = multiProblem(fromGeoJSON(r.geometry))
      expect(problem, `${r.code}: ${problem}`).toBeNull()
      checked++
    }
    expect(checked).toBe(regions.length)
  })

  it('passes turf.booleanValid for streets, communities and a sample of grids', () => {
    const sample = regions.filter((r, i) => r.level !== 'grid' || i % 7 === 0)
    for (const r of sample) expect(turf.booleanValid(feature(r)), r.code).toBe(true)
  })

  it('tiles every parent exactly: children areas sum to the parent area (1e-6 relative)', () => {
    for (const [parent, kids] of children) {
      const p = byCode.get(parent)
      if (!p) continue // the district's parent (the prefecture) is not generated
      const sum = kids.reduce((s, k) => s + area(k), 0)
      expect(Math.abs(sum - area(p)) / area(p), `${parent}`).toBeLessThan(1e-6)
    }
  })

  it('puts every child inside its parent', () => {
    for (const r of regions) {
      if (!r.parentCode || r.level === 'street') continue
      const parent = fromGeoJSON(byCode.get(r.parentCode)!.geometry)
      for (const poly of fromGeoJSON(r.geometry)) {
        const c = labelPoint([poly])
        expect(pointInMulti(c[0], c[1], parent), r.code).toBe(true)
      }
    }
    // streets and communities: the whole area lies inside the parent
    for (const r of [...level('street'), ...level('community')]) {
      const x = turf.intersect(turf.featureCollection([feature(r), feature(byCode.get(r.parentCode!)!)]) as never) as Feature | null
      expect(Math.abs(turf.area(x!) - area(r)) / area(r), r.code).toBeLessThan(1e-6)
    }
  })

  it('has no overlaps between neighbouring streets or communities (< 1 m²)', () => {
    for (const [a, b] of neighbourPairs(level('street'))) expect(overlapM2(a, b), `${a.code}/${b.code}`).toBeLessThan(1)
    for (const s of level('street')) {
      for (const [a, b] of neighbourPairs(children.get(s.code) ?? [])) expect(overlapM2(a, b), `${a.code}/${b.code}`).toBeLessThan(1)
    }
  })

  it('has no overlaps between neighbouring grids (< 1 m²) in a sample of communities', () => {
    const sample = level('community').filter((_, i) => i % 8 === 0)
    let pairs = 0
    for (const c of sample) {
      for (const [a, b] of neighbourPairs(children.get(c.code) ?? [])) {
        expect(overlapM2(a, b), `${a.code}/${b.code}`).toBeLessThan(1)
        pairs++
      }
    }
    expect(pairs).toBeGreaterThan(500)
  })

  it('makes fine lattice grids in the urban streets and a few large grids elsewhere', () => {
    const urban = new Set(['350303001000', '350303002000', '350303100000', '350303101000'])
    const urbanGrids: number[] = []
    for (const c of level('community')) {
      const gs = children.get(c.code) ?? []
      if (urban.has(c.parentCode!)) for (const g of gs) urbanGrids.push(area(g))
      else {
        expect(gs.length, c.code).toBeGreaterThanOrEqual(3)
        expect(gs.length, c.code).toBeLessThanOrEqual(12)
      }
    }
    urbanGrids.sort((a, b) => a - b)
    const median = urbanGrids[Math.floor(urbanGrids.length / 2)]!
    expect(median).toBeGreaterThan(150 * 150 * 0.9)
    expect(median).toBeLessThan(250 * 250 * 1.1)
  })

  it('makes urban 社区 smaller than villages and closer to the town seat', () => {
    const src = readRegionSources()
    for (const town of ['350303103000', '350303104000', '350303106000']) {
      const kids = children.get(town)!
      const urban = kids.filter((k) => k.name.includes('社区'))
      const rural = kids.filter((k) => !k.name.includes('社区'))
      expect(urban.length).toBeGreaterThan(0)
      const mean = (xs: DemoRegion[]) => xs.reduce((s, x) => s + area(x), 0) / xs.length
      expect(mean(urban)).toBeLessThan(mean(rural))
      const seat = src.seats.find((s) => s.code === town)!
      const dist = (r: DemoRegion) => turf.distance([seat.lng, seat.lat], labelPoint(fromGeoJSON(r.geometry)))
      expect(Math.max(...urban.map(dist))).toBeLessThan(Math.min(...rural.map(dist)) + 1)
    }
  })

  it('derives named places: community label points inside their community, roads and rivers inside the district', () => {
    const places = buildDemoPlaces(regions)
    const communities = places.filter((p) => p.kind === 'community')
    expect(communities).toHaveLength(200)
    for (const p of communities) {
      const c = p.geometry.coordinates as number[]
      expect(pointInMulti(c[0]!, c[1]!, fromGeoJSON(byCode.get(p.id)!.geometry)), p.id).toBe(true)
      expect(p.name).toBe(byCode.get(p.id)!.name)
    }
    const roads = places.filter((p) => p.kind === 'road')
    expect(roads.length).toBeGreaterThanOrEqual(6)
    expect(roads.length).toBeLessThanOrEqual(10)
    expect(places.filter((p) => p.kind === 'river').length).toBeGreaterThanOrEqual(2)
    const district = feature(level('district')[0]!)
    for (const p of places.filter((q) => q.kind !== 'community')) {
      expect(p.geometry.type).toBe('LineString')
      expect(turf.booleanWithin(turf.feature(p.geometry), turf.polygon(district.geometry.coordinates[0]!)), p.id).toBe(true)
    }
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length)
  })
})
