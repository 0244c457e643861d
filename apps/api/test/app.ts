import { loadConfig, type Config } from '../src/config.ts'
import { createApp } from '../src/app.ts'
import type { Database } from '../src/db/types.ts'
import { insertRegions } from '../src/seed/insert-regions.ts'
import { seedReference } from '../src/seed/reference.ts'
import { asUser, type WhoLike } from './auth.ts'
import { fixtureRegions } from './fixtures/regions.ts'
import { seedDemoNamedPlaces } from '../src/seed/demo-named-places.ts'

/**
 * The real Hono app over a test database (no HTTP listener: app.request()). With `who`, every request carries
 * that user's session (cookie + X-CSRF-Token; the user is created on first use, see test/auth.ts).
 */
export function testApp(database: Database, overrides: Partial<Config> = {}, who?: WhoLike) {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }), ...overrides }
  const app = createApp({ database, config })
  return who === undefined ? app : asUser(app, database, who)
}

/** Reference data plus the rectangle fixture tree. */
export async function seedFixture(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await seedReference(database, tx)
    await insertRegions(database, tx, fixtureRegions())
    await seedDemoNamedPlaces(database, tx)
  })
}
