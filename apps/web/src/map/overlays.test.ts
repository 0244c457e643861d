import { expression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { StyleSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { layerId } from './layers.ts'
import {
  AREA_HIGHLIGHT_LAYERS,
  AREA_LAYERS,
  AREA_SOURCE,
  HATCH_IMAGE,
  MIN_BUFFER_PX,
  PROBE_SOURCE,
  areaLayerId,
  bufferWidthExpression,
  hatchImage,
  metresPerPixel,
  probeLayerId,
  setAreaVisibility,
} from './overlays.ts'
import { buildStyle } from './style.ts'

describe('metresPerPixel', () => {
  it('matches MapLibre at the equator and halves per zoom level', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.52, 1)
    expect(metresPerPixel(15, 25.47) / metresPerPixel(16, 25.47)).toBeCloseTo(2, 9)
    // About 2.16 m per pixel over Hanjiang at z15.
    expect(metresPerPixel(15, 25.47)).toBeCloseTo(2.157, 2)
  })
})

describe('bufferWidthExpression', () => {
  const width = (zoom: number, bufferM: number | null) => {
    const e = expression.createExpression(bufferWidthExpression(), {
      type: 'number',
      'property-type': 'data-constant',
      expression: { interpolated: true, parameters: ['zoom', 'feature'] },
    } as never)
    if (e.result !== 'success') throw new Error(JSON.stringify(e.value))
    return e.value.evaluate({ zoom }, { type: 'LineString', properties: { bufferM } } as never) as number
  }

  it('draws the buffer strip (2 × bufferM) at its true width in pixels when zoomed in', () => {
    for (const z of [13, 15, 16.5, 18]) {
      expect(width(z, 30)).toBeCloseTo(60 / metresPerPixel(z, 25.47), 0)
    }
  })

  it('stays visible zoomed out, and for a line without a buffer', () => {
    expect(width(9, 30)).toBeCloseTo(MIN_BUFFER_PX, 1)
    expect(width(15, null)).toBe(MIN_BUFFER_PX)
  })
})

describe('hatchImage', () => {
  it('is a square RGBA image with diagonal stripes and transparent gaps', () => {
    const img = hatchImage(10)
    expect(img.width).toBe(10)
    expect(img.data).toHaveLength(400)
    expect(hatchImage().width).toBe(12)
    const alpha = (x: number, y: number) => img.data[(y * 10 + x) * 4 + 3]
    expect(alpha(0, 0)).toBeGreaterThan(0)
    expect(alpha(9, 1)).toBeGreaterThan(0)
    expect(alpha(5, 0)).toBe(0)
  })
})

describe('area and probe layers in the style', () => {
  const style = buildStyle()
  const ids = style.layers.map((l) => l.id)

  it('is still a valid style, with their sources', () => {
    expect(validateStyleMin(style as StyleSpecification).map((e) => e.message)).toEqual([])
    expect(style.sources[AREA_SOURCE]).toMatchObject({ type: 'geojson' })
    expect(style.sources[PROBE_SOURCE]).toMatchObject({ type: 'geojson' })
  })

  it('draws areas over the region lines but under the selected outline; area labels over region labels; the probe on top', () => {
    const at = (id: string) => ids.indexOf(id)
    expect(at(areaLayerId.fill)).toBeGreaterThan(at(layerId.line('district')))
    expect(at(areaLayerId.line)).toBeLessThan(at(layerId.selectedCasing('district')))
    expect(at(areaLayerId.lineLabel)).toBeGreaterThan(at(layerId.label('district')))
    expect(ids.slice(-2)).toEqual([probeLayerId.halo, probeLayerId.dot])
  })

  it('keeps the deciding-area highlight apart from the toggled layers: always shown, filtered to nothing at first', () => {
    for (const id of AREA_HIGHLIGHT_LAYERS) {
      const l = style.layers.find((x) => x.id === id) as { layout?: { visibility?: string }; filter: unknown }
      expect(l.layout?.visibility).toBeUndefined()
      expect(AREA_LAYERS).not.toContain(id)
      expect(JSON.stringify(l.filter)).toContain('-1')
    }
  })

  it('starts with the areas hidden (off by default); the hatch names the runtime image', () => {
    for (const id of AREA_LAYERS) {
      expect(style.layers.find((l) => l.id === id)?.layout).toMatchObject({ visibility: 'none' })
    }
    const hatch = style.layers.find((l) => l.id === areaLayerId.hatch) as { paint: Record<string, unknown> }
    expect(hatch.paint['fill-pattern']).toBe(HATCH_IMAGE)
  })

  it('setAreaVisibility toggles every area layer', () => {
    const layout = new Map<string, string>()
    const map = { getLayer: (id: string) => (ids.includes(id) ? {} : undefined), setLayoutProperty: (id: string, _n: string, v: unknown) => void layout.set(id, String(v)) }
    setAreaVisibility(map, true)
    expect([...layout.keys()].sort()).toEqual([...AREA_LAYERS].sort())
    expect(new Set(layout.values())).toEqual(new Set(['visible']))
  })
})
