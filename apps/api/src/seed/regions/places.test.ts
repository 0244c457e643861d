import { describe, expect, it } from 'vitest'
import { DEMO_LINES, placesFrom } from './places.ts'

describe('places', () => {
  it('defines 6–10 named roads and the rivers, with stable ids', () => {
    const roads = DEMO_LINES.filter((l) => l.kind === 'road')
    expect(roads.length).toBeGreaterThanOrEqual(6)
    expect(roads.length).toBeLessThanOrEqual(10)
    expect(roads.map((r) => r.name)).toEqual(expect.arrayContaining(['涵华路', '兴涵路', '荔涵大道', '324国道', '沈海高速']))
    expect(roads.some((r) => r.roadClass === 'county')).toBe(true)
    expect(DEMO_LINES.filter((l) => l.kind === 'river').map((r) => r.name)).toEqual(expect.arrayContaining(['木兰溪', '延寿溪']))
    expect(new Set(DEMO_LINES.map((l) => l.id)).size).toBe(DEMO_LINES.length)
    for (const l of DEMO_LINES) {
      expect(l.id).toMatch(/^(road|river)-[a-z0-9]+$/)
      expect(l.line.length).toBeGreaterThanOrEqual(2)
      for (const [x, y] of l.line) {
        expect(x).toBeGreaterThan(118.84)
        expect(x).toBeLessThan(119.25)
        expect(y).toBeGreaterThan(25.38)
        expect(y).toBeLessThan(25.77)
      }
    }
  })

  it('labels each community at a point inside it', () => {
    const places = placesFrom([
      {
        code: '350303001001',
        name: '新区社区居委会',
        parentCode: '350303001000',
        geometry: {
          type: 'MultiPolygon',
          // an L: the centroid of its bounding box is outside
          coordinates: [[[[119.1, 25.45], [119.12, 25.45], [119.12, 25.452], [119.102, 25.452], [119.102, 25.47], [119.1, 25.47], [119.1, 25.45]]]],
        },
      },
    ])
    const p = places[0]!
    expect(p).toMatchObject({ id: '350303001001', name: '新区社区居委会', kind: 'community', parentCode: '350303001000' })
    const [x, y] = p.geometry.coordinates as [number, number]
    const inside = (x > 119.1 && x < 119.12 && y > 25.45 && y < 25.452) || (x > 119.1 && x < 119.102 && y > 25.45 && y < 25.47)
    expect(inside).toBe(true)
    expect(places.filter((q) => q.kind !== 'community')).toHaveLength(DEMO_LINES.length)
  })
})
