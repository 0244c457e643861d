import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl'
import { FONT_STACK } from '../map/layers.ts'

/** The editor's own map layers, drawn above the region layers and below terra-draw's. */
export const EDITOR_SOURCES = {
  drafts: 'editor-drafts',
  /** One point per drafted region for its name (a polygon's own symbol repeats in every tile it spans). */
  draftLabels: 'editor-draft-labels',
  problems: 'editor-problems',
  problemLabels: 'editor-problem-labels',
  overlay: 'editor-overlay',
} as const

export const EDITOR_COLORS = {
  create: '#1a7f37',
  update: '#1f5fa8',
  retire: '#8a8f98',
  selected: '#e8a100',
  problem: '#d1242f',
  added: '#1a7f37',
  removed: '#d1242f',
  version: '#6f42c1',
}

const empty = (): SourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } })

export function editorSources(): Record<string, SourceSpecification> {
  return Object.fromEntries(Object.values(EDITOR_SOURCES).map((id) => [id, empty()]))
}

const opColor: ExpressionSpecification = [
  'match',
  ['get', 'op'],
  'create',
  EDITOR_COLORS.create,
  'retire',
  EDITOR_COLORS.retire,
  EDITOR_COLORS.update,
]
const isSelected: ExpressionSpecification = ['boolean', ['get', 'selected'], false]

export const EDITOR_LAYER = {
  draftFill: 'editor-draft-fill',
  draftLine: 'editor-draft-line',
  draftLabel: 'editor-draft-label',
  selected: 'editor-selected',
  problemFill: 'editor-problem-fill',
  problemLine: 'editor-problem-line',
  problemPoint: 'editor-problem-point',
  problemLabel: 'editor-problem-label',
  overlayFill: 'editor-overlay-fill',
  overlayLine: 'editor-overlay-line',
} as const

/** Drafted regions (green new, blue changed, grey retired), problems in red with their m², a version/diff overlay. */
export function editorLayers(): LayerSpecification[] {
  const polygons: FilterSpecification = ['==', ['geometry-type'], 'Polygon']
  // The selected published grid rides along with op "none": outlined, not coloured as an edit.
  const drafted: FilterSpecification = ['!=', ['get', 'op'], 'none']
  return [
    {
      id: EDITOR_LAYER.draftFill,
      type: 'fill',
      source: EDITOR_SOURCES.drafts,
      filter: drafted,
      paint: { 'fill-color': opColor, 'fill-opacity': ['case', isSelected, 0.3, 0.16] },
    },
    {
      id: EDITOR_LAYER.draftLine,
      type: 'line',
      source: EDITOR_SOURCES.drafts,
      filter: drafted,
      paint: { 'line-color': opColor, 'line-width': 2, 'line-dasharray': ['match', ['get', 'op'], 'retire', ['literal', [2, 2]], ['literal', [1, 0]]] },
    },
    {
      id: EDITOR_LAYER.overlayFill,
      type: 'fill',
      source: EDITOR_SOURCES.overlay,
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'added', EDITOR_COLORS.added, 'removed', EDITOR_COLORS.removed, EDITOR_COLORS.version],
        'fill-opacity': ['match', ['get', 'kind'], 'version', 0.12, 0.45],
      },
    },
    {
      id: EDITOR_LAYER.overlayLine,
      type: 'line',
      source: EDITOR_SOURCES.overlay,
      paint: {
        'line-color': ['match', ['get', 'kind'], 'added', EDITOR_COLORS.added, 'removed', EDITOR_COLORS.removed, EDITOR_COLORS.version],
        'line-width': 2,
      },
    },
    {
      id: EDITOR_LAYER.problemFill,
      type: 'fill',
      source: EDITOR_SOURCES.problems,
      filter: polygons,
      paint: { 'fill-color': EDITOR_COLORS.problem, 'fill-opacity': 0.45 },
    },
    {
      id: EDITOR_LAYER.problemLine,
      type: 'line',
      source: EDITOR_SOURCES.problems,
      filter: polygons,
      paint: { 'line-color': EDITOR_COLORS.problem, 'line-width': 2 },
    },
    {
      id: EDITOR_LAYER.problemPoint,
      type: 'circle',
      source: EDITOR_SOURCES.problems,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 7, 'circle-color': EDITOR_COLORS.problem, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
    {
      id: EDITOR_LAYER.selected,
      type: 'line',
      source: EDITOR_SOURCES.drafts,
      filter: ['==', ['get', 'selected'], true],
      paint: { 'line-color': EDITOR_COLORS.selected, 'line-width': 4 },
    },
    {
      id: EDITOR_LAYER.draftLabel,
      type: 'symbol',
      source: EDITOR_SOURCES.draftLabels,
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_STACK, 'text-size': 12, 'text-max-width': 8 },
      paint: { 'text-color': '#0b2545', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
    {
      id: EDITOR_LAYER.problemLabel,
      type: 'symbol',
      source: EDITOR_SOURCES.problemLabels,
      layout: { 'text-field': ['get', 'text'], 'text-font': FONT_STACK, 'text-size': 12.5, 'text-allow-overlap': true, 'text-offset': [0, 1.2] },
      paint: { 'text-color': '#fff', 'text-halo-color': EDITOR_COLORS.problem, 'text-halo-width': 2.5 },
    },
  ]
}
