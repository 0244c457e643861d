// Realistic Hanjiang inputs for the assignment tests (tests only).
import { fineClassInfo, unitDirectory } from '../taxonomy/codes.ts'
import { parseTaxonomy } from '../taxonomy/parse.ts'
import { seedTaxonomyJson } from '../taxonomy/seed.test-helper.ts'
import type { FineClassInfo } from '../taxonomy/types.ts'
import type { AssignmentInput, LineAreaMatch, NamedUnit, PolygonAreaMatch, RegionsAtPoint, UnitNameEntry } from './types.ts'

export const tax = parseTaxonomy(seedTaxonomyJson())

export function info(code: string): FineClassInfo {
  const i = fineClassInfo(tax, code)
  if (!i) throw new Error(`no fine class ${code} in seed/taxonomy.json`)
  return i
}

export const handongOffice: NamedUnit = { code: 'office_handong', name: '涵东街道办事处', nameEn: 'Handong street office' }
export const commandCenter: NamedUnit = {
  code: 'command_center',
  name: '区数字城管中心',
  nameEn: 'District digital city-management command center',
}

export const units = new Map<string, UnitNameEntry>([
  ...unitDirectory(tax),
  ['office_handong', { name: '涵东街道办事处', nameEn: 'Handong street office' }],
  ['transport_highway', { name: '区交通运输局公路养护中心', nameEn: 'Transport bureau, highway maintenance centre' }],
  ['transport_roads', { name: '区交通运输局路政中队', nameEn: 'Transport bureau, road administration squad' }],
  ['water_river', { name: '区水利局河道管理所', nameEn: 'Water resources bureau, river management station' }],
  ['city_admin_park', { name: '区城市管理局涵江公园管理处', nameEn: 'City administration bureau, Hanjiang Park office' }],
  ['city_admin_sanitation', { name: '区城市管理局环卫所', nameEn: 'City administration bureau, sanitation station' }],
  ['housing_estate', { name: '区住建局物业管理股', nameEn: 'Housing bureau, property management section' }],
])

/** 涵东街道 › 新区社区 › grid 7 */
export const HANDONG: RegionsAtPoint = {
  street: { code: '350303001000', name: '涵东街道' },
  community: { code: '350303001001', name: '新区社区' },
  grid: { code: '350303001001007', name: '新区社区第7网格' },
}
export const OUTSIDE: RegionsAtPoint = { street: null, community: null, grid: null }

/** County road X201 (through 江口/涵东), owned for 0105 道路交通设施 by the highway centre. */
export const countyRoad: LineAreaMatch = {
  areaId: 101,
  name: '县道 X201 涵江段',
  unitCode: 'transport_highway',
  classCode: '0105',
  geometryKind: 'line',
  distanceM: 12,
  bufferM: 30,
}
/** A road-administration line for 010501 道路破损坑洼 only. */
export const roadPotholes: LineAreaMatch = {
  areaId: 102,
  name: '涵江大道 路面巡查段',
  unitCode: 'transport_roads',
  classCode: '010501',
  geometryKind: 'line',
  distanceM: 8,
  bufferM: 20,
}
/** 萩芦溪, owned for 020607 河道漂浮物 by the river station. */
export const river: LineAreaMatch = {
  areaId: 201,
  name: '萩芦溪 涵江段',
  unitCode: 'water_river',
  classCode: '020607',
  geometryKind: 'line',
  distanceM: 25,
  bufferM: 50,
}
/** 涵江公园, whole class 02 市容环境 inside the park. */
export const park: PolygonAreaMatch = {
  areaId: 301,
  name: '涵江公园',
  unitCode: 'city_admin_park',
  classCode: '02',
  geometryKind: 'polygon',
  areaM2: 86_000,
}
/** Sanitation zone of 涵东街道 for subclass 0206 环境卫生. */
export const sanitationZone: PolygonAreaMatch = {
  areaId: 302,
  name: '涵东街道 环卫作业区',
  unitCode: 'city_admin_sanitation',
  classCode: '0206',
  geometryKind: 'polygon',
  areaM2: 4_200_000,
}

export function input(over: Partial<AssignmentInput> = {}): AssignmentInput {
  return {
    fine: info('010502'),
    regions: HANDONG,
    streetOffice: handongOffice,
    areaMatches: [],
    units,
    commandCenter,
    ...over,
  }
}
