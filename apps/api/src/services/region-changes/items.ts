import type { RegionLevel } from '@hanjiang/shared'
import type { ChangeItemInput, ChangeOp } from '../../db/repositories/region-change-sets.ts'
import { userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { checkGeometry, SURFACE_TYPES } from '../geometry/input.ts'
import type { FeatureIssue } from '../geometry/issues.ts'
import { levelOfCode } from '../regions/codes.ts'
import { changeSetProblem } from './problem.ts'

/** One item as the route hands it over (shape checked by zod; geometry still raw GeoJSON). */
export interface ItemInput {
  op: ChangeOp
  level?: RegionLevel
  code?: string | null
  parentCode?: string | null
  name?: string | null
  geometry?: unknown
  baseVersion?: number | null
}

/**
 * Checks what can be checked without the database — ops and their required fields, code shapes,
 * geometry structure and size (services/geometry/input.ts) — and answers the rows to store. Every
 * problem of every item is listed (`feature` = item index); nothing is stored on any.
 */
export function normaliseItems(items: ItemInput[]): ChangeItemInput[] {
  const issues: FeatureIssue[] = []
  const out: ChangeItemInput[] = []
  items.forEach((it, index) => {
    const at = (code: FeatureIssue['code'], status: number, path: string, message: string) => issues.push({ code, status, path, message, feature: index })
    const needs = (field: keyof ItemInput) => at('validation_failed', 400, field, `a ${it.op} item needs ${field}`)
    let geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null = null
    if (it.geometry !== undefined && it.geometry !== null) {
      if (it.op === 'retire') at('validation_failed', 400, 'geometry', 'a retire item has no geometry')
      else {
        const checked = checkGeometry(it.geometry, SURFACE_TYPES)
        if (checked.ok) geometry = checked.value.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon
        else issues.push({ ...checked.issue, feature: index })
      }
    }
    const code = it.code ?? null
    const codeLevel = code ? levelOfCode(code) : null
    if (code && !codeLevel) at('invalid_code', 422, 'code', `${code} is not a region code (12 digits, 15 for a grid)`)
    if (it.op === 'create') {
      if (!it.level) needs('level')
      if (!it.parentCode) needs('parentCode')
      if (!it.name) needs('name')
      if (it.geometry === undefined || it.geometry === null) needs('geometry')
      if (it.baseVersion != null) at('validation_failed', 400, 'baseVersion', 'a create item has no baseVersion (the region does not exist yet)')
      if (it.level === 'district') at('invalid_code', 422, 'level', 'the district cannot be created in the grid editor')
      if (code && codeLevel && it.level && codeLevel !== it.level) at('invalid_code', 422, 'code', `code ${code} is a ${codeLevel} code, not a ${it.level} code`)
    } else {
      if (!code) needs('code')
      if (it.baseVersion == null) needs('baseVersion')
      if (it.op === 'update' && (it.geometry === undefined || it.geometry === null) && !it.name) {
        at('validation_failed', 400, 'name', 'an update item changes the name and/or the geometry')
      }
    }
    out.push({
      op: it.op,
      level: (it.op === 'create' ? it.level : codeLevel) ?? 'grid',
      code,
      parentCode: it.op === 'create' ? (it.parentCode ?? null) : null,
      name: it.name ?? null,
      geometry,
      baseVersion: it.op === 'create' ? null : (it.baseVersion ?? null),
    })
  })
  const seen = new Map<string, number>()
  out.forEach((it, index) => {
    if (!it.code) return
    const first = seen.get(it.code)
    if (first !== undefined) {
      issues.push({ code: 'duplicate_code', status: 422, path: 'code', message: `region ${it.code} appears in more than one item (first in item ${first})`, feature: index, regionCode: it.code })
    } else seen.set(it.code, index)
  })
  if (issues.length) throw changeSetProblem(issues, items.length)
  return out
}

/** The region an item touches, as people read it (for messages). */
export const itemLabel = (it: { op: ChangeOp; code: string | null; parentCode: string | null; level: RegionLevel }, index: number) =>
  it.code ?? `the new ${it.level} under ${it.parentCode} (item ${index})`

/** The area's own region code from a grid admin's prefix (street 9 digits → 12 with 000, grid 15 as is). */
const areaCode = (prefix: string) => (prefix.length >= 12 ? prefix : prefix.padEnd(12, '0'))

/**
 * Admins edit anywhere; a grid admin only regions strictly inside their areas (code prefix, as for
 * single writes: services/auth/write-scope.ts). A new region counts as inside when its parent is at or
 * below one of the areas. 403 outside_areas naming the first region outside.
 */
export function requireItemsInAreas(actor: Actor, items: { op: ChangeOp; code: string | null; parentCode: string | null; level: RegionLevel }[]): void {
  if (userRoles(actor).includes('admin')) return
  const prefixes = actor.areaPrefixes ?? []
  items.forEach((it, index) => {
    const inside = it.code
      ? prefixes.some((p) => it.code!.startsWith(p) && it.code !== areaCode(p))
      : prefixes.some((p) => it.parentCode!.startsWith(p))
    if (!inside) {
      throw problems.forbidden('outside_areas', `${itemLabel(it, index)} is outside your areas (${prefixes.map(areaCode).join(', ') || 'none'}).`, {
        regionCode: it.code ?? it.parentCode,
        feature: index,
      })
    }
  })
}
