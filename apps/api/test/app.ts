import { loadConfig, type Config } from '../src/config.ts'
import { createApp } from '../src/app.ts'
import type { Database } from '../src/db/types.ts'
import { insertRegions } from '../src/seed/insert-regions.ts'
import { seedReference } from '../src/seed/reference.ts'
import { fixtureRegions } from './fixtures/regions.ts'

/** The real Hono app over a test database (no HTTP listener: app.request()). */
export function testApp(database: Database, overrides: Partial<Config> = {}) {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent' }), ...overrides }
  return createApp({ database, config })
}

/** Reference data plus the rectangle fixture tree. */
export async function seedFixture(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await seedReference(database, tx)
    await insertRegions(database, tx, fixtureRegions())
  })
}
