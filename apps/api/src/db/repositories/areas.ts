import { sql, type SQL } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import { EXPORT_DIGITS } from './geometry-checks.ts'
import { featureCollectionSql, featureSql } from './geojson.ts'

/**
 * Responsibility areas: a unit's ownership of a class/subclass/fine class inside a polygon, or along
 * a line within a buffer. Not versioned in time like regions (the lookup reads them live); `version`
 * counts edits for optimistic locking, DELETE only deactivates.
 */

export type AreaKind = 'polygon' | 'line'

export interface AreaRow {
  id: number
  name: string
  unitCode: string
  classCode: string
  geometryKind: AreaKind
  bufferM: number | null
  active: boolean
  version: number
}

/** What a write stores (geometry: checked GeoJSON; null on a PATCH that keeps it). */
export interface AreaWrite {
  name: string
  unitCode: string
  classCode: string
  geometryKind: AreaKind
  bufferM: number | null
  geometry: GeoJSON.Geometry | null
}

/**
 * GeoJSON → stored geometry: 2D, SRID 4326; polygons as MultiPolygon with RFC 7946 winding,
 * lines as MultiLineString.
 */
function storedGeometry(geojson: SQL, kind: SQL): SQL {
  return sql`(CASE WHEN ${kind} = 'polygon'
    THEN ST_ForcePolygonCCW(ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))))
    ELSE ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326))) END)`
}

/** One area as a GeoJSON Feature (json), with its unit/class names and size. */
function featureJson(digits: number): SQL {
  return featureSql(
    sql`a.id`,
    sql`ST_AsGeoJSON(a.geom, ${digits}::int)::json`,
    sql`json_build_object(
      'id', a.id, 'name', a.name, 'unitCode', a.unit_code, 'unitName', u.name,
      'classCode', a.class_code, 'className', t.name, 'geometryKind', a.geometry_kind, 'bufferM', a.buffer_m,
      'active', a.active, 'version', a.version, 'createdAt', a.created_at, 'updatedAt', a.updated_at,
      'areaM2', CASE WHEN a.geometry_kind = 'polygon' THEN round(ST_Area(a.geom::geography)::numeric, 1) END,
      'lengthM', CASE WHEN a.geometry_kind = 'line' THEN round(ST_Length(a.geom::geography)::numeric, 1) END)`,
  )
}

const JOINS = sql`LEFT JOIN unit u ON u.code = a.unit_code LEFT JOIN taxonomy_class t ON t.code = a.class_code`

export async function listAreas(
  database: Database,
  filter: { unitCode?: string; classCode?: string; includeInactive?: boolean },
): Promise<string> {
  const where: SQL[] = [filter.includeInactive ? sql`true` : sql`a.active`]
  if (filter.unitCode) where.push(sql`a.unit_code = ${filter.unitCode}`)
  // A class filter finds the areas that apply to it: the class itself and its ancestors (0105 → 01, 0105).
  if (filter.classCode) where.push(sql`left(${filter.classCode}, length(a.class_code)) = a.class_code`)
  const [row] = await database.rows<{ fc: string }>(sql`
    SELECT ${featureCollectionSql(featureJson(6), sql`a.id`)} AS fc
    FROM responsibility_area a ${JOINS}
    WHERE ${sql.join(where, sql` AND `)}`)
  return row!.fc
}

export async function areaFeature(database: Database, id: number): Promise<GeoJSON.Feature | null> {
  const [row] = await database.rows<{ f: string }>(sql`
    SELECT ${featureJson(6)}::text AS f FROM responsibility_area a ${JOINS} WHERE a.id = ${id}`)
  return row ? (JSON.parse(row.f) as GeoJSON.Feature) : null
}

/** The stored row, locked for the rest of the transaction. */
export async function lockArea(database: Database, tx: AppDb, id: number): Promise<AreaRow | null> {
  const [row] = await database.rows<AreaRow & Record<string, unknown>>(sql`
    SELECT id, name, unit_code AS "unitCode", class_code AS "classCode", geometry_kind AS "geometryKind",
      buffer_m AS "bufferM", active, version
    FROM responsibility_area WHERE id = ${id} FOR UPDATE`, tx)
  return row ? { ...row, id: Number(row.id), version: Number(row.version), bufferM: row.bufferM === null ? null : Number(row.bufferM) } : null
}

/** Which of these unit codes are active units, and which class codes exist. */
export async function knownReferences(
  database: Database,
  unitCodes: string[],
  classCodes: string[],
  tx?: AppDb,
): Promise<{ units: Set<string>; classes: Set<string> }> {
  const [row] = await database.rows<{ units: unknown; classes: unknown }>(sql`
    SELECT
      coalesce((SELECT json_agg(code) FROM unit WHERE active AND code IN (SELECT value FROM json_array_elements_text(${JSON.stringify([...new Set(unitCodes)])}::json))), '[]'::json) AS units,
      coalesce((SELECT json_agg(code) FROM taxonomy_class WHERE code IN (SELECT value FROM json_array_elements_text(${JSON.stringify([...new Set(classCodes)])}::json))), '[]'::json) AS classes`, tx)
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[]
  return { units: new Set(parse(row?.units)), classes: new Set(parse(row?.classes)) }
}

export async function insertArea(database: Database, tx: AppDb, a: AreaWrite): Promise<number> {
  const [row] = await database.rows<{ id: number }>(sql`
    INSERT INTO responsibility_area (name, unit_code, class_code, geometry_kind, buffer_m, geom)
    VALUES (${a.name}, ${a.unitCode}, ${a.classCode}, ${a.geometryKind}, ${a.bufferM}::float8,
      ${storedGeometry(sql`${JSON.stringify(a.geometry)}::text`, sql`${a.geometryKind}::text`)})
    RETURNING id`, tx)
  return Number(row!.id)
}

/** Writes the new state if it differs from the stored one (version + 1); null when nothing changed. */
export async function updateArea(database: Database, tx: AppDb, id: number, a: AreaWrite): Promise<number | null> {
  const geom = a.geometry
    ? storedGeometry(sql`${JSON.stringify(a.geometry)}::text`, sql`${a.geometryKind}::text`)
    : sql`a.geom`
  const [row] = await database.rows<{ version: number }>(sql`
    WITH n AS (SELECT ${geom} AS g FROM responsibility_area a WHERE a.id = ${id})
    UPDATE responsibility_area a SET name = ${a.name}, unit_code = ${a.unitCode}, class_code = ${a.classCode},
      geometry_kind = ${a.geometryKind}, buffer_m = ${a.bufferM}::float8, geom = n.g,
      version = a.version + 1, updated_at = now()
    FROM n
    WHERE a.id = ${id} AND (a.name <> ${a.name} OR a.unit_code <> ${a.unitCode} OR a.class_code <> ${a.classCode}
      OR a.geometry_kind <> ${a.geometryKind} OR a.buffer_m IS DISTINCT FROM ${a.bufferM}::float8
      OR ST_AsBinary(a.geom) <> ST_AsBinary(n.g))
    RETURNING a.version`, tx)
  return row ? Number(row.version) : null
}

/** Deactivates (DELETE keeps the row); false when there is no such area. */
export async function deactivateArea(database: Database, id: number): Promise<boolean> {
  const [row] = await database.rows<{ id: number }>(sql`
    UPDATE responsibility_area SET active = false,
      version = CASE WHEN active THEN version + 1 ELSE version END,
      updated_at = CASE WHEN active THEN now() ELSE updated_at END
    WHERE id = ${id} RETURNING id`)
  return Boolean(row)
}

export interface AreaImportRow extends AreaWrite {
  index: number
  id: number | null
}

/**
 * Upserts by id in one transaction (the caller's): existing ids are updated when anything differs
 * (and reactivated), unknown ids are inserted with that id, rows without id get fresh ids; the id
 * sequence is moved past every id used. Returns one result per row.
 */
export async function upsertAreas(
  database: Database,
  tx: AppDb,
  rows: AreaImportRow[],
): Promise<{ index: number; id: number; version: number; action: 'created' | 'updated' | 'unchanged' }[]> {
  if (rows.length === 0) return []
  await database.rows(sql`LOCK TABLE responsibility_area IN SHARE ROW EXCLUSIVE MODE`, tx)
  const givenIds = rows.flatMap((r) => (r.id === null ? [] : [r.id]))
  const existing = new Map(
    (await database.rows<{ id: number; version: number }>(sql`
      SELECT id, version FROM responsibility_area
      WHERE id IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(givenIds)}::json))`, tx)
    ).map((r) => [Number(r.id), Number(r.version)]),
  )
  const seq = sql`pg_get_serial_sequence('responsibility_area', 'id')`
  // Move the sequence past every id in use or about to be, so fresh ids never collide with imported ones.
  await database.rows(sql`
    SELECT CASE WHEN t.target > coalesce(pg_sequence_last_value(${seq}::regclass), 0) THEN setval(${seq}, t.target, true) END AS moved
    FROM (SELECT greatest((SELECT coalesce(max(id), 0) FROM responsibility_area), ${givenIds.reduce((m, v) => Math.max(m, v), 0)}::int) AS target) t`, tx)
  const fresh = rows.filter((r) => r.id === null)
  if (fresh.length) {
    const ids = await database.rows<{ id: number }>(sql`SELECT nextval(${seq}) AS id FROM generate_series(1, ${fresh.length}::int) ORDER BY 1`, tx)
    fresh.forEach((r, i) => (r.id = Number(ids[i]!.id)))
  }
  const input = (subset: AreaImportRow[]) =>
    JSON.stringify(subset.map((r) => ({ ...r, geometry: JSON.stringify(r.geometry) })))
  const x = sql`x(index int, id int, name text, "unitCode" text, "classCode" text, "geometryKind" text, "bufferM" float8, geometry text)`

  const toUpdate = rows.filter((r) => existing.has(r.id!))
  const updated = new Map<number, number>()
  if (toUpdate.length) {
    const res = await database.rows<{ id: number; version: number }>(sql`
      WITH i AS (
        SELECT x.*, ${storedGeometry(sql`x.geometry`, sql`x."geometryKind"`)} AS g
        FROM json_to_recordset(${input(toUpdate)}::json) AS ${x}
      )
      UPDATE responsibility_area a SET name = i.name, unit_code = i."unitCode", class_code = i."classCode",
        geometry_kind = i."geometryKind", buffer_m = i."bufferM", geom = i.g, active = true,
        version = a.version + 1, updated_at = now()
      FROM i
      WHERE a.id = i.id AND (a.name <> i.name OR a.unit_code <> i."unitCode" OR a.class_code <> i."classCode"
        OR a.geometry_kind <> i."geometryKind" OR a.buffer_m IS DISTINCT FROM i."bufferM" OR NOT a.active
        OR ST_AsBinary(a.geom) <> ST_AsBinary(i.g))
      RETURNING a.id, a.version`, tx)
    for (const r of res) updated.set(Number(r.id), Number(r.version))
  }
  const toInsert = rows.filter((r) => !existing.has(r.id!))
  if (toInsert.length) {
    await database.rows(sql`
      INSERT INTO responsibility_area (id, name, unit_code, class_code, geometry_kind, buffer_m, geom)
      SELECT x.id, x.name, x."unitCode", x."classCode", x."geometryKind", x."bufferM",
        ${storedGeometry(sql`x.geometry`, sql`x."geometryKind"`)}
      FROM json_to_recordset(${input(toInsert)}::json) AS ${x}
      ORDER BY x.id`, tx)
  }
  return rows.map((r) => {
    const id = r.id!
    if (!existing.has(id)) return { index: r.index, id, version: 1, action: 'created' as const }
    const v = updated.get(id)
    return v === undefined
      ? { index: r.index, id, version: existing.get(id)!, action: 'unchanged' as const }
      : { index: r.index, id, version: v, action: 'updated' as const }
  })
}

/**
 * Active areas as an exchange FeatureCollection that imports back unchanged: id, then only what an
 * import takes (name, unitCode, classCode, bufferM), lossless coordinates, ordered by id.
 */
export async function exportAreas(database: Database): Promise<string> {
  const [row] = await database.rows<{ fc: string }>(sql`
    SELECT ${featureCollectionSql(
      featureSql(
        sql`id`,
        sql`ST_AsGeoJSON(geom, ${EXPORT_DIGITS}::int)::json`,
        sql`json_build_object('name', name, 'unitCode', unit_code, 'classCode', class_code, 'bufferM', buffer_m)`,
      ),
      sql`id`,
    )} AS fc
    FROM responsibility_area WHERE active`)
  return row!.fc
}
