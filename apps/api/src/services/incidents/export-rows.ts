import { fineClassInfo, formatShanghai, maskName, maskPhone, STATE_LABELS, type IncidentState } from '@hanjiang/shared'
import type { IncidentRecord } from '../../db/repositories/incident-rows.ts'
import type { Reference } from '../assignment/reference-cache.ts'

/**
 * One exported incident: the list's columns, reporter data masked exactly as every read masks it (the
 * audited reveal is the only way to the full values), times in Asia/Shanghai with +08:00.
 */
export const EXPORT_COLUMNS = [
  ['code', '编号'],
  ['state', '状态'],
  ['stateName', '状态名称'],
  ['channel', '来源渠道'],
  ['requestType', '诉求类型'],
  ['track', '处置类别'],
  ['fineClass', '细类代码'],
  ['fineClassName', '细类'],
  ['className', '大类'],
  ['safetyHazard', '安全隐患'],
  ['address', '地址'],
  ['lng', '经度(WGS84)'],
  ['lat', '纬度(WGS84)'],
  ['description', '描述'],
  ['reporterName', '反映人(脱敏)'],
  ['reporterPhone', '联系电话(脱敏)'],
  ['unitCode', '责任单位代码'],
  ['unitName', '责任单位'],
  ['streetCode', '街道/乡镇代码'],
  ['communityCode', '社区/村代码'],
  ['gridCode', '网格代码'],
  ['createdAt', '受理时间'],
  ['dispatchBy', '派遣时限'],
  ['handleBy', '处置时限'],
  ['resolveBy', '办结时限'],
  ['overdueAt', '超期时间'],
  ['closedAt', '结案时间'],
  ['satisfaction', '满意度'],
] as const

export type ExportColumn = (typeof EXPORT_COLUMNS)[number][0]
export type ExportRow = Record<ExportColumn, string | number | boolean | null>

const t = (d: Date | null) => (d ? formatShanghai(d) : null)

export function exportRow(r: IncidentRecord, ref: Reference): ExportRow {
  const info = r.fineClass ? fineClassInfo(ref.taxonomy, r.fineClass) : null
  const unit = r.unitCode ?? r.suggestedUnitCode
  return {
    code: r.code,
    state: r.state,
    stateName: STATE_LABELS[r.state as IncidentState]?.zh ?? r.state,
    channel: r.channel,
    requestType: r.requestType,
    track: r.track,
    fineClass: r.fineClass,
    fineClassName: info?.fine.name ?? null,
    className: info?.class.name ?? null,
    safetyHazard: r.safetyHazard,
    address: r.address,
    lng: r.lng,
    lat: r.lat,
    description: r.description,
    reporterName: maskName(r.reporterName),
    reporterPhone: maskPhone(r.reporterPhone),
    unitCode: unit,
    unitName: unit ? (ref.units.get(unit)?.name ?? unit) : null,
    streetCode: r.streetCode,
    communityCode: r.communityCode,
    gridCode: r.gridCode,
    createdAt: t(r.createdAt),
    dispatchBy: t(r.dispatchBy),
    handleBy: t(r.handleBy),
    resolveBy: t(r.resolveBy),
    overdueAt: t(r.overdueAt),
    closedAt: t(r.closedAt),
    satisfaction: r.satisfaction,
  }
}
