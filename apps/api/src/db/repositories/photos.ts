import { sql } from 'drizzle-orm'
import { photo } from '../schema/photos.ts'
import type { AppDb, Database } from '../types.ts'
import { incidentScopeSql, type RowScope } from './incident-scope.ts'

export interface PhotoRecord {
  id: string
  sha256: string
  mime: string
  bytes: number
  width: number
  height: number
  orientation: number
  gps: { lng: number; lat: number } | null
  takenAt: Date | null
  storageKey: string
  thumbKey: string
  thumbMime: string
  thumbWidth: number
  thumbHeight: number
  thumbBytes: number
  originalName: string | null
  uploadedBy: string | null
  createdAt: Date
}

export type NewPhoto = Omit<PhotoRecord, 'createdAt'>

/**
 * Inserts photos in one statement: all rows or none. In `opts.tx` when given (the seed's transaction);
 * `ignoreExisting`: an id already stored is kept as it is (content-derived ids of generated images).
 */
export async function insertPhotos(database: Database, rows: NewPhoto[], opts: { tx?: AppDb; ignoreExisting?: boolean } = {}): Promise<Date> {
  if (rows.length === 0) return new Date()
  const insert = (opts.tx ?? database.db)
    .insert(photo)
    .values(rows.map(({ gps, ...r }) => ({ ...r, gps: gps ? { type: 'Point' as const, coordinates: [gps.lng, gps.lat] } : null })))
  const inserted = await (opts.ignoreExisting ? insert.onConflictDoNothing() : insert).returning({ createdAt: photo.createdAt })
  return inserted[0]?.createdAt ?? new Date()
}

interface PhotoRow extends Record<string, unknown> {
  id: string
  sha256: string
  mime: string
  bytes: number
  width: number
  height: number
  orientation: number
  lng: number | null
  lat: number | null
  taken_at: string | null
  storage_key: string
  thumb_key: string
  thumb_mime: string
  thumb_width: number
  thumb_height: number
  thumb_bytes: number
  original_name: string | null
  uploaded_by: string | null
  created_at: string
}

/** Who asks for a photo: it is theirs when they uploaded it, or when an incident in their scope shows it. */
export interface PhotoViewer {
  actorId: string
  scope: RowScope
}

/**
 * A photo by id; with `viewer`, only when the viewer may see it (null otherwise, so a photo out of reach looks
 * exactly like a missing one): all-seeing roles (scope null) see every photo, others their own uploads and the
 * photos of an event of an incident in their scope (GIN index incident_event_photos_gin).
 */
export async function findPhoto(database: Database, id: string, viewer?: PhotoViewer): Promise<PhotoRecord | null> {
  const visible =
    !viewer || !viewer.scope
      ? sql`true`
      : sql`(p.uploaded_by = ${viewer.actorId} OR EXISTS (
          SELECT 1 FROM incident_event e JOIN incident i ON i.id = e.incident_id
          WHERE e.photos IS NOT NULL AND e.photos @> jsonb_build_array(jsonb_build_object('id', p.id::text))
            AND ${incidentScopeSql(viewer.scope)}))`
  const [r] = await database.rows<PhotoRow>(sql`
    SELECT id::text, sha256, mime, bytes, width, height, orientation,
           ST_X(gps) AS lng, ST_Y(gps) AS lat, to_json(taken_at) #>> '{}' AS taken_at,
           storage_key, thumb_key, thumb_mime, thumb_width, thumb_height, thumb_bytes,
           original_name, uploaded_by, to_json(created_at) #>> '{}' AS created_at
    FROM photo p WHERE p.id = ${id}::uuid AND ${visible}`)
  if (!r) return null
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    bytes: Number(r.bytes),
    width: Number(r.width),
    height: Number(r.height),
    orientation: Number(r.orientation),
    gps: r.lng === null || r.lat === null ? null : { lng: Number(r.lng), lat: Number(r.lat) },
    takenAt: r.taken_at ? new Date(r.taken_at) : null,
    storageKey: r.storage_key,
    thumbKey: r.thumb_key,
    thumbMime: r.thumb_mime,
    thumbWidth: Number(r.thumb_width),
    thumbHeight: Number(r.thumb_height),
    thumbBytes: Number(r.thumb_bytes),
    originalName: r.original_name,
    uploadedBy: r.uploaded_by,
    createdAt: new Date(r.created_at),
  }
}

/**
 * Of `ids`, those that may NOT be attached by `uploader`: missing, uploaded by someone else and not already on
 * incident `incidentId`, or (`unattachedOnly`, the public form) already on some incident's event. One statement.
 */
export async function unattachablePhotoIds(
  database: Database,
  a: { ids: readonly string[]; uploader: string; incidentId?: number | null; unattachedOnly?: boolean },
  tx?: AppDb,
): Promise<string[]> {
  if (a.ids.length === 0) return []
  const onEvent = (where: ReturnType<typeof sql>) => sql`EXISTS (
    SELECT 1 FROM incident_event e
    WHERE e.photos IS NOT NULL AND e.photos @> jsonb_build_array(jsonb_build_object('id', x.id::text)) AND ${where})`
  const own = a.unattachedOnly ? sql`p.uploaded_by = ${a.uploader} AND NOT ${onEvent(sql`true`)}` : sql`p.uploaded_by = ${a.uploader}`
  const onThisIncident = a.incidentId != null ? onEvent(sql`e.incident_id = ${a.incidentId}`) : sql`false`
  const rows = await database.rows<{ id: string }>(
    sql`SELECT x.id::text AS id FROM (VALUES ${sql.join(a.ids.map((id) => sql`(${id}::uuid)`), sql`, `)}) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM photo p WHERE p.id = x.id AND ((${own}) OR ${onThisIncident}))`,
    tx,
  )
  return rows.map((r) => r.id)
}
