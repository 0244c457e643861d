import { isMapCrs, type MapCrs } from './map-crs.ts'

/**
 * Basemap presets (docs/BASEMAPS.md): what `TILE_SOURCE` may name, read into the list the web app offers in
 * its layer panel. Pure: the server reads the environment and checks local files; this only reads the text.
 *
 * `TILE_SOURCE` holds one basemap or several separated by `;` (or new lines), the first being the default:
 *
 *     [label=]kind[+crs]:value
 *
 * - `tianditu:vec|img|ter` — 天地图 vector / imagery / terrain with its annotation layer (cva / cia / cta), over
 *   t0–t7 with `TIANDITU_TOKEN`, or from an intranet 政务版 server at `TIANDITU_BASE_URL`. CGCS2000 ≈ WGS84.
 * - `xyz:https://host/{z}/{x}/{y}.png` — a raster XYZ template (`{s}` with `TILE_SUBDOMAINS` spreads the load).
 * - `wmts:https://host/…/{TileMatrix}/{TileRow}/{TileCol}.png` — a WMTS RESTful (or KVP) template on a Web
 *   Mercator tile matrix set (EPSG:3857, GoogleMapsCompatible).
 * - `style:https://host/style.json` — a MapLibre style (vector tiles).
 * - `pmtiles:/srv/maps/hanjiang.pmtiles` — a PMTiles archive; a file path is served by the API itself.
 *
 * `+gcj02` declares a basemap drawn in GCJ-02 (an AMap/Tencent mirror); the default is `+wgs84`. A bare URL is
 * recognised by its shape (`{z}` → xyz, `.pmtiles` → pmtiles, otherwise a style).
 */
export const BASEMAP_TYPES = ['xyz', 'style', 'pmtiles'] as const
export type BasemapType = (typeof BASEMAP_TYPES)[number]

export const TIANDITU_LAYERS = { vec: 'cva', img: 'cia', ter: 'cta' } as const
export type TiandituLayer = keyof typeof TIANDITU_LAYERS
/** Deepest level each Tianditu layer has tiles for (terrain stops early). */
const TIANDITU_MAX_ZOOM: Record<TiandituLayer, number> = { vec: 18, img: 18, ter: 14 }
const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7']
export const TIANDITU_ATTRIBUTION = '© 天地图 Tianditu'

export interface BasemapPreset {
  /** Stable id (`tianditu-vec`, `xyz-1`, …): the user's choice is stored under it. */
  id: string
  /** Shown in the layer panel; empty → the web app names it by kind. */
  label: string
  /** `tianditu:vec` etc. for the presets, the kind otherwise (the web app names an unlabelled basemap by it). */
  preset: 'tianditu:vec' | 'tianditu:img' | 'tianditu:ter' | 'xyz' | 'wmts' | 'style' | 'pmtiles'
  type: BasemapType
  /** xyz: the first tile template; style: the style URL; pmtiles: the archive's URL (a local file: set by the server). */
  url: string
  /** xyz: one template per subdomain (MapLibre spreads requests over them). */
  tiles?: string[]
  /** xyz: an annotation layer drawn above the tiles and our areas (Tianditu's place names). */
  labelTiles?: string[]
  crs: MapCrs
  maxZoom?: number
  attribution?: string
}

/** A basemap as configured, plus the local file a `pmtiles:` path names (the server serves it). */
export interface ParsedBasemap extends BasemapPreset {
  file?: string
}

export interface BasemapEnv {
  TILE_SOURCE?: string
  TILE_ATTRIBUTION?: string
  TILE_SUBDOMAINS?: string
  TIANDITU_TOKEN?: string
  TIANDITU_BASE_URL?: string
}

/** A problem with the basemap settings; `variable` is the environment variable to fix. */
export class BasemapConfigError extends Error {
  override name = 'BasemapConfigError'
  constructor(
    readonly variable: keyof BasemapEnv,
    message: string,
  ) {
    super(message)
  }
}

const ITEM = /^(?:([^=:/]+)=)?(tianditu|xyz|wmts|style|pmtiles)(?:\+([a-z0-9]+))?:(.+)$/i

/** Reads the basemap settings; an empty list when `TILE_SOURCE` is unset. Throws {@link BasemapConfigError}. */
export function parseBasemaps(env: BasemapEnv): ParsedBasemap[] {
  const raw = env.TILE_SOURCE?.trim() ?? ''
  if (!raw) return []
  const items = raw
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
  const out: ParsedBasemap[] = []
  for (const [i, item] of items.entries()) {
    const b = parseItem(item, env)
    let id = b.preset.startsWith('tianditu:') ? b.preset.replace(':', '-') : `${b.preset}-${i + 1}`
    if (out.some((o) => o.id === id)) id = `${id}-${i + 1}`
    out.push({ ...b, id })
  }
  return out
}

function fail(message: string, variable: keyof BasemapEnv = 'TILE_SOURCE'): never {
  throw new BasemapConfigError(variable, message)
}

function parseItem(item: string, env: BasemapEnv): Omit<ParsedBasemap, 'id'> {
  const m = ITEM.exec(item)
  let kind: string
  let value: string
  let crs: MapCrs = 'wgs84'
  let label = ''
  if (m) {
    label = m[1]?.trim() ?? ''
    kind = m[2]!.toLowerCase()
    value = m[4]!.trim()
    if (m[3] !== undefined) {
      const c = m[3].toLowerCase()
      if (!isMapCrs(c)) fail(`"${item}": unknown coordinate system "${m[3]}" (expected +wgs84 or +gcj02)`)
      crs = c
    }
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item) || item.startsWith('/') || item.startsWith('.')) {
    value = item
    kind = item.endsWith('.pmtiles') ? 'pmtiles' : item.includes('{z}') ? 'xyz' : 'style'
  } else {
    fail(`"${item}" is not a basemap: expected tianditu:vec|img|ter, xyz:URL, wmts:URL, style:URL or pmtiles:PATH (optionally with +gcj02)`)
  }
  const attribution = env.TILE_ATTRIBUTION?.trim() || undefined
  switch (kind) {
    case 'tianditu':
      if (crs !== 'wgs84') fail(`"${item}": Tianditu is CGCS2000 (≈ WGS84); it cannot be declared ${crs}`)
      return { ...tianditu(value, item, env), label }
    case 'xyz':
    case 'wmts': {
      const template = kind === 'wmts' ? wmtsToXyz(value) : value
      checkUrl(template, item)
      if (!(template.includes('{z}') && template.includes('{x}') && (template.includes('{y}') || template.includes('{-y}')))) {
        fail(
          kind === 'wmts'
            ? `"${item}": a WMTS template needs {TileMatrix}, {TileRow} and {TileCol} (or {z}, {y} and {x})`
            : `"${item}": an XYZ tile URL needs {z}, {x} and {y} placeholders`,
        )
      }
      const tiles = expandSubdomains(template, env.TILE_SUBDOMAINS, item)
      return { preset: kind, label, type: 'xyz', url: tiles[0]!, tiles, crs, ...(attribution ? { attribution } : {}) }
    }
    case 'style':
      checkUrl(value, item)
      return { preset: 'style', label, type: 'style', url: value, crs, ...(attribution ? { attribution } : {}) }
    case 'pmtiles': {
      if (!value.endsWith('.pmtiles')) fail(`"${item}": a PMTiles archive's name ends in .pmtiles`)
      const remote = /^https?:\/\//i.test(value)
      return {
        preset: 'pmtiles',
        label,
        type: 'pmtiles',
        url: value,
        ...(remote ? {} : { file: value }),
        crs,
        ...(attribution ? { attribution } : {}),
      }
    }
    default:
      return fail(`"${item}": unknown basemap kind`)
  }
}

function checkUrl(url: string, item: string): void {
  if (url.startsWith('/')) return
  let u: URL
  try {
    u = new URL(url.replace(/\{[^}]+\}/g, '0'))
  } catch {
    fail(`"${item}": not a URL (expected http://… or https://…, or a path on this server starting with /)`)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(`"${item}": only http and https URLs can be fetched by the browser`)
}

/** WMTS RESTful / KVP placeholders → XYZ ones (Web Mercator tile matrix sets number tiles as XYZ does). */
export function wmtsToXyz(template: string): string {
  return template
    .replace(/\{TileMatrix\}/gi, '{z}')
    .replace(/\{TileRow\}/gi, '{y}')
    .replace(/\{TileCol\}/gi, '{x}')
}

function expandSubdomains(template: string, subdomains: string | undefined, item: string): string[] {
  if (!template.includes('{s}')) return [template]
  const list = (subdomains ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (list.length === 0) fail(`"${item}" has {s}: list its subdomains, e.g. TILE_SUBDOMAINS=a,b,c`, 'TILE_SUBDOMAINS')
  return list.map((s) => template.replaceAll('{s}', s))
}

/** Tianditu's Web Mercator (`_w`) WMTS as an XYZ template, KVP style as its documentation gives it. */
export function tiandituTemplate(base: string, layer: string, token: string | undefined): string {
  const q = `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`
  return `${base.replace(/\/+$/, '')}/${layer}_w/wmts?${q}${token ? `&tk=${encodeURIComponent(token)}` : ''}`
}

function tianditu(value: string, item: string, env: BasemapEnv): Omit<ParsedBasemap, 'id' | 'label'> {
  const layer = value.toLowerCase()
  if (!(layer in TIANDITU_LAYERS)) fail(`"${item}": Tianditu layer must be vec (矢量), img (影像) or ter (地形)`)
  const base = layer as TiandituLayer
  const token = env.TIANDITU_TOKEN?.trim() || undefined
  const intranet = env.TIANDITU_BASE_URL?.trim() || undefined
  let servers: string[]
  if (intranet) {
    // 政务版: one intranet host (or several through {s} = 0–7); the token only when that server asks for one.
    try {
      const u = new URL(intranet.replaceAll('{s}', '0'))
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error()
    } catch {
      fail(`"${intranet}" is not an http(s) URL (e.g. http://10.1.2.3:8080/tianditu)`, 'TIANDITU_BASE_URL')
    }
    servers = intranet.includes('{s}') ? TIANDITU_SUBDOMAINS.map((s) => intranet.replaceAll('{s}', s)) : [intranet]
  } else {
    if (!token) fail(`TILE_SOURCE=${item} needs a Tianditu key (天地图 "浏览器端" key), or TIANDITU_BASE_URL for an intranet 政务版 server`, 'TIANDITU_TOKEN')
    if (!/^[0-9a-f]{32}$/i.test(token)) fail('a Tianditu key is 32 hexadecimal characters', 'TIANDITU_TOKEN')
    servers = TIANDITU_SUBDOMAINS.map((s) => `https://t${s}.tianditu.gov.cn`)
  }
  const tiles = servers.map((s) => tiandituTemplate(s, base, token))
  const labelTiles = servers.map((s) => tiandituTemplate(s, TIANDITU_LAYERS[base], token))
  return {
    preset: `tianditu:${base}`,
    type: 'xyz',
    url: tiles[0]!,
    tiles,
    labelTiles,
    crs: 'wgs84',
    maxZoom: TIANDITU_MAX_ZOOM[base],
    attribution: env.TILE_ATTRIBUTION?.trim() || TIANDITU_ATTRIBUTION,
  }
}

/** Every origin a set of basemaps is fetched from (the Content-Security-Policy lets the browser reach them). */
export function basemapOrigins(basemaps: readonly BasemapPreset[]): string[] {
  const out = new Set<string>()
  for (const b of basemaps) {
    for (const url of [b.url, ...(b.tiles ?? []), ...(b.labelTiles ?? [])]) {
      try {
        const u = new URL(url.replace(/\{[^}]+\}/g, '0'))
        if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.origin)
      } catch {
        /* a path on this server: 'self' */
      }
    }
  }
  return [...out]
}
