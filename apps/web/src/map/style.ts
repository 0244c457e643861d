import { REGION_LEVELS } from '@hanjiang/shared'
import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl'
import type { BasemapPreset, BasemapType } from '../api/types.ts'
import { COLORS, LEVEL_ZOOM, MASK_SOURCE, TILE_LEVELS, labelSourceId, layerId, regionLayers, sourceId } from './layers.ts'
import { AREA_SOURCE, PROBE_SOURCE, areaLayers, probeLayers } from './overlays.ts'
import { INCIDENT_SOURCE, PATROL_SOURCE, incidentLayers, patrolLayers } from './incident-layers.ts'

/**
 * The map style. The default draws only the project's own layers on a plain background: no tile server, no glyph
 * server, no sprite — the intranet has no outside network. A configured basemap (XYZ raster, a style URL or a
 * PMTiles file) is slotted in between the background and the region layers.
 */

/** Ids of basemap sources and layers get this prefix, so they never collide with ours and can be toggled together. */
export const BASEMAP_PREFIX = 'basemap:'
export const BACKGROUND_LAYER = 'background'
/** A veil of the background colour over the basemap: the layer panel's dimmer, whatever kind the basemap is. */
export const BASEMAP_DIM_LAYER = `${BASEMAP_PREFIX}dim`

export interface BasemapStyle {
  kind: BasemapType
  sources: Record<string, SourceSpecification>
  layers: LayerSpecification[]
  /** Only a basemap style brings these; ours are drawn without them. */
  glyphs?: string
  sprite?: StyleSpecification['sprite']
}

export interface StyleOptions {
  basemap?: BasemapStyle | null
  /** 0 (the basemap as it comes) … 0.8 (faint). */
  basemapDim?: number
  /** Enlarges the incident symbols (the wall display is read from across a room). */
  incidentScale?: number
}

/** Past this zoom region tiles are over-zoomed: a zoom-16 tile holds a grid to a tenth of a metre. */
export const REGION_TILE_MAX_ZOOM = 16

/** The vector tile URL template of a region layer (absolute: MapLibre fetches tiles from a worker). */
export function regionTileUrl(layer: string): string {
  return absoluteUrl(`/api/tiles/${layer}/{z}/{x}/{y}.mvt`)
}

function emptyGeoJson(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
}

export function buildStyle(options: StyleOptions = {}): StyleSpecification {
  const { basemap = null, basemapDim = 0, incidentScale = 1 } = options
  const sources: Record<string, SourceSpecification> = {}
  if (basemap) Object.assign(sources, basemap.sources)
  sources[MASK_SOURCE] = emptyGeoJson()
  for (const level of REGION_LEVELS) {
    // Feature ids are numeric in the API's GeoJSON and tiles; they key the hover feature-state.
    const tiles = TILE_LEVELS[level]
    sources[sourceId(level)] = tiles
      ? { type: 'vector', tiles: [regionTileUrl(tiles)], minzoom: Math.max(0, LEVEL_ZOOM[level].min - 1), maxzoom: REGION_TILE_MAX_ZOOM }
      : { ...emptyGeoJson(), tolerance: level === 'grid' ? 0.25 : 0.375 }
    sources[labelSourceId(level)] = emptyGeoJson()
  }
  sources[AREA_SOURCE] = emptyGeoJson()
  sources[PROBE_SOURCE] = emptyGeoJson()
  sources[INCIDENT_SOURCE] = emptyGeoJson()
  sources[PATROL_SOURCE] = emptyGeoJson()
  const basemapLayers = basemap ? [...basemap.layers, dimLayer(basemapDim)] : []
  const style: StyleSpecification = {
    version: 8,
    name: 'hanjiang-offline',
    metadata: { 'hanjiang:basemap': basemap?.kind ?? null },
    center: [119.1, 25.46],
    zoom: 10.5,
    sources,
    layers: [
      // When a basemap is shown it covers this; without one, it is the sea/land-neutral ground outside the veil.
      { id: BACKGROUND_LAYER, type: 'background', paint: { 'background-color': COLORS.background } },
      ...basemapLayers,
      ...ownLayers(basemap !== null, incidentScale),
    ],
  }
  if (basemap?.glyphs) style.glyphs = basemap.glyphs
  if (basemap?.sprite) style.sprite = basemap.sprite
  return style
}

/**
 * The project's layers: regions, with the responsibility areas slotted in above the region lines and below the
 * selected outline, area labels above the region labels, then patrol routes and incidents, and the probe marker on top.
 */
function ownLayers(overBasemap: boolean, incidentScale = 1): LayerSpecification[] {
  const regions = regionLayers({ overBasemap })
  const areas = areaLayers()
  const at = regions.findIndex((l) => l.id === layerId.selectedCasing('district'))
  return [...regions.slice(0, at), ...areas.geometry, ...regions.slice(at), ...areas.labels, ...patrolLayers(incidentScale), ...incidentLayers(incidentScale), ...probeLayers()]
}

/** The dimmer: the background colour at `dim` opacity, right above the basemap's layers. */
export function dimLayer(dim: number): LayerSpecification {
  return { id: BASEMAP_DIM_LAYER, type: 'background', paint: { 'background-color': COLORS.background, 'background-opacity': dim } }
}

/**
 * XYZ raster tiles such as `http://tiles.intranet/{z}/{x}/{y}.png` (one template per subdomain), with an annotation
 * layer on top when the preset has one (Tianditu's place names: cva/cia/cta). Tiles deeper than the server has
 * are over-zoomed from its deepest level.
 */
export function xyzBasemap(src: Pick<BasemapPreset, 'url' | 'tiles' | 'labelTiles' | 'maxZoom' | 'attribution'>): BasemapStyle {
  const id = `${BASEMAP_PREFIX}xyz`
  const attr = src.attribution ? { attribution: src.attribution } : {}
  const maxzoom = src.maxZoom ?? 19
  const sources: Record<string, SourceSpecification> = {
    [id]: { type: 'raster', tiles: (src.tiles?.length ? src.tiles : [src.url]).map((u) => absoluteUrl(u)), tileSize: 256, maxzoom, ...attr },
  }
  const layers: LayerSpecification[] = [{ id, type: 'raster', source: id, paint: { 'raster-saturation': -0.35 } }]
  if (src.labelTiles?.length) {
    const labels = `${id}:labels`
    sources[labels] = { type: 'raster', tiles: src.labelTiles.map((u) => absoluteUrl(u)), tileSize: 256, maxzoom }
    layers.push({ id: labels, type: 'raster', source: labels })
  }
  return { kind: 'xyz', sources, layers }
}

/** Resolves a possibly relative URL against the page (or another base), keeping `{z}`-style placeholders intact. */
export function absoluteUrl(url: string, base?: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return url
  const b = base ?? (typeof location !== 'undefined' ? location.href : 'http://localhost/')
  return new URL(url, b).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}')
}

/** A MapLibre style fetched from `styleUrl`: its sources and layers, renamed under {@link BASEMAP_PREFIX}. */
export function styleBasemap(style: StyleSpecification, styleUrl: string, attribution?: string): BasemapStyle {
  const sources: Record<string, SourceSpecification> = {}
  for (const [id, s] of Object.entries(style.sources ?? {})) {
    const copy = { ...s } as SourceSpecification & { url?: string; tiles?: string[]; attribution?: string; data?: unknown }
    if (typeof copy.url === 'string') copy.url = absoluteUrl(copy.url, styleUrl)
    if (Array.isArray(copy.tiles)) copy.tiles = copy.tiles.map((t) => absoluteUrl(t, styleUrl))
    if (typeof copy.data === 'string') copy.data = absoluteUrl(copy.data, styleUrl)
    if (attribution && !copy.attribution) copy.attribution = attribution
    sources[BASEMAP_PREFIX + id] = copy as SourceSpecification
  }
  const layers = (style.layers ?? [])
    // Our background stays; the basemap's own background would hide the outside veil's context anyway.
    .filter((l) => l.type !== 'background')
    .map((l) => {
      const copy = { ...l, id: BASEMAP_PREFIX + l.id } as LayerSpecification & { source?: unknown }
      if (typeof copy.source === 'string') copy.source = BASEMAP_PREFIX + copy.source
      return copy as LayerSpecification
    })
  const sprite =
    typeof style.sprite === 'string'
      ? absoluteUrl(style.sprite, styleUrl)
      : Array.isArray(style.sprite)
        ? style.sprite.map((s) => ({ ...s, url: absoluteUrl(s.url, styleUrl) }))
        : undefined
  return {
    kind: 'style',
    sources,
    layers,
    ...(style.glyphs ? { glyphs: absoluteUrl(style.glyphs, styleUrl) } : {}),
    ...(sprite ? { sprite } : {}),
  }
}

export interface PmtilesInfo {
  /** PMTiles TileType: 1 = MVT vector, 2–5 = PNG/JPEG/WebP/AVIF raster. */
  tileType: number
  minZoom: number
  maxZoom: number
  vectorLayers: string[]
}

/**
 * A PMTiles archive through the `pmtiles://` protocol. Raster archives are shown as they are; vector archives
 * (whose schema we cannot know) get a neutral generic style: polygons as light fills, lines as grey strokes.
 */
export function pmtilesBasemap(url: string, info: PmtilesInfo, attribution?: string): BasemapStyle {
  const id = `${BASEMAP_PREFIX}pmtiles`
  const srcUrl = `pmtiles://${absoluteUrl(url)}`
  const attr = attribution ? { attribution } : {}
  if (info.tileType !== 1) {
    return {
      kind: 'pmtiles',
      sources: { [id]: { type: 'raster', url: srcUrl, tileSize: 256, ...attr } },
      layers: [{ id, type: 'raster', source: id, paint: { 'raster-saturation': -0.35 } }],
    }
  }
  const layers: LayerSpecification[] = []
  for (const sl of info.vectorLayers) {
    layers.push(
      {
        id: `${id}:${sl}:fill`,
        type: 'fill',
        source: id,
        'source-layer': sl,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#e9edf1', 'fill-opacity': 0.6 },
      },
      {
        id: `${id}:${sl}:line`,
        type: 'line',
        source: id,
        'source-layer': sl,
        filter: ['==', ['geometry-type'], 'LineString'],
        paint: { 'line-color': '#b3bdc8', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 16, 2] },
      },
    )
  }
  return { kind: 'pmtiles', sources: { [id]: { type: 'vector', url: srcUrl, ...attr } }, layers }
}

export function isBasemapLayer(id: string): boolean {
  return id.startsWith(BASEMAP_PREFIX)
}
