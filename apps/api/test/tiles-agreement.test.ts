import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TILE_LAYERS } from '@hanjiang/shared'
import type { Database } from '../src/db/types.ts'
import { openTestDatabase, type TestDatabase } from './engines.ts'
import { incidentApi } from './incidents-helpers.ts'
import { getTile, insertGridOfIncidents, tileAt, type DecodedFeature } from './tiles-helpers.ts'

/**
 * The same tiles from both engines: PostGIS encodes them with ST_AsMVT, the embedded engine with geojson-vt + vt-pbf
 * (services/tiles/encode.ts). Over one data set written identically into each, every tile of a set spanning district to
 * street zoom must decode to the same features — ids, properties, counts — with geometry within one screen pixel
 * (8 tile units of 4096 on a 512-pixel tile). Needs PostGIS (TEST_DATABASE_URL), as on CI.
 */

const SERVER = Boolean(process.env.TEST_DATABASE_URL)
/** One screen pixel of a 512-pixel tile, in tile units. */
const PIXEL = 4096 / 512
const REGION_LAYERS = new Set<string>(['streets', 'communities', 'grids'])
const BOX: [number, number, number, number] = [119.0, 25.4, 119.2, 25.5]

/** Identical writes into one database: irregular shapes (a wavy grid, a round area, a river line, routes) and incidents. */
async function seed(database: Database): Promise<void> {
  const api = incidentApi(() => database)
  // GRID1 (119.00–119.05 × 25.475–25.50) redrawn with a wavy south edge: many vertices, then simplified per zoom.
  const wave: [number, number][] = []
  for (let i = 0; i <= 60; i++) wave.push([119.0 + (0.05 * i) / 60, 25.478 + 0.002 * Math.sin(i / 3)])
  const grid = [...wave, [119.05, 25.5], [119.0, 25.5], wave[0]!]
  expect((await api.call('PATCH', '/api/regions/350303001001001', { geometry: { type: 'Polygon', coordinates: [grid] } }, {}, 'admin')).status).toBe(200)
  const circle: [number, number][] = []
  for (let i = 0; i <= 72; i++) circle.push([119.16 + 0.012 * Math.cos((i * Math.PI) / 36), 25.47 + 0.01 * Math.sin((i * Math.PI) / 36)])
  circle[72] = circle[0]!
  expect((await api.call('POST', '/api/areas', { name: '圆形景区', unitCode: 'tourism', classCode: '02', geometry: { type: 'Polygon', coordinates: [circle] } }, {}, 'admin')).status).toBe(201)
  const river = Array.from({ length: 40 }, (_, i) => [119.0 + i * 0.005, 25.42 + 0.004 * Math.sin(i / 2)])
  expect((await api.call('POST', '/api/areas', { name: '河道', unitCode: 'water_resources', classCode: '010502', geometry: { type: 'LineString', coordinates: river }, bufferM: 30 }, {}, 'admin')).status).toBe(201)
  await database.rows(sql`INSERT INTO patrol_route (grid_code, geom) VALUES
    ('350303001001001', ST_GeomFromText('LINESTRING(119.003 25.481, 119.02 25.483, 119.047 25.482, 119.047 25.497, 119.003 25.497, 119.003 25.481)', 4326)),
    ('350303002002004', ST_GeomFromText('LINESTRING(119.152 25.403, 119.197 25.404, 119.196 25.423, 119.153 25.424)', 4326))`)
  await insertGridOfIncidents(database, 3000, [119.005, 25.405, 119.195, 25.495])
}

/** District → street: every tile meeting the box at zooms 10 and 12, a spread of those at 14 and 16, the knot's tile. */
function tileSet(): { z: number; x: number; y: number }[] {
  const out: { z: number; x: number; y: number }[] = []
  for (const [z, step] of [[10, 1], [12, 1], [14, 3], [16, 9]] as const) {
    const a = tileAt(BOX[0], BOX[3], z)
    const b = tileAt(BOX[2], BOX[1], z)
    for (let x = a.x; x <= b.x; x += step) for (let y = a.y; y <= b.y; y += step) out.push({ z, x, y })
  }
  out.push(tileAt(119.1, 25.45, 15), tileAt(119.1, 25.45, 17))
  return out
}

const keyOf = (f: DecodedFeature) => String(f.properties.code ?? f.properties.gridCode ?? f.properties.id ?? f.id)

function segDistance(p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }): number {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = dx * dx + dy * dy
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len))
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy))
}

/** The farthest any vertex of `a` lies from the lines (or points) of `b`: a one-sided Hausdorff distance, in tile units. */
function farthest(a: DecodedFeature, b: DecodedFeature): number {
  let worst = 0
  for (const p of a.geometry.flat()) {
    let best = Infinity
    for (const part of b.geometry) {
      if (part.length === 1) best = Math.min(best, Math.hypot(p.x - part[0]!.x, p.y - part[0]!.y))
      for (let i = 1; i < part.length; i++) best = Math.min(best, segDistance(p, part[i - 1]!, part[i]!))
    }
    worst = Math.max(worst, best)
  }
  return worst
}

describe.skipIf(!SERVER)('vector tiles agree between PostGIS (ST_AsMVT) and PGlite (geojson-vt + vt-pbf)', () => {
  const dbs: TestDatabase[] = []
  beforeAll(async () => {
    for (const engine of ['embedded', 'server'] as const) {
      const t = await openTestDatabase(engine, { fixture: true })
      dbs.push(t)
      await seed(t.database)
    }
  }, 300_000)
  afterAll(async () => {
    for (const t of dbs) await t.dispose()
  })

  it('decodes every tile of a district-to-street set to the same features on both engines', async () => {
    const tiles = tileSet()
    let compared = 0
    let worst = 0
    const seen = new Set<string>()
    for (const layer of TILE_LAYERS) {
      for (const t of tiles) {
        const path = `/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`
        const [embedded, server] = await Promise.all(dbs.map((d) => getTile(d.database, path, 'dispatcher')))
        expect(embedded!.status, path).toBe(200)
        expect(server!.status, path).toBe(200)
        const a = embedded!.layers[layer] ?? []
        const b = server!.layers[layer] ?? []
        expect(a.map(keyOf).sort(), `${path}: features`).toEqual(b.map(keyOf).sort())
        const byKey = new Map(b.map((f) => [keyOf(f), f]))
        for (const fa of a) {
          const fb = byKey.get(keyOf(fa))!
          const where = `${path} ${keyOf(fa)}`
          // Region row ids come from each engine's own seeding order; every other layer's ids are the same rows'.
          if (!REGION_LAYERS.has(layer)) expect(fa.id, where).toBe(fb.id)
          expect(fa.type, where).toBe(fb.type)
          expect(fa.properties, where).toEqual(fb.properties)
          const d = Math.max(farthest(fa, fb), farthest(fb, fa))
          expect(d, `${where}: geometry apart by ${d.toFixed(1)} units`).toBeLessThanOrEqual(PIXEL)
          worst = Math.max(worst, d)
          compared++
          seen.add(`${layer}:${fa.type}`)
        }
      }
    }
    // The set really exercised every layer and every geometry type.
    expect([...seen].sort()).toEqual(
      ['areas:LineString', 'areas:Polygon', 'communities:Polygon', 'grids:Polygon', 'incidents:Point', 'routes:LineString', 'streets:Polygon'].sort(),
    )
    expect(compared).toBeGreaterThan(500)
    console.log(`tile agreement: ${tiles.length} tiles × ${TILE_LAYERS.length} layers, ${compared} features, worst geometry gap ${worst.toFixed(2)} tile units`)
  }, 600_000)
})
