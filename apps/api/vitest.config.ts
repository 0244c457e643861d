import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'api',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // PGlite + PostGIS takes seconds to boot; each file opens its own database.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One migrated PGlite, dumped; each embedded test database starts as a copy (test/engines.ts).
    globalSetup: ['test/global-setup.ts'],
  },
})
