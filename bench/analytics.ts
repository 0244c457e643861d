import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { sql } from 'drizzle-orm'
import type { AnalyticsFilter } from '../packages/shared/src/analytics/index.ts'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { aggregate, rebuildRollup } from '../apps/api/src/db/repositories/analytics.ts'
import { choroplethRows, heatBins } from '../apps/api/src/db/repositories/analytics-views.ts'
import type { Database } from '../apps/api/src/db/types.ts'
import { insertRegions } from '../apps/api/src/seed/insert-regions.ts'
import { seedReference } from '../apps/api/src/seed/reference.ts'
import { heatCellDegrees, hotspots } from '../apps/api/src/services/analytics/views.ts'
import type { Figure } from './lib.ts'

/**
 * `npm run bench -- analytics`: synthetic incidents over three years, generated in SQL on the demo's regions (the
 * rollup trigger off during the bulk insert, then one rebuild — what a bulk import does), then p50/p95 of
 * (a) the choropleth by grid for a year and one class, (b) heatmap bins for the district view, (c) Gi* over all grids
 * for a quarter (four periods), (d) the weekly trend of one unit — each from the rollup and, as the same-run
 * baseline, the same question asked of the incident table ((b) has no rollup: its baseline is shipping the year's
 * raw points instead of bins). Scale: BENCH_ANALYTICS_PG (default 1,000,000) on PostGIS, BENCH_ANALYTICS_PGLITE
 * (default 100,000) on PGlite; BENCH_ANALYTICS_RUNS (default 12) runs per question. On a shared box figures are noisy.
 */
const RUNS = Number(process.env.BENCH_ANALYTICS_RUNS ?? 12)

async function fill(database: Database, n: number): Promise<void> {
  const { buildDemoRegions } = await import('../apps/api/src/seed/regions/index.ts')
  const t0 = performance.now()
  const step = (what: string) => console.log(`  analytics bench: ${what} (${Math.round(performance.now() - t0)} ms)`)
  await database.db.transaction(async (tx) => {
    await seedReference(database, tx)
    await insertRegions(database, tx, buildDemoRegions())
  })
  step('regions seeded')
  // A plain table, not a temporary one: postgres.js may run the next statement on another pooled connection.
  await database.rows(sql`DROP TABLE IF EXISTS bench_grid`)
  await database.rows(sql`CREATE TABLE bench_grid AS SELECT row_number() OVER (ORDER BY g.code) AS i, g.code, c.code AS community, c.parent_code AS street,
    ST_X(ST_PointOnSurface(g.geom)) AS x, ST_Y(ST_PointOnSurface(g.geom)) AS y
    FROM region g JOIN region c ON c.code = g.parent_code AND c.valid_to IS NULL WHERE g.level = 'grid' AND g.valid_to IS NULL`)
  await database.rows(sql`ALTER TABLE incident DISABLE TRIGGER incident_rollup_trg`)
  // Grids skewed toward the first tenth (hot spots); classes, units, channels, states cycle; 3 years back from now.
  await database.rows(sql.raw(`
    INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, location, description, state, unit_code,
      street_code, community_code, grid_code, overdue_at, created_at, dispatched_at, resolved_at, closed_at, rework_count, satisfaction)
    SELECT 'HJA-' || s, 'TA' || s,
      (ARRAY['hotline_12345','hotline_12315','patrol','public_web','open311','other_system'])[1 + s % 6],
      (ARRAY['complaint','report','help','suggestion'])[1 + s % 4], CASE WHEN s % 29 = 0 THEN 'urgent' ELSE 'normal' END,
      (ARRAY['010502','020602','020601','030101','040201','050101','020701','031003'])[1 + (s / 3) % 8],
      ST_SetSRID(ST_MakePoint(g.x + (random() - 0.5) * 0.004, g.y + (random() - 0.5) * 0.004), 4326), 'bench',
      CASE WHEN s % 10 = 0 THEN 'dispatched' ELSE 'closed' END,
      (ARRAY['transport','water','city_admin','env','housing'])[1 + (s / 7) % 5], g.street, g.community, g.code,
      CASE WHEN s % 9 = 0 THEN t.at + interval '3 days' END, t.at,
      t.at + interval '2 hours', CASE WHEN s % 10 <> 0 THEN t.at + (s % 72) * interval '1 hour' END,
      CASE WHEN s % 10 <> 0 THEN t.at + (s % 72 + 4) * interval '1 hour' END, (s % 17 = 0)::int,
      (ARRAY[NULL,'satisfied','basically_satisfied','not_satisfied'])[1 + s % 4]
    FROM generate_series(1, ${n}) s
    CROSS JOIN LATERAL (SELECT now() - (s % 1095) * interval '1 day' - (s % 24) * interval '1 hour' AS at) t
    JOIN bench_grid g ON g.i = 1 + (CASE WHEN s % 3 = 0 THEN (s * 7919) % greatest(1, (SELECT count(*) FROM bench_grid) / 10)
                                         ELSE (s * 7919) % (SELECT count(*) FROM bench_grid) END)`))
  step(`${n} incidents generated`)
  await database.rows(sql`ALTER TABLE incident ENABLE TRIGGER incident_rollup_trg`)
  await rebuildRollup(database)
  step('rollup rebuilt')
  await database.rows(sql`ANALYZE incident`)
  await database.rows(sql`ANALYZE incident_rollup`)
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await run()
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await run()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return { p50: ms[Math.floor((ms.length - 1) * 0.5)]!, p95: ms[Math.ceil((ms.length - 1) * 0.95)]! }
}

const day = (d: number) => new Date(Date.now() + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10)

async function suite(label: string, database: Database, n: number): Promise<Figure[]> {
  const t0 = performance.now()
  await fill(database, n)
  const [{ rows } = { rows: 0 }] = await database.rows<{ rows: number }>(sql`SELECT count(*)::int AS rows FROM incident_rollup`)
  console.log(`  ${label}: ${n} incidents, ${rows} rollup rows`)
  const figures: Figure[] = [
    { name: `${label}: incidents generated (3 years)`, value: n, unit: 'rows' },
    { name: `${label}: rollup rows`, value: Number(rows), unit: 'rows' },
    { name: `${label}: generate + rebuild`, value: Math.round(performance.now() - t0), unit: 'ms' },
  ]
  const year: AnalyticsFilter = { fromDay: day(-364), toDay: day(0), classCode: '02' }
  const quarter: AnalyticsFilter = { fromDay: day(-90), toDay: day(0) }
  const unitYear: AnalyticsFilter = { fromDay: day(-364), toDay: day(0), unitCode: 'transport' }
  const bbox = [118.85, 25.3, 119.3, 25.7] as const
  const ctx = { database, scope: null, filter: quarter }
  const questions: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['(a) choropleth by grid, a year, one class', () => choroplethRows(database, year, null, 'grid', 'rollup'), () => choroplethRows(database, year, null, 'grid', 'raw')],
    ['(b) heatmap bins, district view (zoom 10, a year)', () => heatBins(database, { fromDay: day(-364), toDay: day(0) }, null, bbox, heatCellDegrees(10)),
      () => database.rows(sql`SELECT ST_X(location) AS x, ST_Y(location) AS y FROM incident WHERE created_at >= now() - interval '365 days' AND location && ST_MakeEnvelope(${bbox[0]}, ${bbox[1]}, ${bbox[2]}, ${bbox[3]}, 4326)`)],
    ['(c) Gi* over all grids, a quarter (+3 periods)', () => hotspots(ctx, 'grid', 8, 'rollup'), () => hotspots(ctx, 'grid', 8, 'raw')],
    ['(d) weekly trend of one unit, a year', () => aggregate(database, unitYear, null, 'week', 'rollup'), () => aggregate(database, unitYear, null, 'week', 'raw')],
  ]
  for (const [name, fast, slow] of questions) {
    const a = await time(fast)
    const b = await time(slow)
    const base = name.startsWith('(b)') ? 'raw points to the client' : 'incident table'
    console.log(`  ${label} ${name}: p50 ${a.p50.toFixed(0)} ms, p95 ${a.p95.toFixed(0)} ms; ${base}: p50 ${b.p50.toFixed(0)} ms, p95 ${b.p95.toFixed(0)} ms`)
    figures.push({ name: `${label} ${name} p50`, value: Math.round(a.p50), unit: 'ms', baseline: { name: `${base} p50`, value: Math.round(b.p50) } })
    figures.push({ name: `${label} ${name} p95`, value: Math.round(a.p95), unit: 'ms', baseline: { name: `${base} p95`, value: Math.round(b.p95) } })
  }
  return figures
}

export async function benchAnalytics(): Promise<Figure[]> {
  const figures: Figure[] = []
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const nPg = Number(process.env.BENCH_ANALYTICS_PG ?? 1_000_000)
  const nLite = Number(process.env.BENCH_ANALYTICS_PGLITE ?? 100_000)
  if (nPg > 0) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    const name = `hj_bench_analytics_${Date.now().toString(36)}`
    try {
      await admin.unsafe(`CREATE DATABASE ${name}`)
      const u = new URL(adminUrl)
      u.pathname = `/${name}`
      const database = await openDatabase({ databaseUrl: u.toString() })
      try {
        figures.push(...(await suite('PostGIS', database, nPg)))
      } finally {
        await database.close()
      }
    } catch (e) {
      console.warn(`analytics bench on PostGIS skipped: ${(e as Error).message}`)
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      await admin.end()
    }
  }
  if (nLite > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-analytics-'))
    const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') })
    try {
      figures.push(...(await suite('PGlite', database, nLite)))
    } finally {
      await database.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return figures
}
