import { sql } from 'drizzle-orm'
import { COVERAGE_TOLERANCE_M } from '../packages/shared/src/index.ts'
import { coverageOfGrids, DEMO_ROUTE_SEED, seedPatrolRoutes } from '../apps/api/src/db/repositories/patrol.ts'
import { openTestDatabase } from '../apps/api/test/engines.ts'
import type { Database, Engine } from '../apps/api/src/db/types.ts'
import { insertRegions } from '../apps/api/src/seed/insert-regions.ts'
import { URBAN_STREETS } from '../apps/api/src/seed/regions/grids.ts'
import { buildDemoRegions } from '../apps/api/src/seed/regions/index.ts'
import type { Figure } from './lib.ts'

/**
 * Patrol coverage for one day on the demo district: every grid's seeded route, and a week of
 * tracks — each day every routed grid walked along 60 % of its route (3,310 grids × 7 days ≈ 23,000 chunks).
 * Figures: coverage of the whole district for one day (one statement), of one street (涵西, the demo inspector's
 * area), of one grid; baseline: the same statement's route scan without tracks (a day nobody patrolled).
 * Both engines when TEST_DATABASE_URL is set.
 */

const DAY = '2026-11-20'
const DAYS = 7
const RUNS = Number(process.env.BENCH_PATROL_RUNS ?? 5)

async function fill(database: Database): Promise<{ routes: number; chunks: number }> {
  await database.db.transaction((tx) => insertRegions(database, tx, buildDemoRegions()))
  const routes = await seedPatrolRoutes(database, undefined, { ...DEMO_ROUTE_SEED, urbanPrefixes: [...URBAN_STREETS].map((c) => c.slice(0, 9)) })
  // A week of walks: 60 % of each route, shifted ~5 m (GPS offset), 09:00 Shanghai + 20 min, M = epoch seconds.
  await database.rows(sql.raw(`
    INSERT INTO patrol_track (user_name, chunk_id, patrol_day, started_at, ended_at, received_points, kept_points, crs, request_hash, geom)
    SELECT 'bench', r.grid_code || '-' || d, day, t0, t0 + interval '20 minutes', 60, ST_NPoints(line), 'wgs84', 'bench',
           ST_SetSRID(ST_AddMeasure(line, extract(epoch FROM t0), extract(epoch FROM t0) + 1200), 4326)
    FROM patrol_route r, generate_series(0, ${DAYS - 1}) d,
      LATERAL (SELECT ('${DAY}'::date - d) AS day) x,
      LATERAL (SELECT (day::timestamp + interval '1 hour') AT TIME ZONE 'UTC' AS t0) y,
      LATERAL (SELECT ST_Translate(ST_LineSubstring(r.geom, 0, 0.6), 0.00004, 0.00003) AS line) z`))
  await database.rows(sql`ANALYZE patrol_route`)
  await database.rows(sql`ANALYZE patrol_track`)
  const [c] = await database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM patrol_track`)
  return { routes, chunks: Number(c!.n) }
}

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f() // warm-up (plans, caches)
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    ms.push(performance.now() - t0)
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!
}

async function suite(engine: Engine): Promise<Figure[]> {
  const test = await openTestDatabase(engine)
  try {
    const { database } = test
    const { routes, chunks } = await fill(database)
    const all = { prefixes: ['350303'] }
    const rows = await coverageOfGrids(database, all, DAY, COVERAGE_TOLERANCE_M)
    const ratio = rows.reduce((s, r) => s + r.coveredM, 0) / rows.reduce((s, r) => s + r.routeM, 0)
    const emptyDay = '2026-12-31'
    const base = await median(RUNS, () => coverageOfGrids(database, all, emptyDay, COVERAGE_TOLERANCE_M))
    const district = await median(RUNS, () => coverageOfGrids(database, all, DAY, COVERAGE_TOLERANCE_M))
    const street = await median(RUNS, () => coverageOfGrids(database, { prefixes: ['350303002'] }, DAY, COVERAGE_TOLERANCE_M))
    const grid = await median(RUNS * 4, () => coverageOfGrids(database, { gridCode: rows[0]!.gridCode }, DAY, COVERAGE_TOLERANCE_M))
    const tag = `[${engine}]`
    return [
      { name: `${tag} routes / track chunks in the table`, value: routes, unit: 'routes', baseline: { name: 'chunks', value: chunks } },
      { name: `${tag} district coverage of the day (mean)`, value: ratio * 100, unit: '%' },
      { name: `${tag} coverage, district, one day (${rows.length} grids)`, value: district, unit: 'ms', baseline: { name: 'same query, day without tracks', value: base } },
      { name: `${tag} coverage, one street (涵西), one day`, value: street, unit: 'ms' },
      { name: `${tag} coverage, one grid, one day`, value: grid, unit: 'ms' },
    ]
  } finally {
    await test.dispose()
  }
}

export async function benchPatrol(): Promise<Figure[]> {
  const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']
  const out: Figure[] = []
  for (const e of engines) out.push(...(await suite(e)))
  return out
}
