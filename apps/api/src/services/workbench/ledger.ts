import ExcelJS from 'exceljs'
import { STATE_LABELS, type IncidentState } from '@hanjiang/shared'
import type { Database } from '../../db/types.ts'
import type { WorkActor } from '../../http/work-actor.ts'
import { unitQueue, type WorkItemView } from './queue.ts'

export type LedgerLang = 'zh-CN' | 'en'

const HEADERS: Record<LedgerLang, string[]> = {
  'zh-CN': ['序号', '案件编号', '问题类别', '地址', '问题描述', '状态', '责任股室', '经办人', '派遣时间', '办理期限', '是否超期', '延期申请'],
  en: ['No.', 'Incident', 'Class', 'Address', 'Description', 'State', 'Section', 'Assignee', 'Dispatched', 'Deadline', 'Overdue', 'Extension requested'],
}
const WIDTHS = [6, 20, 18, 28, 40, 10, 14, 12, 18, 18, 8, 10]

/**
 * An instant as an Excel date showing its Asia/Shanghai wall-clock time: Excel dates carry no zone and ExcelJS
 * writes a Date's UTC fields, so the instant is moved by the zone's fixed +08:00 (China keeps no summer time).
 */
export function excelShanghai(iso: string | null | undefined): Date | '' {
  if (!iso) return ''
  return new Date(new Date(iso).getTime() + 8 * 3600_000)
}

const DATE_COLUMNS = [9, 10]
const DATE_FORMAT = 'yyyy-mm-dd hh:mm'

function row(i: number, it: WorkItemView, lang: LedgerLang): (string | number | Date)[] {
  const zh = lang === 'zh-CN'
  const yes = zh ? '是' : 'yes'
  const no = zh ? '否' : 'no'
  return [
    i + 1,
    it.code,
    it.fineClass ? `${it.fineClass.code} ${it.fineClass.name}` : '',
    it.address ?? '',
    it.description,
    STATE_LABELS[it.state as IncidentState][zh ? 'zh' : 'en'],
    it.section?.name ?? '',
    it.assigneeName ?? '',
    excelShanghai(it.dispatchedAt),
    excelShanghai(it.due?.iso),
    it.overdue ? yes : no,
    it.extensionPending ? yes : no,
  ]
}

/** The unit's ledger (台账): its open items with deadlines, overdue first. */
export async function unitLedger(database: Database, actor: WorkActor, unitCode: string) {
  return unitQueue({ database, actor, unitCode, ledger: true, limit: 10_000 })
}

/** The ledger as an XLSX workbook (times in Asia/Shanghai as shown on screen; overdue rows tinted). */
export async function ledgerXlsx(database: Database, actor: WorkActor, unitCode: string, lang: LedgerLang): Promise<Buffer> {
  const { items, generatedAt, unit } = await unitLedger(database, actor, unitCode)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Hanjiang platform'
  wb.created = new Date()
  const ws = wb.addWorksheet(lang === 'zh-CN' ? '台账' : 'Ledger', { views: [{ state: 'frozen', ySplit: 2 }] })
  const title = lang === 'zh-CN' ? `${unit.name} 台账（生成于 ${generatedAt}，北京时间）` : `${unit.nameEn} ledger (generated ${generatedAt}, Asia/Shanghai)`
  ws.addRow([title]).font = { bold: true, size: 13 }
  ws.mergeCells(1, 1, 1, HEADERS[lang].length)
  const head = ws.addRow(HEADERS[lang])
  head.font = { bold: true }
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } }
  items.forEach((it, i) => {
    const r = ws.addRow(row(i, it, lang))
    if (it.overdue) r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } }
  })
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  for (const c of DATE_COLUMNS) ws.getColumn(c).numFmt = DATE_FORMAT
  ws.getColumn(5).alignment = { wrapText: true, vertical: 'top' }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: HEADERS[lang].length } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
