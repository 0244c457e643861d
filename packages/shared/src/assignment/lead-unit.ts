import type { FineClassInfo } from '../taxonomy/types.ts'
import { ref, resolveUnit, subclassEn, subclassZh, unitEn, unitZh } from './text.ts'
import type { Bilingual, NamedUnit, UnitNames, UnitRef } from './types.ts'

export interface LeadUnitFallback {
  unit: UnitRef
  /** `lead_unit_fallback`, or `no_class` when there is no fine class (→ command center). */
  rule: 'lead_unit_fallback' | 'no_class'
  /** Always true: whoever gets it by fallback, the command center confirms. */
  needsReview: true
  explanation: Bilingual
}

/**
 * 兜底 (R7, R12): the lead unit of the fine class's subclass; with no fine class, the command
 * center. Used by {@link decideAssignment} when nothing else owns the point, and by the 12-hour
 * rule for urgent incidents whose ownership is still unclear.
 */
export function leadUnitFallback(fine: FineClassInfo | null, units: UnitNames, commandCenter: NamedUnit): LeadUnitFallback {
  if (fine === null) {
    return {
      unit: ref(commandCenter),
      rule: 'no_class',
      needsReview: true,
      explanation: {
        zh: `未指定细类，由 ${unitZh(commandCenter)} 人工分类派遣`,
        en: `No fine class given: ${unitEn(commandCenter)} classifies and dispatches it by hand`,
      },
    }
  }
  const lead = resolveUnit(units, fine.subclass.leadUnit)
  return {
    unit: ref(lead),
    rule: 'lead_unit_fallback',
    needsReview: true,
    explanation: {
      zh: `由${subclassZh(fine)} 的牵头单位 ${unitZh(lead)} 兜底，需指挥中心复核`,
      en: `The lead unit of ${subclassEn(fine)}, ${unitEn(lead)}, takes it as the fallback; the command center must confirm`,
    },
  }
}
