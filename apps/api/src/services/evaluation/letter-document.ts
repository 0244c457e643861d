import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import { toShanghai } from '@hanjiang/shared'
import type { LetterRow } from '../../db/repositories/letters.ts'
import { letterNumber } from '@hanjiang/shared'

/**
 * The letter in the official layout (党政机关公文格式, simplified): issuing office and title, number
 * 〔year〕N号, recipient, body, the cited indicator and incidents, the rectification deadline, and the seal
 * placeholder with the issuing date — as a printable HTML page and as DOCX (the `docx` package).
 */

export const ISSUER = '涵江区机关效能建设领导小组办公室'

const INDICATOR_ZH: Record<string, string> = {
  handlingRate: '处置率', handledOnTimeRate: '按期处置率', reworkRate: '返工率', overdueOpenRate: '超期待处置率', extensionRate: '延期率',
  dispatchOnTimeRate: '按期派遣率', accurateDispatchRate: '准确派遣率', urgentRegistrationRate: '紧急件15分钟登记派转率',
  urgentArrivalRate: '紧急件6小时到场率', satisfactionRate: '回访满意率', returns: '退回数', overdue: '超期数',
}

export const indicatorZh = (k: string): string => INDICATOR_ZH[k] ?? k

function zhDate(d: Date): string {
  const t = toShanghai(d)
  return `${Number(t.date.slice(0, 4))}年${Number(t.date.slice(5, 7))}月${Number(t.date.slice(8, 10))}日`
}

export interface LetterText {
  issuer: string
  title: string
  number: string
  recipient: string
  paragraphs: string[]
  deadline: string
  signature: string
  date: string
}

export function letterText(l: LetterRow): LetterText {
  const paragraphs = l.body.split(/\n+/).map((p) => p.trim()).filter(Boolean)
  if (l.indicator) paragraphs.push(`所涉指标：${indicatorZh(l.indicator)}${l.periodKey ? `（考评期 ${l.periodKey}）` : ''}。`)
  if (l.incidentCodes.length) paragraphs.push(`所涉案件：${l.incidentCodes.join('、')}。`)
  return {
    issuer: ISSUER,
    title: l.title,
    number: `涵效办${letterNumber(l.year, l.seq)}`,
    recipient: `${l.unitName}：`,
    paragraphs,
    deadline: `请你单位高度重视，认真整改，于${zhDate(l.deadline)}${toShanghai(l.deadline).time.slice(0, 5)}前将整改情况（附整改前后照片）书面报送区效能办。整改到位后予以销号。`,
    signature: `${ISSUER}（盖章）`,
    date: zhDate(l.issuedAt),
  }
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** A self-contained A4 page (no outside fonts: the system's CJK serif). */
export function letterHtml(l: LetterRow): string {
  const t = letterText(l)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(t.title)} ${esc(t.number)}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm }
body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 1.75; color: #000; max-width: 156mm; margin: 24px auto }
.issuer { text-align: center; color: #c00; font-size: 26pt; font-weight: bold; letter-spacing: 2px; font-family: "SimSun", "Noto Serif CJK SC", serif }
.rule { border-top: 2px solid #c00; margin: 8px 0 24px }
h1 { text-align: center; font-size: 22pt; margin: 0 0 8px; font-family: "SimHei", "Noto Sans CJK SC", sans-serif }
.number { text-align: center; margin-bottom: 24px }
p { text-indent: 2em; margin: 0 }
.recipient { text-indent: 0 }
.sign { text-align: right; margin-top: 48px; text-indent: 0 }
.seal { display: inline-block; width: 42mm; height: 42mm; border: 2px dashed #c00; border-radius: 50%; color: #c00; text-align: center; line-height: 42mm; font-size: 12pt; margin-right: 8mm }
.print { position: fixed; top: 8px; right: 8px; font-size: 12pt }
@media print { .print { display: none } }
</style></head><body>
<button class="print" onclick="window.print()">打印 / Print</button>
<div class="issuer">${esc(t.issuer)}</div><div class="rule"></div>
<h1>${esc(t.title)}</h1>
<div class="number">${esc(t.number)}</div>
<p class="recipient">${esc(t.recipient)}</p>
${t.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<p>${esc(t.deadline)}</p>
<div class="sign"><span class="seal">（印章）</span><br>${esc(t.signature)}<br>${esc(t.date)}</div>
</body></html>`
}

const run = (text: string, o: { size?: number; bold?: boolean; font?: string; color?: string } = {}) =>
  new TextRun({ text, size: (o.size ?? 16) * 2, bold: o.bold, color: o.color, font: { eastAsia: o.font ?? 'FangSong', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } })

/** The letter as DOCX bytes. */
export async function letterDocx(l: LetterRow): Promise<Buffer> {
  const t = letterText(l)
  const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 640 }, spacing: { line: 560 } })
  const doc = new Document({
    creator: ISSUER,
    title: `${t.title} ${t.number}`,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t.issuer, { size: 26, bold: true, font: 'SimSun', color: 'CC0000' })] }),
          new Paragraph({ border: { bottom: { style: 'single', size: 12, color: 'CC0000', space: 1 } }, children: [] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 400 }, children: [run(t.title, { size: 22, font: 'SimHei' })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(t.number)] }),
          new Paragraph({ children: [run(t.recipient)], spacing: { line: 560 } }),
          ...t.paragraphs.map(body),
          body(t.deadline),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 800 }, children: [run('（印章）', { color: 'CC0000' })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(t.signature)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(t.date)] }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
