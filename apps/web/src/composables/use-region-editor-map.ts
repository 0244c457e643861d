import { bboxOf, polygonsOf, type RegionProblem } from '@hanjiang/shared/regions/editing'
import { pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, LineString, Polygon, Position } from 'geojson'
import type { GeoJSONSource, Map as MaplibreMap, MapMouseEvent } from 'maplibre-gl'
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import { onScopeDispose, watch, type ShallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { EDITOR_LAYER, EDITOR_SOURCES, editorLayers, editorSources } from '../editor/layers.ts'
import { grow } from '../editor/neighbours.ts'
import { snapToRings } from '../editor/snap.ts'
import { layerId } from '../map/layers.ts'
import type { RegionMap } from '../map/types.ts'
import { useRegionEditorStore, type EditorMode } from '../stores/region-editor.ts'

/** Snapping distance on screen. */
const SNAP_PX = 12
/** terra-draw's own colours, matched to the editor's (hex only: terra-draw parses them). */
const DRAW_COLOR = '#e8a100'

export interface EditorMapOverlay {
  /** A region version or a diff drawn over the map (History panel). */
  overlay: FeatureCollection | null
}

/**
 * The editor on the map: its layers (drafts, problems, overlays), terra-draw with the MapLibre adapter for drawing
 * and vertex editing, snapping to the neighbouring grids, and clicks that select or merge grids.
 */
export function useRegionEditorMap(map: ShallowRef<RegionMap | null>, overlay: () => FeatureCollection | null) {
  const editor = useRegionEditorStore()
  const { t, n } = useI18n()
  let draw: TerraDraw | null = null
  let polygonMode: TerraDrawPolygonMode | null = null
  let lineMode: TerraDrawLineStringMode | null = null
  let bound: MaplibreMap | null = null
  /** The terra-draw feature being edited in "edit" mode, and the region it stands for. */
  let editing: { id: string | number; key: string } | null = null

  const src = (m: MaplibreMap, id: string) => m.getSource(id) as GeoJSONSource | undefined

  /** Rings of the grids near the pointer, as the draft has them (the region being edited excluded). */
  const snap: SnapToCustom = (event, context) => {
    if (!editor.snapping) return undefined
    const m = bound
    if (!m) return undefined
    const a = m.unproject([event.containerX - SNAP_PX, event.containerY + SNAP_PX])
    const b = m.unproject([event.containerX + SNAP_PX, event.containerY - SNAP_PX])
    const box = grow([a.lng, a.lat, b.lng, b.lat], 0)
    const rings: Position[][] = []
    for (const k of editor.keysNear(box, editing?.key)) {
      for (const p of polygonsOf(editor.geometryOf(k))) rings.push(...p.coordinates)
    }
    const hit = snapToRings(
      { x: event.containerX, y: event.containerY },
      rings,
      ([lng, lat]) => context.project(lng!, lat!),
      SNAP_PX,
    )
    return hit?.position
  }

  function setup(m: MaplibreMap): void {
    for (const [id, spec] of Object.entries(editorSources())) if (!m.getSource(id)) m.addSource(id, spec)
    for (const layer of editorLayers()) if (!m.getLayer(layer.id)) m.addLayer(layer)
    polygonMode = new TerraDrawPolygonMode({
      snapping: { toCustom: snap },
      styles: { fillColor: DRAW_COLOR, outlineColor: DRAW_COLOR, closingPointColor: DRAW_COLOR, snappingPointColor: '#d1242f' },
    })
    lineMode = new TerraDrawLineStringMode({
      snapping: { toCustom: snap },
      styles: { lineStringColor: '#d1242f', lineStringWidth: 3, closingPointColor: '#d1242f', snappingPointColor: '#d1242f' },
    })
    const selectMode = new TerraDrawSelectMode({
      // Keys are the editor's (Delete retires a grid, Esc leaves the tool): terra-draw's own are off.
      keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
      allowManualDeselection: false,
      flags: {
        polygon: {
          feature: {
            draggable: false,
            coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCustom: snap } },
          },
        },
      },
      styles: {
        selectedPolygonColor: DRAW_COLOR,
        selectedPolygonOutlineColor: DRAW_COLOR,
        selectedPolygonOutlineWidth: 3,
        selectedPolygonFillOpacity: 0.15,
        selectionPointColor: '#ffffff',
        selectionPointOutlineColor: '#0b3d91',
        selectionPointWidth: 5,
        selectionPointOutlineWidth: 2,
        midPointColor: DRAW_COLOR,
        midPointWidth: 4,
      },
    })
    draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: m, coordinatePrecision: 9 }),
      modes: [polygonMode, lineMode, selectMode],
    })
    draw.start()
    draw.on('finish', onFinish)
    m.on('click', onClick)
    bound = m
    applyMode(editor.mode)
    refresh()
  }

  function onFinish(id: string | number, context: { mode: string; action: string }): void {
    if (!draw) return
    const f = draw.getSnapshotFeature(id)
    if (!f) return
    if (context.mode === 'polygon' && context.action === 'draw') {
      draw.removeFeatures([id])
      const p = f.geometry as Polygon
      if (editor.mode === 'hole' && editor.selected) editor.hole(editor.selected, p)
      else editor.addDrawn(p)
      if (editor.mode === 'hole') editor.mode = 'select'
      return
    }
    if (context.mode === 'linestring' && context.action === 'draw') {
      draw.removeFeatures([id])
      if (editor.selected && editor.split(editor.selected, f.geometry as LineString)) editor.mode = 'select'
      return
    }
    if (context.mode === 'select' && editing && id === editing.id) {
      editor.applyGeometry(editing.key, f.geometry as Polygon)
    }
  }

  function keyAt(e: MapMouseEvent): string | null {
    const m = bound
    if (!m) return null
    const layers = [EDITOR_LAYER.draftFill, layerId.fill('grid')].filter((id) => m.getLayer(id))
    for (const f of m.queryRenderedFeatures(e.point, { layers })) {
      const key = (f.properties.key ?? f.properties.code) as string | undefined
      if (key && f.properties.op !== 'retire') return key
    }
    return null
  }

  function onClick(e: MapMouseEvent): void {
    const mode = editor.mode
    if (mode !== 'select' && mode !== 'merge') return
    const key = keyAt(e)
    if (mode === 'merge') {
      if (editor.selected && key && editor.merge(editor.selected, key)) editor.mode = 'select'
      return
    }
    editor.selected = key
  }

  /** Loads the selected grid into terra-draw for vertex editing. */
  function startEditing(): boolean {
    if (!draw || !editor.selected) return false
    const key = editor.selected
    const polygon = editor.polygonFor(key)
    if (!polygon) {
      editor.message = { kind: 'error', key: 'multiPart' }
      return false
    }
    const id = draw.getFeatureId()
    const feature = { id, type: 'Feature', geometry: polygon, properties: { mode: 'polygon' } } as GeoJSONStoreFeatures
    const [result] = draw.addFeatures([feature])
    if (!result?.valid) {
      editor.message = { kind: 'error', key: 'cannotEdit', params: { reason: result?.reason ?? '' } }
      return false
    }
    draw.selectFeature(id)
    editing = { id, key }
    return true
  }

  function stopEditing(): void {
    if (draw && editing && draw.hasFeature(editing.id)) draw.removeFeatures([editing.id])
    editing = null
  }

  function applyMode(mode: EditorMode): void {
    if (!draw) return
    stopEditing()
    const needsSelection = mode === 'edit' || mode === 'split' || mode === 'merge' || mode === 'hole'
    if (needsSelection && !editor.selected) {
      editor.message = { kind: 'error', key: 'selectFirst' }
      editor.mode = 'select'
      return
    }
    switch (mode) {
      case 'draw':
      case 'hole':
        draw.setMode('polygon')
        break
      case 'split':
        draw.setMode('linestring')
        break
      case 'edit':
        draw.setMode('select')
        if (!startEditing()) editor.mode = 'select'
        break
      default:
        draw.setMode('static')
    }
  }

  /** Pushes the draft, the selection, the problems and the overlay into the map. */
  function refresh(): void {
    const m = bound
    if (!m) return
    const features: Feature[] = []
    const hidden: string[] = []
    for (const r of Object.values(editor.draft.regions)) {
      if (r.code) hidden.push(r.code)
      const g = r.after ?? r.before
      if (!g) continue
      features.push({ type: 'Feature', geometry: g, properties: { key: r.key, name: r.name, op: r.op, selected: r.key === editor.selected } })
    }
    const sel = editor.selected
    if (sel && !editor.draft.regions[sel]) {
      const g = editor.geometryOf(sel)
      if (g) features.push({ type: 'Feature', geometry: g, properties: { key: sel, name: editor.nameOf(sel), op: 'none', selected: true } })
    }
    src(m, EDITOR_SOURCES.drafts)?.setData({ type: 'FeatureCollection', features })
    // Names of new and changed grids (a retired grid's name would sit on whatever replaces it).
    const labels: Feature[] = features
      .filter((f) => f.properties!.op === 'create' || f.properties!.op === 'update')
      .map((f) => ({ type: 'Feature', geometry: pointOnFeature(f as Feature<Polygon>).geometry, properties: { name: f.properties!.name } }))
    src(m, EDITOR_SOURCES.draftLabels)?.setData({ type: 'FeatureCollection', features: labels })
    // Published grids with an edit are drawn by the draft layer only.
    const filter = hidden.length ? (['!', ['in', ['get', 'code'], ['literal', hidden]]] as const) : null
    for (const id of [layerId.fill('grid'), layerId.line('grid'), layerId.label('grid')]) {
      if (m.getLayer(id)) m.setFilter(id, filter as never)
    }
    setProblems(m, editor.problems)
    src(m, EDITOR_SOURCES.overlay)?.setData(overlay() ?? { type: 'FeatureCollection', features: [] })
  }

  function setProblems(m: MaplibreMap, problems: readonly RegionProblem[]): void {
    const shapes: Feature[] = []
    const labels: Feature[] = []
    for (const p of problems) {
      shapes.push({ type: 'Feature', geometry: p.geometry, properties: { kind: p.kind } })
      if (p.geometry.type === 'Polygon' || p.kind !== 'self_intersection') {
        const at = p.geometry.type === 'Polygon' ? pointOnFeature(p.geometry).geometry : p.geometry
        const text = `${t(`editor.problem.${p.kind}`)} ${n(Math.round(p.areaM2), 'integer')} m²`
        labels.push({ type: 'Feature', geometry: at, properties: { text } })
      }
    }
    src(m, EDITOR_SOURCES.problems)?.setData({ type: 'FeatureCollection', features: shapes })
    src(m, EDITOR_SOURCES.problemLabels)?.setData({ type: 'FeatureCollection', features: labels })
  }

  watch(
    map,
    (m) => {
      if (m && !bound) setup(m as unknown as MaplibreMap)
    },
    { immediate: true },
  )
  watch(() => editor.mode, (mode) => applyMode(mode))
  watch(
    () => [editor.draft, editor.selected, editor.problems, overlay()] as const,
    () => {
      // An edit made elsewhere (undo, the panel) while editing vertices: reload the outline being edited.
      if (editing && editor.mode === 'edit') {
        const key = editing.key
        stopEditing()
        if (editor.selected === key && draw) startEditing()
      }
      refresh()
    },
  )

  onScopeDispose(() => {
    bound?.off('click', onClick)
    try {
      draw?.stop()
    } catch {
      /* the map is already gone */
    }
    draw = null
    bound = null
  })

  return {
    /** Undoes the last vertex of a polygon or line being drawn; false when nothing is being drawn. */
    undoVertex(): boolean {
      if (!draw || draw.getModeState() !== 'drawing') return false
      const mode = draw.getMode()
      const target = mode === 'polygon' ? polygonMode : mode === 'linestring' ? lineMode : null
      if (!target || target.undoSize() === 0) return false
      target.undo()
      return true
    },
    fit(key: string): void {
      const g = editor.geometryOf(key)
      if (!g || !bound) return
      const [a, b, c, d] = bboxOf(g)
      bound.fitBounds([a, b, c, d], { padding: 80, duration: 0, maxZoom: 17 })
    },
  }
}
