import ExcelJS from 'exceljs'
import { z } from 'zod'
import { getCurrentItem } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems, Problem } from '../../http/problem.ts'
import { createInTx } from './create.ts'
import { itemCode, itemFields } from './fields.ts'
import { updateInTx } from './update.ts'
import { CATALOGUE_COLUMNS, type CatalogueColumn } from './xlsx-columns.ts'

/** At most this many rows per import: a district catalogue is hundreds of items. */
export const IMPORT_MAX_ROWS = 2000

const rowSchema = z.strictObject({ code: itemCode, ...itemFields })

const YES = new Set(['是', 'y', 'yes', 'true', '1'])
const NO = new Set(['否', 'n', 'no', 'false', '0', ''])

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'text' in v) return String(v.text)
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return String(v)
}

const list = (s: string, sep: RegExp) => s.split(sep).map((x) => x.trim()).filter(Boolean)

function bool(s: string, path: string, errors: { path: string; message: string }[]): boolean {
  const t = s.trim().toLowerCase()
  if (YES.has(t)) return true
  if (!NO.has(t)) errors.push({ path, message: `${path}: write 是 or 否` })
  return false
}

export interface ImportReport {
  created: number
  updated: number
  unchanged: number
}

/**
 * Imports an XLSX in the export's layout (xlsx-columns.ts): every row checked first (all errors answered at once,
 * `row N.field`), then ONE transaction creates new codes and writes a new version of changed items; an item
 * whose edit would orphan open requests refuses the whole import with their list. Items missing from the file
 * stay as they are (withdrawing is explicit).
 */
export async function importCatalogue({ database, actor, file }: { database: Database; actor: Actor; file: ArrayBuffer }): Promise<ImportReport> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(file)
  } catch {
    throw problems.unprocessable('import_invalid', 'The file is not an XLSX workbook')
  }
  const ws = wb.worksheets[0]
  if (!ws) throw problems.unprocessable('import_invalid', 'The workbook has no sheet')
  const keys = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText)
  const at = new Map<CatalogueColumn, number>()
  for (const c of CATALOGUE_COLUMNS) {
    const i = keys.indexOf(c.key)
    if (i < 0) throw problems.unprocessable('import_invalid', `Row 1 must hold the column keys; "${c.key}" is missing (export the catalogue for the layout)`)
    at.set(c.key, i + 1)
  }
  const errors: { path: string; message: string }[] = []
  const rows: z.output<typeof rowSchema>[] = []
  const seen = new Set<string>()
  for (let n = 3; n <= ws.rowCount; n++) {
    const r = ws.getRow(n)
    const get = (k: CatalogueColumn) => cellText(r.getCell(at.get(k)!).value).trim()
    if (CATALOGUE_COLUMNS.every((c) => get(c.key) === '')) continue
    if (rows.length >= IMPORT_MAX_ROWS) throw problems.unprocessable('import_invalid', `At most ${IMPORT_MAX_ROWS} rows per import`)
    const p = `row ${n}`
    const days = get('time_limit_days')
    const raw = {
      code: get('code'),
      name: get('name'),
      nameEn: get('name_en') || null,
      category: get('category'),
      unitCode: get('unit_code') || null,
      unitName: get('unit_name'),
      materials: list(get('materials'), /[\n；;]/),
      steps: get('steps'),
      timeLimitDays: /^\d+$/.test(days) ? Number(days) : days,
      fees: get('fees'),
      onlinePrereview: bool(get('online_prereview'), `${p}.online_prereview`, errors),
      specialServices: list(get('special_services'), /[,，\s]+/),
      demo: bool(get('demo'), `${p}.demo`, errors),
      pointCodes: list(get('points'), /[,，\s]+/),
    }
    const parsed = rowSchema.safeParse(raw)
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ path: `${p}.${i.path.join('.') || 'row'}`, message: `${p}: ${i.message}` })
      continue
    }
    if (seen.has(parsed.data.code)) errors.push({ path: `${p}.code`, message: `${p}: code ${parsed.data.code} appears twice` })
    seen.add(parsed.data.code)
    rows.push(parsed.data)
  }
  if (errors.length) throw problems.unprocessable('import_invalid', `${errors.length} problem(s) in the file; nothing imported`, { errors })
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0 }
  const now = new Date()
  await database.db.transaction(async (tx) => {
    for (const row of rows) {
      const cur = await getCurrentItem(database, row.code, tx)
      try {
        if (!cur) {
          await createInTx(database, tx, actor, row, now)
          report.created++
        } else {
          const { code, ...patch } = row
          await updateInTx(database, tx, actor, code, patch, now)
          const after = await getCurrentItem(database, code, tx)
          if (after!.version !== cur.version) report.updated++
          else report.unchanged++
        }
      } catch (e) {
        // Name the row: the problem's own detail says what, the row says where.
        if (e instanceof Problem) throw new Problem(e.status, e.code, e.title, `${row.code}: ${e.message}`, e.extra)
        throw e
      }
    }
  })
  return report
}
