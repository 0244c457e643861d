import { REGION_LEVELS } from '@hanjiang/shared'
import { describe, expect, it } from 'vitest'
import { CLICKABLE_LAYERS, LEVEL_ZOOM, layerId, levelLayerIds, regionLayers, selectedFilter, setLevelVisibility } from './layers.ts'

describe('region layers', () => {
  const layers = regionLayers()
  const byId = new Map(layers.map((l) => [l.id, l]))

  it('draw the district outline at every zoom, streets from 9, communities from 11, grids from 13', () => {
    expect(byId.get(layerId.line('district'))!.minzoom).toBe(0)
    expect(byId.get(layerId.line('street'))!.minzoom).toBe(9)
    expect(byId.get(layerId.line('community'))!.minzoom).toBe(11)
    expect(byId.get(layerId.line('grid'))!.minzoom).toBe(13)
  })

  it('label each level no earlier than its polygons, finer levels later', () => {
    for (const l of REGION_LEVELS) {
      const label = byId.get(layerId.label(l))!
      expect(label.type).toBe('symbol')
      expect(label.minzoom ?? 0).toBeGreaterThanOrEqual(LEVEL_ZOOM[l].min)
    }
    expect(byId.get(layerId.label('grid'))!.minzoom).toBeGreaterThan(13)
    // The district name gives way to the street names once they appear.
    expect(byId.get(layerId.label('district'))!.maxzoom).toBe(LEVEL_ZOOM.street.min)
  })

  it('stack labels above lines above fills, with street labels above grid labels', () => {
    const idx = (id: string) => layers.findIndex((l) => l.id === id)
    expect(idx(layerId.fill('grid'))).toBeLessThan(idx(layerId.line('grid')))
    expect(idx(layerId.line('grid'))).toBeLessThan(idx(layerId.line('street')))
    expect(idx(layerId.line('district'))).toBeLessThan(idx(layerId.label('grid')))
    expect(idx(layerId.label('grid'))).toBeLessThan(idx(layerId.label('street')))
  })

  it('have unique ids, and every level has a clickable fill', () => {
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length)
    expect(CLICKABLE_LAYERS).toEqual(['region-grid-fill', 'region-community-fill', 'region-street-fill', 'region-district-fill'])
  })

  it('toggle a whole level: its fill, lines, selection and labels (and the district veil)', () => {
    const set: Record<string, unknown> = {}
    const map = { getLayer: (id: string) => byId.get(id), setLayoutProperty: (id: string, _n: string, v: unknown) => (set[id] = v) }
    setLevelVisibility(map, 'street', false)
    expect(Object.keys(set).sort()).toEqual([...levelLayerIds('street')].sort())
    expect(new Set(Object.values(set))).toEqual(new Set(['none']))
    setLevelVisibility(map, 'district', true)
    expect(set[layerId.mask]).toBe('visible')
    expect(set[layerId.casing('district')]).toBe('visible')
  })

  it('select by code, matching nothing when there is no selection', () => {
    expect(selectedFilter('350303001000')).toEqual(['==', ['get', 'code'], '350303001000'])
    expect((selectedFilter(null) as unknown[])[2]).not.toMatch(/^\d+$/)
  })
})
