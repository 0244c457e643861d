/**
 * The catalogue's XLSX layout, shared by export and import so a file exported can be edited and imported back:
 * row 1 holds these keys (machine-readable), row 2 their Chinese labels, data from row 3.
 */
export const CATALOGUE_COLUMNS = [
  { key: 'code', zh: '事项编码', width: 14 },
  { key: 'name', zh: '事项名称', width: 28 },
  { key: 'name_en', zh: '英文名称', width: 28 },
  { key: 'category', zh: '类别', width: 16 },
  { key: 'unit_code', zh: '责任单位编码', width: 16 },
  { key: 'unit_name', zh: '责任单位', width: 24 },
  { key: 'materials', zh: '申请材料（每行一项）', width: 36 },
  { key: 'steps', zh: '办理流程', width: 36 },
  { key: 'time_limit_days', zh: '法定时限（工作日，0=即办）', width: 12 },
  { key: 'fees', zh: '收费标准', width: 20 },
  { key: 'online_prereview', zh: '网上预审（是/否）', width: 10 },
  { key: 'special_services', zh: '特色服务（appointment,extended_hours,home_visit,proxy）', width: 30 },
  { key: 'demo', zh: '示例内容（是/否）', width: 10 },
  { key: 'points', zh: '办理地点编码（逗号分隔）', width: 40 },
] as const
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number]['key']
