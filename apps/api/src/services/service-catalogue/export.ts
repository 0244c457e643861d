import ExcelJS from 'exceljs'
import { allItemPoints, listCurrentItems } from '../../db/repositories/service-catalogue.ts'
import type { Database } from '../../db/types.ts'
import { CATALOGUE_COLUMNS } from './xlsx-columns.ts'


/** The current catalogue as an XLSX workbook, importable back (xlsx-columns.ts). */
export async function catalogueXlsx(database: Database): Promise<Buffer> {
  const [items, points] = await Promise.all([listCurrentItems(database), allItemPoints(database)])
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hanjiang platform'
  wb.created = new Date()
  const ws = wb.addWorksheet('事项目录', { views: [{ state: 'frozen', ySplit: 2 }] })
  ws.addRow(CATALOGUE_COLUMNS.map((c) => c.key)).font = { color: { argb: 'FF888888' } }
  const head = ws.addRow(CATALOGUE_COLUMNS.map((c) => c.zh))
  head.font = { bold: true }
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } }
  for (const i of items) {
    ws.addRow([
      i.code, i.name, i.nameEn ?? '', i.category, i.unitCode ?? '', i.unitName, i.materials.join('\n'), i.steps, i.timeLimitDays, i.fees,
      i.onlinePrereview ? '是' : '否', i.specialServices.join(','), i.demo ? '是' : '否', (points.get(i.code) ?? []).join(','),
    ])
  }
  CATALOGUE_COLUMNS.forEach((c, n) => (ws.getColumn(n + 1).width = c.width))
  ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
