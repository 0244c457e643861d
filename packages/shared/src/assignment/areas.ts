import { codeLevel } from '../taxonomy/codes.ts'
import type { CodeLevel } from '../taxonomy/types.ts'
import { areaEn, areaZh, LEVEL_EN, LEVEL_ZH, metres } from './text.ts'
import type { Bilingual, ResponsibilityAreaMatch } from './types.ts'

const SPECIFICITY: Record<CodeLevel, number> = { class: 1, subclass: 2, fine: 3 }
/** 0 for a malformed class code, so such an area sorts after every real one. */
const specificity = (classCode: string): number => {
  const level = codeLevel(classCode)
  return level === null ? 0 : SPECIFICITY[level]
}
const levelZh = (classCode: string): string => {
  const level = codeLevel(classCode)
  return level === null ? '分类' : LEVEL_ZH[level]
}
const levelEn = (classCode: string): string => {
  const level = codeLevel(classCode)
  return level === null ? 'category' : LEVEL_EN[level]
}

/** NaN/±Infinity sort last instead of breaking the sort. */
const finite = (n: number): number => (Number.isFinite(n) ? n : Number.POSITIVE_INFINITY)

/**
 * Whether an area is for this fine class: its class code is a 2-, 4- or 6-digit prefix of the
 * fine code (`01`, `0105` and `010502` all cover `010502`).
 */
export function areaCoversClass(area: ResponsibilityAreaMatch, fineCode: string): boolean {
  return codeLevel(area.classCode) !== null && fineCode.startsWith(area.classCode)
}

/** A line applies only when the point is within its buffer; a polygon match always applies. */
export function withinBuffer(area: ResponsibilityAreaMatch): boolean {
  return area.geometryKind === 'polygon' || finite(area.distanceM) <= finite(area.bufferM)
}

/**
 * Lowest id first: numerically when both ids are numbers, otherwise by their decimal string
 * in UTF-16 code-unit order (locale-independent; so "10" < "9" for string ids).
 */
export function compareAreaIds(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = String(a)
  const y = String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

type Criterion = 'specificity' | 'kind' | 'distance' | 'area' | 'id'

function deciding(a: ResponsibilityAreaMatch, b: ResponsibilityAreaMatch): { criterion: Criterion; order: number } {
  const spec = specificity(b.classCode) - specificity(a.classCode)
  if (spec !== 0) return { criterion: 'specificity', order: spec }
  if (a.geometryKind !== b.geometryKind) return { criterion: 'kind', order: a.geometryKind === 'line' ? -1 : 1 }
  if (a.geometryKind === 'line' && b.geometryKind === 'line') {
    const d = finite(a.distanceM) - finite(b.distanceM)
    if (d !== 0 && !Number.isNaN(d)) return { criterion: 'distance', order: d }
  }
  if (a.geometryKind === 'polygon' && b.geometryKind === 'polygon') {
    const d = finite(a.areaM2) - finite(b.areaM2)
    if (d !== 0 && !Number.isNaN(d)) return { criterion: 'area', order: d }
  }
  return { criterion: 'id', order: compareAreaIds(a.areaId, b.areaId) }
}

/**
 * Most specific first. Both areas must cover the fine class (see {@link areaCoversClass}).
 * 1. class-code level: fine (6 digits) over subclass (4) over class (2);
 * 2. a line (point within its buffer) over a polygon;
 * 3. two lines: the nearer line; two polygons: the smaller area;
 * 4. the lowest `areaId` ({@link compareAreaIds}).
 */
export function compareAreaMatches(a: ResponsibilityAreaMatch, b: ResponsibilityAreaMatch): number {
  return deciding(a, b).order
}

/** Why `winner` (sorted first) beat `loser`, naming the first criterion that separates them. */
export function areaPreferenceReason(winner: ResponsibilityAreaMatch, loser: ResponsibilityAreaMatch): Bilingual {
  const w = winner.name
  const l = loser.name
  const { criterion } = deciding(winner, loser)
  switch (criterion) {
    case 'specificity': {
      const [wc, lc] = [winner.classCode, loser.classCode]
      return {
        zh: `责任区「${w}」按${levelZh(wc)} ${wc} 划定，比按${levelZh(lc)} ${lc} 划定的「${l}」更具体`,
        en: `“${w}” is defined for ${levelEn(wc)} ${wc}, more specific than “${l}” for ${levelEn(lc)} ${lc}`,
      }
    }
    case 'kind':
      return {
        zh: `线状责任区「${w}」（点在其缓冲区内）优先于面状责任区「${l}」`,
        en: `the line area “${w}” (point within its buffer) takes precedence over the polygon area “${l}”`,
      }
    case 'distance': {
      const [wd, ld] = [winner, loser].map((a) => metres((a as { distanceM: number }).distanceM))
      return {
        zh: `点距线状责任区「${w}」${wd} 米，比距「${l}」的 ${ld} 米更近`,
        en: `the point is ${wd} m from “${w}”, nearer than ${ld} m from “${l}”`,
      }
    }
    case 'area': {
      const [wa, la] = [winner, loser].map((a) => (a as { areaM2: number }).areaM2)
      return {
        zh: `责任区「${w}」面积 ${areaZh(wa!)}，小于「${l}」的 ${areaZh(la!)}`,
        en: `“${w}” covers ${areaEn(wa!)}, smaller than “${l}” with ${areaEn(la!)}`,
      }
    }
    case 'id':
      return {
        zh: `责任区「${w}」与「${l}」同样具体，按编号取小者（${winner.areaId} 先于 ${loser.areaId}）`,
        en: `“${w}” and “${l}” are equally specific; the lower area id wins (${winner.areaId} before ${loser.areaId})`,
      }
  }
}
