import { describe, expect, it } from 'vitest'
import type { RegionCollection } from '../api/types.ts'
import { square } from '../testing/utils.ts'
import { assignColorIndex, bboxOf, fallbackLabels, mapLabel, outsideMask, ringArea } from './geo.ts'

const fc = (features: ReturnType<typeof square>[]) => ({ type: 'FeatureCollection', features }) as unknown as RegionCollection

describe('geo helpers', () => {
  it('bboxOf covers every coordinate', () => {
    const c = fc([square(1, { code: 'a', name: 'a', level: 'street', parentCode: null }, [119, 25], 0.1), square(2, { code: 'b', name: 'b', level: 'street', parentCode: null }, [119.2, 25.3], 0.1)])
    expect(bboxOf(c)).toEqual([119, 25, 119.3, 25.400000000000002])
    expect(bboxOf({ type: 'FeatureCollection', features: [] })).toBeNull()
  })

  it('outsideMask makes the district a clockwise hole in a counter-clockwise world', () => {
    const d = fc([square(1, { code: 'd', name: 'd', level: 'district', parentCode: null }, [119, 25], 0.3)])
    const mask = outsideMask(d)
    const rings = mask.features[0]!.geometry.coordinates
    expect(rings).toHaveLength(2)
    expect(ringArea(rings[0]!)).toBeGreaterThan(0)
    expect(ringArea(rings[1]!)).toBeLessThan(0)
    expect(outsideMask(fc([])).features).toHaveLength(0)
  })

  it('assignColorIndex gives touching neighbours different colours, deterministically', () => {
    const row = [0, 1, 2, 3].map((i) => square(i + 1, { code: `35030300${i}000`, name: `${i}`, level: 'street', parentCode: null }, [119 + i * 0.01, 25], 0.01))
    const colored = assignColorIndex(fc(row), 8)
    const colors = colored.features.map((f) => (f.properties as unknown as { color: number }).color)
    for (let i = 1; i < colors.length; i++) expect(colors[i]).not.toBe(colors[i - 1])
    expect(assignColorIndex(fc(row), 8).features.map((f) => (f.properties as unknown as { color: number }).color)).toEqual(colors)
  })

  it('fallbackLabels puts one point inside each region', () => {
    const labels = fallbackLabels(fc([square(7, { code: 'c', name: '社区', level: 'community', parentCode: 'p' }, [119, 25], 0.02)]))
    expect(labels.features).toHaveLength(1)
    const [x, y] = labels.features[0]!.geometry.coordinates as [number, number]
    expect(x).toBeGreaterThan(119)
    expect(x).toBeLessThan(119.02)
    expect(y).toBeGreaterThan(25)
    expect(labels.features[0]!.properties).toEqual({ code: 'c', name: '社区', level: 'community' })
  })

  it('mapLabel shortens names for the map only', () => {
    expect(mapLabel('community', '青年社区居委会')).toBe('青年社区')
    expect(mapLabel('community', '东沙村委会')).toBe('东沙村')
    expect(mapLabel('grid', '青年社区045网格')).toBe('045网格')
    expect(mapLabel('grid', '新区社区第003网格')).toBe('第003网格')
    expect(mapLabel('grid', '网格')).toBe('网格')
    expect(mapLabel('street', '涵东街道')).toBe('涵东街道')
  })
})
