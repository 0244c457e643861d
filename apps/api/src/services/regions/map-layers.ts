import { createHash } from 'node:crypto'
import type { RegionLevel } from '@hanjiang/shared'
import { regionLabels, regionsFeatureCollection, regionsStamp } from '../../db/repositories/regions.ts'
import type { Database } from '../../db/types.ts'

export type LayerKind = 'polygons' | 'labels'

interface Layer {
  etag: string
  body: string
}

const cache = new WeakMap<Database, Map<string, Promise<Layer>>>()

/**
 * The current region layers are read on every map load (the grid layer is over a megabyte) but change
 * only on edits: build each once per region stamp, and give it an ETag so browsers revalidate with a 304.
 * Layers as of a past `at` are rare and built every time.
 */
export async function regionLayer(database: Database, kind: LayerKind, level: RegionLevel, at?: Date): Promise<Layer> {
  const build = async (): Promise<Layer> => {
    const body = kind === 'labels' ? await regionLabels(database, level, at) : await regionsFeatureCollection(database, level, at)
    return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }
  }
  if (at) return build()
  const stamp = await regionsStamp(database)
  let byKey = cache.get(database)
  if (!byKey) cache.set(database, (byKey = new Map()))
  const key = `${stamp}|${kind}|${level}`
  let layer = byKey.get(key)
  if (!layer) {
    // Drop layers of older stamps: only the current version is worth keeping.
    for (const k of byKey.keys()) if (!k.startsWith(`${stamp}|`)) byKey.delete(k)
    layer = build()
    layer.catch(() => byKey!.delete(key))
    byKey.set(key, layer)
  }
  return layer
}
