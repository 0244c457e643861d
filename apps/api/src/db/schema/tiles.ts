import { sql } from 'drizzle-orm'
import { bigint, check, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One version number per vector-tile layer, bumped by triggers in the transaction that writes the layer's table
 * (migration 0031): the tiles' ETags are made from it, so a region edit invalidates its level's tiles only and an
 * incident write the incident tiles only.
 */
export const layerVersion = pgTable(
  'layer_version',
  {
    layer: text('layer').primaryKey(),
    version: bigint('version', { mode: 'number' }).notNull().default(1),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('layer_version_layer_ck', sql`${t.layer} IN ('district','streets','communities','grids','areas','routes','incidents')`)],
)
