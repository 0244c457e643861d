import { sql, type SQL } from 'drizzle-orm'
import type { RegionLevel } from '@hanjiang/shared'
import type { Database } from '../types.ts'
import { featureCollectionSql, featureSql } from './geojson.ts'

/** Rows of the version valid at `at`; the current version when `at` is omitted. */
export function validAt(at?: Date, alias = 'region'): SQL {
  const t = sql.raw(alias)
  return at
    ? sql`${t}.valid_from <= ${at.toISOString()}::timestamptz AND (${t}.valid_to IS NULL OR ${t}.valid_to > ${at.toISOString()}::timestamptz)`
    : sql`${t}.valid_to IS NULL`
}

/** One level as a GeoJSON FeatureCollection, built by PostgreSQL in one statement (text, not re-parsed). */
export async function regionsFeatureCollection(database: Database, level: RegionLevel, at?: Date): Promise<string> {
  const [row] = await database.rows<{ fc: string }>(sql`
    SELECT ${featureCollectionSql(
      featureSql(sql`id`, sql`ST_AsGeoJSON(geom, 6)::json`, sql`json_build_object('code', code, 'name', name, 'level', level, 'parentCode', parent_code)`),
      sql`code`,
    )} AS fc
    FROM region WHERE level = ${level} AND ${validAt(at)}`)
  return row!.fc
}

/**
 * One label point per region: the pole of inaccessibility reads best for irregular shapes. Each carries its region's
 * box [west, south, east, north]: screens that draw the polygons from vector tiles fit a region with it.
 */
export async function regionLabels(database: Database, level: RegionLevel, at?: Date): Promise<string> {
  const point = level === 'grid' ? sql`ST_PointOnSurface(geom)` : sql`(ST_MaximumInscribedCircle(geom)).center`
  const [row] = await database.rows<{ fc: string }>(sql`
    SELECT ${featureCollectionSql(
      featureSql(
        sql`id`,
        sql`ST_AsGeoJSON(${point}, 6)::json`,
        sql`json_build_object('code', code, 'name', name, 'level', level, 'bbox', json_build_array(
          round(ST_XMin(geom)::numeric, 6), round(ST_YMin(geom)::numeric, 6), round(ST_XMax(geom)::numeric, 6), round(ST_YMax(geom)::numeric, 6)))`,
      ),
      sql`code`,
    )} AS fc
    FROM region WHERE level = ${level} AND ${validAt(at)}`)
  return row!.fc
}

export interface RegionRef {
  code: string
  name: string
  level: RegionLevel
}

export interface RegionDetail extends RegionRef {
  id: number
  parentCode: string | null
  parents: RegionRef[]
  areaM2: number
  childCount: number
  version: number
  validFrom: string
  validTo: string | null
}

/** A region with its parent chain (district first), geodesic area and child count, in one statement. */
export async function regionDetail(database: Database, code: string, at?: Date): Promise<RegionDetail | null> {
  const [row] = await database.rows<Record<string, unknown>>(sql`
    WITH RECURSIVE r AS (
      SELECT id, code, name, level, parent_code, version, valid_from, valid_to, geom
      FROM region WHERE code = ${code} AND ${validAt(at)}
    ), chain AS (
      SELECT p.code, p.name, p.level, p.parent_code, 1 AS depth
      FROM region p JOIN r ON p.code = r.parent_code WHERE ${validAt(at, 'p')}
      UNION ALL
      SELECT p.code, p.name, p.level, p.parent_code, chain.depth + 1
      FROM region p JOIN chain ON p.code = chain.parent_code WHERE ${validAt(at, 'p')}
    )
    SELECT r.id, r.code, r.name, r.level, r.parent_code AS "parentCode", r.version,
      to_json(r.valid_from) #>> '{}' AS "validFrom", to_json(r.valid_to) #>> '{}' AS "validTo",
      ST_Area(r.geom::geography) AS "areaM2",
      (SELECT count(*) FROM region c WHERE c.parent_code = r.code AND ${validAt(at, 'c')})::int AS "childCount",
      coalesce((SELECT json_agg(json_build_object('code', code, 'name', name, 'level', level) ORDER BY depth DESC) FROM chain), '[]'::json) AS parents
    FROM r`)
  if (!row) return null
  return {
    ...(row as unknown as RegionDetail),
    areaM2: Number(row.areaM2),
    parents: typeof row.parents === 'string' ? JSON.parse(row.parents) : (row.parents as RegionRef[]),
  }
}

export async function countRegions(database: Database): Promise<Record<RegionLevel, number>> {
  const rows = await database.rows<{ level: RegionLevel; n: number }>(
    sql`SELECT level, count(*)::int AS n FROM region WHERE valid_to IS NULL GROUP BY level`,
  )
  const out = { district: 0, street: 0, community: 0, grid: 0 }
  for (const r of rows) out[r.level] = Number(r.n)
  return out
}

/**
 * Changes whenever any region row is inserted or closed (every write versions), so it can key
 * caches and ETags of the map layers. One cheap aggregate.
 */
export async function regionsStamp(database: Database): Promise<string> {
  const [row] = await database.rows<{ stamp: string }>(sql`
    SELECT count(*) || '.' || coalesce(max(id), 0) || '.' || coalesce(extract(epoch FROM max(valid_to))::text, '0') AS stamp
    FROM region`)
  return row!.stamp
}
