import { sql } from 'drizzle-orm'
import { changeItems, insertChangeSet, replaceChangeItems, type ChangeItemInput } from '../apps/api/src/db/repositories/region-change-sets.ts'
import type { Database, Engine } from '../apps/api/src/db/types.ts'
import { approveChangeSet } from '../apps/api/src/services/region-changes/approve.ts'
import { computeImpact } from '../apps/api/src/services/region-changes/preview.ts'
import { openTestDatabase } from '../apps/api/test/engines.ts'
import type { Figure } from './lib.ts'

/**
 * The grid editor's server side on a synthetic district generated in SQL (docs/GRID-EDITOR.md): streets of
 * communities of 50 grids each (a 10 × 5 lattice of 200 m cells), and open incidents spread over them. The
 * change set re-tiles one community: its 50 grids redrawn as a 5 × 10 lattice (50 updates). Figures: validation +
 * impact preview (p95), publishing it (approval in one transaction, median); baseline: the preview of a
 * one-grid rename in the same district (the fixed cost of a change set).
 * Sizes: BENCH_EDITOR_GRIDS (default 10,000 on PGlite, 100,000 on PostGIS), BENCH_EDITOR_INCIDENTS_PER_GRID (10).
 */

const RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 10)
const PER_GRID = Number(process.env.BENCH_EDITOR_INCIDENTS_PER_GRID ?? 10)
const CELL = 0.002
/** Communities per street (a street is one row of communities). */
const COMMUNITIES_PER_STREET = 50

export async function fill(database: Database, grids: number): Promise<{ grids: number; incidents: number }> {
  const communities = Math.ceil(grids / 50)
  const streets = Math.ceil(communities / COMMUNITIES_PER_STREET)
  const w = COMMUNITIES_PER_STREET * 10 * CELL
  // Community (s, c) spans [119 + c·0.02, 25 + s·0.01]; grid g of it is cell (g mod 10, g div 10) of 200 m.
  await database.rows(sql.raw(`
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT '350303000000', '区', 'district', NULL, ST_Multi(ST_MakeEnvelope(119, 25, ${119 + w}, ${25 + streets * 0.01}, 4326))`))
  await database.rows(sql.raw(`
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT '350303' || lpad(s::text, 3, '0') || '000', '街道' || s, 'street', '350303000000',
      ST_Multi(ST_MakeEnvelope(119, 25 + (s - 1) * 0.01, ${119 + w}, 25 + s * 0.01, 4326))
    FROM generate_series(1, ${streets}) s`))
  await database.rows(sql.raw(`
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT '350303' || lpad(s::text, 3, '0') || lpad(c::text, 3, '0'), '社区' || s || '-' || c, 'community', '350303' || lpad(s::text, 3, '0') || '000',
      ST_Multi(ST_MakeEnvelope(119 + (c - 1) * 0.02, 25 + (s - 1) * 0.01, 119 + c * 0.02, 25 + s * 0.01, 4326))
    FROM generate_series(1, ${streets}) s, generate_series(1, ${COMMUNITIES_PER_STREET}) c
    WHERE (s - 1) * ${COMMUNITIES_PER_STREET} + c <= ${communities}`))
  await database.rows(sql.raw(`
    INSERT INTO region (code, name, level, parent_code, geom)
    SELECT r.code || lpad(g::text, 3, '0'), '网格' || g, 'grid', r.code,
      ST_Multi(ST_MakeEnvelope(ST_XMin(r.geom) + ((g - 1) % 10) * ${CELL}, ST_YMin(r.geom) + ((g - 1) / 10) * ${CELL},
                               ST_XMin(r.geom) + ((g - 1) % 10 + 1) * ${CELL}, ST_YMin(r.geom) + ((g - 1) / 10 + 1) * ${CELL}, 4326))
    FROM region r, generate_series(1, 50) g WHERE r.level = 'community'`))
  // Open incidents at pseudo-random points of each grid, with the grid's codes (as intake would store them).
  await database.rows(sql.raw(`
    INSERT INTO incident (code, tracking_code, channel, request_type, description, state, location, street_code, community_code, grid_code)
    SELECT 'HJB' || r.id || '-' || k, 'T' || r.id || '-' || k, 'hotline_12345', 'complaint', 'bench', 'dispatched',
      ST_SetSRID(ST_MakePoint(ST_XMin(r.geom) + ${CELL} * (0.05 + 0.9 * ((k * 7919 % 97) / 97.0)),
                              ST_YMin(r.geom) + ${CELL} * (0.05 + 0.9 * ((k * 104729 % 89) / 89.0))), 4326),
      substr(r.code, 1, 9) || '000', substr(r.code, 1, 12), r.code
    FROM region r, generate_series(1, ${PER_GRID}) k WHERE r.level = 'grid'`))
  for (const t of ['region', 'region_piece', 'incident']) await database.rows(sql.raw(`ANALYZE ${t}`))
  const [n] = await database.rows<{ g: number; i: number }>(sql`
    SELECT (SELECT count(*) FROM region WHERE level = 'grid')::int AS g, (SELECT count(*) FROM incident)::int AS i`)
  return { grids: Number(n!.g), incidents: Number(n!.i) }
}

const envelope = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
})

/** The 50 grids of community 350303001001 as a `cols × rows` lattice (10 × 5 is the generated one). */
export function retile(cols: number, rows: number, versions: Map<string, number>): ChangeItemInput[] {
  const x0 = 119
  const y0 = 25
  const cw = 0.02 / cols
  const ch = 0.01 / rows
  return Array.from({ length: 50 }, (_, i) => {
    const code = `350303001001${String(i + 1).padStart(3, '0')}`
    const c = i % cols
    const r = Math.floor(i / cols)
    return {
      op: 'update' as const, level: 'grid' as const, code, parentCode: null, name: null, baseVersion: versions.get(code)!,
      geometry: envelope(x0 + c * cw, y0 + r * ch, x0 + (c + 1) * cw, y0 + (r + 1) * ch),
    }
  })
}

export async function currentVersions(database: Database): Promise<Map<string, number>> {
  const rows = await database.rows<{ code: string; version: number }>(sql`
    SELECT code, version FROM region WHERE valid_to IS NULL AND code LIKE '350303001001%' AND level = 'grid'`)
  return new Map(rows.map((r) => [r.code, Number(r.version)]))
}

export async function draft(database: Database, items: ChangeItemInput[]): Promise<number> {
  return database.db.transaction(async (tx) => {
    const id = await insertChangeSet(database, tx, 'bench', 'bench')
    await replaceChangeItems(database, tx, id, items)
    await database.rows(sql`UPDATE region_change_set SET state = 'submitted' WHERE id = ${id}`, tx)
    return id
  })
}

const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]!
const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!

async function timed(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  await f() // warm-up
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    ms.push(performance.now() - t0)
  }
  return ms
}

async function suite(engine: Engine): Promise<Figure[]> {
  const grids = Number(process.env.BENCH_EDITOR_GRIDS ?? (engine === 'server' ? 100_000 : 10_000))
  const test = await openTestDatabase(engine)
  try {
    const { database } = test
    const t0 = performance.now()
    const size = await fill(database, grids)
    const fillMs = performance.now() - t0
    const admin = { id: 'bench', role: 'admin' as const }

    const rename = await draft(database, [{ op: 'update', level: 'grid', code: '350303001002001', parentCode: null, name: '改名', geometry: null, baseVersion: 1 }])
    const renameItems = await changeItems(database, rename)
    const base = await timed(RUNS, () => computeImpact(database, rename, renameItems))

    let versions = await currentVersions(database)
    const set = await draft(database, retile(5, 10, versions))
    const items = await changeItems(database, set)
    const preview = await timed(RUNS, () => computeImpact(database, set, items))
    const impact = await computeImpact(database, set, items)

    // Publishing: alternate the two tilings, each a fresh approved change set.
    const publish: number[] = []
    for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
      versions = await currentVersions(database)
      const id = await draft(database, retile(i % 2 === 0 ? 5 : 10, i % 2 === 0 ? 10 : 5, versions))
      const t = performance.now()
      await approveChangeSet({ database, actor: admin, id, input: {} })
      publish.push(performance.now() - t)
    }
    const tag = `[${engine}]`
    return [
      { name: `${tag} grids generated`, value: size.grids, unit: 'grids' },
      { name: `${tag} open incidents generated`, value: size.incidents, unit: 'incidents' },
      { name: `${tag} generating the district`, value: fillMs / 1000, unit: 's' },
      { name: `${tag} re-tile 50 grids: incidents that move`, value: impact.incidents.count, unit: 'incidents' },
      { name: `${tag} re-tile 50 grids: validate + preview p95`, value: p95(preview), unit: 'ms', baseline: { name: 'one-grid rename p95', value: p95(base) } },
      { name: `${tag} re-tile 50 grids: validate + preview median`, value: median(preview), unit: 'ms' },
      { name: `${tag} re-tile 50 grids: publish (approve) median`, value: median(publish), unit: 'ms' },
      { name: `${tag} re-tile 50 grids: publish max`, value: Math.max(...publish), unit: 'ms' },
    ]
  } finally {
    await test.dispose()
  }
}

export async function benchEditor(): Promise<Figure[]> {
  const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['embedded', 'server'] : ['embedded']
  const only = process.env.BENCH_EDITOR_ENGINE as Engine | undefined
  const out: Figure[] = []
  for (const e of engines) if (!only || only === e) out.push(...(await suite(e)))
  return out
}
