import { once } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { countIncidents, listIncidents as listRows, type IncidentFilter } from '../../db/repositories/incidents.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { reference, type Reference } from '../assignment/reference-cache.ts'
import { incidentRowScope } from '../auth/scope.ts'
import { EXPORT_COLUMNS, exportRow, type ExportRow } from './export-rows.ts'

/**
 * Incident exports (CSV, XLSX, GeoJSON) with the list's filters, scoped like every read. Streaming: the rows are
 * read newest first in keyset batches of BATCH (one statement each, the same code path on both engines) and
 * written out as they come, so a year of the district's incidents never sits in memory; the next batch is read
 * only when the client has taken the previous one (the stream's pull).
 */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

const BATCH = 2000
/** Excel's sheet limit is 1,048,576 rows (one is the header): larger exports are CSV or GeoJSON. */
export const XLSX_MAX_ROWS = 1_048_575

export type ExportFilter = Pick<IncidentFilter, 'states' | 'unitCode' | 'streetCode' | 'classCode' | 'q'>

export interface ExportFile {
  contentType: string
  filename: string
  body: ReadableStream<Uint8Array>
}

/** The scoped rows, batch by batch (newest first). */
async function* batches(database: Database, actor: Actor, filter: ExportFilter, ref: Reference): AsyncGenerator<ExportRow[]> {
  const scope = incidentRowScope(actor)
  let beforeId: number | undefined
  for (;;) {
    const rows = await listRows(database, { ...filter, beforeId, limit: BATCH, scope })
    if (!rows.length) return
    yield rows.map((r) => exportRow(r, ref))
    if (rows.length < BATCH) return
    beforeId = rows[rows.length - 1]!.id
  }
}

/** A byte stream pulling one batch per read: backpressure from the client paces the database reads. */
function pulled(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(enc.encode(value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

// ---- CSV (RFC 4180, UTF-8 with a BOM so Excel reads the Chinese) ----

/** Quotes when needed; a cell starting like a formula gets a leading apostrophe (CSV injection). */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

async function* csvChunks(rows: AsyncGenerator<ExportRow[]>): AsyncGenerator<string> {
  yield `\uFEFF${EXPORT_COLUMNS.map(([, zh]) => csvCell(zh)).join(',')}\r\n`
  for await (const batch of rows) {
    yield batch.map((r) => `${EXPORT_COLUMNS.map(([k]) => csvCell(r[k])).join(',')}\r\n`).join('')
  }
}

// ---- GeoJSON (RFC 7946 FeatureCollection; incidents without a location have a null geometry) ----

async function* geojsonChunks(rows: AsyncGenerator<ExportRow[]>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":['
  let first = true
  for await (const batch of rows) {
    const parts = batch.map((r) => {
      const { lng, lat, ...properties } = r
      const geometry = lng === null || lat === null ? null : { type: 'Point', coordinates: [lng, lat] }
      return JSON.stringify({ type: 'Feature', id: r.code, geometry, properties })
    })
    if (!parts.length) continue
    yield (first ? '' : ',') + parts.join(',')
    first = false
  }
  yield ']}'
}

// ---- XLSX (exceljs's streaming WorkbookWriter: rows are committed and zipped as they are written) ----

function xlsxStream(rows: AsyncGenerator<ExportRow[]>): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false })
  const sheet = wb.addWorksheet('事件')
  sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ key, header, width: key === 'description' ? 60 : 16 }))
  void (async () => {
    try {
      for await (const batch of rows) {
        for (const r of batch) sheet.addRow(r).commit()
        // The client reads slower than the database answers: wait for it before the next batch.
        if (out.readableLength > out.readableHighWaterMark * 4) await once(out, 'drain').catch(() => {})
      }
      sheet.commit()
      await wb.commit()
    } catch (e) {
      out.destroy(e as Error)
    }
  })()
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

export async function exportIncidents({
  database,
  actor,
  format,
  filter,
}: {
  database: Database
  actor: Actor
  format: ExportFormat
  filter: ExportFilter
}): Promise<ExportFile> {
  const ref = await reference(database)
  const date = new Date().toISOString().slice(0, 10)
  if (format === 'xlsx') {
    const n = await countIncidents(database, { ...filter, scope: incidentRowScope(actor) })
    if (n > XLSX_MAX_ROWS) {
      throw problems.unprocessable('export_too_large', `${n} incidents do not fit one Excel sheet (at most ${XLSX_MAX_ROWS}): export as csv or geojson, or narrow the filters`, {
        count: n,
        limit: XLSX_MAX_ROWS,
      })
    }
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `incidents-${date}.xlsx`,
      body: xlsxStream(batches(database, actor, filter, ref)),
    }
  }
  const rows = batches(database, actor, filter, ref)
  return format === 'csv'
    ? { contentType: 'text/csv; charset=utf-8', filename: `incidents-${date}.csv`, body: pulled(csvChunks(rows)) }
    : { contentType: 'application/geo+json; charset=utf-8', filename: `incidents-${date}.geojson`, body: pulled(geojsonChunks(rows)) }
}
