import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/**
 * An uploaded photo (before/after pictures of incidents, patrol findings). Incidents point at photos by id
 * from their events' `photos` JSON; a photo row does not know its incident. The original file is kept
 * byte for byte (EXIF orientation and all) in the file storage under `storage_key`; the upright WebP
 * thumbnail under `thumb_key`. Rows are written only after both files are in place.
 */
export const photo = pgTable(
  'photo',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256').notNull(),
    /** By magic bytes: image/jpeg, image/png or image/webp. */
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    /** The pixel matrix as stored in the file, before `orientation` is applied. */
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** EXIF orientation 1–8 (1: none or upright). */
    orientation: smallint('orientation').notNull().default(1),
    /** Where the photo says it was taken (EXIF GPS, WGS84): a hint, not the incident's location. */
    gps: geometry('gps', 'Point'),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    storageKey: text('storage_key').notNull(),
    thumbKey: text('thumb_key').notNull(),
    thumbMime: text('thumb_mime').notNull(),
    thumbWidth: integer('thumb_width').notNull(),
    thumbHeight: integer('thumb_height').notNull(),
    thumbBytes: integer('thumb_bytes').notNull(),
    /** The file name the client sent, for display only. */
    originalName: text('original_name'),
    uploadedBy: text('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('photo_sha256_idx').on(t.sha256),
    check('photo_mime_ck', sql`${t.mime} IN ('image/jpeg','image/png','image/webp')`),
    check('photo_orientation_ck', sql`${t.orientation} BETWEEN 1 AND 8`),
    check('photo_size_ck', sql`${t.bytes} > 0 AND ${t.width} > 0 AND ${t.height} > 0`),
  ],
)
