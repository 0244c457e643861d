import { readExchangeFile, type ExchangeRead } from '@hanjiang/shared/geo/exchange-file'
import { ExchangeFileError, type ExchangeFormat } from '@hanjiang/shared/geo/exchange-types'
import { CrsError } from '@hanjiang/shared/geo/projection'
import { assertCleanJson } from '../../http/input-text.ts'
import { Problem, problem, problems } from '../../http/problem.ts'

/**
 * The body of a region/area import (docs/IMPORT-EXPORT.md): GeoJSON as before, or a zipped Shapefile or KML sent
 * as the raw body with its media type, read and reprojected to WGS84 by shared/geo/exchange-file.ts. File-level
 * problems (no .prj, unknown .prj, unreadable file) are 400s; everything about single features is left to the
 * import's checks, which list every feature at once.
 */

/** How an imported file was read, returned with the import's answer. */
export interface ImportSource {
  format: ExchangeFormat
  crs: ExchangeRead['crs']
  layers: { name: string; prj: string | null }[]
}

export interface ImportFile {
  /** A FeatureCollection for the importer; Shapefile/KML features carry their ids as GeoJSON ids. */
  collection: { type: 'FeatureCollection'; features: unknown[] }
  /** Null for a plain GeoJSON body without a crs option (the original path, byte for byte the same). */
  source: ImportSource | null
  /** Per feature: where it is in the file, for problems people can find in QGIS/ArcGIS. */
  labels: string[]
}

const TYPES: Record<string, ExchangeFormat | 'sniff'> = {
  'application/json': 'geojson',
  'application/geo+json': 'geojson',
  'application/zip': 'shapefile',
  'application/x-zip-compressed': 'shapefile',
  'application/vnd.google-earth.kml+xml': 'kml',
  'application/xml': 'kml',
  'text/xml': 'kml',
  'application/octet-stream': 'sniff',
}
export const IMPORT_MEDIA_TYPES = Object.keys(TYPES)

/** A CrsError or ExchangeFileError from shared/geo as the API's problem. */
export function exchangeProblem(e: unknown): unknown {
  if (e instanceof CrsError) return problem(e.code, e.message, { ...e.details, errors: [{ path: 'crs', message: e.message }] })
  if (e instanceof ExchangeFileError) {
    if (e.code === 'file_too_large') return problems.payloadTooLarge(e.message)
    if (e.code === 'unsupported_format') return problems.unsupportedMediaType(e.message)
    return problem('unreadable_file', e.message, { ...e.details, errors: [{ path: 'body', message: e.message }] })
  }
  return e
}

function label(f: unknown, index: number, idProperty: string | null): string {
  const feature = f as { id?: unknown; properties?: Record<string, unknown> | null; source?: { layer?: string; record: number } } | null
  const p = feature?.properties ?? {}
  const where = feature?.source ? (feature.source.layer ? `${feature.source.layer}.shp record ${feature.source.record}` : `placemark ${feature.source.record + 1}`) : `feature ${index}`
  const key = idProperty ? (p[idProperty] ?? feature?.id) : feature?.id
  const name = typeof p.name === 'string' ? p.name : null
  const what = [key !== undefined && key !== null && key !== '' ? String(key) : null, name].filter(Boolean).join(' ')
  return what ? `${where} (${what})` : where
}

/**
 * Reads an import body. `crs` is the query option ('auto' when absent). `idProperty` is the attribute that carries
 * a feature's identity in formats without feature ids ('id' for areas: a Shapefile has no feature id), or the one
 * a label names ('code' for regions).
 */
export async function readImportBody(
  c: { req: { header: (name: string) => string | undefined; arrayBuffer: () => Promise<ArrayBuffer>; json: () => Promise<unknown> } },
  { crs, idProperty, idIsFeatureId, jsonBody }: { crs?: string; idProperty: string; idIsFeatureId: boolean; jsonBody: () => Promise<unknown> },
): Promise<ImportFile> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const declared = TYPES[type]
  if (!declared) {
    throw problems.unsupportedMediaType(
      `Send the file as the raw body with its media type: application/geo+json or application/json (GeoJSON), application/zip (a zipped Shapefile), application/vnd.google-earth.kml+xml (KML)${type ? ` (got ${type.slice(0, 100)})` : ''}`,
    )
  }
  if (declared === 'geojson' && (crs === undefined || crs === 'auto')) {
    const collection = (await jsonBody()) as ImportFile['collection']
    const features = Array.isArray(collection?.features) ? collection.features : []
    return { collection, source: null, labels: features.map((f, i) => label(f, i, idProperty)) }
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  let read: ExchangeRead
  try {
    read = await readExchangeFile(bytes, { crs: crs ?? 'auto', format: declared === 'sniff' ? undefined : declared })
  } catch (e) {
    throw exchangeProblem(e)
  }
  assertCleanJson(read.features, 'features')
  const features = read.features.map((f) => {
    if (read.format === 'geojson' || !idIsFeatureId || !f || typeof f !== 'object') return f
    // Shapefile and KML keep an area's id as an attribute: make it the feature id again.
    const { [idProperty]: id, ...properties } = ((f as { properties?: Record<string, unknown> }).properties ?? {}) as Record<string, unknown>
    return { ...(f as object), ...(id === null || id === undefined || id === '' ? {} : { id: typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id }), properties }
  })
  return {
    collection: { type: 'FeatureCollection', features },
    source: { format: read.format, crs: read.crs, layers: read.layers },
    labels: read.features.map((f, i) => label(f, i, idProperty)),
  }
}

/** Runs an import, adding to each of its refused features where that feature is in the file (`label`). */
export async function withFeatureLabels<T>(file: ImportFile, run: () => Promise<T>, { always = false } = {}): Promise<T> {
  // A plain GeoJSON import answers exactly as it always has.
  if (!file.source && !always) return run()
  try {
    return await run()
  } catch (e) {
    if (e instanceof Problem && e.code === 'import_invalid' && Array.isArray(e.extra.issues)) {
      for (const issue of e.extra.issues as { feature?: number; label?: string; message: string }[]) {
        if (issue.feature === undefined) continue
        const where = file.labels[issue.feature]
        if (where) {
          issue.label = where
          issue.message = `${where}: ${issue.message}`
        }
      }
      const errors = e.extra.errors
      if (Array.isArray(errors)) {
        e.extra.errors = errors.map((er: { path: string; message: string }) => {
          const index = /^features\.(\d+)\./.exec(er.path)?.[1]
          const where = index === undefined ? undefined : file.labels[Number(index)]
          return where ? { ...er, message: `${where}: ${er.message}` } : er
        })
      }
    }
    throw e
  }
}
