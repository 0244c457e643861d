import { sql, type SQL } from 'drizzle-orm'
import { fromShanghai } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'

/** Patrol routes, track chunks and coverage. All SQL of the patrol feature lives here. */

/** `grid_code LIKE p1% OR …` for an inspector's area prefixes; no prefixes → nothing. */
export function inAreas(column: SQL, prefixes: readonly string[]): SQL {
  if (prefixes.length === 0) return sql`false`
  return sql.join(prefixes.map((p) => sql`${column} LIKE ${`${p}%`}`), sql` OR `)
}

/** Degrees that surely span `m` metres in any direction here (|lat| < 50°): for index (&&) pre-filters. */
const degreesFor = (m: number) => (m / 111_320) * 1.6

export interface RouteSeedOptions {
  /** Street-code prefixes whose grids are small lattice cells: a close loop just inside the edge. */
  urbanPrefixes: readonly string[]
  urbanInsetM: number
  /** Elsewhere grids are large: a coarser loop further in, simplified. */
  ruralInsetM: number
  ruralSimplifyM: number
}

export const DEMO_ROUTE_SEED: RouteSeedOptions = { urbanPrefixes: [], urbanInsetM: 20, ruralInsetM: 80, ruralSimplifyM: 40 }

/**
 * Demo routes: for every current grid without a route, the outer ring of the grid shrunk by the inset (on
 * geography, so the inset is metres), largest part only; grids too small for the inset get none. One statement.
 */
export async function seedPatrolRoutes(database: Database, tx: AppDb | undefined, o: RouteSeedOptions): Promise<number> {
  const urban = inAreas(sql`r.code`, o.urbanPrefixes)
  const rows = await database.rows<{ n: number }>(sql`
    WITH g AS (
      SELECT r.code, (${urban}) AS urban, r.geom FROM region r
      WHERE r.level = 'grid' AND r.valid_to IS NULL
        AND NOT EXISTS (SELECT 1 FROM patrol_route p WHERE p.grid_code = r.code)
    ), shrunk AS (
      SELECT code, urban,
        ST_Buffer(geom::geography, -(CASE WHEN urban THEN ${o.urbanInsetM}::float8 ELSE ${o.ruralInsetM}::float8 END))::geometry AS inner_geom
      FROM g
    ), part AS (
      SELECT DISTINCT ON (s.code) s.code, s.urban, d.geom
      FROM shrunk s, LATERAL ST_Dump(s.inner_geom) d
      WHERE NOT ST_IsEmpty(s.inner_geom)
      ORDER BY s.code, ST_Area(d.geom) DESC
    ), ins AS (
      INSERT INTO patrol_route (grid_code, geom, source)
      SELECT code, ST_SetSRID(CASE WHEN urban THEN ST_ExteriorRing(geom)
        ELSE ST_ExteriorRing(ST_SimplifyPreserveTopology(geom, ${degreesFor(o.ruralSimplifyM) / 1.6}::float8)) END, 4326), 'seed'
      FROM part
      ON CONFLICT (grid_code) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM ins`, tx)
  return Number(rows[0]!.n)
}

/** Sets (inserts or replaces) the planned route of a grid. */
export async function upsertPatrolRoute(database: Database, gridCode: string, line: GeoJSON.LineString, source: 'seed' | 'drawn', tx?: AppDb): Promise<void> {
  await database.rows(sql`
    INSERT INTO patrol_route (grid_code, geom, source)
    VALUES (${gridCode}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(line)}), 4326), ${source})
    ON CONFLICT (grid_code) DO UPDATE SET geom = EXCLUDED.geom, source = EXCLUDED.source, updated_at = now()`, tx)
}

export type GridSummary = {
  code: string
  name: string
  hasRoute: boolean
}

/** The current grids inside the area prefixes, in code order; `containing` first marks the grid at a point. */
export async function gridsInAreas(database: Database, prefixes: readonly string[], at: { lng: number; lat: number } | null) {
  const here = at ? sql`ST_Covers(r.geom, ST_SetSRID(ST_MakePoint(${at.lng}::float8, ${at.lat}::float8), 4326))` : sql`false`
  return database.rows<GridSummary & { here: boolean }>(sql`
    SELECT r.code, r.name, EXISTS (SELECT 1 FROM patrol_route p WHERE p.grid_code = r.code) AS "hasRoute", ${here} AS here
    FROM region r
    WHERE r.level = 'grid' AND r.valid_to IS NULL AND (${inAreas(sql`r.code`, prefixes)})
    ORDER BY r.code`)
}

export interface TrackChunkRow {
  userName: string
  chunkId: string
  patrolDay: string
  startedAt: Date
  endedAt: Date
  receivedPoints: number
  keptPoints: number
  crs: string
  requestHash: string
  /** WGS84 [lng, lat, epoch seconds]. */
  points: readonly (readonly [number, number, number])[]
}

export type StoredChunk = {
  id: number
  requestHash: string
  created: boolean
  patrolDay: string
  keptPoints: number
  lengthM: number
}

/**
 * Stores a chunk once per (user, chunk id): a resent chunk returns the stored row with created = false.
 * One statement (insert-or-read); a lost race on the same key reads the winner's row.
 */
export async function insertTrackChunk(database: Database, c: TrackChunkRow): Promise<StoredChunk> {
  const wkt = `LINESTRING M (${c.points.map(([x, y, m]) => `${x} ${y} ${m}`).join(',')})`
  const read = () => database.rows<StoredChunk>(sql`
    SELECT id::int AS id, request_hash AS "requestHash", false AS created, patrol_day::text AS "patrolDay",
           kept_points AS "keptPoints", ST_Length(geom::geography) AS "lengthM"
    FROM patrol_track WHERE user_name = ${c.userName} AND chunk_id = ${c.chunkId}`)
  const rows = await database.rows<StoredChunk>(sql`
    WITH ins AS (
      INSERT INTO patrol_track (user_name, chunk_id, patrol_day, started_at, ended_at, received_points, kept_points, crs, request_hash, geom)
      VALUES (${c.userName}, ${c.chunkId}, ${c.patrolDay}::date, ${c.startedAt.toISOString()}::timestamptz, ${c.endedAt.toISOString()}::timestamptz,
              ${c.receivedPoints}, ${c.keptPoints}, ${c.crs}, ${c.requestHash}, ST_GeomFromText(${wkt}, 4326))
      ON CONFLICT (user_name, chunk_id) DO NOTHING
      RETURNING id, request_hash, patrol_day, kept_points, geom
    )
    SELECT id::int AS id, request_hash AS "requestHash", true AS created, patrol_day::text AS "patrolDay",
           kept_points AS "keptPoints", ST_Length(geom::geography) AS "lengthM" FROM ins
    UNION ALL
    SELECT id::int, request_hash, false, patrol_day::text, kept_points, ST_Length(geom::geography)
    FROM patrol_track WHERE user_name = ${c.userName} AND chunk_id = ${c.chunkId} AND NOT EXISTS (SELECT 1 FROM ins)`)
  const row = rows[0] ?? (await read())[0]
  if (!row) throw new Error(`track chunk ${c.chunkId} neither inserted nor found`)
  return { ...row, lengthM: Number(row.lengthM) }
}

const DAY_MS = 86_400_000

/**
 * The track chunks recorded (at least partly) on a Shanghai day, as `pt`, with `part` = the 2D line of what
 * was recorded that day: a chunk lying inside the day whole, one crossing midnight cut at the day's bounds by
 * its M (the fixes' epoch seconds; ST_LocateBetween interpolates the crossing point), so 23:55–00:10 counts
 * five minutes' walk for the first day and ten for the next. A chunk spans at most a day (TRACK_CHUNK_MAX_SPAN_MS),
 * so it is filed under the day itself or the one before (`patrol_day` = the day of its first fix).
 */
function tracksOnDay(day: string): { where: SQL; part: SQL; from: string; to: string } {
  const start = fromShanghai(day).getTime()
  const from = new Date(start).toISOString()
  const to = new Date(start + DAY_MS).toISOString()
  return {
    from,
    to,
    where: sql`pt.patrol_day BETWEEN ${day}::date - 1 AND ${day}::date
      AND pt.started_at < ${to}::timestamptz AND pt.ended_at >= ${from}::timestamptz`,
    part: sql`CASE WHEN pt.started_at >= ${from}::timestamptz AND pt.ended_at < ${to}::timestamptz THEN ST_Force2D(pt.geom)
      ELSE ST_Force2D(ST_CollectionExtract(ST_LocateBetween(pt.geom, ${start / 1000}::float8, ${(start + DAY_MS) / 1000}::float8), 2)) END`,
  }
}

export type CoverageRow = {
  gridCode: string
  routeM: number
  coveredM: number
}

/**
 * Metric plane for coverage: UTM zone 50N (114–120° E), which holds Hanjiang (≈119° E) with < 0.1 % scale error.
 * Buffering there is ~2× cheaper than ST_Buffer on geography (which picks a plane and transforms per call).
 */
export const METRIC_SRID = 32650

/**
 * Coverage per grid and day: the length of the planned route within `toleranceM` of any track recorded that
 * day (all inspectors'; of a chunk crossing midnight the part recorded that day, see tracksOnDay), over the
 * route's length. The tracks near the route (GiST pre-filter) are collected, buffered once in metres, then
 * intersected with the route. One statement for all grids asked.
 */
export async function coverageOfGrids(
  database: Database,
  where: { gridCode: string } | { prefixes: readonly string[] },
  day: string,
  toleranceM: number,
): Promise<CoverageRow[]> {
  const filter = 'gridCode' in where ? sql`r.grid_code = ${where.gridCode}` : inAreas(sql`r.grid_code`, where.prefixes)
  const srid = sql.raw(String(METRIC_SRID))
  const onDay = tracksOnDay(day)
  const rows = await database.rows<CoverageRow>(sql`
    SELECT r.grid_code AS "gridCode", ST_Length(r.geom::geography) AS "routeM",
      CASE WHEN t.tracks IS NULL THEN 0 ELSE ST_Length(ST_Intersection(ST_Transform(r.geom, ${srid}),
        ST_Buffer(ST_Transform(t.tracks, ${srid}), ${toleranceM}::float8, 'quad_segs=4'))) END AS "coveredM"
    FROM patrol_route r
    LEFT JOIN LATERAL (
      SELECT ST_Collect(d.part) AS tracks FROM (
        SELECT ${onDay.part} AS part FROM patrol_track pt
        WHERE ${onDay.where} AND pt.geom && ST_Expand(r.geom, ${degreesFor(toleranceM)}::float8)
      ) d WHERE NOT ST_IsEmpty(d.part)
    ) t ON true
    WHERE ${filter}
    ORDER BY r.grid_code`)
  return rows.map((r) => ({ gridCode: r.gridCode, routeM: Number(r.routeM), coveredM: Math.min(Number(r.coveredM), Number(r.routeM)) }))
}

export type GridPatrolRow = {
  code: string
  name: string
  grid: string
  route: string | null
  tracks: { userName: string; startedAt: string; endedAt: string; geometry: string }[]
}

/**
 * A grid's outline, its planned route and the day's track chunks that touch it (GeoJSON texts, 2D): of a chunk
 * crossing midnight the part recorded that day, its times clamped to the day.
 */
export async function gridPatrol(database: Database, code: string, day: string): Promise<GridPatrolRow | null> {
  const onDay = tracksOnDay(day)
  const rows = await database.rows<GridPatrolRow>(sql`
    SELECT r.code, r.name, ST_AsGeoJSON(r.geom, 7) AS grid,
      (SELECT ST_AsGeoJSON(p.geom, 7) FROM patrol_route p WHERE p.grid_code = r.code) AS route,
      COALESCE((SELECT json_agg(json_build_object('userName', t.user_name, 'startedAt', t.started_at, 'endedAt', t.ended_at,
          'geometry', ST_AsGeoJSON(t.part, 7)) ORDER BY t.started_at)
        FROM (
          SELECT pt.user_name, GREATEST(pt.started_at, ${onDay.from}::timestamptz) AS started_at,
            LEAST(pt.ended_at, ${onDay.to}::timestamptz) AS ended_at, ${onDay.part} AS part
          FROM patrol_track pt WHERE ${onDay.where} AND pt.geom && r.geom
        ) t WHERE NOT ST_IsEmpty(t.part) AND ST_Intersects(t.part, r.geom)), '[]'::json) AS tracks
    FROM region r WHERE r.code = ${code} AND r.level = 'grid' AND r.valid_to IS NULL`)
  return rows[0] ?? null
}

export type VerificationRow = {
  code: string
  version: number
  fineClass: string | null
  description: string
  address: string | null
  gridCode: string | null
  unitCode: string | null
  location: string | null
  resolvedAt: string | null
  note: string | null
  photos: { id: string; kind: string }[] | null
}

/** Incidents waiting for verification (state resolved) inside the areas, oldest first, with the resolve note and photos. */
export async function verificationsInAreas(database: Database, prefixes: readonly string[], limit: number): Promise<VerificationRow[]> {
  return database.rows<VerificationRow>(sql`
    SELECT i.code, i.version, i.fine_class AS "fineClass", i.description, i.address, i.grid_code AS "gridCode",
      i.unit_code AS "unitCode", ST_AsGeoJSON(i.location, 7) AS location, i.resolved_at AS "resolvedAt", e.note, e.photos
    FROM incident i
    LEFT JOIN LATERAL (
      SELECT ev.note, ev.photos FROM incident_event ev
      WHERE ev.incident_id = i.id AND ev.action = 'resolve' ORDER BY ev.id DESC LIMIT 1
    ) e ON true
    WHERE i.state = 'resolved' AND (${inAreas(sql`i.grid_code`, prefixes)})
    ORDER BY i.resolved_at NULLS LAST, i.id
    LIMIT ${limit}`)
}

export type PlannedRouteRow = {
  gridCode: string
  source: string
  /** GeoJSON LineString text, simplified. */
  geometry: string
}

/**
 * Planned routes for one map view: those whose box meets `bbox` (GiST) inside the area prefixes, at least
 * `minSize` degrees across (smaller ones would be a dot at this zoom), simplified by `tolerance` degrees, largest
 * first, at most `limit`. Never the whole table.
 */
export async function plannedRoutesInBox(
  database: Database,
  o: { bbox: readonly [number, number, number, number]; prefixes: readonly string[]; minSize: number; tolerance: number; digits: number; limit: number },
): Promise<PlannedRouteRow[]> {
  const [w, s, e, n] = o.bbox
  const size = sql`greatest(ST_XMax(p.geom) - ST_XMin(p.geom), ST_YMax(p.geom) - ST_YMin(p.geom))`
  return database.rows<PlannedRouteRow>(sql`
    SELECT p.grid_code AS "gridCode", p.source,
      ST_AsGeoJSON(ST_SimplifyPreserveTopology(p.geom, ${o.tolerance}::float8), ${o.digits}::int) AS geometry
    FROM patrol_route p
    WHERE p.geom && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)
      AND (${inAreas(sql`p.grid_code`, o.prefixes)})
      AND ${size} >= ${o.minSize}::float8
    ORDER BY ${size} DESC, p.grid_code
    LIMIT ${o.limit}`)
}
