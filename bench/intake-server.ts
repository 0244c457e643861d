// Child process of bench/intake.ts: the real app plus a bare-INSERT baseline route, on one port and one
// database. Run: node --import tsx bench/intake-server.ts (env: PORT, DATABASE_URL or DATA_DIR).
import { serve } from '@hono/node-server'
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { createApp } from '../apps/api/src/app.ts'
import { loadConfig } from '../apps/api/src/config.ts'
import { openDatabase } from '../apps/api/src/db/open.ts'
import { seedDatabase } from '../apps/api/src/seed/index.ts'

const config = loadConfig({ ...process.env, LOG_LEVEL: 'error', WEB_DIST: '/nonexistent', HOST: '127.0.0.1' })
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir })
await seedDatabase(database, { demo: true })

const app = new Hono()
// Baseline: the same HTTP stack and JSON body, one single-statement INSERT — no validation, assignment,
// event or timers.
app.post('/bench/bare-insert', async (c) => {
  const b = await c.req.json<{ description: string; location: { lng: number; lat: number } }>()
  const [row] = await database.rows<{ id: number }>(sql`
    INSERT INTO incident (code, tracking_code, channel, request_type, description, state, location)
    VALUES ('B' || nextval('incident_code_seq'), md5(random()::text), 'hotline_12345', 'complaint', ${b.description}, 'reported',
            ST_SetSRID(ST_MakePoint(${b.location.lng}::float8, ${b.location.lat}::float8), 4326))
    RETURNING id`)
  return c.json({ id: Number(row!.id) }, 201)
})
// Points for the load: random points inside random grids (deterministic per `seed`).
app.get('/bench/points', async (c) => {
  const n = Number(c.req.query('n') ?? 1000)
  const rows = await database.rows<{ lng: number; lat: number }>(sql`
    SELECT ST_X(p.geom) AS lng, ST_Y(p.geom) AS lat
    FROM (SELECT id, geom FROM region WHERE level = 'grid' AND valid_to IS NULL ORDER BY md5(id::text) LIMIT ${n}) g
    CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(g.geom, 1, g.id)) p`)
  return c.json(rows.map((r) => ({ lng: Number(r.lng), lat: Number(r.lat) })))
})
app.route('/', createApp({ database, config }))

const server = serve({ fetch: app.fetch, port: config.port, hostname: '127.0.0.1' })
const shutdown = () => server.close(() => void database.close().then(() => process.exit(0)))
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
