import { gunzipSync } from 'node:zlib'
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile'
import Pbf from 'pbf'
import { sql } from 'drizzle-orm'
import type { Database } from '../src/db/types.ts'
import { testApp } from './app.ts'
import { requestAs, type WhoLike } from './auth.ts'

/** Vector tile test helpers: fetch a tile over the real app, decode it (gzip or not) into plain features. */

export interface DecodedFeature {
  id: number | undefined
  type: 'Point' | 'LineString' | 'Polygon' | 'Unknown'
  properties: Record<string, string | number | boolean>
  /** Rings/lines/points in tile units (0…extent). */
  geometry: { x: number; y: number }[][]
}

export interface TileResponse {
  status: number
  headers: Headers
  bytes: Uint8Array
  /** Layer name → features (empty object for an empty tile). */
  layers: Record<string, DecodedFeature[]>
  /** The problem document when the answer is one. */
  problem: Record<string, unknown> | null
}

const TYPES = ['Unknown', 'Point', 'LineString', 'Polygon'] as const

export function decodeTile(bytes: Uint8Array): Record<string, DecodedFeature[]> {
  const tile = new VectorTile(new Pbf(bytes))
  const out: Record<string, DecodedFeature[]> = {}
  for (const [name, layer] of Object.entries(tile.layers)) {
    const features: DecodedFeature[] = []
    for (let i = 0; i < layer.length; i++) {
      const f: VectorTileFeature = layer.feature(i)
      features.push({
        id: f.id,
        type: TYPES[f.type],
        properties: f.properties as Record<string, string | number | boolean>,
        geometry: f.loadGeometry().map((ring) => ring.map((p) => ({ x: p.x, y: p.y }))),
      })
    }
    out[name] = features
  }
  return out
}

/** GET a tile as `who` (null: no session). */
export async function getTile(database: Database, path: string, who: WhoLike | null = 'viewer', headers: Record<string, string> = {}): Promise<TileResponse> {
  const app = testApp(database)
  const res = who === null ? await app.request(path, { headers }) : await requestAs(app, database, who, (session) => app.request(path, { headers: { ...session, ...headers } }))
  const raw = new Uint8Array(await res.arrayBuffer())
  const type = res.headers.get('content-type') ?? ''
  if (type.startsWith('application/problem+json')) return { status: res.status, headers: res.headers, bytes: raw, layers: {}, problem: JSON.parse(Buffer.from(raw).toString('utf8')) }
  const bytes = res.headers.get('content-encoding') === 'gzip' ? new Uint8Array(gunzipSync(raw)) : raw
  return { status: res.status, headers: res.headers, bytes, layers: res.status === 200 ? decodeTile(bytes) : {}, problem: null }
}

/**
 * `n` incidents spread deterministically over the box (no random(): both engines must hold the same rows), a mix of
 * states, tracks, classes and units; every 4th in a tight knot so cluster cells hold many.
 */
export async function insertGridOfIncidents(database: Database, n: number, box: [number, number, number, number], prefix = 'HJT'): Promise<void> {
  const [w, s, e, nn] = box
  await database.rows(sql`
    INSERT INTO incident (code, tracking_code, channel, request_type, track, fine_class, location, description, state,
                          unit_code, street_code, grid_code, overdue_at, created_at)
    SELECT ${prefix}::text || '-' || lpad(g::text, 6, '0'), 'T' || ${prefix}::text || g, 'hotline_12345', 'complaint',
      CASE WHEN g % 9 = 0 THEN 'urgent' ELSE 'normal' END,
      (ARRAY['010502','020602','020601','030101'])[1 + g % 4],
      ST_SetSRID(ST_MakePoint(
        CASE WHEN g % 4 = 0 THEN ${(w + e) / 2}::float8 + (g % 7) * 0.0001 ELSE ${w}::float8 + ((g * 7919) % 1000) / 1000.0 * ${e - w}::float8 END,
        CASE WHEN g % 4 = 0 THEN ${(s + nn) / 2}::float8 + (g % 5) * 0.0001 ELSE ${s}::float8 + ((g * 104729) % 997) / 997.0 * ${nn - s}::float8 END), 4326),
      'tile test',
      (ARRAY['reported','registered','dispatched','accepted','on_site','resolved','closed'])[1 + g % 7],
      (ARRAY['transport','city_admin','tourism'])[1 + g % 3],
      CASE WHEN g % 2 = 0 THEN '350303001000' ELSE '350303002000' END,
      CASE WHEN g % 2 = 0 THEN '350303001001001' ELSE '350303002002004' END,
      CASE WHEN g % 10 = 0 THEN '2026-01-01T00:00:00Z'::timestamptz END,
      '2026-01-01T00:00:00Z'::timestamptz + g * interval '1 minute'
    FROM generate_series(1, ${n}::int) g`)
}

/** The XYZ tile holding a point at zoom z. */
export function tileAt(lng: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z
  const r = (lat * Math.PI) / 180
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) }
}
