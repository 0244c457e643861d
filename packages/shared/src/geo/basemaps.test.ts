import { describe, expect, it } from 'vitest'
import { BasemapConfigError, basemapOrigins, parseBasemaps, wmtsToXyz } from './basemaps.ts'

const TOKEN = '0123456789abcdef0123456789abcdef'

function error(env: Parameters<typeof parseBasemaps>[0]): BasemapConfigError {
  try {
    parseBasemaps(env)
  } catch (e) {
    if (e instanceof BasemapConfigError) return e
    throw e
  }
  throw new Error('no error')
}

describe('parseBasemaps', () => {
  it('is empty without TILE_SOURCE', () => {
    expect(parseBasemaps({})).toEqual([])
    expect(parseBasemaps({ TILE_SOURCE: '  ' })).toEqual([])
  })

  it('reads a Tianditu preset: t0–t7, the token, the matching annotation layer, CGCS2000 as wgs84', () => {
    const [b] = parseBasemaps({ TILE_SOURCE: 'tianditu:img', TIANDITU_TOKEN: TOKEN })
    expect(b).toMatchObject({ id: 'tianditu-img', preset: 'tianditu:img', type: 'xyz', crs: 'wgs84', maxZoom: 18, attribution: '© 天地图 Tianditu' })
    expect(b!.tiles).toHaveLength(8)
    expect(b!.tiles![3]).toBe(
      `https://t3.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${TOKEN}`,
    )
    expect(b!.labelTiles![0]).toContain('/cia_w/wmts?')
    expect(b!.labelTiles![0]).toContain('LAYER=cia&')
    expect(parseBasemaps({ TILE_SOURCE: 'tianditu:vec', TIANDITU_TOKEN: TOKEN })[0]!.labelTiles![0]).toContain('LAYER=cva')
    const ter = parseBasemaps({ TILE_SOURCE: 'tianditu:ter', TIANDITU_TOKEN: TOKEN })[0]!
    expect(ter.labelTiles![0]).toContain('LAYER=cta')
    expect(ter.maxZoom).toBe(14)
  })

  it('reads an intranet 政务版 Tianditu server, with or without a token and subdomains', () => {
    const [b] = parseBasemaps({ TILE_SOURCE: 'tianditu:vec', TIANDITU_BASE_URL: 'http://10.1.2.3:8080/tdt/' })
    expect(b!.tiles).toEqual([expect.stringMatching(/^http:\/\/10\.1\.2\.3:8080\/tdt\/vec_w\/wmts\?SERVICE=WMTS.*TILECOL=\{x\}$/)])
    const [s] = parseBasemaps({ TILE_SOURCE: 'tianditu:vec', TIANDITU_BASE_URL: 'http://t{s}.tdt.intranet', TIANDITU_TOKEN: TOKEN })
    expect(s!.tiles).toHaveLength(8)
    expect(s!.tiles![7]).toMatch(/^http:\/\/t7\.tdt\.intranet\/vec_w\/.*&tk=0123/)
  })

  it('names the variable to fix', () => {
    expect(error({ TILE_SOURCE: 'tianditu:vec' })).toMatchObject({ variable: 'TIANDITU_TOKEN', message: expect.stringContaining('TIANDITU_BASE_URL') })
    expect(error({ TILE_SOURCE: 'tianditu:vec', TIANDITU_TOKEN: 'abc' })).toMatchObject({ variable: 'TIANDITU_TOKEN', message: expect.stringContaining('32 hexadecimal') })
    expect(error({ TILE_SOURCE: 'tianditu:sat', TIANDITU_TOKEN: TOKEN })).toMatchObject({ variable: 'TILE_SOURCE', message: expect.stringContaining('vec (矢量), img (影像) or ter (地形)') })
    expect(error({ TILE_SOURCE: 'tianditu+gcj02:vec', TIANDITU_TOKEN: TOKEN }).message).toContain('CGCS2000')
    expect(error({ TILE_SOURCE: 'tianditu:vec', TIANDITU_BASE_URL: 'ftp://x' }).variable).toBe('TIANDITU_BASE_URL')
    expect(error({ TILE_SOURCE: 'xyz:https://t/tiles.png' }).message).toContain('{z}, {x} and {y}')
    expect(error({ TILE_SOURCE: 'xyz+mars:https://t/{z}/{x}/{y}.png' }).message).toContain('+wgs84 or +gcj02')
    expect(error({ TILE_SOURCE: 'xyz:https://{s}.t/{z}/{x}/{y}.png' }).variable).toBe('TILE_SUBDOMAINS')
    expect(error({ TILE_SOURCE: 'xyz:file:///{z}/{x}/{y}.png' }).message).toContain('http and https')
    expect(error({ TILE_SOURCE: 'osm' }).message).toContain('expected tianditu:vec|img|ter')
    expect(error({ TILE_SOURCE: 'pmtiles:/srv/a.mbtiles' }).message).toContain('.pmtiles')
  })

  it('reads XYZ, WMTS, style and PMTiles items with their CRS and labels, several in a list', () => {
    const list = parseBasemaps({
      TILE_SOURCE: '内网影像=xyz+gcj02:http://tiles.intranet/{z}/{x}/{y}.png; wmts:http://gis.intranet/wmts/vec/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png\nstyle:/maps/style.json;pmtiles:/srv/maps/hj.pmtiles;pmtiles:https://cdn.intranet/hj.pmtiles',
      TILE_ATTRIBUTION: '© 区大数据局',
    })
    expect(list.map((b) => [b.id, b.type, b.crs, b.label])).toEqual([
      ['xyz-1', 'xyz', 'gcj02', '内网影像'],
      ['wmts-2', 'xyz', 'wgs84', ''],
      ['style-3', 'style', 'wgs84', ''],
      ['pmtiles-4', 'pmtiles', 'wgs84', ''],
      ['pmtiles-5', 'pmtiles', 'wgs84', ''],
    ])
    expect(list[1]!.url).toBe('http://gis.intranet/wmts/vec/default/GoogleMapsCompatible/{z}/{y}/{x}.png')
    expect(list[0]!.attribution).toBe('© 区大数据局')
    expect(list[3]!.file).toBe('/srv/maps/hj.pmtiles')
    expect(list[4]!.file).toBeUndefined()
  })

  it('keeps the shapes recognised before presets existed', () => {
    expect(parseBasemaps({ TILE_SOURCE: 'https://t/{z}/{x}/{y}.png' })[0]).toMatchObject({ type: 'xyz', url: 'https://t/{z}/{x}/{y}.png', tiles: ['https://t/{z}/{x}/{y}.png'] })
    expect(parseBasemaps({ TILE_SOURCE: 'http://intranet/style.json' })[0]).toMatchObject({ type: 'style' })
    expect(parseBasemaps({ TILE_SOURCE: '/maps/hj.pmtiles' })[0]).toMatchObject({ type: 'pmtiles', file: '/maps/hj.pmtiles' })
  })

  it('spreads {s} over TILE_SUBDOMAINS and makes ids unique', () => {
    const list = parseBasemaps({ TILE_SOURCE: 'xyz:https://{s}.t/{z}/{x}/{y}.png;tianditu:vec;tianditu:vec', TILE_SUBDOMAINS: 'a, b', TIANDITU_TOKEN: TOKEN })
    expect(list[0]!.tiles).toEqual(['https://a.t/{z}/{x}/{y}.png', 'https://b.t/{z}/{x}/{y}.png'])
    expect(list.map((b) => b.id)).toEqual(['xyz-1', 'tianditu-vec', 'tianditu-vec-3'])
  })

  it('lists the origins for the Content-Security-Policy', () => {
    const list = parseBasemaps({ TILE_SOURCE: 'tianditu:vec;style:/maps/style.json', TIANDITU_TOKEN: TOKEN })
    expect(basemapOrigins(list)).toHaveLength(8)
    expect(basemapOrigins(list)[0]).toBe('https://t0.tianditu.gov.cn')
    expect(wmtsToXyz('a/{TILEMATRIX}/{tilerow}/{TileCol}')).toBe('a/{z}/{y}/{x}')
  })
})
