import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import { gzip as gzipCb } from 'node:zlib'
import type { TileAddress, TileLayer } from '@hanjiang/shared'
import type { MapFilter } from '../../db/repositories/incident-map.ts'
import { layerVersion, mvtTile, tileFeatures, type TileQuery } from '../../db/repositories/tiles.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { rowScope } from '../incident-map/scope.ts'
import { patrolPrefixes } from '../patrol/scope.ts'
import { encodeTile } from './encode.ts'

const gzip = promisify(gzipCb)

export interface TileInput extends TileAddress {
  layer: TileLayer
  /** grids: the version valid at this time. */
  asOf?: Date
  /** incidents: the map's filters (the same as GET /api/incidents/map's, without the box). */
  incidents?: Omit<MapFilter, 'bbox' | 'scope'>
}

/** Bytes backed by a plain ArrayBuffer (what a Response body takes). */
type Bytes = Uint8Array<ArrayBuffer>

export interface TileAnswer {
  etag: string
  /** Null when the caller's copy (If-None-Match) is current. */
  body: { gzip: Bytes } | { raw: Bytes } | null
}

/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt: one vector tile of a map layer for the caller (docs/ARCHITECTURE.md §6).
 * Incident tiles hold only the rows the caller's map may show (the same scope as the JSON map), route tiles only
 * the caller's patrol areas. The ETag is the layer's data version (bumped by triggers on every write of its table)
 * plus what else shapes the tile — filters and scope — so a region edit invalidates its level's tiles and nothing
 * else, and an unchanged tile is a 304 after one primary-key read. The version is read before the data, so a tile
 * is never tagged newer than what it holds (at worst older, which costs one refetch).
 */
export async function vectorTile({
  database,
  actor,
  input,
  ifNoneMatch,
  acceptsGzip,
}: {
  database: Database
  actor: Actor
  input: TileInput
  ifNoneMatch?: string
  acceptsGzip: boolean
}): Promise<TileAnswer> {
  const q: TileQuery = { layer: input.layer, z: input.z, x: input.x, y: input.y }
  if (input.layer === 'grids' && input.asOf) q.asOf = input.asOf
  if (input.layer === 'incidents') q.incidents = { ...input.incidents, scope: rowScope(actor) }
  if (input.layer === 'routes') q.routePrefixes = patrolPrefixes(actor)
  const version = await layerVersion(database, input.layer)
  const shape = createHash('sha1')
    .update(JSON.stringify([q.asOf, q.incidents, q.routePrefixes]))
    .digest('base64url')
    .slice(0, 12)
  const etag = `"${input.layer}.${version}.${shape}"`
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) return { etag, body: null }
  // Tiles every caller sees alike (regions, areas) are kept per ETag: a district's desks and walls ask the same ones.
  const shared = SHARED_LAYERS.has(input.layer) && !q.asOf
  const key = `${etag}/${q.z}/${q.x}/${q.y}/${acceptsGzip ? 'gz' : 'raw'}`
  const kept = shared ? tileCache(database).get(key) : undefined
  if (kept) return { etag, body: kept }
  const body = await build(database, q, acceptsGzip)
  if (shared) tileCache(database).put(key, body)
  return { etag, body }
}

async function build(database: Database, q: TileQuery, acceptsGzip: boolean): Promise<NonNullable<TileAnswer['body']>> {
  const raw = (database.engine === 'server' ? await mvtTile(database, q) : encodeTile(q.layer, q, await tileFeatures(database, q))) as Bytes
  if (!acceptsGzip || raw.length === 0) return { raw }
  const packed = await gzip(raw)
  return { gzip: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength) as Bytes }
}

const SHARED_LAYERS = new Set<TileLayer>(['streets', 'communities', 'grids', 'areas'])
/** Bytes of tiles kept per database (per API process): a city's tiles at the zooms in use fit several times over. */
const CACHE_BYTES = 32 * 1024 * 1024

class TileCache {
  private readonly tiles = new Map<string, NonNullable<TileAnswer['body']>>()
  private bytes = 0
  get(key: string) {
    const t = this.tiles.get(key)
    if (t) {
      // Most recently used last: the oldest are dropped first.
      this.tiles.delete(key)
      this.tiles.set(key, t)
    }
    return t
  }
  put(key: string, t: NonNullable<TileAnswer['body']>) {
    const size = ('gzip' in t ? t.gzip : t.raw).length + key.length
    const old = this.tiles.get(key)
    if (old) this.bytes -= ('gzip' in old ? old.gzip : old.raw).length + key.length
    this.tiles.set(key, t)
    this.bytes += size
    for (const [k, v] of this.tiles) {
      if (this.bytes <= CACHE_BYTES) break
      this.tiles.delete(k)
      this.bytes -= ('gzip' in v ? v.gzip : v.raw).length + k.length
    }
  }
}

const caches = new WeakMap<Database, TileCache>()
function tileCache(database: Database): TileCache {
  let c = caches.get(database)
  if (!c) caches.set(database, (c = new TileCache()))
  return c
}
