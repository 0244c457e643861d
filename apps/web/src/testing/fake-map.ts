/** A stand-in for a MapLibre map in jsdom (no WebGL): records what the composables do to it. */
import { vi } from 'vitest'
import type { RegionMap } from '../map/types.ts'
import { buildStyle } from '../map/style.ts'

type Handler = (e?: unknown) => void

export function createFakeMap(zoom = 10.5) {
  const handlers = new Map<string, Set<Handler>>()
  const data = new Map<string, unknown>()
  const style = buildStyle()
  const layout = new Map<string, Record<string, unknown>>(style.layers.map((l) => [l.id, { ...(l.layout ?? {}) }]))
  const sourceTypes = new Map(Object.entries(style.sources).map(([id, src]) => [id, src.type]))
  const canvas = document.createElement('canvas')
  const state = {
    zoom,
    rendered: [] as unknown[],
    /** [west, south, east, north] of the view, for `getBounds().contains`. */
    bounds: [118.9, 25.3, 119.3, 25.6] as [number, number, number, number],
  }
  const images = new Map<string, unknown>()
  const fake = {
    state,
    data,
    layout,
    on: vi.fn((type: string, fn: Handler) => {
      if (!handlers.has(type)) handlers.set(type, new Set())
      handlers.get(type)!.add(fn)
    }),
    off: vi.fn((type: string, fn: Handler) => handlers.get(type)?.delete(fn)),
    fire(type: string, e?: unknown) {
      for (const fn of [...(handlers.get(type) ?? [])]) fn(e)
    },
    listeners: (type: string) => handlers.get(type)?.size ?? 0,
    // Sources as the style declares them: GeoJSON ones take data, vector tile ones fetch their own.
    getSource: vi.fn((id: string) => ({ type: sourceTypes.get(id) ?? 'geojson', setData: (d: unknown) => data.set(id, d) })),
    getLayer: vi.fn((id: string) => (layout.has(id) ? { id } : undefined)),
    getLayoutProperty: vi.fn((id: string, name: string) => layout.get(id)?.[name]),
    setLayoutProperty: vi.fn((id: string, name: string, v: unknown) => {
      layout.get(id)![name] = v
    }),
    /** Layer ids moved to the top, in order. */
    moved: [] as string[],
    moveLayer: vi.fn((id: string) => void fake.moved.push(id)),
    setFilter: vi.fn(),
    setFeatureState: vi.fn(),
    removeFeatureState: vi.fn(),
    queryRenderedFeatures: vi.fn((_point?: unknown, _options?: { layers?: string[] }) => state.rendered),
    getZoom: vi.fn(() => state.zoom),
    fitBounds: vi.fn(),
    getCanvas: () => canvas,
    images,
    hasImage: vi.fn((id: string) => images.has(id)),
    addImage: vi.fn((id: string, img: unknown) => void images.set(id, img)),
    easeTo: vi.fn(),
    paint: new Map<string, Record<string, unknown>>(),
    setPaintProperty: vi.fn((id: string, name: string, v: unknown) => {
      if (!fake.paint.has(id)) fake.paint.set(id, {})
      fake.paint.get(id)![name] = v
    }),
    getCenter: vi.fn(() => ({ lng: (state.bounds[0] + state.bounds[2]) / 2, lat: (state.bounds[1] + state.bounds[3]) / 2 })),
    getBounds: vi.fn(() => ({
      getWest: () => state.bounds[0],
      getSouth: () => state.bounds[1],
      getEast: () => state.bounds[2],
      getNorth: () => state.bounds[3],
      contains: (p: { lng: number; lat: number } | [number, number]) => {
        const [x, y] = Array.isArray(p) ? p : [p.lng, p.lat]
        const [w, s, e, n] = state.bounds
        return x >= w && x <= e && y >= s && y <= n
      },
    })),
  }
  return fake
}

export type FakeMap = ReturnType<typeof createFakeMap>
export const asMap = (f: FakeMap) => f as unknown as RegionMap
