import postgres from 'postgres'
import { computeIndicators, parsePeriod, scoreOf, type EvaluationFacts } from '@hanjiang/shared'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { incidentFacts, evaluatedUnits } from '../apps/api/src/db/repositories/evaluation.ts'
import type { Database } from '../apps/api/src/db/types.ts'
import { seedReference } from '../apps/api/src/seed/reference.ts'
import { workingCalendar } from '../apps/api/src/services/calendar/working-calendar.ts'
import { quarterReport, reportDocx } from '../apps/api/src/services/evaluation/report.ts'
import type { Figure } from './lib.ts'

/**
 * Evaluation (docs/EVALUATION.md): every unit's indicators and scores for each month of 2026 — the facts from
 * the one aggregate statement over incident_event, then the shared pure functions — on a synthetic history
 * generated in SQL (about 8 events per incident: intake, register, dispatch, accept, arrive, resolve, close, a
 * callback; some returned and re-dispatched, reworked, extended, overdue, urgent). Same-run baseline: the same
 * figures computed from the raw rows (every event of the month's incidents fetched and folded in JS).
 * PGlite at BENCH_EVAL_PGLITE (default 40,000 incidents), PostGIS at BENCH_EVAL_PG (default 400,000) when
 * TEST_DATABASE_URL (or BENCH_DATABASE_URL) is set. Also the quarterly report DOCX on the larger one.
 * Figures on a shared 2-core machine are noisy.
 */

const PGLITE_N = Number(process.env.BENCH_EVAL_PGLITE ?? 40_000)
const PG_N = Number(process.env.BENCH_EVAL_PG ?? 400_000)

async function fill(database: Database, n: number): Promise<void> {
  await database.db.transaction((tx) => seedReference(database, tx))
  const units = (await evaluatedUnits(database)).map((u) => `'${u.code}'`).join(',')
  await database.rows(sql.raw(`ALTER TABLE incident_event DISABLE TRIGGER USER`))
  await database.rows(sql.raw(`
    INSERT INTO incident (code, tracking_code, channel, request_type, track, description, state, unit_code, street_code, created_at)
    SELECT 'HJE-' || g, 'TE' || g, 'hotline_12345', 'complaint', CASE WHEN g % 25 = 0 THEN 'urgent' ELSE 'normal' END, 'bench',
      CASE WHEN g % 17 = 0 THEN 'accepted' ELSE 'closed' END, u.units[1 + g % array_length(u.units, 1)],
      '350303' || lpad((1 + g % 13)::text, 3, '0') || '000',
      timestamptz '2026-01-01 00:00+08' + (g::float8 / ${n}) * interval '364 days'
    FROM generate_series(1, ${n}) g CROSS JOIN (SELECT ARRAY[${units}] AS units) u`))
  // Events: offsets from intake; every 11th returned once and re-dispatched, every 13th reworked, every 9th extended, every 17th overdue and open.
  await database.rows(sql.raw(`
    INSERT INTO incident_event (incident_id, at, actor, actor_role, action, from_state, to_state, data)
    SELECT i.id, i.created_at + s.off * interval '1 minute', 'bench', 'system', s.action, s.f, s.t,
      CASE WHEN s.action IN ('dispatch','redispatch','returnToCenter') THEN jsonb_build_object('unitCode', CASE WHEN s.action = 'dispatch' AND i.id % 11 = 0 THEN 'city_admin' ELSE i.unit_code END)
           WHEN s.action = 'decideExtension' THEN '{"approved": true}'::jsonb
           WHEN s.action = 'overdue' THEN '{"rule": "R1"}'::jsonb
           WHEN s.action = 'callback' THEN jsonb_build_object('satisfaction', CASE WHEN i.id % 14 = 0 THEN 'not_satisfied' ELSE 'satisfied' END) END
    FROM incident i
    CROSS JOIN LATERAL (VALUES
      (0, 'create', NULL, 'reported', true),
      (5, 'register', 'reported', 'registered', true),
      (12 + (i.id % 7) * 3, 'dispatch', 'registered', 'dispatched', true),
      (60, 'returnToCenter', 'dispatched', 'returned', i.id % 11 = 0),
      (90, 'redispatch', 'returned', 'dispatched', i.id % 11 = 0),
      (120, 'accept', 'dispatched', 'accepted', true),
      (200, 'decideExtension', 'accepted', 'accepted', i.id % 9 = 0),
      (200 + (i.id % 500), 'arrive', 'accepted', 'on_site', i.id % 17 <> 0),
      (5000, 'overdue', 'accepted', 'accepted', i.id % 17 = 0),
      (900 + (i.id % 3000), 'resolve', 'on_site', 'resolved', i.id % 17 <> 0),
      (1000 + (i.id % 3000), 'verifyFail', 'resolved', 'accepted', i.id % 13 = 0),
      (1100 + (i.id % 3000), 'arrive', 'accepted', 'on_site', i.id % 13 = 0),
      (1200 + (i.id % 3000), 'resolve', 'on_site', 'resolved', i.id % 13 = 0),
      (4000, 'verifyPass', 'resolved', 'closed', i.id % 17 <> 0),
      (4500, 'callback', 'closed', 'closed', i.id % 17 <> 0 AND i.id % 3 = 0)
    ) AS s(off, action, f, t, keep)
    WHERE s.keep AND i.code LIKE 'HJE-%'`))
  await database.rows(sql.raw(`ALTER TABLE incident_event ENABLE TRIGGER USER`))
  await database.rows(sql`ANALYZE incident`)
  await database.rows(sql`ANALYZE incident_event`)
}

/** Baseline: the raw events of the month's incidents, folded into facts in JS. */
async function rawFacts(database: Database, from: Date, to: Date): Promise<EvaluationFacts[]> {
  const rows = await database.rows<Record<string, unknown>>(sql`
    SELECT i.id, i.code, i.street_code, i.track, i.created_at, e.at, e.action, e.from_state, e.to_state, e.data
    FROM incident i LEFT JOIN incident_event e ON e.incident_id = i.id AND e.at < ${to.toISOString()}::timestamptz
    WHERE i.created_at >= ${from.toISOString()}::timestamptz AND i.created_at < ${to.toISOString()}::timestamptz
    ORDER BY i.id, e.at, e.id`)
  const out: EvaluationFacts[] = []
  let cur: EvaluationFacts | null = null
  for (const r of rows) {
    if (!cur || cur.id !== Number(r.id)) {
      cur = {
        id: Number(r.id), code: String(r.code), streetCode: (r.street_code as string) ?? null, urgent: r.track === 'urgent', receivedAt: new Date(r.created_at as string),
        registeredAt: null, dispatches: [], returns: [], firstArrivedAt: null, lastResolvedAt: null, endState: 'reported', overdue: false, reworks: 0,
        extensionsApproved: 0, satisfaction: null,
      }
      out.push(cur)
    }
    if (!r.action) continue
    const at = new Date(r.at as string)
    const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown> | null
    const a = r.action as string
    if (r.to_state) cur.endState = r.to_state as EvaluationFacts['endState']
    if (!cur.registeredAt && (a === 'register' || (a === 'dispatch' && r.from_state === 'reported'))) cur.registeredAt = at
    if (a === 'dispatch' || a === 'redispatch') cur.dispatches.push({ unitCode: String(data?.unitCode), at, leadUnitFallback: data?.rule === 'R7' })
    if (a === 'returnToCenter') cur.returns.push({ unitCode: String(data?.unitCode), at })
    if (a === 'arrive' && !cur.firstArrivedAt) cur.firstArrivedAt = at
    if (a === 'resolve') cur.lastResolvedAt = at
    if (a === 'overdue' && data?.rule !== 'R4') cur.overdue = true
    if (a === 'verifyFail' || a === 'reopen') cur.reworks++
    if (a === 'decideExtension' && data?.approved === true) cur.extensionsApproved++
    if (a === 'callback' && data?.satisfaction) cur.satisfaction = data.satisfaction as EvaluationFacts['satisfaction']
  }
  return out
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

async function measure(database: Database, label: string, n: number): Promise<Figure[]> {
  const t0 = performance.now()
  await fill(database, n)
  const fillMs = performance.now() - t0
  const units = await evaluatedUnits(database)
  const calendar = await workingCalendar(database)
  const months = Array.from({ length: 12 }, (_, i) => parsePeriod(`2026-${String(i + 1).padStart(2, '0')}`))
  const run = async (facts: (from: Date, to: Date) => Promise<EvaluationFacts[]>) => {
    const times: number[] = []
    let scored = 0
    for (const m of months) {
      const t = performance.now()
      const fs = await facts(m.from, m.to)
      for (const u of units) if (scoreOf(computeIndicators(fs, { level: 'unit', code: u.code }, m.to, calendar)).score !== null) scored++
      times.push(performance.now() - t)
    }
    return { times, scored }
  }
  const agg = await run((from, to) => incidentFacts(database, { from, to }))
  const raw = await run((from, to) => rawFacts(database, from, to))
  if (agg.scored !== raw.scored) throw new Error(`the two computations disagree (${agg.scored} vs ${raw.scored} scored unit-months)`)
  const figures: Figure[] = [
    { name: `${label}: synthetic fill (${n.toLocaleString('en')} incidents)`, value: Math.round(fillMs), unit: 'ms' },
    { name: `${label}: ${units.length} units × month, aggregate SQL + pure functions, p95`, value: Math.round(pct(agg.times, 95)), unit: 'ms', baseline: { name: 'raw rows folded in JS, p95', value: Math.round(pct(raw.times, 95)) } },
    { name: `${label}: ${units.length} units × 12 months, total`, value: Math.round(agg.times.reduce((a, b) => a + b, 0)), unit: 'ms', baseline: { name: 'raw rows folded in JS, total', value: Math.round(raw.times.reduce((a, b) => a + b, 0)) } },
  ]
  return figures
}

export async function benchEvaluation(): Promise<Figure[]> {
  const figures: Figure[] = []
  const embedded = await openDatabase({})
  try {
    figures.push(...(await measure(embedded, 'PGlite', PGLITE_N)))
  } finally {
    await embedded.close()
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (!adminUrl) {
    console.log('[evaluation bench] no TEST_DATABASE_URL / BENCH_DATABASE_URL: PostGIS skipped')
    return figures
  }
  const name = `hj_bench_eval_${Date.now().toString(36)}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const server = await openDatabase({ databaseUrl: url.toString() })
  try {
    figures.push(...(await measure(server, 'PostGIS', PG_N)))
    const t = performance.now()
    const bytes = await reportDocx(await quarterReport({ database: server }, parsePeriod('2026-Q3')))
    figures.push({ name: `PostGIS: quarterly report DOCX 2026-Q3 (${Math.round(bytes.length / 1024)} KB)`, value: Math.round(performance.now() - t), unit: 'ms' })
  } finally {
    await server.close()
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
  return figures
}
