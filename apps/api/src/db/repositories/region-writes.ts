import { sql } from 'drizzle-orm'
import type { RegionLevel } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/**
 * Writes to the versioned region table. Every write runs in one transaction that first takes the
 * region-tree lock (writes are rare admin edits; serialising them makes the sibling/parent checks
 * race-free), then stages the proposed rows in a temp table, closes the current versions it replaces
 * and inserts the new ones all valid from one instant, then checks the resulting tree
 * (region-checks.ts) — any problem rolls the whole transaction back.
 */

const REGION_TREE_LOCK = sql`hashtext('hanjiang.region_tree')`

/**
 * Takes the region-tree lock and returns the instant the write's versions switch at: after the lock,
 * so it is later than every version a previous writer committed (clock_timestamp, not the
 * transaction's start time, and never before the current versions of `codes` began).
 */
export async function lockRegionTree(database: Database, tx: AppDb, codes: string[]): Promise<string> {
  await database.rows(sql`SELECT pg_advisory_xact_lock(${REGION_TREE_LOCK})::text AS locked`, tx)
  const [row] = await database.rows<{ ts: string }>(sql`
    SELECT to_json(greatest(clock_timestamp(),
      (SELECT max(valid_from) + interval '1 microsecond' FROM region
       WHERE code IN (SELECT value FROM json_array_elements_text(${JSON.stringify(codes)}::json)))
    )) #>> '{}' AS ts`, tx)
  return row!.ts
}

export interface CurrentRegion {
  id: number
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
  version: number
}

/** Current versions of the given codes. */
export async function currentRegions(database: Database, codes: string[], tx?: AppDb): Promise<Map<string, CurrentRegion>> {
  if (codes.length === 0) return new Map()
  const rows = await database.rows<CurrentRegion & Record<string, unknown>>(sql`
    SELECT id, code, name, level, parent_code AS "parentCode", version
    FROM region
    WHERE valid_to IS NULL AND code IN (SELECT value FROM json_array_elements_text(${JSON.stringify([...new Set(codes)])}::json))`, tx)
  return new Map(rows.map((r) => [r.code, { ...r, id: Number(r.id), version: Number(r.version) }]))
}

export interface StagedRegion {
  index: number
  code: string
  /** null: keep the current name. */
  name: string | null
  level: RegionLevel | null
  parentCode: string | null
  /** null: keep the current geometry. */
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon | null
}

/**
 * Stages proposed rows in `region_write` (dropped at commit or rollback). Geometries are stored as
 * they will be: 2D, SRID 4326, MultiPolygon, exterior rings counter-clockwise and holes clockwise
 * (RFC 7946; wrong winding is accepted and normalised, never refused).
 */
export async function stageRegions(database: Database, tx: AppDb, rows: StagedRegion[]): Promise<void> {
  await database.rows(sql`
    CREATE TEMP TABLE region_write (
      idx int NOT NULL, code text NOT NULL, name text, level text, parent_code text,
      geom geometry(MultiPolygon, 4326),
      existed boolean NOT NULL DEFAULT false, name_changed boolean NOT NULL DEFAULT true,
      geometry_changed boolean NOT NULL DEFAULT true
    ) ON COMMIT DROP`, tx)
  await database.rows(sql`
    INSERT INTO region_write (idx, code, name, level, parent_code, geom)
    SELECT x.index, x.code, x.name, x.level, x."parentCode",
      CASE WHEN x.geometry IS NULL THEN NULL
           ELSE ST_ForcePolygonCCW(ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326)))) END
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS x(index int, code text, name text, level text, "parentCode" text, geometry json)`, tx)
}

export interface WrittenRegion {
  index: number
  id: number
  code: string
  version: number
  action: 'created' | 'updated' | 'unchanged'
  geometryChanged: boolean
}

/**
 * Applies the staged rows at instant `ts`: rows equal to the current version (same name, same
 * geometry bytes) are left alone; the others close the current version (valid_to = ts) and insert
 * version max+1 valid from ts. A name-only change is versioned too (history keeps old names).
 */
export async function applyStagedRegions(database: Database, tx: AppDb, ts: string): Promise<WrittenRegion[]> {
  await database.rows(sql`
    UPDATE region_write w SET
      existed = true,
      name = coalesce(w.name, r.name),
      level = r.level,
      parent_code = r.parent_code,
      geom = coalesce(w.geom, r.geom),
      name_changed = (w.name IS NOT NULL AND w.name <> r.name),
      geometry_changed = (w.geom IS NOT NULL AND ST_AsBinary(w.geom) <> ST_AsBinary(r.geom))
    FROM region r
    WHERE r.code = w.code AND r.valid_to IS NULL`, tx)
  const unchanged = await database.rows<{ index: number; id: number; code: string; version: number }>(sql`
    SELECT w.idx AS index, r.id, r.code, r.version
    FROM region_write w JOIN region r ON r.code = w.code AND r.valid_to IS NULL
    WHERE w.existed AND NOT w.name_changed AND NOT w.geometry_changed`, tx)
  await database.rows(sql`DELETE FROM region_write WHERE existed AND NOT name_changed AND NOT geometry_changed`, tx)
  await database.rows(sql`
    UPDATE region r SET valid_to = ${ts}::timestamptz
    FROM region_write w WHERE r.code = w.code AND r.valid_to IS NULL`, tx)
  const written = await database.rows<{ index: number; id: number; code: string; version: number; existed: boolean; geometryChanged: boolean }>(sql`
    WITH ins AS (
      INSERT INTO region (code, name, level, parent_code, version, valid_from, geom)
      SELECT w.code, w.name, w.level, w.parent_code,
        coalesce((SELECT max(x.version) FROM region x WHERE x.code = w.code), 0) + 1, ${ts}::timestamptz, w.geom
      FROM region_write w
      RETURNING id, code, version
    )
    SELECT w.idx AS index, ins.id, ins.code, ins.version, w.existed, w.geometry_changed AS "geometryChanged"
    FROM ins JOIN region_write w ON w.code = ins.code`, tx)
  return [
    ...unchanged.map((u) => ({ index: Number(u.index), id: Number(u.id), code: u.code, version: Number(u.version), action: 'unchanged' as const, geometryChanged: false })),
    ...written.map((w) => ({
      index: Number(w.index), id: Number(w.id), code: w.code, version: Number(w.version),
      action: w.existed ? ('updated' as const) : ('created' as const), geometryChanged: w.geometryChanged,
    })),
  ].sort((a, b) => a.index - b.index)
}

/** Current children of a region (codes), and active units whose territory it is (street offices). */
export async function regionDependents(database: Database, code: string, tx?: AppDb): Promise<{ children: string[]; units: string[] }> {
  const [row] = await database.rows<{ children: unknown; units: unknown }>(sql`
    SELECT
      coalesce((SELECT json_agg(code ORDER BY code) FROM region WHERE parent_code = ${code} AND valid_to IS NULL), '[]'::json) AS children,
      coalesce((SELECT json_agg(code ORDER BY code) FROM unit WHERE region_code = ${code} AND active), '[]'::json) AS units`, tx)
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[]
  return { children: parse(row?.children), units: parse(row?.units) }
}

/** Closes the current version of a region at `ts` (deletion keeps history: `at` lookups still find it). */
export async function closeRegion(database: Database, tx: AppDb, code: string, ts: string): Promise<{ id: number; version: number } | null> {
  const [row] = await database.rows<{ id: number; version: number }>(sql`
    UPDATE region SET valid_to = ${ts}::timestamptz WHERE code = ${code} AND valid_to IS NULL RETURNING id, version`, tx)
  return row ? { id: Number(row.id), version: Number(row.version) } : null
}
