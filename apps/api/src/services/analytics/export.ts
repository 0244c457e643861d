import ExcelJS from 'exceljs'

/** The table behind a view as CSV (UTF-8 with BOM, so Excel reads the Chinese names) or XLSX. */
export type Table = { headers: string[]; rows: (string | number | boolean | null)[][] }

const csvCell = (v: unknown) => {
  const s = v == null ? '' : String(v)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(t: Table): string {
  return `\uFEFF${[t.headers, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}

export async function toXlsx(t: Table, sheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(sheet)
  ws.addRow(t.headers).font = { bold: true }
  for (const r of t.rows) ws.addRow(r.map((v) => (v == null ? '' : v)))
  ws.columns.forEach((c) => { c.width = 16 })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
