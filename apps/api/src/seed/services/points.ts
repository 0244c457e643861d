import type { ServicePointKind } from '@hanjiang/shared'
import type { DemoRegion } from '../regions/index.ts'
import { streetOfficeName } from '../reference.ts'

/** One service point as seed/service-points.json holds it. */
export interface ServicePointSeed {
  code: string
  name: string
  nameEn: string
  kind: ServicePointKind
  regionCode: string
  address: string
  openingHours: string
  extendedHours: string | null
  slotMinutes: number
  slotCapacity: number
  lng: number
  lat: number
}

/** Stand-in hours per kind (working days, Shanghai time); extended hours (延时服务) after closing and at noon. */
const HOURS: Record<ServicePointKind, { opening: string; extended: string | null; capacity: number }> = {
  district_center: { opening: '08:30-12:00,14:30-17:30', extended: '12:00-14:30,17:30-19:00', capacity: 6 },
  town_center: { opening: '08:30-12:00,14:30-17:30', extended: '17:30-18:30', capacity: 3 },
  village_point: { opening: '08:30-11:30,15:00-17:30', extended: null, capacity: 1 },
}

const seed = (kind: ServicePointKind, p: Omit<ServicePointSeed, 'kind' | 'openingHours' | 'extendedHours' | 'slotMinutes' | 'slotCapacity'>): ServicePointSeed => ({
  ...p,
  kind,
  openingHours: HOURS[kind].opening,
  extendedHours: HOURS[kind].extended,
  slotMinutes: 30,
  slotCapacity: HOURS[kind].capacity,
})

/**
 * The district center, a center per street/town and an agent point per community, from the demo regions.
 * `seats`: known town seats by street code; `inside`: a point inside a polygon. The district center stands
 * midway between the two urban streets' seats (涵东, 涵西), where the district's offices are.
 */
export function buildServicePoints(
  regions: readonly DemoRegion[],
  seats: ReadonlyMap<string, [number, number]>,
  inside: (g: GeoJSON.MultiPolygon) => [number, number],
): ServicePointSeed[] {
  const district = regions.find((r) => r.level === 'district')
  if (!district) throw new Error('no district region')
  const a = seats.get('350303001000')
  const b = seats.get('350303002000')
  const [lng, lat] = a && b ? [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] : inside(district.geometry)
  const out: ServicePointSeed[] = [
    seed('district_center', {
      code: 'HJ-CENTER',
      name: '涵江区行政服务中心',
      nameEn: 'Hanjiang District Administrative Service Center',
      regionCode: district.code,
      address: '涵江区城区（示例位置）',
      lng: Math.round(lng * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
    }),
  ]
  const streets = regions.filter((r) => r.level === 'street')
  for (const s of streets) {
    const [x, y] = seats.get(s.code) ?? inside(s.geometry)
    out.push(
      seed('town_center', {
        code: `TC-${s.code.slice(0, 9)}`,
        name: `${s.name}便民服务中心`,
        nameEn: `${s.name} service center`,
        regionCode: s.code,
        address: `${streetOfficeName(s.name)}所在地（示例位置）`,
        lng: x,
        lat: y,
      }),
    )
  }
  const streetName = new Map(streets.map((s) => [s.code, s.name]))
  for (const c of regions.filter((r) => r.level === 'community')) {
    const [x, y] = inside(c.geometry)
    const short = c.name.replace(/(社区居委会|村委会|居委会)$/, (m) => (m === '村委会' ? '村' : '社区'))
    out.push(
      seed('village_point', {
        code: `VP-${c.code}`,
        name: `${short}便民代办点`,
        nameEn: `${short} agent point`,
        regionCode: c.code,
        address: `${streetName.get(c.parentCode ?? '') ?? ''}${c.name}（示例位置）`,
        lng: x,
        lat: y,
      }),
    )
  }
  return out
}
