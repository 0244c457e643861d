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
  const raw = (database.engine === 'server' ? await mvtTile(database, q) : encodeTile(input.layer, q, await tileFeatures(database, q))) as Bytes
  if (!acceptsGzip || raw.length === 0) return { etag, body: { raw } }
  const packed = await gzip(raw)
  return { etag, body: { gzip: new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength) as Bytes } }
}
