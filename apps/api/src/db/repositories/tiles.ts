import { sql, type SQL } from 'drizzle-orm'
import { TILE_BUFFER, TILE_CLUSTER_CELLS, TILE_EXTENT, TILE_MAX_POINTS, tileBounds, tilePoints, type TileAddress, type TileLayer } from '@hanjiang/shared'
import type { Database } from '../types.ts'
import { isOpen, where, type MapFilter } from './incident-map.ts'
import { inAreas } from './patrol.ts'
import { validAt } from './regions.ts'

/**
 * Vector tiles' reads. Each layer is ONE source query — the features meeting the tile (GiST on the box plus the margin),
 * simplified to a tile unit, with their properties — wrapped per engine: PostGIS encodes the tile itself
 * (ST_AsMVTGeom + ST_AsMVT over ST_TileEnvelope); the embedded engine's PostGIS has no protobuf, so there the same
 * query answers GeoJSON geometries for services/tiles to cut and encode. Same rows, same properties on both engines.
 */

export interface TileQuery extends TileAddress {
  layer: TileLayer
  /** grids: the version valid at this time (else the current one). */
  asOf?: Date
  /** incidents: the map's filters and the caller's scope (bbox is the tile's). */
  incidents?: Omit<MapFilter, 'bbox'>
  /** routes: the caller's patrol areas (region-code prefixes). */
  routePrefixes?: readonly string[]
}

/** A feature as the embedded engine answers it: GeoJSON geometry text plus properties (nulls left out). */
export interface TileFeatureRow {
  fid: number
  geometry: string
  properties: Record<string, string | number | boolean>
}

const REGION_LEVEL: Record<'streets' | 'communities' | 'grids', string> = { streets: 'street', communities: 'community', grids: 'grid' }

const f8 = (x: number): SQL => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`)
  return sql.raw(`${x}::float8`)
}

/** Degrees per tile unit at zoom z (longitude; latitude is finer here, so one tolerance serves both). */
const unitDegrees = (z: number) => 360 / (2 ** z * TILE_EXTENT)

/** Leaves out what would be under two tile units across: a speck, not a shape, at this zoom. */
const bigEnough = (g: SQL, z: number) => sql`greatest(ST_XMax(${g}) - ST_XMin(${g}), ST_YMax(${g}) - ST_YMin(${g})) >= ${f8(2 * unitDegrees(z))}`

/**
 * Cut to the tile's box with its margin first (a street's thousand-vertex outline meets a zoomed-in tile with a few),
 * then simplified to one tile unit: the rest of the outline is never simplified, sent or projected.
 */
const simplified = (g: SQL, z: number, box: SQL) => sql`ST_SimplifyPreserveTopology(ST_ClipByBox2D(${g}, ${box}), ${f8(unitDegrees(z))})`

/**
 * The layer's source rows: `fid` (integer feature id), `geom` (wrapped by `geom()` — the engine's encoding of a
 * WGS84 geometry) and the properties as the other columns.
 */
function source(q: TileQuery, geom: (g: SQL) => SQL): SQL {
  const [w, s, e, n] = tileBounds(q, TILE_BUFFER)
  const box = sql`ST_MakeEnvelope(${f8(w)}, ${f8(s)}, ${f8(e)}, ${f8(n)}, 4326)`
  switch (q.layer) {
    case 'streets':
    case 'communities':
    case 'grids':
      return sql`
        SELECT r.id AS fid, ${geom(simplified(sql`r.geom`, q.z, box))} AS geom, r.code, r.name, r.level, r.parent_code AS "parentCode"
        FROM region r
        WHERE r.level = ${REGION_LEVEL[q.layer]} AND ${validAt(q.layer === 'grids' ? q.asOf : undefined, 'r')}
          AND r.geom && ${box} AND ${bigEnough(sql`r.geom`, q.z)}`
    case 'areas':
      return sql`
        SELECT a.id AS fid, ${geom(simplified(sql`a.geom`, q.z, box))} AS geom, a.id, a.name, a.unit_code AS "unitCode",
          a.class_code AS "classCode", a.geometry_kind AS "geometryKind", a.buffer_m AS "bufferM"
        FROM responsibility_area a
        WHERE a.active AND a.geom && ${box} AND ${bigEnough(sql`a.geom`, q.z)}`
    case 'routes':
      return sql`
        SELECT p.id AS fid, ${geom(simplified(sql`p.geom`, q.z, box))} AS geom, p.grid_code AS "gridCode", p.source
        FROM patrol_route p
        WHERE p.geom && ${box} AND (${inAreas(sql`p.grid_code`, q.routePrefixes ?? [])}) AND ${bigEnough(sql`p.geom`, q.z)}`
    case 'incidents':
      return tilePoints(q.z) ? incidentPoints(q, geom) : incidentCells(q, geom)
  }
}

/** Street zoom on: single incidents (newest first, capped), the map's point properties (label empty, as the JSON map's). */
function incidentPoints(q: TileQuery, geom: (g: SQL) => SQL): SQL {
  const filter: MapFilter = { ...q.incidents, bbox: tileBounds(q, TILE_BUFFER) }
  return sql`
    SELECT i.id AS fid, ${geom(sql`i.location`)} AS geom, 'point' AS kind, i.code AS id, 1 AS count, '' AS label, i.state, i.track,
      (i.track = 'urgent' AND ${isOpen})::int AS urgent, (i.overdue_at IS NOT NULL AND ${isOpen})::int AS overdue,
      i.fine_class AS "fineClass", i.unit_code AS "unitCode"
    FROM incident i
    WHERE ${where(filter)}
    ORDER BY i.id DESC
    LIMIT ${TILE_MAX_POINTS}`
}

/**
 * `urgent` and `overdue` are counts of open incidents on both kinds of feature (a point's are 0 or 1), so each
 * property has one type in every tile.
 *
 * Below street zoom: the tile's incidents counted in TILE_CLUSTER_CELLS² cells (Web Mercator, so cells are square on
 * screen) in one aggregate, each at its incidents' mean position; a cell holding one incident sends it as a point.
 * Only the tile's own box (no margin): every incident is counted in exactly one tile.
 */
function incidentCells(q: TileQuery, geom: (g: SQL) => SQL): SQL {
  const bbox = tileBounds(q)
  const [w, s, e, n] = bbox
  const filter: MapFilter = { ...q.incidents, bbox }
  const merc = (lat: SQL) => sql`ln(tan(pi() / 4 + radians(${lat}) / 2))`
  const cells = TILE_CLUSTER_CELLS
  const one = (col: string) => sql.raw(`CASE WHEN count(*) = 1 THEN min(${col}) END`)
  return sql`
    SELECT min(gy) * ${cells} + min(gx) + 1 AS fid, ${geom(sql`ST_SetSRID(ST_MakePoint(avg(x), avg(y)), 4326)`)} AS geom,
      CASE WHEN count(*) = 1 THEN 'point' ELSE 'cluster' END AS kind,
      CASE WHEN count(*) = 1 THEN min(code) ELSE ${`${q.z}/${q.x}/${q.y}/`}::text || min(gx)::text || '/' || min(gy)::text END AS id,
      count(*)::int AS count,
      CASE WHEN count(*) = 1 THEN '' WHEN count(*) < 1000 THEN count(*)::text
        WHEN count(*) < 10000 AND count(*) / 100 % 10 > 0 THEN (count(*) / 1000)::text || '.' || (count(*) / 100 % 10)::text || 'k'
        ELSE (count(*) / 1000)::text || 'k' END AS label,
      ${one('state')} AS state, ${one('track')} AS track,
      (count(*) FILTER (WHERE urgent))::int AS urgent, (count(*) FILTER (WHERE overdue))::int AS overdue,
      ${one('fine_class')} AS "fineClass", ${one('unit_code')} AS "unitCode"
    FROM (
      SELECT ST_X(i.location) AS x, ST_Y(i.location) AS y, i.code, i.state, i.track, i.fine_class, i.unit_code,
        (i.track = 'urgent' AND ${isOpen}) AS urgent, (i.overdue_at IS NOT NULL AND ${isOpen}) AS overdue,
        least(${cells - 1}, greatest(0, floor((ST_X(i.location) - ${f8(w)}) / ${f8((e - w) / cells)})))::int AS gx,
        least(${cells - 1}, greatest(0, floor((${merc(f8(n))} - ${merc(sql`ST_Y(i.location)`)}) / ${f8(((merc0(n) - merc0(s)) / cells))})))::int AS gy
      FROM incident i
      WHERE ${where(filter)} AND ST_X(i.location) < ${f8(e)} AND ST_Y(i.location) >= ${f8(s)}
      OFFSET 0
    ) c
    GROUP BY gx, gy`
}

function merc0(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 180 / 2))
}

/** PostGIS: the tile as MVT bytes, built by the database in one statement (empty tile → zero bytes). */
export async function mvtTile(database: Database, q: TileQuery): Promise<Uint8Array> {
  const env = sql`ST_TileEnvelope(${q.z}::int, ${q.x}::int, ${q.y}::int)`
  const geom = (g: SQL) => sql`ST_AsMVTGeom(ST_Transform(${g}, 3857), ${env}, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true)`
  const [row] = await database.rows<{ tile: Uint8Array | null }>(sql`
    SELECT ST_AsMVT(t, ${q.layer}::text, ${TILE_EXTENT}::int, 'geom', 'fid') AS tile
    FROM (${source(q, geom)}) t WHERE t.geom IS NOT NULL`)
  return row?.tile ? new Uint8Array(row.tile) : new Uint8Array(0)
}

/** Embedded engine: the same rows with GeoJSON geometry, for services/tiles to cut to the tile and encode. */
export async function tileFeatures(database: Database, q: TileQuery): Promise<TileFeatureRow[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT * FROM (${source(q, (g) => sql`ST_AsGeoJSON(${g}, 7)`)}) t WHERE t.geom IS NOT NULL`)
  return rows.map(({ fid, geom, ...rest }) => {
    const properties: Record<string, string | number | boolean> = {}
    for (const [k, v] of Object.entries(rest)) {
      if (v === null || v === undefined) continue
      properties[k] = typeof v === 'bigint' ? Number(v) : (v as string | number | boolean)
    }
    return { fid: Number(fid), geometry: String(geom), properties }
  })
}

/** The layer's data version (migration 0031), for ETags. */
export async function layerVersion(database: Database, layer: TileLayer): Promise<number> {
  const [row] = await database.rows<{ version: string | number }>(sql`SELECT version FROM layer_version WHERE layer = ${layer}`)
  return Number(row?.version ?? 0)
}
