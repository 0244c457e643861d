import type { Areal } from '@hanjiang/shared/regions/editing'

/** What a draft does to one region (docs/GRID-EDITOR.md, ItemInput). */
export type DraftOp = 'create' | 'update' | 'retire'

export interface DraftRegion {
  /** The code of an existing region, `new:N` for a grid drawn in this draft. */
  key: string
  code: string | null
  op: DraftOp
  name: string
  parentCode: string
  /** The outline when the edit started (null for a new grid). */
  before: Areal | null
  /** The outline it will have (null when retired). */
  after: Areal | null
  /** The name when the edit started (a rename is an update too). */
  beforeName: string | null
}

export interface Draft {
  regions: Readonly<Record<string, DraftRegion>>
  nextNew: number
}

/** A region as published (from the layer data). */
export interface BaseRegion {
  code: string
  name: string
  parentCode: string
  geometry: Areal
}

export const EMPTY_DRAFT: Draft = Object.freeze({ regions: Object.freeze({}), nextNew: 1 })

export const isNewKey = (key: string) => key.startsWith('new:')

/** The outline a region has in the draft: its edit, else the published one; null when retired or unknown. */
export function currentGeometry(draft: Draft, key: string, base: (code: string) => BaseRegion | null): Areal | null {
  const d = draft.regions[key]
  if (d) return d.after
  return base(key)?.geometry ?? null
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function put(draft: Draft, region: DraftRegion | null, key: string): Draft {
  const regions = { ...draft.regions }
  if (region) regions[key] = region
  else delete regions[key]
  return { ...draft, regions }
}

/** A region's edit, or a fresh `update` entry for a published one; null when the key is unknown. */
function entry(draft: Draft, key: string, base: (code: string) => BaseRegion | null): DraftRegion | null {
  const d = draft.regions[key]
  if (d) return d
  const b = base(key)
  if (!b) return null
  return { key, code: b.code, op: 'update', name: b.name, parentCode: b.parentCode, before: b.geometry, after: b.geometry, beforeName: b.name }
}

/** An update that changes nothing is no edit: it leaves the draft. */
function settle(d: DraftRegion): DraftRegion | null {
  return d.op === 'update' && d.name === d.beforeName && sameJson(d.before, d.after) ? null : d
}

export function setGeometry(draft: Draft, key: string, geometry: Areal, base: (code: string) => BaseRegion | null): Draft {
  const e = entry(draft, key, base)
  if (!e || e.op === 'retire') return draft
  return put(draft, settle({ ...e, after: geometry }), key)
}

export function rename(draft: Draft, key: string, name: string, base: (code: string) => BaseRegion | null): Draft {
  const e = entry(draft, key, base)
  if (!e || e.op === 'retire') return draft
  return put(draft, settle({ ...e, name }), key)
}

/** Moves a new grid under another community (published grids keep their parent: their code encodes it). */
export function setParent(draft: Draft, key: string, parentCode: string): Draft {
  const e = draft.regions[key]
  if (!e || e.op !== 'create') return draft
  return put(draft, { ...e, parentCode }, key)
}

export function addGrid(draft: Draft, g: { name: string; parentCode: string; geometry: Areal }): { draft: Draft; key: string } {
  const key = `new:${draft.nextNew}`
  const region: DraftRegion = { key, code: null, op: 'create', name: g.name, parentCode: g.parentCode, before: null, after: g.geometry, beforeName: null }
  return { draft: { regions: { ...draft.regions, [key]: region }, nextNew: draft.nextNew + 1 }, key }
}

/** Retires a published region; a grid drawn in this draft simply goes away. */
export function retire(draft: Draft, key: string, base: (code: string) => BaseRegion | null): Draft {
  if (isNewKey(key)) return put(draft, null, key)
  const e = entry(draft, key, base)
  if (!e) return draft
  return put(draft, { ...e, op: 'retire', after: null, name: e.beforeName ?? e.name }, key)
}

/** Drops one region's edit (back to the published state). */
export function discard(draft: Draft, key: string): Draft {
  return put(draft, null, key)
}

export const draftSize = (draft: Draft) => Object.keys(draft.regions).length

/** Undo/redo over whole drafts: every operation (split, merge, a topological drag…) is one step. */
export interface DraftHistory {
  past: readonly Draft[]
  present: Draft
  future: readonly Draft[]
}

export const HISTORY_LIMIT = 100

export function startHistory(present: Draft = EMPTY_DRAFT): DraftHistory {
  return { past: [], present, future: [] }
}

export function push(h: DraftHistory, next: Draft): DraftHistory {
  if (next === h.present) return h
  return { past: [...h.past, h.present].slice(-HISTORY_LIMIT), present: next, future: [] }
}

export function undo(h: DraftHistory): DraftHistory {
  const prev = h.past[h.past.length - 1]
  return prev ? { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] } : h
}

export function redo(h: DraftHistory): DraftHistory {
  const next = h.future[0]
  return next ? { past: [...h.past, h.present], present: next, future: h.future.slice(1) } : h
}
