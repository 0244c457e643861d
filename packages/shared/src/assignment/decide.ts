import { codeLevel } from '../taxonomy/codes.ts'
import { TERRITORIAL, type FineClassInfo } from '../taxonomy/types.ts'
import { areaCoversClass, areaPreferenceReason, compareAreaMatches, withinBuffer } from './areas.ts'
import { leadUnitFallback } from './lead-unit.ts'
import {
  areaEnFull,
  areaZhFull,
  fineEn,
  fineZh,
  LEVEL_EN,
  LEVEL_ZH,
  metres,
  ref,
  REGION_LEVEL_EN,
  regionEn,
  regionZh,
  resolveUnit,
  unitEn,
  unitZh,
} from './text.ts'
import type {
  AreaRef,
  AssignmentCandidate,
  AssignmentDecision,
  AssignmentInput,
  AssignmentRule,
  Bilingual,
  NamedUnit,
  NearBoundary,
  RegionsAtPoint,
  ResponsibilityAreaMatch,
} from './types.ts'

function locationStep(r: RegionsAtPoint): Bilingual {
  if (r.street === null) {
    return {
      zh: '该点不在涵江区任何街道/乡镇范围内（区外）',
      en: 'The point is outside every street/town of 涵江区 (outside the district)',
    }
  }
  const zh = [r.street.name]
  const en = [r.street.name]
  if (r.community) zh.push(r.community.name), en.push(r.community.name)
  if (r.grid) zh.push(regionZh('grid', r.grid)), en.push(regionEn('grid', r.grid))
  const missingZh = [r.community ? null : '社区/村', r.grid ? null : '网格'].filter(Boolean).join('、')
  const missingEn = [r.community ? null : 'community', r.grid ? null : 'grid'].filter(Boolean).join(' or ')
  return {
    zh: `位于${zh.join(' › ')}${missingZh ? `（未落入任何${missingZh}）` : ''}`,
    en: `Inside ${en.join(' › ')}${missingEn ? ` (in no ${missingEn})` : ''}`,
  }
}

function nearBoundaryStep(n: NearBoundary): Bilingual {
  return {
    zh: `距「${regionZh(n.level, n.neighbour)}」的边界 ${metres(n.distanceM)} 米，请核对位置`,
    en: `${metres(n.distanceM)} m from the boundary with the ${REGION_LEVEL_EN[n.level]} ${regionEn(n.level, n.neighbour)}; check the location`,
  }
}

function classStep(f: FineClassInfo): Bilingual {
  const path = `${f.class.code} ${f.class.name} › ${f.subclass.code} ${f.subclass.name}`
  return {
    zh: `${fineZh(f)}（${path}）${f.fine.safetyHazard ? '，属安全隐患' : ''}`,
    en: `${fineEn(f)}, in ${path}${f.fine.safetyHazard ? '; a safety hazard' : ''}`,
  }
}

function areaClaim(a: ResponsibilityAreaMatch, unit: NamedUnit): Bilingual {
  const level = codeLevel(a.classCode)!
  return {
    zh: `责任区${areaZhFull(a)}按${LEVEL_ZH[level]} ${a.classCode} 划归 ${unitZh(unit)}`,
    en: `Responsibility area ${areaEnFull(a)} gives ${LEVEL_EN[level]} ${a.classCode} to ${unitEn(unit)}`,
  }
}

const areaRef = (a: ResponsibilityAreaMatch): AreaRef => ({ areaId: a.areaId, name: a.name })

/**
 * The decision procedure of docs/DOMAIN.md §6 (R11, R12), pure: the spatial matches are inputs.
 *
 * 1. No fine class → the command center (`no_class`, needs review).
 * 2. Outside the district (`regions.street === null`) → the subclass's lead unit
 *    (`lead_unit_fallback`, needs review); area and fine-class owners become candidates.
 * 3. Responsibility areas whose class code (2/4/6 digits) prefixes the fine class, lines only
 *    within their buffer, ranked by {@link compareAreaMatches}: fine over subclass over class,
 *    line over polygon, nearer line / smaller polygon, lowest areaId. The best wins
 *    (`responsibility_area`).
 * 4. Otherwise the fine class's `responsible` unit (`fine_class`); `territorial` → the street
 *    office (`territorial`), or — with no street office configured — the lead unit
 *    (`lead_unit_fallback`, needs review).
 */
export function decideAssignment(input: AssignmentInput): AssignmentDecision {
  const { fine, regions, units, commandCenter } = input
  const explanation: Bilingual[] = [locationStep(regions)]
  if (input.nearBoundary) explanation.push(nearBoundaryStep(input.nearBoundary))

  if (fine === null) {
    const fb = leadUnitFallback(null, units, commandCenter)
    explanation.push(fb.explanation)
    return { unit: fb.unit, rule: fb.rule, needsReview: true, area: null, explanation, candidates: [] }
  }
  explanation.push(classStep(fine))

  const outside = regions.street === null
  const forClass = input.areaMatches.filter((a) => areaCoversClass(a, fine.fine.code))
  const ranked = forClass.filter(withinBuffer).sort(compareAreaMatches)
  const beyondBuffer = forClass.filter((a) => !withinBuffer(a))

  const territorial = fine.fine.responsible === TERRITORIAL
  const table: { unit: NamedUnit; rule: AssignmentRule; reason: Bilingual } | null = !territorial
    ? (() => {
        const unit = resolveUnit(units, fine.fine.responsible)
        return {
          unit,
          rule: 'fine_class',
          reason: { zh: `${fineZh(fine)} 的责任单位为 ${unitZh(unit)}`, en: `The responsible unit of ${fineEn(fine)} is ${unitEn(unit)}` },
        }
      })()
    : !outside && input.streetOffice
      ? {
          unit: input.streetOffice,
          rule: 'territorial',
          reason: {
            zh: `${fineZh(fine)} 由属地负责，${regions.street!.name} 的属地单位为 ${unitZh(input.streetOffice)}`,
            en: `${fineEn(fine)} is territorial: the office of ${regions.street!.name} is ${unitEn(input.streetOffice)}`,
          },
        }
      : null

  const candidates: AssignmentCandidate[] = []
  const areaCandidate = (a: ResponsibilityAreaMatch, beatenBy: Bilingual): AssignmentCandidate => {
    const unit = resolveUnit(units, a.unitCode)
    return { unit: ref(unit), rule: 'responsibility_area', area: areaRef(a), reason: areaClaim(a, unit), beatenBy }
  }
  const addBeyondBuffer = () => {
    for (const a of beyondBuffer) {
      if (a.geometryKind !== 'line') continue
      candidates.push(
        areaCandidate(a, {
          zh: `点距「${a.name}」${metres(a.distanceM)} 米，超出其 ${metres(a.bufferM)} 米缓冲区`,
          en: `the point is ${metres(a.distanceM)} m from “${a.name}”, beyond its ${metres(a.bufferM)} m buffer`,
        }),
      )
    }
  }

  if (outside) {
    const fb = leadUnitFallback(fine, units, commandCenter)
    const beatenBy: Bilingual = {
      zh: '该点在区外，不按责任区或责任单位直接派遣，由牵头单位兜底并经指挥中心复核',
      en: 'the point is outside the district, so it is not dispatched by area or responsible unit; the lead unit takes it and the command center confirms',
    }
    for (const a of ranked) candidates.push(areaCandidate(a, beatenBy))
    if (table) candidates.push({ unit: ref(table.unit), rule: table.rule, reason: table.reason, beatenBy })
    addBeyondBuffer()
    explanation.push({
      zh: territorial
        ? `${fineZh(fine)} 由属地负责，但该点不属于任何街道/乡镇`
        : `区外的点不按责任区或 ${fineZh(fine)} 的责任单位直接派遣`,
      en: territorial
        ? `${fineEn(fine)} is territorial, but the point is in no street/town`
        : `A point outside the district is not dispatched by area or by the responsible unit of ${fineEn(fine)}`,
    })
    explanation.push(fb.explanation)
    return { unit: fb.unit, rule: fb.rule, needsReview: true, area: null, explanation, candidates }
  }

  const [best, ...rest] = ranked
  if (best) {
    const unit = resolveUnit(units, best.unitCode)
    for (const a of rest) candidates.push(areaCandidate(a, areaPreferenceReason(best, a)))
    if (table) {
      candidates.push({
        unit: ref(table.unit),
        rule: table.rule,
        reason: table.reason,
        beatenBy: {
          zh: `责任区「${best.name}」比全区统一的细类责任表更具体`,
          en: `the responsibility area “${best.name}” is more specific than the district-wide fine-class table`,
        },
      })
    }
    addBeyondBuffer()
    if (rest.length > 0) {
      explanation.push({
        zh: `该点有 ${ranked.length} 个适用的责任区，取最具体者：细类优先于小类、大类，线状（缓冲区内）优先于面状，距线近者、面积小者优先，最后按编号`,
        en: `${ranked.length} responsibility areas apply; the most specific wins: fine class over subclass over class, line (within buffer) over polygon, nearer line or smaller polygon, then lowest id`,
      })
    }
    explanation.push(areaClaim(best, unit))
    return { unit: ref(unit), rule: 'responsibility_area', needsReview: false, area: areaRef(best), explanation, candidates }
  }

  addBeyondBuffer()
  explanation.push({
    zh: `该点没有适用于 ${fineZh(fine)} 的责任区`,
    en: `No responsibility area for ${fineEn(fine)} covers the point`,
  })
  if (table) {
    explanation.push(table.reason)
    return { unit: ref(table.unit), rule: table.rule, needsReview: false, area: null, explanation, candidates }
  }

  // territorial, inside a street that has no street office configured
  const fb = leadUnitFallback(fine, units, commandCenter)
  explanation.push({
    zh: `${fineZh(fine)} 由属地负责，但 ${regions.street!.name} 未配置属地单位`,
    en: `${fineEn(fine)} is territorial, but no office is configured for ${regions.street!.name}`,
  })
  explanation.push(fb.explanation)
  return { unit: fb.unit, rule: fb.rule, needsReview: true, area: null, explanation, candidates }
}
