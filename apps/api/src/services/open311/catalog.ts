import { DEADLINE_RULES, fineClassInfo, type Taxonomy } from '@hanjiang/shared'
import { REQUEST_TYPES } from '../incidents/vocabulary.ts'
import { open311Errors } from './format.ts'

/**
 * The GeoReport service list and definitions from the taxonomy (docs/OPEN311.md): a service is a fine class
 * (service_code = its 6-digit code), its group the class. Every service takes one optional attribute, the
 * request type (诉求类型); a safety-hazard class adds an informational one (variable=false) saying it is
 * handled on the urgent track.
 */

/** The one jurisdiction this endpoint serves; `jurisdiction_id` may be omitted or must be this. */
export const JURISDICTION_ID = 'hanjiang.putian.gov.cn'

export function checkJurisdiction(id: string | undefined): void {
  if (id && id !== JURISDICTION_ID) throw open311Errors.notFound(`jurisdiction_id ${id} was not found: this endpoint serves ${JURISDICTION_ID}`)
}

export function serviceList(tax: Taxonomy) {
  return tax.classes.flatMap((cls) =>
    cls.subclasses.flatMap((sub) =>
      sub.fineClasses.map((f) => ({
        service_code: f.code,
        service_name: f.name,
        description: `${cls.name} / ${sub.name} / ${f.name} (${f.nameEn})${f.safetyHazard ? '；安全隐患，按紧急类处置 (safety hazard: urgent track)' : ''}`,
        metadata: true,
        type: 'realtime',
        keywords: [f.nameEn, sub.name, sub.nameEn, cls.nameEn].join(', '),
        group: cls.name,
      })),
    ),
  )
}

const URGENT_DISPATCH_MIN = Math.round(DEADLINE_RULES.R4.ms / 60_000)

const REQUEST_TYPE_NAMES: Record<(typeof REQUEST_TYPES)[number], string> = {
  complaint: '投诉 (complaint)',
  report: '反映/举报 (report)',
  help: '求助 (help)',
  suggestion: '建议 (suggestion)',
  consultation: '咨询 (consultation)',
}

export function serviceDefinition(tax: Taxonomy, code: string) {
  const info = /^\d{6}$/.test(code) ? fineClassInfo(tax, code) : null
  if (!info) throw open311Errors.notFound(`service_code ${code} was not found`)
  const attributes = [
    {
      variable: true,
      code: 'request_type',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: '默认 report (default: report)',
      order: 1,
      description: '诉求类型 (what the reporter asks for)',
      values: REQUEST_TYPES.map((key) => ({ key, name: REQUEST_TYPE_NAMES[key] })),
    },
  ]
  if (info.fine.safetyHazard) {
    attributes.push({
      variable: false,
      code: 'urgent_notice',
      datatype: 'string',
      required: false,
      datatype_description: '',
      order: 2,
      description: `安全隐患类：按紧急类处置，${URGENT_DISPATCH_MIN} 分钟内派遣 (a safety hazard: dispatched within ${URGENT_DISPATCH_MIN} minutes)`,
      values: [],
    })
  }
  return { service_code: code, attributes }
}
