/** API answers for the probe and area tests, shaped like the real `/api/assign` and `/api/areas`. */
import type { AreaCollection, AreaProperties, AssignmentResult } from '../api/types.ts'

export const territorialAnswer: AssignmentResult = {
  point: { lng: 119.1168, lat: 25.4619 },
  crs: 'wgs84',
  fineClass: '020602',
  street: { code: '350303001000', name: '涵东街道' },
  community: { code: '350303001002', name: '顶铺社区居委会' },
  grid: { code: '350303001002002', name: '顶铺社区002网格' },
  regionVersions: { street: 2, community: 16, grid: 271 },
  nearBoundary: { level: 'community', neighbour: { code: '350303001001', name: '新区社区居委会' }, distanceM: 2.69615405 },
  unit: { code: 'office_350303001', name: '涵东街道办事处' },
  rule: 'territorial',
  needsReview: false,
  area: null,
  explanation: [
    { zh: '位于涵东街道 › 顶铺社区居委会 › 网格 350303001002002', en: 'Inside 涵东街道 › 顶铺社区居委会 › grid 350303001002002' },
    { zh: '距与社区/村 新区社区居委会 的边界 2.7 米，请核对位置', en: '2.7 m from the boundary with the community/village 新区社区居委会; check the location' },
    { zh: '细类 020602 积存垃圾渣土 由属地负责，涵东街道 的属地单位为 涵东街道办事处', en: 'fine class 020602 积存垃圾渣土 (Accumulated rubbish or muck) is territorial: the office of 涵东街道 is 涵东街道办事处' },
  ],
  candidates: [],
}

export const areaAnswer: AssignmentResult = {
  point: { lng: 119.14, lat: 25.515 },
  crs: 'wgs84',
  fineClass: '010501',
  street: { code: '350303105000', name: '萩芦镇' },
  community: { code: '350303105209', name: '潭井村委会' },
  grid: { code: '350303105209010', name: '潭井村010网格' },
  regionVersions: { street: 9, community: 134, grid: 2947 },
  nearBoundary: null,
  unit: { code: 'transport_highway', name: '区交通运输局公路养护中心' },
  rule: 'responsibility_area',
  needsReview: false,
  area: { areaId: 1, name: '江萩公路（县道）' },
  explanation: [
    { zh: '位于萩芦镇 › 潭井村委会 › 网格 350303105209010', en: 'Inside 萩芦镇 › 潭井村委会 › grid 350303105209010' },
    { zh: '细类 010501 道路破损坑洼（01 公用设施维护 › 0105 道路交通设施）', en: 'fine class 010501 道路破损坑洼 (Damaged or potholed road), in 01 公用设施维护 › 0105 道路交通设施' },
    {
      zh: '责任区「江萩公路（县道）」（线状，缓冲 30 米，点距 0 米）按小类 0105 划归 区交通运输局公路养护中心',
      en: 'Responsibility area “江萩公路（县道）” (line, 30 m buffer, point 0 m away) gives subclass 0105 to 区交通运输局公路养护中心 (Highway maintenance centre)',
    },
  ],
  candidates: [
    {
      unit: { code: 'transport', name: '区交通运输局' },
      rule: 'fine_class',
      reason: { zh: '细类 010501 道路破损坑洼 的责任单位为 区交通运输局', en: 'The responsible unit of fine class 010501 道路破损坑洼 (Damaged or potholed road) is 区交通运输局 (District transport bureau)' },
      beatenBy: { zh: '责任区「江萩公路（县道）」比全区统一的细类责任表更具体', en: 'the responsibility area “江萩公路（县道）” is more specific than the district-wide fine-class table' },
    },
  ],
}

export const outsideAnswer: AssignmentResult = {
  point: { lng: 118.9, lat: 25.5 },
  crs: 'wgs84',
  fineClass: null,
  street: null,
  community: null,
  grid: null,
  regionVersions: { street: null, community: null, grid: null },
  nearBoundary: null,
  unit: { code: 'command_center', name: '区数字城管中心' },
  rule: 'no_class',
  needsReview: true,
  area: null,
  explanation: [{ zh: '该点不在涵江区任何街道/乡镇范围内（区外）', en: 'The point is outside every street/town of 涵江区 (outside the district)' }],
  candidates: [],
}

export function areaProps(id: number, over: Partial<AreaProperties> = {}): AreaProperties {
  return {
    id,
    name: `area ${id}`,
    unitCode: 'transport_highway',
    unitName: '区交通运输局公路养护中心',
    classCode: '0105',
    className: '道路交通设施',
    geometryKind: 'line',
    bufferM: 30,
    lengthM: 10_310.5,
    areaM2: null,
    ...over,
  }
}

export function areaCollection(): AreaCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 1,
        properties: areaProps(1, { name: '江萩公路（县道）' }),
        geometry: { type: 'MultiLineString', coordinates: [[[119.13, 25.51], [119.15, 25.52]]] },
      },
      {
        type: 'Feature',
        id: 6,
        properties: areaProps(6, {
          name: '萩芦溪景区',
          unitCode: 'tourism_scenic',
          unitName: '区文体旅游局萩芦溪景区管理处',
          classCode: '02',
          className: '市容环境',
          geometryKind: 'polygon',
          bufferM: null,
          lengthM: null,
          areaM2: 2_542_824.7,
        }),
        geometry: { type: 'MultiPolygon', coordinates: [[[[119.0, 25.5], [119.02, 25.5], [119.02, 25.52], [119.0, 25.5]]]] },
      },
    ],
  }
}
