import { REGION_LEVELS, type RegionLevel } from '@hanjiang/shared'
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl'

/**
 * The region layers, level by level. With no `glyphs` in the style, MapLibre draws label text with the browser's
 * own fonts and reads `text-font` as a CSS font-family list: these stacks cover Linux, Windows and macOS desks.
 */
export const FONT_STACK = ['Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif']
/** MapLibre sniffs the weight from the first name ("… Bold" → 700) and applies it to the whole list. */
export const BOLD_FONT_STACK = ['Noto Sans CJK SC Bold', ...FONT_STACK]
/** For `localIdeographFontFamily`, used when a configured basemap brings its own glyph server. */
export const CSS_FONT_FAMILY = FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ')

export interface LevelZoom {
  /** Polygons are drawn from this zoom on. */
  min: number
  /** Labels are drawn from this zoom on… */
  labelMin: number
  /** …up to (not including) this one, when set. */
  labelMax?: number
}

/** District outline always; streets from z9, communities from z11, grids from z13; labels a little later. */
export const LEVEL_ZOOM: Record<RegionLevel, LevelZoom> = {
  district: { min: 0, labelMin: 0, labelMax: 9 },
  street: { min: 9, labelMin: 9 },
  community: { min: 11, labelMin: 12 },
  grid: { min: 13, labelMin: 15 },
}

/** Fetch a level's data a little before it becomes visible, so it is there when the user zooms in. */
export const PREFETCH_ZOOM_MARGIN = 1

export const COLORS = {
  background: '#dfe5ec',
  outsideVeil: '#c6d0db',
  districtFill: '#f7f9fb',
  districtLine: '#0b3d91',
  districtCasing: '#ffffff',
  streetLine: '#1f5fa8',
  communityLine: '#5a7fa8',
  gridLine: '#8da3bb',
  hover: '#0b3d91',
  selected: '#e8a100',
  selectedCasing: '#3b2a00',
  labelDark: '#0b2545',
  labelMid: '#26415e',
  labelLight: '#4a5f75',
  halo: '#ffffff',
}

/** Quiet, distinguishable fills for streets/towns (communities reuse them, fainter). */
export const PALETTE = ['#8ecae6', '#b5d99c', '#f6c28b', '#c3b1e1', '#f4a7a7', '#9ad0c2', '#e9d98b', '#a9c1e8']
export const PALETTE_SIZE = PALETTE.length

export const sourceId = (level: RegionLevel) => `regions-${level}`

/**
 * Levels drawn from vector tiles (GET /api/tiles/{layer}/…, docs/ARCHITECTURE.md §6) rather than one GeoJSON download:
 * the many small ones. The district (the mask, the fit) and the streets (a dozen, coloured apart by the client) stay GeoJSON.
 */
export const TILE_LEVELS: Partial<Record<RegionLevel, 'communities' | 'grids'>> = { community: 'communities', grid: 'grids' }
export const isTileLevel = (level: RegionLevel): boolean => TILE_LEVELS[level] !== undefined
/** `source-layer` of a level's layers when it comes from tiles. */
const sourceLayer = (level: RegionLevel) => (TILE_LEVELS[level] ? { 'source-layer': TILE_LEVELS[level] } : {})
export const labelSourceId = (level: RegionLevel) => `regions-${level}-labels`
export const MASK_SOURCE = 'district-mask'

export const layerId = {
  fill: (level: RegionLevel) => `region-${level}-fill`,
  line: (level: RegionLevel) => `region-${level}-line`,
  casing: (level: RegionLevel) => `region-${level}-casing`,
  selected: (level: RegionLevel) => `region-${level}-selected`,
  selectedCasing: (level: RegionLevel) => `region-${level}-selected-casing`,
  label: (level: RegionLevel) => `region-${level}-label`,
  mask: 'district-mask',
}

/** Every layer that belongs to a level (what its checkbox shows and hides). */
export function levelLayerIds(level: RegionLevel): string[] {
  const ids = [layerId.fill(level), layerId.line(level), layerId.selected(level), layerId.selectedCasing(level), layerId.label(level)]
  if (level === 'district') ids.push(layerId.casing(level), layerId.mask)
  return ids
}

/** The layers that take clicks, finest level first (a click picks the finest region under the pointer). */
export const CLICKABLE_LAYERS = [...REGION_LEVELS].reverse().map((l) => layerId.fill(l))

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
const paletteColor: ExpressionSpecification = [
  'match',
  ['%', ['to-number', ['get', 'color'], 0], PALETTE_SIZE],
  ...PALETTE.slice(1).flatMap((c, i) => [i + 1, c] as [number, string]),
  PALETTE[0]!,
] as unknown as ExpressionSpecification

/** The short map label prepared by the regions store, else the name. */
const labelText: ExpressionSpecification = ['coalesce', ['get', 'label'], ['get', 'name']]

/** A filter matching one region by code, or nothing. */
export function selectedFilter(code: string | null): FilterSpecification {
  return ['==', ['get', 'code'], code ?? '\u0000none']
}

export interface RegionLayerOptions {
  /** A basemap is drawn underneath: the veil and the fills become thin enough to let it show through. */
  overBasemap?: boolean
}

function fill(level: RegionLevel, { overBasemap = false }: RegionLayerOptions): FillLayerSpecification {
  const base = { id: layerId.fill(level), type: 'fill', source: sourceId(level), ...sourceLayer(level), minzoom: LEVEL_ZOOM[level].min } as const
  const k = overBasemap ? 0.55 : 1
  switch (level) {
    case 'district':
      return {
        ...base,
        paint: { 'fill-color': COLORS.districtFill, 'fill-opacity': overBasemap ? ['case', hovered, 0.25, 0.05] : ['case', hovered, 0.9, 0.7] },
      }
    case 'street':
      return {
        ...base,
        paint: {
          'fill-color': paletteColor,
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, ['case', hovered, 0.72 * k, 0.5 * k], 12, ['case', hovered, 0.5 * k, 0.3 * k], 14, ['case', hovered, 0.3 * k, 0.12 * k]],
        },
      }
    case 'community':
      return {
        ...base,
        paint: {
          'fill-color': COLORS.hover,
          'fill-opacity': ['case', hovered, 0.14, 0],
        },
      }
    case 'grid':
      return { ...base, paint: { 'fill-color': COLORS.hover, 'fill-opacity': ['case', hovered, 0.16, 0] } }
  }
}

function line(level: RegionLevel): LineLayerSpecification {
  const base = {
    id: layerId.line(level),
    type: 'line',
    source: sourceId(level),
    ...sourceLayer(level),
    minzoom: LEVEL_ZOOM[level].min,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
  } as const
  switch (level) {
    case 'district':
      return {
        ...base,
        paint: { 'line-color': COLORS.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 12, 3.5, 16, 5] },
      }
    case 'street':
      return {
        ...base,
        paint: {
          'line-color': COLORS.streetLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 12, 2, 16, 3],
          'line-opacity': 0.9,
        },
      }
    case 'community':
      return {
        ...base,
        paint: {
          'line-color': COLORS.communityLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 14, 1.2, 17, 2],
          'line-dasharray': [3, 1.5],
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 12, 0.9],
        },
      }
    case 'grid':
      return {
        ...base,
        paint: {
          'line-color': COLORS.gridLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 16, 1, 18, 1.6],
          'line-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.45, 14, 0.85],
        },
      }
  }
}

function selected(level: RegionLevel): LineLayerSpecification[] {
  // No zoom range: a selected region stays outlined however far out the user zooms.
  const common = { source: sourceId(level), ...sourceLayer(level), filter: selectedFilter(null), layout: { 'line-join': 'round' } } as const
  return [
    {
      ...common,
      id: layerId.selectedCasing(level),
      type: 'line',
      paint: { 'line-color': COLORS.selectedCasing, 'line-width': 6, 'line-opacity': 0.35, 'line-blur': 1 },
    },
    { ...common, id: layerId.selected(level), type: 'line', paint: { 'line-color': COLORS.selected, 'line-width': 3.5 } },
  ]
}

/** Where a region label may go when its centre is taken (first that fits wins). */
const LABEL_ANCHORS: ('center' | 'top' | 'bottom' | 'left' | 'right')[] = ['center', 'top', 'bottom', 'right', 'left']

function label(level: RegionLevel): SymbolLayerSpecification {
  const z = LEVEL_ZOOM[level]
  const base = {
    id: layerId.label(level),
    type: 'symbol',
    source: labelSourceId(level),
    minzoom: z.labelMin,
    ...(z.labelMax !== undefined ? { maxzoom: z.labelMax } : {}),
  } as const
  const textPaint = (color: string, haloWidth: number) => ({
    'text-color': color,
    'text-halo-color': COLORS.halo,
    'text-halo-width': haloWidth,
    'text-halo-blur': 0.5,
  })
  switch (level) {
    case 'district':
      return {
        ...base,
        layout: { 'text-field': labelText, 'text-font': BOLD_FONT_STACK, 'text-size': 20, 'text-letter-spacing': 0.2 },
        paint: textPaint(COLORS.labelDark, 2),
      }
    case 'street':
      return {
        ...base,
        layout: {
          'text-field': labelText,
          'text-font': BOLD_FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 9, 12, 12, 15, 15, 18],
          'text-max-width': 8,
          'text-padding': 4,
          'symbol-sort-key': 0,
          // Beside an incident cluster drawn on the label point rather than hidden under it (the offset, in ems,
          // clears a cluster disc with its halo).
          'text-variable-anchor': LABEL_ANCHORS,
          'text-radial-offset': 2.1,
        },
        paint: textPaint(COLORS.labelDark, 1.8),
      }
    case 'community':
      return {
        ...base,
        layout: {
          'text-field': labelText,
          'text-font': FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 12, 11, 15, 13.5],
          'text-max-width': 7,
          'text-padding': 3,
          'text-variable-anchor': LABEL_ANCHORS,
          'text-radial-offset': 1.8,
        },
        paint: textPaint(COLORS.labelMid, 1.5),
      }
    case 'grid':
      return {
        ...base,
        layout: {
          'text-field': labelText,
          'text-font': FONT_STACK,
          'text-size': ['interpolate', ['linear'], ['zoom'], 15, 10.5, 18, 13],
          'text-max-width': 6,
          'text-padding': 2,
        },
        paint: textPaint(COLORS.labelLight, 1.3),
      }
  }
}

/**
 * All region layers in drawing order: the veil outside the district, fills (coarse to fine), lines (fine to coarse,
 * so coarser boundaries draw on top), the district outline, the selection, then labels fine to coarse: MapLibre
 * places the labels of upper layers first, so street names win collisions over community and grid names.
 */
export function regionLayers(options: RegionLayerOptions = {}): LayerSpecification[] {
  const layers: LayerSpecification[] = [
    {
      id: layerId.mask,
      type: 'fill',
      source: MASK_SOURCE,
      paint: { 'fill-color': COLORS.outsideVeil, 'fill-opacity': options.overBasemap ? 0.45 : 0.85 },
    },
  ]
  for (const l of REGION_LEVELS) layers.push(fill(l, options))
  for (const l of [...REGION_LEVELS].reverse()) if (l !== 'district') layers.push(line(l))
  layers.push({
    id: layerId.casing('district'),
    type: 'line',
    source: sourceId('district'),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COLORS.districtCasing, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 5, 12, 8, 16, 11], 'line-opacity': 0.9 },
  })
  layers.push(line('district'))
  for (const l of REGION_LEVELS) layers.push(...selected(l))
  for (const l of [...REGION_LEVELS].reverse()) layers.push(label(l))
  return layers
}

/** What the style needs to show or hide one level. */
export interface VisibilityTarget {
  getLayer(id: string): unknown
  setLayoutProperty(layer: string, name: string, value: unknown): unknown
}

export function setLevelVisibility(map: VisibilityTarget, level: RegionLevel, visible: boolean): void {
  for (const id of levelLayerIds(level)) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none')
  }
}

/** The sources whose features are regions (polygons), for telling them apart from basemap features. */
export const REGION_LAYER_SOURCES = new Set(REGION_LEVELS.map((l) => sourceId(l)))
