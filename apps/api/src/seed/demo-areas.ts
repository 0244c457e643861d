import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../db/types.ts'
import type { DemoPlace } from './regions/index.ts'

/** Sections (股室/中队/营业所) that own responsibility areas in the demo (and one the workbench assigns work to). */
const SECTIONS = [
  { code: 'city_admin_sanitation', name: '区城市管理局环卫股', nameEn: 'Sanitation section', parent: 'city_admin' },
  { code: 'transport_highway', name: '区交通运输局公路养护中心', nameEn: 'Highway maintenance centre', parent: 'transport' },
  { code: 'water_river', name: '区水利局河道管理站', nameEn: 'River management station', parent: 'water_resources' },
  { code: 'tourism_scenic', name: '区文体旅游局萩芦溪景区管理处', nameEn: 'Qiulu River scenic area office', parent: 'tourism' },
  { code: 'water_utility_urban', name: '涵江供水公司城区营业所', nameEn: 'Water supply, urban branch', parent: 'water_utility' },
  { code: 'water_utility_rural', name: '涵江供水公司乡镇营业所', nameEn: 'Water supply, rural branch', parent: 'water_utility' },
  { code: 'power_utility_urban', name: '涵江供电公司城区供电所', nameEn: 'Power supply, urban station', parent: 'power_utility' },
  { code: 'power_utility_rural', name: '涵江供电公司江口供电所', nameEn: 'Power supply, Jiangkou station', parent: 'power_utility' },
]

const URBAN = ['350303001000', '350303002000', '350303100000', '350303101000']

interface AreaSpec {
  name: string
  unit: string
  classCode: string
  /** A demo line (road/river id) with a buffer, or a union of streets, or a circle around a point. */
  line?: { placeId: string; bufferM: number }
  streets?: { codes: string[]; exclude?: boolean }
  circle?: { lng: number; lat: number; radiusM: number }
}

/**
 * Non-territorial routing in the demo: a county road and a national road kept by the highway centre,
 * rivers by the river station, a scenic area's street order by its office, and the water and power
 * companies' service areas split between urban and rural branches (fine-class level, so the rest of
 * their subclass still follows the table).
 */
const AREAS: AreaSpec[] = [
  { name: '江萩公路（县道）', unit: 'transport_highway', classCode: '0105', line: { placeId: 'road-jiangqiu', bufferM: 30 } },
  { name: '324国道涵江段', unit: 'transport_highway', classCode: '0105', line: { placeId: 'road-g324', bufferM: 40 } },
  { name: '木兰溪涵江段', unit: 'water_river', classCode: '020607', line: { placeId: 'river-mulan', bufferM: 60 } },
  { name: '延寿溪', unit: 'water_river', classCode: '020607', line: { placeId: 'river-yanshou', bufferM: 60 } },
  { name: '萩芦溪', unit: 'water_river', classCode: '020607', line: { placeId: 'river-qiulu', bufferM: 60 } },
  { name: '萩芦溪景区', unit: 'tourism_scenic', classCode: '02', circle: { lng: 119.13, lat: 25.518, radiusM: 900 } },
  { name: '城区供水服务区（供水管道）', unit: 'water_utility_urban', classCode: '010101', streets: { codes: URBAN } },
  { name: '城区供水服务区（停水）', unit: 'water_utility_urban', classCode: '010102', streets: { codes: URBAN } },
  { name: '乡镇供水服务区（供水管道）', unit: 'water_utility_rural', classCode: '010101', streets: { codes: URBAN, exclude: true } },
  { name: '乡镇供水服务区（停水）', unit: 'water_utility_rural', classCode: '010102', streets: { codes: URBAN, exclude: true } },
  { name: '城区供电服务区', unit: 'power_utility_urban', classCode: '010305', streets: { codes: URBAN } },
  { name: '江口供电服务区', unit: 'power_utility_rural', classCode: '010305', streets: { codes: URBAN, exclude: true } },
]

export async function seedDemoAreas(database: Database, tx: AppDb, places: DemoPlace[]): Promise<number> {
  await database.rows(sql`
    INSERT INTO unit (code, name, name_en, kind, parent_code)
    SELECT code, name, "nameEn", 'section', parent FROM json_to_recordset(${JSON.stringify(SECTIONS)}::json)
      AS x(code text, name text, "nameEn" text, parent text)
    ON CONFLICT (code) DO NOTHING`, tx)
  for (const a of AREAS) {
    if (a.line) {
      const place = places.find((p) => p.id === a.line!.placeId)
      if (!place || place.geometry.type !== 'LineString') throw new Error(`demo place ${a.line.placeId} is missing`)
      await database.rows(sql`
        INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, geom, buffer_m)
        VALUES (${a.name}, ${a.unit}, ${a.classCode}, 'line',
          ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(place.geometry)}), 4326)), ${a.line.bufferM})`, tx)
    } else if (a.streets) {
      const match = a.streets.exclude ? sql`code NOT IN ${a.streets.codes}` : sql`code IN ${a.streets.codes}`
      await database.rows(sql`
        INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, geom)
        SELECT ${a.name}, ${a.unit}, ${a.classCode}, 'polygon', ST_Multi(ST_Union(geom))
        FROM region WHERE level = 'street' AND valid_to IS NULL AND ${match}`, tx)
    } else if (a.circle) {
      await database.rows(sql`
        INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, geom)
        VALUES (${a.name}, ${a.unit}, ${a.classCode}, 'polygon',
          ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(${a.circle.lng}, ${a.circle.lat}), 4326)::geography, ${a.circle.radiusM}, 32)::geometry))`, tx)
    }
  }
  return AREAS.length
}
