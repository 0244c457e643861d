import { sql } from 'drizzle-orm'
import { insertNamedPlaces } from '../db/repositories/places.ts'
import type { AppDb, Database } from '../db/types.ts'

/**
 * The demo's named roads and rivers (seed/regions/places.ts) into `named_place`, for the seats' address search.
 * Also on databases seeded before the table existed; a warm start only counts (the generator module loads turf).
 */
export async function seedDemoNamedPlaces(database: Database, tx: AppDb): Promise<number> {
  const [row] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM named_place WHERE demo`, tx)
  if (Number(row!.n) > 0) return 0
  const { DEMO_LINES } = await import('./regions/places.ts')
  return insertNamedPlaces(
    database,
    tx,
    DEMO_LINES.map((d) => ({ id: d.id, name: d.name, kind: d.kind, roadClass: d.roadClass, line: [...d.line], demo: true })),
  )
}
