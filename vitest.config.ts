import { defineConfig } from 'vitest/config'

// One `npm test` runs every workspace. The API project runs each db test on PGlite and,
// when TEST_DATABASE_URL is set, on PostGIS too; the browser project drives Debian Chromium.
export default defineConfig({
  test: {
    projects: ['packages/shared', 'apps/api', 'apps/web/{vite,vitest.e2e}.config.ts'],
  },
})
