import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** A region found by name or code, with a point inside it to put the map on. */
export interface RegionPlaceRow {
  code: string
  name: string
  level: 'street' | 'community' | 'grid'
  parentCode: string | null
  parentName: string | null
  lng: number
  lat: number
}

/** `%`, `_` and `\` match themselves in a LIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Current streets and communities whose name contains `q`, or (digits) any region whose code starts with it —
 * exact names first, then earlier and shorter matches. One statement; the point is on the region's surface.
 */
export async function searchRegionPlaces(database: Database, q: string, limit: number): Promise<RegionPlaceRow[]> {
  const digits = /^\d{4,15}$/.test(q)
  const match = digits
    ? sql`r.code LIKE ${`${q}%`} AND r.level IN ('street', 'community', 'grid')`
    : sql`r.name LIKE ${`%${likeEscape(q)}%`} ESCAPE '\\' AND r.level IN ('street', 'community')`
  // Codes: the region itself, then its children in code order. Names: exact, then earlier and shorter.
  const order = digits
    ? sql`length(r.code), r.code`
    : sql`(r.name = ${q}) DESC, strpos(r.name, ${q}), length(r.name), r.code`
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT r.code, r.name, r.level, r.parent_code AS "parentCode", p.name AS "parentName",
      ST_X(pt)::float8 AS lng, ST_Y(pt)::float8 AS lat
    FROM (
      SELECT r.code, r.name, r.level, r.parent_code FROM region r
      WHERE r.valid_to IS NULL AND ${match}
      ORDER BY ${order}
      LIMIT ${limit}
    ) r
    JOIN region g ON g.code = r.code AND g.valid_to IS NULL
    CROSS JOIN LATERAL ST_PointOnSurface(g.geom) AS pt
    LEFT JOIN region p ON p.code = r.parent_code AND p.valid_to IS NULL
    ORDER BY ${order}`)
  return rows.map((r) => ({
    code: String(r.code),
    name: String(r.name),
    level: r.level as RegionPlaceRow['level'],
    parentCode: (r.parentCode as string | null) ?? null,
    parentName: (r.parentName as string | null) ?? null,
    lng: Number(r.lng),
    lat: Number(r.lat),
  }))
}

/** A named road or river found by name: its line, and its middle vertex to put the map on. */
export interface NamedPlaceRow {
  id: string
  name: string
  kind: 'road' | 'river'
  line: import('geojson').LineString
  lng: number
  lat: number
}

/** Named roads and rivers whose name contains `q`, exact names first, then earlier and shorter matches. */
export async function searchNamedPlaces(database: Database, q: string, limit: number): Promise<NamedPlaceRow[]> {
  if (limit <= 0 || q === '') return []
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT id, name, kind, ST_AsGeoJSON(geom, 6)::text AS line,
      ST_X(mid)::float8 AS lng, ST_Y(mid)::float8 AS lat
    FROM named_place
    CROSS JOIN LATERAL ST_PointN(geom, ST_NPoints(geom) / 2 + 1) AS mid
    WHERE name LIKE ${`%${likeEscape(q)}%`} ESCAPE '\\'
    ORDER BY (name = ${q}) DESC, strpos(name, ${q}), length(name), id
    LIMIT ${limit}`)
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as NamedPlaceRow['kind'],
    line: JSON.parse(String(r.line)) as NamedPlaceRow['line'],
    lng: Number(r.lng),
    lat: Number(r.lat),
  }))
}

export interface NamedPlaceInput {
  id: string
  name: string
  kind: 'road' | 'river'
  roadClass?: string
  line: [number, number][]
  demo: boolean
}

/** Writes named places once (an id already stored is left as it is); returns how many were added. */
export async function insertNamedPlaces(
  database: Database,
  tx: AppDb | undefined,
  places: readonly NamedPlaceInput[],
): Promise<number> {
  if (places.length === 0) return 0
  const rows = await database.rows<{ id: string }>(
    sql`INSERT INTO named_place (id, name, kind, road_class, geom, demo)
        SELECT p->>'id', p->>'name', p->>'kind', p->>'roadClass', ST_SetSRID(ST_GeomFromGeoJSON(p->>'geometry'), 4326), (p->>'demo')::boolean
        FROM jsonb_array_elements(${JSON.stringify(
          places.map((p) => ({ ...p, geometry: JSON.stringify({ type: 'LineString', coordinates: p.line }) })),
        )}::jsonb) AS p
        ON CONFLICT (id) DO NOTHING
        RETURNING id`,
    tx,
  )
  return rows.length
}
