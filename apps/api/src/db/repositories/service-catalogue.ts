import { sql } from 'drizzle-orm'
import type { ServiceCategory, ServicePointKind } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'
import { isoUtc, textArray } from './knowledge.ts'

/** One version of a catalogue item (docs/SERVICES.md §1). */
export interface ServiceItemRow {
  code: string
  version: number
  name: string
  nameEn: string | null
  category: ServiceCategory
  unitCode: string | null
  unitName: string
  materials: string[]
  steps: string
  timeLimitDays: number
  fees: string
  onlinePrereview: boolean
  specialServices: string[]
  demo: boolean
  pinyinInitials: string
  validFrom: string
  validTo: string | null
  editedBy: string
}

export type ServiceItemFields = Omit<ServiceItemRow, 'version' | 'validFrom' | 'validTo' | 'editedBy' | 'pinyinInitials'>

const ITEM_COLUMNS = sql`i.code, i.version, i.name, i.name_en AS "nameEn", i.category, i.unit_code AS "unitCode", i.unit_name AS "unitName",
  i.materials, i.steps, i.time_limit_days AS "timeLimitDays", i.fees, i.online_prereview AS "onlinePrereview",
  i.special_services AS "specialServices", i.demo, i.pinyin_initials AS "pinyinInitials",
  ${isoUtc(sql`i.valid_from`)} AS "validFrom", CASE WHEN i.valid_to IS NULL THEN NULL ELSE ${isoUtc(sql`i.valid_to`)} END AS "validTo",
  i.edited_by AS "editedBy"`

function toItem(r: Record<string, unknown>): ServiceItemRow {
  const materials = typeof r.materials === 'string' ? (JSON.parse(r.materials) as string[]) : ((r.materials as string[] | null) ?? [])
  return { ...(r as unknown as ServiceItemRow), version: Number(r.version), timeLimitDays: Number(r.timeLimitDays), materials, specialServices: (r.specialServices as string[] | null) ?? [] }
}

/** Every current item, by category and code. The catalogue is small (hundreds at most): search ranks in memory. */
export async function listCurrentItems(database: Database, tx?: AppDb): Promise<ServiceItemRow[]> {
  const rows = await database.rows(sql`SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.valid_to IS NULL ORDER BY i.category, i.code`, tx)
  return rows.map(toItem)
}

/**
 * The current version. `forUpdate`: an edit locks it; `forShare`: a booking locks it against a concurrent edit
 * (an edit waits for the booking, then sees its request among the open ones).
 */
export async function getCurrentItem(database: Database, code: string, tx?: AppDb, opts: { forUpdate?: boolean; forShare?: boolean } = {}): Promise<ServiceItemRow | null> {
  const lock = opts.forUpdate ? sql` FOR UPDATE` : opts.forShare ? sql` FOR SHARE` : sql``
  const [r] = await database.rows(
    sql`SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.code = ${code} AND i.valid_to IS NULL${lock}`,
    tx,
  )
  return r ? toItem(r) : null
}

export async function itemVersions(database: Database, code: string): Promise<ServiceItemRow[]> {
  const rows = await database.rows(sql`SELECT ${ITEM_COLUMNS} FROM service_item i WHERE i.code = ${code} ORDER BY i.version DESC`)
  return rows.map(toItem)
}

/** Whether any version of the code exists (a withdrawn code is not reused: requests refer to its versions). */
export async function itemCodeExists(database: Database, code: string, tx?: AppDb): Promise<boolean> {
  const [r] = await database.rows<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM service_item WHERE code = ${code}) AS ok`, tx)
  return r?.ok === true
}

/**
 * Writes the next version of an item: closes the current one (if any) and inserts `version`, in the caller's
 * transaction. The partial unique index on (code) WHERE valid_to IS NULL makes a lost race fail, not fork.
 */
export async function insertItemVersion(
  database: Database,
  tx: AppDb,
  f: ServiceItemFields & { version: number; pinyinInitials: string; editedBy: string; at: Date },
): Promise<void> {
  // The database's clock, not the caller's: a version's validity must follow the transaction order (valid_to >
  // valid_from), which a skewed or frozen application clock could break.
  void f.at
  await database.rows(sql`UPDATE service_item SET valid_to = now() WHERE code = ${f.code} AND valid_to IS NULL`, tx)
  await database.rows(
    sql`INSERT INTO service_item (code, version, name, name_en, category, unit_code, unit_name, materials, steps, time_limit_days, fees,
      online_prereview, special_services, demo, pinyin_initials, valid_from, edited_by)
    VALUES (${f.code}, ${f.version}, ${f.name}, ${f.nameEn}, ${f.category}, ${f.unitCode}, ${f.unitName}, ${JSON.stringify(f.materials)}::jsonb,
      ${f.steps}, ${f.timeLimitDays}, ${f.fees}, ${f.onlinePrereview}, ${textArray(f.specialServices)}, ${f.demo}, ${f.pinyinInitials},
      now(), ${f.editedBy})`,
    tx,
  )
}

export async function withdrawItem(database: Database, tx: AppDb, code: string, at: Date): Promise<void> {
  void at
  await database.rows(sql`UPDATE service_item SET valid_to = now() WHERE code = ${code} AND valid_to IS NULL`, tx)
  await database.rows(sql`DELETE FROM service_point_item WHERE item_code = ${code}`, tx)
}

/** Many items at once (the seed, an import): one statement. */
export async function insertItems(database: Database, tx: AppDb, items: readonly (ServiceItemFields & { pinyinInitials: string })[], editedBy: string): Promise<number> {
  if (!items.length) return 0
  await database.rows(
    sql`INSERT INTO service_item (code, name, name_en, category, unit_code, unit_name, materials, steps, time_limit_days, fees,
      online_prereview, special_services, demo, pinyin_initials, edited_by)
    SELECT x.code, x.name, x."nameEn", x.category, x."unitCode", x."unitName", x.materials, x.steps, x."timeLimitDays", x.fees,
      x."onlinePrereview", ARRAY(SELECT jsonb_array_elements_text(x."specialServices"))::text[], x.demo, x."pinyinInitials", ${editedBy}
    FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS x(code text, name text, "nameEn" text, category text, "unitCode" text,
      "unitName" text, materials jsonb, steps text, "timeLimitDays" int, fees text, "onlinePrereview" boolean, "specialServices" jsonb,
      demo boolean, "pinyinInitials" text)`,
    tx,
  )
  return items.length
}

export async function countItems(database: Database, tx?: AppDb): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_item`, tx)
  return Number(r?.n ?? 0)
}

// ── points ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ServicePointRow {
  code: string
  name: string
  nameEn: string | null
  kind: ServicePointKind
  regionCode: string
  address: string
  phone: string | null
  openingHours: string
  extendedHours: string | null
  slotMinutes: number
  slotCapacity: number
  lng: number
  lat: number
  active: boolean
  /** Items handled here (current codes). */
  itemCount: number
}

export interface ServicePointInput {
  code: string
  name: string
  nameEn: string | null
  kind: ServicePointKind
  regionCode: string
  address: string
  phone?: string | null
  openingHours: string
  extendedHours: string | null
  slotMinutes: number
  slotCapacity: number
  lng: number
  lat: number
}

const POINT_COLUMNS = sql`p.code, p.name, p.name_en AS "nameEn", p.kind, p.region_code AS "regionCode", p.address, p.phone,
  p.opening_hours AS "openingHours", p.extended_hours AS "extendedHours", p.slot_minutes AS "slotMinutes", p.slot_capacity AS "slotCapacity",
  round(ST_X(p.geom)::numeric, 6)::float8 AS lng, round(ST_Y(p.geom)::numeric, 6)::float8 AS lat, p.active,
  (SELECT count(*)::int FROM service_point_item pi WHERE pi.point_code = p.code) AS "itemCount"`

function toPoint(r: Record<string, unknown>): ServicePointRow {
  return { ...(r as unknown as ServicePointRow), lng: Number(r.lng), lat: Number(r.lat), slotMinutes: Number(r.slotMinutes), slotCapacity: Number(r.slotCapacity), itemCount: Number(r.itemCount) }
}

/** Active points, optionally only those handling an item; by kind then code. */
export async function listPoints(database: Database, opts: { itemCode?: string } = {}): Promise<ServicePointRow[]> {
  const item = opts.itemCode ?? null
  const rows = await database.rows(sql`SELECT ${POINT_COLUMNS} FROM service_point p
    WHERE p.active AND (${item}::text IS NULL OR EXISTS (SELECT 1 FROM service_point_item pi WHERE pi.point_code = p.code AND pi.item_code = ${item}))
    ORDER BY CASE p.kind WHEN 'district_center' THEN 0 WHEN 'town_center' THEN 1 ELSE 2 END, p.code`)
  return rows.map(toPoint)
}

export async function getPoint(database: Database, code: string, tx?: AppDb): Promise<ServicePointRow | null> {
  const [r] = await database.rows(sql`SELECT ${POINT_COLUMNS} FROM service_point p WHERE p.code = ${code}`, tx)
  return r ? toPoint(r) : null
}

export async function pointItemCodes(database: Database, pointCode: string): Promise<string[]> {
  const rows = await database.rows<{ c: string }>(
    sql`SELECT pi.item_code AS c FROM service_point_item pi JOIN service_item i ON i.code = pi.item_code AND i.valid_to IS NULL
      WHERE pi.point_code = ${pointCode} ORDER BY i.category, i.code`,
  )
  return rows.map((r) => r.c)
}

export async function itemPointCodes(database: Database, itemCode: string, tx?: AppDb): Promise<string[]> {
  const rows = await database.rows<{ c: string }>(sql`SELECT point_code AS c FROM service_point_item WHERE item_code = ${itemCode} ORDER BY point_code`, tx)
  return rows.map((r) => r.c)
}

export async function pointHandles(database: Database, pointCode: string, itemCode: string, tx?: AppDb): Promise<boolean> {
  const [r] = await database.rows<{ ok: boolean }>(
    sql`SELECT EXISTS (SELECT 1 FROM service_point_item WHERE point_code = ${pointCode} AND item_code = ${itemCode}) AS ok`,
    tx,
  )
  return r?.ok === true
}

/** Every item's points, by item code (the export): one statement. */
export async function allItemPoints(database: Database): Promise<Map<string, string[]>> {
  const rows = await database.rows<{ item: string; points: string[] }>(
    sql`SELECT item_code AS item, array_agg(point_code ORDER BY point_code) AS points FROM service_point_item GROUP BY item_code`,
  )
  return new Map(rows.map((r) => [r.item, r.points]))
}

/** Replaces the points handling an item. */
export async function setItemPoints(database: Database, tx: AppDb, itemCode: string, pointCodes: readonly string[]): Promise<void> {
  await database.rows(sql`DELETE FROM service_point_item WHERE item_code = ${itemCode}`, tx)
  if (pointCodes.length) {
    await database.rows(
      sql`INSERT INTO service_point_item (point_code, item_code) SELECT c, ${itemCode} FROM unnest(${textArray(pointCodes)}) AS c`,
      tx,
    )
  }
}

/** The codes among `codes` that are not active points. */
export async function unknownPoints(database: Database, codes: readonly string[], tx?: AppDb): Promise<string[]> {
  if (!codes.length) return []
  const rows = await database.rows<{ c: string }>(
    sql`SELECT c FROM unnest(${textArray(codes)}) AS c WHERE NOT EXISTS (SELECT 1 FROM service_point p WHERE p.code = c AND p.active) ORDER BY c`,
    tx,
  )
  return rows.map((r) => r.c)
}

/**
 * The active points handling an item nearest to a place: a KNN scan of the GiST index (`<->`, planar degrees,
 * exact enough to order points a few km apart), distance in metres on the sphere for display.
 */
export async function nearestPoints(database: Database, itemCode: string, lng: number, lat: number, limit: number): Promise<(ServicePointRow & { distanceM: number })[]> {
  const rows = await database.rows(sql`SELECT ${POINT_COLUMNS},
      round(ST_DistanceSphere(p.geom, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)))::int AS "distanceM"
    FROM service_point p
    WHERE p.active AND EXISTS (SELECT 1 FROM service_point_item pi WHERE pi.point_code = p.code AND pi.item_code = ${itemCode})
    ORDER BY p.geom <-> ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)
    LIMIT ${limit}`)
  return rows.map((r) => ({ ...toPoint(r), distanceM: Number(r.distanceM) }))
}

/** Points and their items in two statements (the seed). */
export async function insertPoints(database: Database, tx: AppDb, points: readonly ServicePointInput[], links: readonly { pointCode: string; itemCode: string }[]): Promise<void> {
  if (points.length) {
    await database.rows(
      sql`INSERT INTO service_point (code, name, name_en, kind, region_code, address, phone, opening_hours, extended_hours, slot_minutes, slot_capacity, geom)
      SELECT x.code, x.name, x."nameEn", x.kind, x."regionCode", x.address, x.phone, x."openingHours", x."extendedHours", x."slotMinutes",
        x."slotCapacity", ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326)
      FROM jsonb_to_recordset(${JSON.stringify(points.map((p) => ({ ...p, phone: p.phone ?? null })))}::jsonb) AS x(code text, name text, "nameEn" text, kind text,
        "regionCode" text, address text, phone text, "openingHours" text, "extendedHours" text, "slotMinutes" int, "slotCapacity" int,
        lng float8, lat float8)`,
      tx,
    )
  }
  if (links.length) {
    await database.rows(
      sql`INSERT INTO service_point_item (point_code, item_code)
      SELECT x."pointCode", x."itemCode" FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x("pointCode" text, "itemCode" text)`,
      tx,
    )
  }
}

export async function countPoints(database: Database, tx?: AppDb): Promise<number> {
  const [r] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM service_point`, tx)
  return Number(r?.n ?? 0)
}

/** Whether a place lies inside the district (the current district region). */
export async function insideDistrict(database: Database, lng: number, lat: number): Promise<boolean> {
  const [r] = await database.rows<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM region WHERE level = 'district' AND valid_to IS NULL
    AND ST_Covers(geom, ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326))) AS ok`)
  return r?.ok === true
}
