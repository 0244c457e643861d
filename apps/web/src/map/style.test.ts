import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl'
import { describe, expect, it } from 'vitest'
import { resolveBasemap } from './basemap.ts'
import { FONT_STACK, labelSourceId, sourceId } from './layers.ts'
import { BASEMAP_DIM_LAYER, BASEMAP_PREFIX, absoluteUrl, buildStyle, pmtilesBasemap, styleBasemap, xyzBasemap } from './style.ts'

const errorsOf = (style: StyleSpecification) => validateStyleMin(style).map((e) => e.message)

describe('buildStyle (default, offline)', () => {
  const style = buildStyle()

  it('is a valid MapLibre style', () => {
    expect(errorsOf(style)).toEqual([])
  })

  it('needs nothing from outside: no glyphs, no sprite, no URL but the tiles of this app', () => {
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    const own = JSON.stringify(style).replaceAll(`${location.origin}/api/tiles/`, '')
    expect(own).not.toMatch(/https?:\/\//)
  })

  it('starts with a background and draws only its own sources: GeoJSON, and vector tiles of the API for communities and grids', () => {
    expect(style.layers[0]).toMatchObject({ id: 'background', type: 'background' })
    for (const [id, s] of Object.entries(style.sources)) expect(s.type, id).toBe(id === sourceId('community') || id === sourceId('grid') ? 'vector' : 'geojson')
    expect(style.sources[sourceId('grid')]).toMatchObject({ type: 'vector', tiles: [`${location.origin}/api/tiles/grids/{z}/{x}/{y}.mvt`], minzoom: 12, maxzoom: 16 })
    for (const l of style.layers) {
      const src = (l as { source?: string }).source
      if (src === sourceId('grid')) expect((l as { 'source-layer'?: string })['source-layer'], l.id).toBe('grids')
      if (src === sourceId('community')) expect((l as { 'source-layer'?: string })['source-layer'], l.id).toBe('communities')
    }
    for (const l of ['district', 'street', 'community', 'grid'] as const) {
      expect(style.sources[sourceId(l)]).toBeDefined()
      expect(style.sources[labelSourceId(l)]).toBeDefined()
    }
  })

  it('labels with local CJK font names', () => {
    const labels = style.layers.filter((l): l is SymbolLayerSpecification => l.type === 'symbol')
    // One per region level, the responsibility areas' line and polygon names, and the incident cluster counts.
    expect(labels).toHaveLength(7)
    for (const l of labels) {
      const fonts = l.layout?.['text-font'] as string[]
      expect(fonts).toEqual(expect.arrayContaining(['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif']))
    }
    expect(FONT_STACK[0]).toBe('Noto Sans CJK SC')
  })
})

describe('basemaps', () => {
  it('puts an XYZ raster between the background and the region layers, with its attribution', () => {
    const style = buildStyle({ basemap: xyzBasemap({ url: 'http://tiles.intranet/{z}/{x}/{y}.png', attribution: '© 测绘院' }) })
    expect(errorsOf(style)).toEqual([])
    expect(style.layers[1]).toMatchObject({ id: `${BASEMAP_PREFIX}xyz`, type: 'raster' })
    expect(style.sources[`${BASEMAP_PREFIX}xyz`]).toMatchObject({
      type: 'raster',
      tiles: ['http://tiles.intranet/{z}/{x}/{y}.png'],
      attribution: '© 测绘院',
    })
  })

  it('thins the veil and fills so the basemap shows through', () => {
    const plain = buildStyle()
    const over = buildStyle({ basemap: xyzBasemap({ url: '/t/{z}/{x}/{y}.png' }) })
    const opacity = (s: StyleSpecification) => (s.layers.find((l) => l.id === 'district-mask') as unknown as { paint: Record<string, number> }).paint['fill-opacity']!
    expect(opacity(over)).toBeLessThan(opacity(plain))
  })

  it('veils the basemap with the dimmer, right above it', () => {
    const style = buildStyle({ basemap: xyzBasemap({ url: '/tiles/{z}/{x}/{y}.png' }), basemapDim: 0.4 })
    expect(errorsOf(style)).toEqual([])
    expect(style.layers[2]).toMatchObject({ id: BASEMAP_DIM_LAYER, type: 'background', paint: { 'background-opacity': 0.4 } })
    expect(buildStyle().layers.some((l) => l.id === BASEMAP_DIM_LAYER)).toBe(false)
  })

  it('spreads a preset over its subdomains and draws its annotation layer above the tiles (Tianditu)', () => {
    const bm = xyzBasemap({ url: 'https://t0/vec', tiles: ['https://t0/vec/{z}/{x}/{y}', 'https://t1/vec/{z}/{x}/{y}'], labelTiles: ['https://t0/cva/{z}/{x}/{y}'], maxZoom: 18 })
    const style = buildStyle({ basemap: bm })
    expect(errorsOf(style)).toEqual([])
    expect(style.layers.slice(1, 4).map((l) => l.id)).toEqual([`${BASEMAP_PREFIX}xyz`, `${BASEMAP_PREFIX}xyz:labels`, BASEMAP_DIM_LAYER])
    expect(style.sources[`${BASEMAP_PREFIX}xyz`]).toMatchObject({ tiles: ['https://t0/vec/{z}/{x}/{y}', 'https://t1/vec/{z}/{x}/{y}'], maxzoom: 18 })
    expect(style.sources[`${BASEMAP_PREFIX}xyz:labels`]).toMatchObject({ tiles: ['https://t0/cva/{z}/{x}/{y}'] })
  })

  it('merges a style document, prefixing its ids and resolving its URLs against the style URL', () => {
    const remote: StyleSpecification = {
      version: 8,
      glyphs: 'fonts/{fontstack}/{range}.pbf',
      sprite: 'sprites/basic',
      sources: {
        osm: { type: 'vector', url: 'tiles.json' },
        img: { type: 'raster', tiles: ['/r/{z}/{x}/{y}.png'] },
      },
      layers: [
        { id: 'bg', type: 'background', paint: { 'background-color': '#fff' } },
        { id: 'water', type: 'fill', source: 'osm', 'source-layer': 'water' },
        { id: 'sat', type: 'raster', source: 'img' },
      ],
    }
    const bm = styleBasemap(remote, 'http://gis.intranet/styles/base/style.json', '© 内网')
    expect(bm.glyphs).toBe('http://gis.intranet/styles/base/fonts/{fontstack}/{range}.pbf')
    expect(bm.sprite).toBe('http://gis.intranet/styles/base/sprites/basic')
    expect(bm.sources[`${BASEMAP_PREFIX}osm`]).toMatchObject({ url: 'http://gis.intranet/styles/base/tiles.json', attribution: '© 内网' })
    expect(bm.sources[`${BASEMAP_PREFIX}img`]).toMatchObject({ tiles: ['http://gis.intranet/r/{z}/{x}/{y}.png'] })
    expect(bm.layers.map((l) => l.id)).toEqual([`${BASEMAP_PREFIX}water`, `${BASEMAP_PREFIX}sat`])
    const style = buildStyle({ basemap: bm })
    expect(errorsOf(style)).toEqual([])
    expect(style.glyphs).toBe(bm.glyphs)
  })

  it('shows a raster PMTiles archive as is and gives a vector one a neutral generic style', () => {
    const raster = pmtilesBasemap('/data/base.pmtiles', { tileType: 2, minZoom: 0, maxZoom: 16, vectorLayers: [] })
    expect(Object.values(raster.sources)[0]).toMatchObject({ type: 'raster', url: 'pmtiles://http://localhost:3000/data/base.pmtiles' })
    const vector = pmtilesBasemap('http://h/base.pmtiles', { tileType: 1, minZoom: 0, maxZoom: 14, vectorLayers: ['roads', 'water'] })
    expect(vector.layers).toHaveLength(4)
    expect(errorsOf(buildStyle({ basemap: vector }))).toEqual([])
  })

  it('absoluteUrl keeps placeholders and leaves absolute URLs alone', () => {
    expect(absoluteUrl('/t/{z}/{x}/{y}.png', 'http://h/a/b')).toBe('http://h/t/{z}/{x}/{y}.png')
    expect(absoluteUrl('pmtiles://x')).toBe('pmtiles://x')
  })
})

describe('resolveBasemap', () => {
  it('is null (no basemap) unless a tile source is configured', async () => {
    await expect(resolveBasemap(null)).resolves.toBeNull()
  })

  it('builds each kind through its loader', async () => {
    await expect(resolveBasemap({ type: 'xyz', url: '/t/{z}/{x}/{y}.png' })).resolves.toMatchObject({ kind: 'xyz' })
    const fetchStyle = async () => ({ version: 8, sources: {}, layers: [] }) as StyleSpecification
    await expect(resolveBasemap({ type: 'style', url: '/s.json' }, { fetchStyle })).resolves.toMatchObject({ kind: 'style' })
    const openPmtiles = async () => ({ tileType: 3, minZoom: 0, maxZoom: 15, vectorLayers: [] })
    await expect(resolveBasemap({ type: 'pmtiles', url: '/b.pmtiles' }, { openPmtiles })).resolves.toMatchObject({ kind: 'pmtiles' })
  })

  it('fails loudly when the style cannot be loaded', async () => {
    const fetchStyle = async () => {
      throw new Error('HTTP 404')
    }
    await expect(resolveBasemap({ type: 'style', url: '/s.json' }, { fetchStyle })).rejects.toThrow('HTTP 404')
  })
})
