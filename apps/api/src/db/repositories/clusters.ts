import { sql, type SQL } from 'drizzle-orm'
import { CLUSTER_CLOSED_ACTION, CLUSTER_REOPENED_ACTION, NOT_MERGEABLE_STATES, searchBoxDegrees } from '@hanjiang/shared'
import type { AppDb, Database } from '../types.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'
import { isoUtc } from './knowledge.ts'

/**
 * R9 一诉一整改: open incidents near a new report that may be the same problem, the clusters that merging
 * builds (incident.primary_id → the primary), and — the one write — the members' event when their primary
 * is closed. The merge itself is a workflow transition (incident routes).
 */

export interface SimilarQuery {
  /** WGS84. */
  lng: number
  lat: number
  /** Four-digit subclass code: similar = same subclass. */
  subclass: string
  radiusM: number
  days: number
  excludeCode?: string
  limit: number
  /** The caller's row scope (auth): null/absent = all. */
  scope?: RowScope
}

export interface SimilarIncidentRow {
  code: string
  fineClass: string | null
  state: string
  distanceM: number
  createdAt: string
  /** The first 80 characters of the description. */
  description: string
  /** The first photo id of its events (in event order), or null. */
  photo: string | null
  /** Incidents merged into it, directly or through an earlier primary. */
  memberCount: number
}

export interface ClusterIncident {
  code: string
  fineClass: string | null
  state: string
  channel: string
  createdAt: string
  description: string
  address: string | null
  location: { lng: number; lat: number } | null
  photo: string | null
}

export interface ClusterMember extends ClusterIncident {
  /** The incident it was merged into (the cluster's primary, or an earlier primary merged in turn). */
  primaryCode: string
  /** When it was merged (its last transition into `merged`), if the event log says. */
  mergedAt: string | null
  /** From the primary's location, when both have one. */
  distanceM: number | null
}

export interface ClusterRows {
  /** The incident asked for, when it is a member rather than the primary. */
  requestedCode: string
  primary: ClusterIncident
  members: ClusterMember[]
}

/** The first photo id in an incident's events: photos are JSON arrays of ids (or of objects with an `id`). */
function firstPhoto(incidentId: SQL): SQL {
  return sql`(
    SELECT CASE jsonb_typeof(p.value) WHEN 'string' THEN p.value #>> '{}' WHEN 'object' THEN p.value ->> 'id' END
    FROM incident_event ev
    CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(ev.photos) = 'array' THEN ev.photos ELSE '[]'::jsonb END)
      WITH ORDINALITY AS p(value, n)
    WHERE ev.incident_id = ${incidentId}
      AND CASE jsonb_typeof(p.value) WHEN 'string' THEN p.value #>> '{}' WHEN 'object' THEN p.value ->> 'id' END IS NOT NULL
    ORDER BY ev.id, p.n
    LIMIT 1)`
}

/** Incidents merged into `incidentId`, transitively (UNION stops on a cycle, should one ever exist). */
function memberCount(incidentId: SQL): SQL {
  return sql`(
    WITH RECURSIVE m(id) AS (
      SELECT c.id FROM incident c WHERE c.primary_id = ${incidentId}
      UNION
      SELECT c.id FROM incident c JOIN m ON c.primary_id = m.id
    )
    SELECT count(*)::int FROM m)`
}

const notMergeable = sql.raw(NOT_MERGEABLE_STATES.map((s) => `'${s}'`).join(','))

/**
 * Open incidents of the subclass within `radiusM` of the point, reported in the last `days` days, nearest
 * first. The `&&` box lets the GiST index on location pick rows before the exact geography distance.
 */
export async function findSimilarIncidents(database: Database, q: SimilarQuery): Promise<SimilarIncidentRow[]> {
  const { dLng, dLat } = searchBoxDegrees(q.lat, q.radiusM)
  const point = sql`ST_SetSRID(ST_MakePoint(${q.lng}::float8, ${q.lat}::float8), 4326)`
  const rows = await database.rows(sql`
    SELECT i.code, i.fine_class AS "fineClass", i.state,
      ST_Distance(i.location::geography, ${point}::geography)::float8 AS "distanceM",
      ${isoUtc(sql`i.created_at`)} AS "createdAt",
      left(i.description, 80) AS description,
      ${firstPhoto(sql`i.id`)} AS photo,
      ${memberCount(sql`i.id`)} AS "memberCount"
    FROM incident i
    WHERE i.location && ST_Expand(${point}, ${dLng}::float8, ${dLat}::float8)
      AND ST_DWithin(i.location::geography, ${point}::geography, ${q.radiusM}::float8)
      AND left(i.fine_class, 4) = ${q.subclass}
      AND i.state NOT IN (${notMergeable})
      AND i.created_at >= now() - make_interval(days => ${q.days}::int)
      AND (${q.excludeCode ?? null}::text IS NULL OR i.code <> ${q.excludeCode ?? null})
      AND ${incidentScopeSql(q.scope ?? null)}
    ORDER BY "distanceM", i.created_at, i.id
    LIMIT ${q.limit}`)
  return rows.map((r) => ({
    code: r.code as string,
    fineClass: (r.fineClass as string | null) ?? null,
    state: r.state as string,
    distanceM: Math.round(Number(r.distanceM) * 10) / 10,
    createdAt: r.createdAt as string,
    description: r.description as string,
    photo: (r.photo as string | null) ?? null,
    memberCount: Number(r.memberCount),
  }))
}

const CLUSTER_COLUMNS = sql`i.code, i.fine_class AS "fineClass", i.state, i.channel,
  ${isoUtc(sql`i.created_at`)} AS "createdAt", i.description, i.address,
  CASE WHEN i.location IS NULL THEN NULL ELSE json_build_object('lng', ST_X(i.location), 'lat', ST_Y(i.location)) END AS location,
  ${firstPhoto(sql`i.id`)} AS photo`

function toClusterIncident(r: Record<string, unknown>): ClusterIncident {
  const loc = typeof r.location === 'string' ? JSON.parse(r.location) : r.location
  return {
    code: r.code as string,
    fineClass: (r.fineClass as string | null) ?? null,
    state: r.state as string,
    channel: r.channel as string,
    createdAt: r.createdAt as string,
    description: r.description as string,
    address: (r.address as string | null) ?? null,
    location: loc ? { lng: Number(loc.lng), lat: Number(loc.lat) } : null,
    photo: (r.photo as string | null) ?? null,
  }
}

/**
 * The cluster an incident belongs to: follows primary_id up to the root primary (so asking with a
 * member's code gives its cluster), then every incident merged into it, directly or transitively,
 * in merge order. Null when there is no incident with that code.
 */
export async function findCluster(database: Database, code: string, scope: RowScope = null): Promise<ClusterRows | null> {
  const [root] = await database.rows<{ id: number }>(sql`
    WITH RECURSIVE up(id, primary_id, depth) AS (
      SELECT id, primary_id, 0 FROM incident WHERE code = ${code}
      UNION ALL
      SELECT i.id, i.primary_id, up.depth + 1 FROM incident i JOIN up ON i.id = up.primary_id WHERE up.depth < 32
    )
    SELECT id FROM up ORDER BY depth DESC LIMIT 1`)
  if (!root) return null
  const rootId = Number(root.id)
  const [primaryRows, memberRows] = await Promise.all([
    database.rows(sql`SELECT ${CLUSTER_COLUMNS} FROM incident i WHERE i.id = ${rootId}`),
    database.rows(sql`
      WITH RECURSIVE m(id) AS (
        SELECT c.id FROM incident c WHERE c.primary_id = ${rootId}
        UNION
        SELECT c.id FROM incident c JOIN m ON c.primary_id = m.id
      )
      SELECT ${CLUSTER_COLUMNS}, p.code AS "primaryCode",
        (SELECT ${isoUtc(sql`max(ev.at)`)} FROM incident_event ev WHERE ev.incident_id = i.id AND ev.to_state = 'merged') AS "mergedAt",
        CASE WHEN i.location IS NULL OR r.location IS NULL THEN NULL
             ELSE ST_Distance(i.location::geography, r.location::geography)::float8 END AS "distanceM"
      FROM m JOIN incident i ON i.id = m.id
      JOIN incident p ON p.id = i.primary_id
      CROSS JOIN (SELECT location FROM incident WHERE id = ${rootId}) r
      WHERE i.id <> ${rootId} AND ${incidentScopeSql(scope)}
      ORDER BY "mergedAt" NULLS LAST, i.created_at, i.id`),
  ])
  return {
    requestedCode: code,
    primary: toClusterIncident(primaryRows[0]!),
    members: memberRows.map((r) => ({
      ...toClusterIncident(r),
      primaryCode: r.primaryCode as string,
      mergedAt: (r.mergedAt as string | null) ?? null,
      distanceM: r.distanceM === null || r.distanceM === undefined ? null : Math.round(Number(r.distanceM) * 10) / 10,
    })),
  }
}

export interface MemberAnswer {
  /** `primaryClosed` (the primary was closed: the members are answered) or `primaryReopened`. */
  action: typeof CLUSTER_CLOSED_ACTION | typeof CLUSTER_REOPENED_ACTION
  actor: string
  actorRole: string
  /** The closing note of the primary (its answer) or the reopen's reason, for the members' internal timeline. */
  note: string | null
  /** The primary's after-photos (the rectification), shown with each member. */
  photos: unknown
  /** Event data; each member's new version is added. */
  data: Record<string, unknown>
}

/**
 * R9: in the transaction `tx` that closes (or reopens) the primary, every incident merged into `primaryId` —
 * directly or through an earlier primary — that is still `merged` gets a new version and ONE event `a.action`
 * (`primaryClosed` / `primaryReopened`, no state change). One statement whatever the cluster's size; the event
 * triggers ring the doorbell and the members' bells. Returns the members' codes, in id order.
 */
export async function answerClusterMembers(database: Database, tx: AppDb, primaryId: number, at: Date, a: MemberAnswer): Promise<string[]> {
  const rows = await database.rows<{ code: string }>(
    sql`
    WITH RECURSIVE m(id) AS (
      SELECT c.id FROM incident c WHERE c.primary_id = ${primaryId}
      UNION
      SELECT c.id FROM incident c JOIN m ON c.primary_id = m.id
    ), upd AS (
      UPDATE incident i SET version = i.version + 1, updated_at = ${at.toISOString()}::timestamptz
      WHERE i.id IN (SELECT id FROM m) AND i.state = 'merged'
      RETURNING i.id, i.code, i.version
    ), ev AS (
      INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, note, photos, data)
      SELECT upd.id, ${at.toISOString()}::timestamptz, ${a.actor}::text, ${a.actorRole}::text, ${a.action}::text,
        'merged', 'merged', ${a.note}::text, ${a.photos === null || a.photos === undefined ? null : JSON.stringify(a.photos)}::jsonb,
        ${JSON.stringify(a.data)}::jsonb || jsonb_build_object('version', upd.version)
      FROM upd ORDER BY upd.id
      RETURNING incident_id
    )
    SELECT upd.code FROM upd WHERE upd.id IN (SELECT incident_id FROM ev) ORDER BY upd.id`,
    tx,
  )
  return rows.map((r) => r.code)
}

/** The after-photos of the incident's latest resolution (resolve or self-resolve), as the event stored them. */
export async function latestAfterPhotos(database: Database, tx: AppDb, incidentId: number): Promise<{ id: string; kind: string }[]> {
  const [row] = await database.rows<{ photos: unknown }>(
    sql`SELECT photos FROM incident_event
        WHERE incident_id = ${incidentId} AND action IN ('resolve', 'selfResolve') AND photos IS NOT NULL
        ORDER BY id DESC LIMIT 1`,
    tx,
  )
  const photos = typeof row?.photos === 'string' ? JSON.parse(row.photos) : row?.photos
  return Array.isArray(photos) ? photos.filter((p): p is { id: string; kind: string } => !!p && typeof p === 'object' && p.kind === 'after') : []
}
