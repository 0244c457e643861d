import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl'
import { BOLD_FONT_STACK, COLORS, FONT_STACK } from './layers.ts'

/**
 * Layers drawn over the regions: responsibility areas (docs/DOMAIN.md §6 step 2) and the assignment probe's marker.
 * Areas sit above the region fills and lines but under the selected-region outline; their labels go above the
 * region labels; the probe marker is the topmost layer.
 */

export const AREA_SOURCE = 'responsibility-areas'
export const PROBE_SOURCE = 'assign-probe'
/** The diagonal hatch drawn over area polygons (added to the map at runtime: the style has no sprite). */
export const HATCH_IMAGE = 'area-hatch'

export const areaLayerId = {
  fill: 'area-fill',
  hatch: 'area-hatch',
  outline: 'area-outline',
  buffer: 'area-buffer',
  line: 'area-line',
  lineLabel: 'area-line-label',
  fillLabel: 'area-fill-label',
  /** The area that decided the probe's answer: drawn whether or not the area layer is on. */
  winnerFill: 'area-winner-fill',
  winnerBuffer: 'area-winner-buffer',
  winner: 'area-winner',
} as const

export const probeLayerId = {
  halo: 'probe-halo',
  dot: 'probe-dot',
} as const

/** Geometry layers first, labels after. */
export const AREA_GEOMETRY_LAYERS = [areaLayerId.fill, areaLayerId.hatch, areaLayerId.outline, areaLayerId.buffer, areaLayerId.line]
export const AREA_LABEL_LAYERS = [areaLayerId.fillLabel, areaLayerId.lineLabel]
export const AREA_LAYERS = [...AREA_GEOMETRY_LAYERS, ...AREA_LABEL_LAYERS]
/** The deciding area's highlight (filtered to one area id; never hidden with the area layer). */
export const AREA_HIGHLIGHT_LAYERS = [areaLayerId.winnerFill, areaLayerId.winnerBuffer, areaLayerId.winner]
/** The colour of the rule `responsibility_area`, as on the probe panel's badge. */
export const WINNER_COLOR = '#0b7285'
/** What a click on the map may hit, most specific first (a road's strip over a service-area polygon). */
export const AREA_CLICKABLE_LAYERS = [areaLayerId.line, areaLayerId.buffer, areaLayerId.fill]

/** Saturated enough to stand out from the pale street fills; one colour per unit. */
export const AREA_PALETTE = ['#d9480f', '#0b7285', '#7048e8', '#2b8a3e', '#c2255c', '#1971c2', '#b35c00', '#5c940d']

const areaColor: ExpressionSpecification = [
  'match',
  ['%', ['to-number', ['get', 'color'], 0], AREA_PALETTE.length],
  ...AREA_PALETTE.slice(1).flatMap((c, i) => [i + 1, c] as [number, string]),
  AREA_PALETTE[0]!,
] as unknown as ExpressionSpecification

/**
 * Metres per screen pixel at `zoom` and latitude `lat` (MapLibre's 512-pixel world at zoom 0).
 */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom)
}

/** Hanjiang's latitude, for turning a line's buffer into a width on screen (the district spans 25.3–25.6°N). */
export const AREA_LATITUDE = 25.47
/** A strip is never drawn thinner than this, so a road's buffer stays visible zoomed out. */
export const MIN_BUFFER_PX = 3

/**
 * `line-width` of a line area's buffer: the strip of `bufferM` either side of the line, i.e. 2 × bufferM metres
 * wide, converted to pixels at each zoom (exponential base 2 between stops, as the map scales), at least
 * {@link MIN_BUFFER_PX}.
 */
export function bufferWidthExpression(lat = AREA_LATITUDE): ExpressionSpecification {
  const buffer: ExpressionSpecification = ['coalesce', ['get', 'bufferM'], 0]
  const stops = [8, 11, 13, 15, 17, 19, 21].flatMap((z) => [z, ['max', MIN_BUFFER_PX, ['*', buffer, 2 / metresPerPixel(z, lat)]]])
  return ['interpolate', ['exponential', 2], ['zoom'], ...stops] as unknown as ExpressionSpecification
}

/** An RGBA diagonal hatch, `size`×`size` pixels, for `map.addImage`. */
export function hatchImage(size = 12, rgba: [number, number, number, number] = [31, 45, 70, 170]): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size < 2) data.set(rgba, (y * size + x) * 4)
    }
  }
  return { width: size, height: size, data }
}

const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon']
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString']
/** Under the pointer, or open in the panel. */
const hovered: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'hover'], false],
  ['boolean', ['feature-state', 'picked'], false],
]
/** Under the pointer only: large service areas stacked under a click must not tint the whole map while open. */
const pointedAt: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false]
/** Areas that do not apply to the fine class being probed fade (feature-state `dim`). */
const dimmed: ExpressionSpecification = ['boolean', ['feature-state', 'dim'], false]

const hidden = { visibility: 'none' } as const

/** Filters a highlight layer to one area (by id), or to nothing. */
export function highlightFilter(kind: 'polygon' | 'line' | 'any', id: number | null): FilterSpecification {
  const one: FilterSpecification = ['==', ['get', 'id'], id ?? -1]
  if (kind === 'any') return one
  return ['all', kind === 'polygon' ? isPolygon : isLine, one] as FilterSpecification
}

/** The deciding area of a probe answer: a light fill (polygons), its buffer strip (lines) and a strong outline. */
export function areaHighlightLayers(): LayerSpecification[] {
  return [
    {
      id: areaLayerId.winnerFill,
      type: 'fill',
      source: AREA_SOURCE,
      filter: highlightFilter('polygon', null),
      paint: { 'fill-color': WINNER_COLOR, 'fill-opacity': 0.08 },
    },
    {
      id: areaLayerId.winnerBuffer,
      type: 'line',
      source: AREA_SOURCE,
      filter: highlightFilter('line', null),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': WINNER_COLOR, 'line-width': bufferWidthExpression(), 'line-opacity': 0.28 },
    },
    {
      id: areaLayerId.winner,
      type: 'line',
      source: AREA_SOURCE,
      filter: highlightFilter('any', null),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': WINNER_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 14, 3, 18, 4.5] },
    },
  ]
}

/** The area layers, hidden until the layer panel switches them on. */
export function areaLayers(): { geometry: LayerSpecification[]; labels: LayerSpecification[] } {
  const fill: FillLayerSpecification = {
    id: areaLayerId.fill,
    type: 'fill',
    source: AREA_SOURCE,
    filter: isPolygon,
    layout: hidden,
    paint: {
      'fill-color': areaColor,
      'fill-opacity': ['case', dimmed, 0.02, pointedAt, 0.12, 0.05],
    },
  }
  const hatch: FillLayerSpecification = {
    id: areaLayerId.hatch,
    type: 'fill',
    source: AREA_SOURCE,
    filter: isPolygon,
    layout: hidden,
    // Several service areas often cover the same ground: a light hatch each, so the stack stays readable.
    paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': ['case', dimmed, 0.04, 0.11] },
  }
  const outline: LineLayerSpecification = {
    id: areaLayerId.outline,
    type: 'line',
    source: AREA_SOURCE,
    filter: isPolygon,
    layout: { ...hidden, 'line-join': 'round' },
    paint: {
      'line-color': areaColor,
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['case', hovered, 2.5, 1.2], 14, ['case', hovered, 3.5, 2.2]],
      'line-dasharray': [4, 2],
      'line-opacity': ['case', dimmed, 0.3, 0.9],
    },
  }
  const buffer: LineLayerSpecification = {
    id: areaLayerId.buffer,
    type: 'line',
    source: AREA_SOURCE,
    filter: isLine,
    layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': areaColor,
      'line-width': bufferWidthExpression(),
      'line-opacity': ['case', dimmed, 0.08, hovered, 0.42, 0.26],
    },
  }
  const line: LineLayerSpecification = {
    id: areaLayerId.line,
    type: 'line',
    source: AREA_SOURCE,
    filter: isLine,
    layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': areaColor,
      'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 2.5, 18, 3.5],
      'line-opacity': ['case', dimmed, 0.35, 1],
    },
  }
  const textPaint = {
    'text-color': areaColor,
    'text-halo-color': COLORS.halo,
    'text-halo-width': 2,
    'text-halo-blur': 0.5,
    'text-opacity': ['case', dimmed, 0.45, 1] as ExpressionSpecification,
  }
  const lineLabel: SymbolLayerSpecification = {
    id: areaLayerId.lineLabel,
    type: 'symbol',
    source: AREA_SOURCE,
    filter: isLine,
    minzoom: 11,
    layout: {
      ...hidden,
      'text-field': ['get', 'name'],
      'text-font': BOLD_FONT_STACK,
      'text-size': ['interpolate', ['linear'], ['zoom'], 11, 11, 16, 14],
      'symbol-placement': 'line',
      'symbol-spacing': 400,
      'text-max-angle': 35,
      'text-padding': 4,
    },
    paint: textPaint,
  }
  const fillLabel: SymbolLayerSpecification = {
    id: areaLayerId.fillLabel,
    type: 'symbol',
    source: AREA_SOURCE,
    filter: isPolygon,
    minzoom: 10,
    layout: {
      ...hidden,
      'text-field': ['get', 'name'],
      'text-font': FONT_STACK,
      'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 15, 13.5],
      'text-max-width': 9,
      'text-padding': 6,
    },
    paint: textPaint,
  }
  return { geometry: [fill, hatch, outline, buffer, line, ...areaHighlightLayers()], labels: [fillLabel, lineLabel] }
}

/** The probe's marker: a halo and a dot at the WGS84 point that was asked about (hollow while asking). */
export function probeLayers(): CircleLayerSpecification[] {
  const pending: ExpressionSpecification = ['boolean', ['get', 'pending'], false]
  return [
    {
      id: probeLayerId.halo,
      type: 'circle',
      source: PROBE_SOURCE,
      paint: {
        'circle-radius': 16,
        'circle-color': COLORS.selected,
        'circle-opacity': ['case', pending, 0.12, 0.28],
        'circle-stroke-color': COLORS.selected,
        'circle-stroke-width': 1.5,
        'circle-stroke-opacity': 0.9,
      },
    },
    {
      id: probeLayerId.dot,
      type: 'circle',
      source: PROBE_SOURCE,
      paint: {
        'circle-radius': 6.5,
        'circle-color': ['case', pending, '#ffffff', COLORS.districtLine],
        'circle-stroke-color': ['case', pending, COLORS.districtLine, '#ffffff'],
        'circle-stroke-width': 2.5,
      },
    },
  ]
}

/** Shows or hides every area layer. */
export function setAreaVisibility(
  map: { getLayer(id: string): unknown; setLayoutProperty(layer: string, name: string, value: unknown): unknown },
  visible: boolean,
): void {
  for (const id of AREA_LAYERS) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none')
  }
}
