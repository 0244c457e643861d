import { regionPrefix, inAreas, type RegionLevel } from '@hanjiang/shared'
import {
  areaM2,
  bboxOf,
  checkRegionEdit,
  clipToFreeSpace,
  cutHole,
  largestPolygon,
  mergePolygons,
  newGapsInParent,
  propagateVertexEdits,
  removeHoles,
  splitPolygon,
  vertexEdits,
  type Areal,
  type RegionProblem,
} from '@hanjiang/shared/regions/editing'
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf'
import type { LineString, Polygon } from 'geojson'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { endpoints } from '../api/endpoints.ts'
import {
  addGrid,
  currentGeometry,
  discard,
  push,
  redo as redoStep,
  rename as renameIn,
  retire as retireIn,
  setGeometry,
  setParent as setParentIn,
  startHistory,
  undo as undoStep,
  type BaseRegion,
  type Draft,
  type DraftHistory,
} from '../editor/draft.ts'
import { gridsNear, grow, indexGrids, type GridIndex } from '../editor/neighbours.ts'
import { useAuthStore } from './auth.ts'
import { useRegionsStore } from './regions.ts'

/** The editor's tools (docs/GRID-EDITOR.md); each has a one-key shortcut. */
export const EDITOR_MODES = ['select', 'draw', 'edit', 'split', 'merge', 'hole'] as const
export type EditorMode = (typeof EDITOR_MODES)[number]

/** A message about the last operation, as an i18n key of `editor.msg`. */
export interface EditorMessage {
  kind: 'error' | 'info'
  key: string
  params?: Record<string, string | number>
}

/** The grid editor's state: the draft with its history, the selection, the tool, the live checks. */
export const useRegionEditorStore = defineStore('region-editor', () => {
  const regions = useRegionsStore()
  const auth = useAuthStore()
  const history = shallowRef<DraftHistory>(startHistory())
  const draft = computed(() => history.value.present)
  const selected = ref<string | null>(null)
  const mode = ref<EditorMode>('select')
  const topological = ref(true)
  const avoidOverlap = ref(true)
  const snapping = ref(true)
  const message = shallowRef<EditorMessage | null>(null)

  let indexFor: unknown = null
  let index: GridIndex | null = null
  function gridIndex(): GridIndex | null {
    const d = regions.data.grid
    if (!d) return null
    if (indexFor !== d) {
      index = indexGrids(d.polygons.features)
      indexFor = d
    }
    return index
  }

  /** A published grid (or community, for parents) from the loaded layers. */
  function base(code: string): BaseRegion | null {
    const f = regions.data.grid?.byCode.get(code) ?? regions.data.community?.byCode.get(code)
    if (!f) return null
    return { code, name: f.properties.name, parentCode: f.properties.parentCode ?? '', geometry: f.geometry }
  }
  const geometryOf = (key: string): Areal | null => currentGeometry(draft.value, key, base)
  const nameOf = (key: string): string => draft.value.regions[key]?.name ?? base(key)?.name ?? key
  const parentOf = (key: string): string | null => draft.value.regions[key]?.parentCode ?? base(key)?.parentCode ?? null

  /** Whether the user may edit inside this region: admins anywhere, grid admins inside their areas. */
  function mayEdit(code: string | null): boolean {
    const user = auth.user
    if (!user || !code) return false
    if (user.roles.includes('admin')) return true
    const prefixes = user.areas.map((a) => regionPrefix(a.code, a.level as RegionLevel))
    return inAreas(code, prefixes)
  }

  function commit(next: Draft): void {
    history.value = push(history.value, next)
  }
  const fail = (key: string, params?: Record<string, string | number>) => (message.value = { kind: 'error', key, params })
  const info = (key: string, params?: Record<string, string | number>) => (message.value = { kind: 'info', key, params })

  /** Every grid key in the draft's world: published grids not retired, plus the new ones. */
  function childrenOf(parentCode: string, d: Draft = draft.value): string[] {
    const published = gridIndex()?.byParent.get(parentCode) ?? []
    const added = Object.values(d.regions).filter((r) => r.op === 'create' && r.parentCode === parentCode).map((r) => r.key)
    return [...published, ...added].filter((k) => currentGeometry(d, k, base))
  }

  /** Grids (published and new) whose box touches `box`. */
  function keysNear(box: readonly number[], except?: string): string[] {
    const idx = gridIndex()
    const out = idx ? gridsNear(idx, box, except) : []
    for (const r of Object.values(draft.value.regions)) {
      if (r.op === 'create' && r.key !== except && r.after) {
        const b = bboxOf(r.after)
        if (b[0] <= box[2]! && box[0]! <= b[2] && b[1] <= box[3]! && box[1]! <= b[3]) out.push(r.key)
      }
    }
    return out
  }

  function guard(key: string): boolean {
    const code = draft.value.regions[key]?.code ?? (key.startsWith('new:') ? parentOf(key) : key)
    if (mayEdit(code)) return true
    fail('outsideAreas', { name: nameOf(key) })
    return false
  }

  /**
   * A new outline for one region; with topological editing the vertices it moved, inserted or deleted are carried
   * over to the neighbours that shared them (one undo step for all).
   */
  function applyGeometry(key: string, geometry: Polygon): void {
    if (!guard(key)) return
    const before = geometryOf(key)
    let next = setGeometry(draft.value, key, geometry, base)
    let moved = 0
    if (topological.value && before) {
      const edits = vertexEdits(before, geometry)
      if (edits.length > 0) {
        const neighbours = new Map<string, Areal>()
        for (const k of keysNear(grow(bboxOf(before), 1e-6), key)) {
          const g = currentGeometry(next, k, base)
          if (g) neighbours.set(k, g)
        }
        for (const [k, g] of propagateVertexEdits(edits, neighbours)) {
          if (!mayEdit(draft.value.regions[k]?.code ?? k)) continue
          next = setGeometry(next, k, g, base)
          moved++
        }
      }
    }
    commit(next)
    if (moved > 0) info('topologyMoved', { n: moved })
  }

  /** The community a new outline falls in (the one holding a point inside it). */
  function parentFor(p: Polygon): string | null {
    const inner = pointOnFeature(p)
    for (const f of regions.data.community?.polygons.features ?? []) {
      if (booleanPointInPolygon(inner, f.geometry)) return f.properties.code
    }
    return null
  }

  /** A newly drawn grid: inside its community, clipped to the free space when avoid-overlap is on. */
  function addDrawn(p: Polygon): string | null {
    const parentCode = parentFor(p)
    if (!parentCode) return fail('noParent'), null
    if (!mayEdit(parentCode)) return fail('outsideAreas', { name: base(parentCode)?.name ?? parentCode }), null
    let geometry: Polygon | null = p
    if (avoidOverlap.value) {
      const parent = base(parentCode)!.geometry
      const siblings = childrenOf(parentCode).map((k) => geometryOf(k)!).filter(Boolean)
      const r = clipToFreeSpace(p, parent, siblings)
      geometry = r.clipped
      if (!geometry) return fail('noFreeSpace'), null
      if (r.removedM2 > 1) info('clipped', { m2: Math.round(r.removedM2) })
    }
    const n = childrenOf(parentCode).length + 1
    const { draft: next, key } = addGrid(draft.value, { name: `${base(parentCode)?.name ?? ''}网格${n}`, parentCode, geometry })
    commit(next)
    selected.value = key
    return key
  }

  function split(key: string, line: LineString): boolean {
    if (!guard(key)) return false
    const g = geometryOf(key)
    if (!g) return false
    const r = splitPolygon(g, line)
    if (!r.ok) return fail(`split.${r.reason}`), false
    // The larger part keeps the grid (and its code); the other becomes a new grid beside it.
    const [keep, give] = [...r.parts].sort((a, b) => areaM2(b) - areaM2(a)) as [Polygon, Polygon]
    let next = setGeometry(draft.value, key, keep, base)
    const parentCode = parentOf(key) ?? ''
    const added = addGrid(next, { name: `${nameOf(key)}-2`, parentCode, geometry: give })
    next = added.draft
    commit(next)
    info('splitDone', { a: Math.round(areaM2(keep)), b: Math.round(areaM2(give)) })
    return true
  }

  function merge(keep: string, other: string): boolean {
    if (keep === other) return false
    if (!guard(keep) || !guard(other)) return false
    if (parentOf(keep) !== parentOf(other)) return fail('merge.parents'), false
    const a = geometryOf(keep)
    const b = geometryOf(other)
    if (!a || !b) return false
    const r = mergePolygons([a, b])
    if (!r.ok) return fail('merge.not_neighbours'), false
    let next = setGeometry(draft.value, keep, r.merged, base)
    next = retireIn(next, other, base)
    commit(next)
    info('mergeDone', { name: nameOf(other) })
    return true
  }

  function hole(key: string, h: Polygon): void {
    if (!guard(key)) return
    const g = geometryOf(key)
    const cut = g && cutHole(g, h)
    if (!cut) return void fail('holeCoversAll')
    commit(setGeometry(draft.value, key, cut, base))
  }

  function fillHoles(key: string): void {
    if (!guard(key)) return
    const g = geometryOf(key)
    if (g) commit(setGeometry(draft.value, key, removeHoles(g), base))
  }

  function retire(key: string): void {
    if (!guard(key)) return
    commit(retireIn(draft.value, key, base))
    if (selected.value === key && key.startsWith('new:')) selected.value = null
  }
  function rename(key: string, name: string): void {
    if (guard(key)) commit(renameIn(draft.value, key, name, base))
  }
  function setParent(key: string, parentCode: string): void {
    if (mayEdit(parentCode)) commit(setParentIn(draft.value, key, parentCode))
    else fail('outsideAreas', { name: base(parentCode)?.name ?? parentCode })
  }
  function discardOne(key: string): void {
    commit(discard(draft.value, key))
  }
  function clearDraft(): void {
    history.value = startHistory()
    selected.value = null
  }
  /**
   * The version each published region had when it entered the draft (the server's optimistic lock names the
   * regions changed since). Asked once per region, as it is first edited.
   */
  const baseVersions = shallowRef(new Map<string, number>())
  const asked = new Set<string>()
  watch(draft, (d) => {
    for (const r of Object.values(d.regions)) {
      const code = r.code
      if (!code || asked.has(code)) continue
      asked.add(code)
      endpoints()
        .region(code)
        .then((detail) => {
          baseVersions.value = new Map(baseVersions.value).set(code, detail.version)
        })
        .catch(() => asked.delete(code))
    }
  })
  /** Versions still missing (a region edited offline, or whose lookup failed): asked now, before a submit. */
  async function ensureBaseVersions(): Promise<void> {
    const missing = Object.values(draft.value.regions).filter((r) => r.code && !baseVersions.value.has(r.code))
    const found = await Promise.all(missing.map(async (r) => [r.code!, (await endpoints().region(r.code!)).version] as const))
    const next = new Map(baseVersions.value)
    for (const [c, v] of found) next.set(c, v)
    baseVersions.value = next
  }

  const canUndo = computed(() => history.value.past.length > 0)
  const canRedo = computed(() => history.value.future.length > 0)
  const undo = () => (history.value = undoStep(history.value))
  const redo = () => (history.value = redoStep(history.value))

  /** The live checks (docs/GRID-EDITOR.md): of each edited grid, and the gaps the edits open in their parents. */
  const problems = computed<RegionProblem[]>(() => {
    const d = draft.value
    const out: RegionProblem[] = []
    const parents = new Set<string>()
    for (const r of Object.values(d.regions)) {
      if (r.parentCode) parents.add(r.parentCode)
      if (!r.after) continue
      const parent = base(r.parentCode)?.geometry ?? null
      const siblings = keysNear(grow(bboxOf(r.after), 1e-6), r.key)
        .filter((k) => parentOf(k) === r.parentCode)
        .map((k) => ({ code: k, geometry: currentGeometry(d, k, base)! }))
        .filter((s) => s.geometry)
      out.push(...checkRegionEdit({ code: r.key, geometry: r.after, parent, siblings }))
    }
    for (const p of parents) {
      const parent = base(p)?.geometry
      if (!parent) continue
      const before = (gridIndex()?.byParent.get(p) ?? []).map((k) => base(k)!.geometry)
      const after = childrenOf(p, d).map((k) => currentGeometry(d, k, base)!)
      out.push(...newGapsInParent(p, parent, before, after))
    }
    return out
  })
  /** Overlaps are counted once per pair (both grids of a pair may be in the draft). */
  const blocking = computed(() => problems.value.filter((p) => p.kind !== 'self_intersection' || p.areaM2 === 0).length)

  function polygonFor(key: string): Polygon | null {
    const g = geometryOf(key)
    if (!g) return null
    if (g.type === 'Polygon') return g
    return g.coordinates.length === 1 ? largestPolygon(g) : null
  }

  return {
    history, draft, selected, mode, topological, avoidOverlap, snapping, message, problems, blocking, canUndo, canRedo,
    baseVersions, ensureBaseVersions,
    base, geometryOf, nameOf, parentOf, mayEdit, keysNear, polygonFor,
    applyGeometry, addDrawn, split, merge, hole, fillHoles, retire, rename, setParent, discardOne, clearDraft, undo, redo,
  }
})
