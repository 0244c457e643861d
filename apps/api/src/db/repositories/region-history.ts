import { sql } from 'drizzle-orm'
import type { RegionLevel } from '@hanjiang/shared'
import type { Database } from '../types.ts'
import { EXPORT_DIGITS } from './geometry-checks.ts'
import { featureCollectionSql, featureSql } from './geojson.ts'
import { validAt } from './regions.ts'

/**
 * Every version of a region, oldest first, as a FeatureCollection (text built by PostgreSQL);
 * null when the code never existed.
 */
export async function regionVersions(database: Database, code: string): Promise<string | null> {
  const [row] = await database.rows<{ n: number; fc: string }>(sql`
    SELECT count(*)::int AS n, ${featureCollectionSql(
      featureSql(
        sql`id`,
        sql`ST_AsGeoJSON(geom, 6)::json`,
        sql`json_build_object(
          'id', id, 'code', code, 'version', version, 'name', name, 'level', level, 'parentCode', parent_code,
          'validFrom', valid_from, 'validTo', valid_to, 'current', valid_to IS NULL,
          'areaM2', round(ST_Area(geom::geography)::numeric, 1))`,
      ),
      sql`version`,
    )} AS fc
    FROM region WHERE code = ${code}`)
  return row && Number(row.n) > 0 ? row.fc : null
}

/**
 * Regions (one level or all, current or as of `at`) as an exchange FeatureCollection that imports
 * back unchanged: the feature id is the code (database ids differ between installations), only the
 * identity properties are included, coordinates are printed losslessly with RFC 7946 winding (what
 * an import stores), and the order is stable (district → grid, then code).
 */
export async function exportRegions(database: Database, opts: { level?: RegionLevel; at?: Date }): Promise<string> {
  const [row] = await database.rows<{ fc: string }>(sql`
    SELECT ${featureCollectionSql(
      featureSql(
        sql`code`,
        sql`ST_AsGeoJSON(ST_ForcePolygonCCW(geom), ${EXPORT_DIGITS}::int)::json`,
        sql`json_build_object('code', code, 'name', name, 'level', level, 'parentCode', parent_code)`,
      ),
      sql`array_position(ARRAY['district','street','community','grid'], level), code`,
    )} AS fc
    FROM region WHERE ${validAt(opts.at)} ${opts.level ? sql`AND level = ${opts.level}` : sql``}`)
  return row!.fc
}
