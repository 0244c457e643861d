import { sql } from 'drizzle-orm'
import { bigserial, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core'
import { geometry } from './geometry.ts'

/**
 * 巡查路线: the planned patrol line of a grid (one per grid; seeded for the demo, drawn later in the grid
 * editor). Coverage is measured against it.
 */
export const patrolRoute = pgTable(
  'patrol_route',
  {
    id: serial('id').primaryKey(),
    gridCode: varchar('grid_code', { length: 15 }).notNull(),
    geom: geometry('geom', 'LineString').notNull(),
    /** `seed` (demo generator) or `drawn` (grid editor). */
    source: text('source').notNull().default('seed'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patrol_route_grid_uq').on(t.gridCode),
    index('patrol_route_geom_gist').using('gist', t.geom),
    check('patrol_route_source_ck', sql`${t.source} IN ('seed','drawn')`),
  ],
)

/**
 * 轨迹: one uploaded chunk of an inspector's GPS track, simplified, as a line whose M value is the fix's
 * time (epoch seconds). A chunk id is the client's idempotency key: a resent chunk is stored once.
 */
export const patrolTrack = pgTable(
  'patrol_track',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userName: text('user_name').notNull(),
    chunkId: text('chunk_id').notNull(),
    /** Asia/Shanghai calendar day of the first fix: coverage is per grid and day. */
    patrolDay: date('patrol_day', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull(),
    /** Fixes received / kept after simplification. */
    receivedPoints: integer('received_points').notNull(),
    keptPoints: integer('kept_points').notNull(),
    /** The coordinate system the fixes came in (stored geometry is WGS84). */
    crs: text('crs').notNull(),
    requestHash: text('request_hash').notNull(),
    geom: geometry('geom', 'LineStringM').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('patrol_track_chunk_uq').on(t.userName, t.chunkId),
    index('patrol_track_day_idx').on(t.patrolDay),
    index('patrol_track_geom_gist').using('gist', t.geom),
    check('patrol_track_time_ck', sql`${t.endedAt} >= ${t.startedAt}`),
  ],
)
