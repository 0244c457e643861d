// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- shpjs has no types; the declaration travels with this file into the api and web programs
/// <reference path="./shpjs.d.ts" />
import JSZip from 'jszip'
import { parseDbf, parseShp } from 'shpjs'
import { crsFromPrj, CrsError, reprojectFeatures, type ResolvedCrs } from './projection.ts'
import { ExchangeFileError, type ExchangeFeature } from './exchange-types.ts'

/** Uncompressed size a zipped Shapefile may unpack to (a guard against zip bombs; the upload itself is ≤ 64 MB). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024

export interface ShapefileLayer {
  /** The layer's file name in the zip without extension, e.g. 'grids' or 'data/grids'. */
  name: string
  /** The .prj text, if the layer has one. */
  prj: string | null
}

export interface ShapefileRead {
  layers: ShapefileLayer[]
  /** The system the coordinates were read in. */
  crs: ResolvedCrs
  /** Where the system came from: the user's choice or the layers' .prj. */
  crsSource: 'option' | 'prj'
  /** Features in WGS84 lng/lat; properties from the .dbf ('' and NaN read back as null). */
  features: ExchangeFeature[]
}

const lower = (name: string) => name.toLowerCase()

/**
 * The attribute table's text encoding: the .cpg if there is one; otherwise UTF-8 when the bytes are valid UTF-8,
 * else GBK, which is what ArcGIS on a Chinese Windows writes without a .cpg.
 */
function dbfEncoding(dbf: Uint8Array, cpg: string | null): string {
  if (cpg && cpg.trim()) return cpg.trim()
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf)
    return 'utf-8'
  } catch {
    return 'gbk'
  }
}

function cleanProperties(row: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(row ?? {})) out[k] = v === '' || (typeof v === 'number' && Number.isNaN(v)) ? null : v
  return out
}

/**
 * Reads a zipped Shapefile (one or more layers: .shp + .dbf, optionally .prj and .cpg) with shpjs and reprojects
 * it to WGS84. `crs` is the user's choice and wins over the .prj (GCJ-02 data usually carries a WGS84 .prj); without
 * it every layer needs a .prj that {@link crsFromPrj} recognises, and all layers must agree.
 */
export async function readShapefileZip(bytes: Uint8Array, crs: ResolvedCrs | null): Promise<ShapefileRead> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (e) {
    throw new ExchangeFileError('unreadable_file', `The file is not a readable .zip: ${(e as Error).message}`)
  }
  const files = Object.values(zip.files).filter((f) => !f.dir && !f.name.includes('__MACOSX/'))
  const declared = files.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0)
  if (declared > MAX_UNZIPPED_BYTES) {
    throw new ExchangeFileError('file_too_large', `The .zip unpacks to ${Math.round(declared / 1048576)} MB; at most ${MAX_UNZIPPED_BYTES / 1048576} MB`, { limit: MAX_UNZIPPED_BYTES, unit: 'bytes' })
  }
  const byName = new Map(files.map((f) => [lower(f.name), f]))
  const shps = files.filter((f) => lower(f.name).endsWith('.shp'))
  if (!shps.length) {
    throw new ExchangeFileError('unreadable_file', `The .zip holds no .shp file (found: ${files.map((f) => f.name).slice(0, 10).join(', ') || 'nothing'})`)
  }
  const sibling = (shp: JSZip.JSZipObject, ext: string) => byName.get(lower(shp.name).slice(0, -4) + ext) ?? null

  const layers: (ShapefileLayer & { shp: Uint8Array; dbf: Uint8Array | null; cpg: string | null })[] = []
  for (const shp of shps) {
    const [prj, dbf, cpg] = [sibling(shp, '.prj'), sibling(shp, '.dbf'), sibling(shp, '.cpg')]
    layers.push({
      name: shp.name.slice(0, -4),
      shp: await shp.async('uint8array'),
      dbf: dbf ? await dbf.async('uint8array') : null,
      prj: prj ? await prj.async('string') : null,
      cpg: cpg ? await cpg.async('string') : null,
    })
  }

  let resolved = crs
  let crsSource: ShapefileRead['crsSource'] = 'option'
  if (!resolved) {
    crsSource = 'prj'
    const missing = layers.filter((l) => !l.prj?.trim())
    if (missing.length) {
      throw new CrsError('crs_required', `The Shapefile ${missing.map((l) => `${l.name}.shp`).join(', ')} has no .prj, so its coordinate system is unknown; say which it is with crs=… (e.g. wgs84, gcj02, cgcs2000 or EPSG:4549 for CGCS2000 Gauss-Kruger CM 120E)`, { layers: missing.map((l) => l.name) })
    }
    const found = layers.map((l) => ({ layer: l.name, crs: crsFromPrj(l.prj!) }))
    const distinct = new Set(found.map((f) => f.crs.proj4 ?? f.crs.code))
    if (distinct.size > 1) {
      throw new CrsError('unknown_crs', `The layers are in different coordinate systems (${found.map((f) => `${f.layer}: ${f.crs.name}`).join('; ')}); import them one at a time`, { layers: found.map((f) => ({ layer: f.layer, crs: f.crs.code })) })
    }
    resolved = found[0]!.crs
  }

  const features: ExchangeFeature[] = []
  for (const layer of layers) {
    let geometries: (GeoJSON.Geometry | null)[]
    let rows: Record<string, unknown>[] = []
    try {
      // Read without the .prj: shpjs would reproject with it; reprojection is done below from the recognised system.
      geometries = parseShp(layer.shp, undefined) as (GeoJSON.Geometry | null)[]
      if (layer.dbf) rows = parseDbf(layer.dbf, dbfEncoding(layer.dbf, layer.cpg)) as Record<string, unknown>[]
    } catch (e) {
      throw new ExchangeFileError('unreadable_file', `The Shapefile layer ${layer.name} cannot be read: ${(e as Error).message}`, { layer: layer.name })
    }
    geometries.forEach((geometry, i) => {
      features.push({ type: 'Feature', geometry, properties: cleanProperties(rows[i]), source: { layer: layer.name, record: i } })
    })
  }
  return {
    layers: layers.map(({ name, prj }) => ({ name, prj })),
    crs: resolved,
    crsSource,
    features: reprojectFeatures(features, resolved),
  }
}
