import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'
import { difference, intersection, OVERLAY_GRID_DEG, parseGeoJson, REPORT_DIGITS, significantParts, SpatialCheckFailed, unionAgg } from './geometry-checks.ts'

/**
 * The checks and the impact of a change set, run INSIDE the transaction that has just written it
 * (services/region-changes/stage.ts): the old versions are the rows closed at the write's instant `ts`,
 * the new ones the current rows. A preview rolls that transaction back; an approval commits it.
 */

const codesJson = (codes: string[]) => sql`(SELECT value FROM json_array_elements_text(${JSON.stringify(codes)}::json))`

/** Closes the current versions of `codes` at `ts`; answers the codes closed with the version each had. */
export async function retireRegions(database: Database, tx: AppDb, codes: string[], ts: string): Promise<{ code: string; version: number }[]> {
  if (!codes.length) return []
  const rows = await database.rows<{ code: string; version: number }>(sql`
    UPDATE region SET valid_to = ${ts}::timestamptz
    WHERE valid_to IS NULL AND code IN ${codesJson(codes)} RETURNING code, version`, tx)
  return rows.map((r) => ({ code: r.code, version: Number(r.version) }))
}

/** After retiring: current children left under a retired region, and active units whose territory it was. */
export async function retireBlockers(database: Database, tx: AppDb, codes: string[]): Promise<{ code: string; children: string[]; units: string[] }[]> {
  if (!codes.length) return []
  const rows = await database.rows<{ code: string; children: unknown; units: unknown }>(sql`
    SELECT x.code,
      coalesce((SELECT json_agg(c.code ORDER BY c.code) FROM region c WHERE c.parent_code = x.code AND c.valid_to IS NULL), '[]'::json) AS children,
      coalesce((SELECT json_agg(u.code ORDER BY u.code) FROM unit u WHERE u.region_code = x.code AND u.active), '[]'::json) AS units
    FROM ${codesJson(codes)} AS x(code)`, tx)
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[]
  return rows
    .map((r) => ({ code: r.code, children: parse(r.children), units: parse(r.units) }))
    .filter((r) => r.children.length || r.units.length)
}

export interface CoverageGapIssue {
  /** The changed or retired region whose old area is no longer covered. */
  regionCode: string
  parentCode: string
  geometry: GeoJSON.MultiPolygon
  areaM2: number
}

/**
 * Gaps the write left in a parent: the part of each changed/retired region's OLD geometry (inside its
 * parent's current geometry) that no current sibling covers now. A gap that existed before is not
 * reported — it was never inside a child. Only parts beyond SPATIAL_TOLERANCE count.
 */
export async function coverageGapsLeft(database: Database, tx: AppDb, codes: string[], ts: string): Promise<CoverageGapIssue[]> {
  if (!codes.length) return []
  const rows = await database.rows<{ code: string; parentCode: string; geojson: string | null; areaM2: number | null; sentinel: boolean }>(sql`
    WITH old AS (
      SELECT code, parent_code, geom FROM region
      WHERE valid_to = ${ts}::timestamptz AND parent_code IS NOT NULL AND code IN ${codesJson(codes)}
    ),
    -- Per old region: its part inside the parent, and the union of only the current siblings touching it
    -- (a handful, not the whole parent's children: re-tiling 50 grids stays 50 small overlays).
    cut AS (
      SELECT old.code, old.parent_code, ${intersection(sql`old.geom`, sql`p.geom`)} AS inside,
        (SELECT ${unionAgg(sql`c.geom`)} FROM region c
         WHERE c.parent_code = old.parent_code AND c.valid_to IS NULL AND c.geom && old.geom) AS kids
      FROM old JOIN region p ON p.code = old.parent_code AND p.valid_to IS NULL
    ),
    found AS (
      SELECT cut.code, cut.parent_code AS "parentCode", s.geojson, s.area_m2 AS "areaM2"
      FROM cut
      CROSS JOIN LATERAL ${significantParts(sql`CASE WHEN cut.kids IS NULL THEN cut.inside ELSE ${difference(sql`cut.inside`, sql`cut.kids`)} END`)} s
      WHERE s.geojson IS NOT NULL
    )
    SELECT *, false AS sentinel FROM (SELECT * FROM found ORDER BY code) f
    UNION ALL SELECT '', '', NULL, NULL, true`, tx)
  if (!rows.at(-1)?.sentinel) throw new SpatialCheckFailed('coverage gaps left in the parent')
  return rows.slice(0, -1).map((r) => ({
    regionCode: r.code,
    parentCode: r.parentCode,
    geometry: parseGeoJson<GeoJSON.MultiPolygon>(r.geojson)!,
    areaM2: Math.round(Number(r.areaM2) * 10) / 10,
  }))
}

export interface ImpactItem {
  index: number
  op: 'create' | 'update' | 'retire'
  code: string
}

export interface RegionImpact {
  index: number
  op: 'create' | 'update' | 'retire'
  code: string
  name: string | null
  level: string | null
  areaBeforeM2: number | null
  areaAfterM2: number | null
}

export interface IncidentPlace {
  streetCode: string | null
  communityCode: string | null
  gridCode: string | null
  unitCode: string | null
}

export interface IncidentImpact {
  code: string
  state: string
  from: IncidentPlace
  to: IncidentPlace & { gridIndex: number | null }
}

export interface Impact {
  regions: RegionImpact[]
  incidents: { count: number; items: IncidentImpact[] }
  routes: { gridCode: string; lengthM: number; outsideM: number; retired: boolean }[]
  areas: { id: number; name: string; unitCode: string; changedM2: number }[]
}

/** Open states: those of the incident_open_location_gist partial index (migration 0012). */
const OPEN_STATES = sql`('reported','registered','dispatched','accepted','on_site','resolved','returned')`
const MAX_LISTED_INCIDENTS = 500
const GRID = sql`${OVERLAY_GRID_DEG}::float8`

/**
 * What the written change set does, in ONE statement: area before/after per item; open incidents in
 * the old or new area of a changed region whose grid/community/street (and territorial unit) the
 * current lookup would now answer differently; planned patrol routes leaving their grid; responsibility
 * areas overlapping the area that changed hands.
 */
export async function changeImpact(database: Database, tx: AppDb, items: ImpactItem[], ts: string): Promise<Impact> {
  const [row] = await database.rows<{ regions: unknown; incidents: unknown; incidentCount: number; routes: unknown; areas: unknown }>(sql`
    WITH ch AS (
      SELECT x.index, x.op, x.code FROM json_to_recordset(${JSON.stringify(items)}::json) AS x(index int, op text, code text)
    ),
    pair AS (
      SELECT ch.index, ch.op, ch.code,
        (SELECT r.geom FROM region r WHERE r.code = ch.code AND r.valid_to = ${ts}::timestamptz) AS before_geom,
        a.geom AS after_geom, a.name, a.level, a.valid_from = ${ts}::timestamptz AS written
      FROM ch LEFT JOIN region a ON a.code = ch.code AND a.valid_to IS NULL
    ),
    changed AS (
      SELECT * FROM pair WHERE before_geom IS NULL OR after_geom IS NULL OR written
    ),
    zone AS (
      SELECT before_geom AS geom FROM changed WHERE before_geom IS NOT NULL
      UNION ALL SELECT after_geom FROM changed WHERE after_geom IS NOT NULL AND written
    ),
    cand AS (
      SELECT DISTINCT i.id, i.code, i.state, i.street_code, i.community_code, i.grid_code, i.unit_code, i.location
      FROM incident i JOIN zone z ON i.location && z.geom AND ST_Covers(z.geom, i.location)
      WHERE i.state IN ${OPEN_STATES}
    ),
    -- The lookup as assignment does it (region_piece: regions cut small, GiST-indexed, kept by triggers, so it
    -- already holds the versions written in this transaction): one probe per candidate for all three levels.
    looked AS (
      SELECT cand.*, lk.new_grid, lk.new_community, lk.new_street
      FROM cand CROSS JOIN LATERAL (
        SELECT min(pc.code) FILTER (WHERE pc.level = 'grid') AS new_grid,
          min(pc.code) FILTER (WHERE pc.level = 'community') AS new_community,
          min(pc.code) FILTER (WHERE pc.level = 'street') AS new_street
        FROM region_piece pc
        WHERE pc.geom && cand.location AND pc.valid_to IS NULL AND ST_Covers(pc.geom, cand.location)
      ) lk
    ),
    moved AS (
      SELECT l.*,
        CASE WHEN ou.code IS NOT NULL AND l.new_street IS DISTINCT FROM l.street_code
          THEN (SELECT nu.code FROM unit nu WHERE nu.kind = 'street_office' AND nu.active AND nu.region_code = l.new_street ORDER BY nu.code LIMIT 1)
          ELSE l.unit_code END AS new_unit
      FROM looked l
      LEFT JOIN unit ou ON ou.code = l.unit_code AND ou.kind = 'street_office' AND ou.region_code = l.street_code
      WHERE l.new_grid IS DISTINCT FROM l.grid_code OR l.new_community IS DISTINCT FROM l.community_code
        OR l.new_street IS DISTINCT FROM l.street_code
    ),
    listed AS (SELECT * FROM moved ORDER BY code LIMIT ${MAX_LISTED_INCIDENTS}),
    routes AS (
      SELECT pr.grid_code, ST_Length(pr.geom::geography) AS length_m,
        CASE WHEN p.after_geom IS NULL THEN ST_Length(pr.geom::geography)
             ELSE ST_Length(ST_Difference(pr.geom, p.after_geom)::geography) END AS outside_m,
        p.after_geom IS NULL AS retired
      FROM patrol_route pr JOIN changed p ON p.code = pr.grid_code
    ),
    ra AS (
      SELECT a.id, a.name, a.unit_code,
        CASE WHEN a.geometry_kind = 'line' THEN ST_Buffer(a.geom::geography, a.buffer_m)::geometry ELSE a.geom END AS geom
      FROM responsibility_area a
      -- Buffers are at most 5 km (migration 0002): 0.05° around a zone cannot miss one.
      WHERE a.active AND EXISTS (SELECT 1 FROM zone z WHERE a.geom && ST_Expand(z.geom, 0.05))
    ),
    areas AS (
      SELECT ra.id, ra.name, ra.unit_code, sum(ST_Area(ST_Intersection(ra.geom,
          CASE WHEN c.before_geom IS NULL THEN c.after_geom WHEN c.after_geom IS NULL THEN c.before_geom
               ELSE ST_SymDifference(c.before_geom, c.after_geom, ${GRID}) END, ${GRID})::geography)) AS changed_m2
      FROM ra JOIN changed c ON ra.geom && c.before_geom OR ra.geom && c.after_geom
      GROUP BY ra.id, ra.name, ra.unit_code
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_object('index', p.index, 'op', p.op, 'code', p.code, 'name', p.name, 'level', p.level,
          'areaBeforeM2', round(ST_Area(p.before_geom::geography)::numeric, 1),
          'areaAfterM2', round(ST_Area(p.after_geom::geography)::numeric, 1)) ORDER BY p.index), '[]'::json) FROM pair p) AS regions,
      (SELECT count(*)::int FROM moved) AS "incidentCount",
      (SELECT coalesce(json_agg(json_build_object('code', code, 'state', state,
          'from', json_build_object('streetCode', street_code, 'communityCode', community_code, 'gridCode', grid_code, 'unitCode', unit_code),
          'to', json_build_object('streetCode', new_street, 'communityCode', new_community, 'gridCode', new_grid,
            'gridIndex', (SELECT ch.index FROM ch WHERE ch.code = new_grid AND ch.op = 'create'), 'unitCode', new_unit)) ORDER BY code), '[]'::json) FROM listed) AS incidents,
      (SELECT coalesce(json_agg(json_build_object('gridCode', grid_code, 'lengthM', round(length_m::numeric, 1),
          'outsideM', round(outside_m::numeric, 1), 'retired', retired) ORDER BY grid_code), '[]'::json) FROM routes WHERE outside_m > 1 OR retired) AS routes,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'unitCode', unit_code, 'changedM2', round(changed_m2::numeric, 1)) ORDER BY id), '[]'::json)
        FROM areas WHERE changed_m2 > 1) AS areas`, tx)
  if (!row) throw new SpatialCheckFailed('impact preview')
  const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T
  const num = (v: unknown) => (v == null ? null : Number(v))
  return {
    regions: parse<RegionImpact[]>(row.regions).map((r) => ({ ...r, areaBeforeM2: num(r.areaBeforeM2), areaAfterM2: num(r.areaAfterM2) })),
    incidents: { count: Number(row.incidentCount), items: parse<IncidentImpact[]>(row.incidents) },
    routes: parse<Impact['routes']>(row.routes).map((r) => ({ ...r, lengthM: Number(r.lengthM), outsideM: Number(r.outsideM) })),
    areas: parse<Impact['areas']>(row.areas).map((a) => ({ ...a, id: Number(a.id), changedM2: Number(a.changedM2) })),
  }
}

export interface RegionDiffRow {
  code: string
  from: { version: number; validFrom: string; validTo: string | null; areaM2: number }
  to: { version: number; validFrom: string; validTo: string | null; areaM2: number }
  added: { geometry: GeoJSON.MultiPolygon | null; areaM2: number }
  removed: { geometry: GeoJSON.MultiPolygon | null; areaM2: number }
}

/** What changed between two versions of a region: the area added and the area removed (any size). */
export async function regionDiff(database: Database, code: string, from: number, to: number): Promise<RegionDiffRow | null> {
  const [row] = await database.rows<Record<string, unknown>>(sql`
    WITH a AS (SELECT * FROM region WHERE code = ${code} AND version = ${from}),
         b AS (SELECT * FROM region WHERE code = ${code} AND version = ${to}),
         d AS (SELECT ST_CollectionExtract(${difference(sql`b.geom`, sql`a.geom`)}, 3) AS added,
                      ST_CollectionExtract(${difference(sql`a.geom`, sql`b.geom`)}, 3) AS removed FROM a, b)
    SELECT
      json_build_object('version', a.version, 'validFrom', a.valid_from, 'validTo', a.valid_to, 'areaM2', round(ST_Area(a.geom::geography)::numeric, 1)) AS "from",
      json_build_object('version', b.version, 'validFrom', b.valid_from, 'validTo', b.valid_to, 'areaM2', round(ST_Area(b.geom::geography)::numeric, 1)) AS "to",
      CASE WHEN ST_IsEmpty(d.added) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(d.added), ${REPORT_DIGITS}::int) END AS added,
      round(ST_Area(d.added::geography)::numeric, 1) AS "addedM2",
      CASE WHEN ST_IsEmpty(d.removed) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(d.removed), ${REPORT_DIGITS}::int) END AS removed,
      round(ST_Area(d.removed::geography)::numeric, 1) AS "removedM2"
    FROM a, b, d`)
  if (!row) return null
  const parse = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T
  const version = (v: unknown) => {
    const x = parse<{ version: number; validFrom: string; validTo: string | null; areaM2: number }>(v)
    return { ...x, version: Number(x.version), areaM2: Number(x.areaM2) }
  }
  return {
    code,
    from: version(row.from),
    to: version(row.to),
    added: { geometry: parseGeoJson<GeoJSON.MultiPolygon>(row.added as string | null), areaM2: Number(row.addedM2) },
    removed: { geometry: parseGeoJson<GeoJSON.MultiPolygon>(row.removed as string | null), areaM2: Number(row.removedM2) },
  }
}
