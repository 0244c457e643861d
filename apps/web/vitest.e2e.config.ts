import { defineProject } from 'vitest/config'

// Browser tests: one server process (built web app + API on an embedded, seeded PGlite) driven by Debian's
// Chromium through playwright-core. `npx vitest run --project browser` from the repo root.
export default defineProject({
  test: {
    name: 'browser',
    // The root config lists this file as a project; without this the globs would be read from the repo root.
    root: import.meta.dirname,
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // Booting PGlite + PostGIS, seeding and a software-rendered WebGL map all take seconds.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Each file starts its own server on its own copy of the template database, so files may run side by side;
    // on a 2-core machine Chromium's software WebGL keeps both cores busy already: one at a time unless asked.
    fileParallelism: Number(process.env.HJ_E2E_WORKERS ?? 1) > 1,
    maxWorkers: Math.max(1, Number(process.env.HJ_E2E_WORKERS ?? 1)),
  },
})
