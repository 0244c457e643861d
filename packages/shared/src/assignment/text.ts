// Sentence builders for the explanations. Internal: the wording may change, the structure not.
import type { RegionLevel } from '../regions/levels.ts'
import type { CodeLevel, FineClassInfo } from '../taxonomy/types.ts'
import type { NamedUnit, RegionRef, ResponsibilityAreaMatch, UnitNames, UnitRef } from './types.ts'

/** Resolves a unit code through the lookup; an unknown code is shown as itself. */
export function resolveUnit(units: UnitNames, code: string): NamedUnit {
  const entry = units instanceof Map ? units.get(code) : (units as Readonly<Record<string, unknown>>)[code]
  if (typeof entry === 'string') return { code, name: entry }
  if (entry && typeof entry === 'object' && 'name' in entry) {
    const { name, nameEn } = entry as { name: string; nameEn?: string }
    return nameEn === undefined ? { code, name } : { code, name, nameEn }
  }
  return { code, name: code }
}

export const ref = (u: NamedUnit): UnitRef => ({ code: u.code, name: u.name })

export const unitZh = (u: NamedUnit): string => u.name
export const unitEn = (u: NamedUnit): string => (u.nameEn ? `${u.name} (${u.nameEn})` : u.name)

export const fineZh = (f: FineClassInfo): string => `细类 ${f.fine.code} ${f.fine.name}`
export const fineEn = (f: FineClassInfo): string => `fine class ${f.fine.code} ${f.fine.name} (${f.fine.nameEn})`
export const subclassZh = (f: FineClassInfo): string => `小类 ${f.subclass.code} ${f.subclass.name}`
export const subclassEn = (f: FineClassInfo): string => `subclass ${f.subclass.code} ${f.subclass.name} (${f.subclass.nameEn})`

export const LEVEL_ZH: Record<CodeLevel, string> = { class: '大类', subclass: '小类', fine: '细类' }
export const LEVEL_EN: Record<CodeLevel, string> = { class: 'class', subclass: 'subclass', fine: 'fine class' }

export const REGION_LEVEL_ZH: Record<RegionLevel, string> = { district: '区', street: '街道/乡镇', community: '社区/村', grid: '网格' }
export const REGION_LEVEL_EN: Record<RegionLevel, string> = {
  district: 'district',
  street: 'street/town',
  community: 'community/village',
  grid: 'grid',
}

/**
 * A region as a person reads it: its name, which already says its level (涵西街道, 新区社区, 新区社区003网格);
 * a grid also keeps its 15-digit code, which field staff quote on the phone.
 */
export const regionZh = (level: RegionLevel, r: RegionRef): string => (level === 'grid' ? `${r.name}（${r.code}）` : r.name)
export const regionEn = (level: RegionLevel, r: RegionRef): string => (level === 'grid' ? `${r.name} (grid ${r.code})` : r.name)

/** 12.34 → "12.3"; 12 → "12". */
export const metres = (m: number): string => String(Math.round(m * 10) / 10)

const group = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
export const areaZh = (m2: number): string => (m2 < 1e6 ? `${group(m2)} 平方米` : `${(m2 / 1e6).toFixed(2)} 平方公里`)
export const areaEn = (m2: number): string => (m2 < 1e6 ? `${group(m2)} m²` : `${(m2 / 1e6).toFixed(2)} km²`)

/** "「县道 X201 涵江段」（线状，缓冲 30 米，点距 12 米）" */
export function areaZhFull(a: ResponsibilityAreaMatch): string {
  return a.geometryKind === 'line'
    ? `「${a.name}」（线状，缓冲 ${metres(a.bufferM)} 米，点距 ${metres(a.distanceM)} 米）`
    : `「${a.name}」（面状，${areaZh(a.areaM2)}）`
}

export function areaEnFull(a: ResponsibilityAreaMatch): string {
  return a.geometryKind === 'line'
    ? `“${a.name}” (line, ${metres(a.bufferM)} m buffer, point ${metres(a.distanceM)} m away)`
    : `“${a.name}” (polygon, ${areaEn(a.areaM2)})`
}
