import { AlignmentType, Document, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import * as echarts from 'echarts'
import sharp from 'sharp'
import { formatShanghai, workingMsBetween, type EvaluationPeriod } from '@hanjiang/shared'
import { listLetters } from '../../db/repositories/letters.ts'
import { letterNumber } from '@hanjiang/shared'
import { problems } from '../../http/problem.ts'
import { ISSUER } from './letter-document.ts'
import { loadFacts, rankingOf, rowsOf, schemeOf, scopesOf, type EvaluationDeps } from './compute.ts'

/**
 * The quarterly report (季度通报): summary figures, the unit and street rankings, a chart of the unit scores
 * (ECharts rendered on the server to SVG; PNG inside the DOCX), typical cases picked by rule, and the letters
 * issued and closed out in the quarter — as a printable page and as DOCX.
 */

export interface ReportCase {
  code: string
  what: string
}

export interface QuarterReport {
  period: EvaluationPeriod
  generatedAt: string
  district: ReturnType<typeof rowsOf>[number]
  units: Awaited<ReturnType<typeof rankingOf>>
  streets: Awaited<ReturnType<typeof rankingOf>>
  good: ReportCase[]
  bad: ReportCase[]
  letters: { number: string; kind: string; unit: string; state: string; issuedAt: string; closedAt: string | null }[]
  chartSvg: string
}

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`)

/** Typical cases, by rule: the fastest urgent close-outs (good); the longest overdue still open and the most returned (bad). */
function typicalCases(facts: Awaited<ReturnType<typeof loadFacts>>): { good: ReportCase[]; bad: ReportCase[] } {
  const { facts: fs, asOf, calendar } = facts
  const fastest = fs
    .filter((f) => f.urgent && f.lastResolvedAt && f.dispatches.length && ['resolved', 'closed'].includes(f.endState))
    .map((f) => ({ f, ms: f.lastResolvedAt!.getTime() - f.receivedAt.getTime() }))
    .sort((a, b) => a.ms - b.ms || a.f.code.localeCompare(b.f.code))
    .slice(0, 3)
    .map(({ f, ms }) => ({ code: f.code, what: `紧急件自受理至处置完毕用时 ${(ms / 3_600_000).toFixed(1)} 小时` }))
  const overdue = fs
    .filter((f) => f.overdue && !['resolved', 'closed', 'rejected', 'merged'].includes(f.endState))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((f) => {
      let hours = 0
      try {
        hours = workingMsBetween(f.receivedAt, asOf, calendar) / 3_600_000
      } catch {
        /* a year without calendar: leave the figure out */
      }
      return { code: f.code, what: `超期未处置，受理已 ${hours.toFixed(0)} 个工作小时` }
    })
  const returned = fs
    .filter((f) => f.returns.length > 0)
    .sort((a, b) => b.returns.length - a.returns.length || a.code.localeCompare(b.code))
    .slice(0, 3)
    .map((f) => ({ code: f.code, what: `被退回 ${f.returns.length} 次（${[...new Set(f.returns.map((r) => r.unitCode))].join('、')}）` }))
  return { good: fastest, bad: [...overdue, ...returned] }
}

/** The unit scores as a bar chart, rendered on the server (ECharts SSR, SVG). */
export function scoreChartSvg(rows: { name: string; score: number | null; list: string | null }[]): string {
  const shown = rows.filter((r) => r.score !== null)
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: Math.max(200, 26 * shown.length + 40) })
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Noto Sans CJK SC, Source Han Sans SC, sans-serif' },
    grid: { left: 8, right: 40, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: shown.map((r) => r.name) },
    series: [{
      type: 'bar',
      data: shown.map((r) => ({ value: r.score, itemStyle: { color: r.list === 'red' ? '#c0392b' : r.list === 'black' ? '#333333' : '#2f6fb2' } })),
      label: { show: true, position: 'right' },
    }],
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

export async function quarterReport(deps: EvaluationDeps, period: EvaluationPeriod): Promise<QuarterReport> {
  if (period.kind !== 'quarter') throw problems.badRequest('invalid_period', 'The quarterly report is for a quarter (period=2026-Q3)')
  const pf = await loadFacts(deps, period)
  const { scheme } = await schemeOf(deps.database, period.key)
  const [units, streets, district] = await Promise.all([
    rankingOf(deps, period, 'unit'),
    rankingOf(deps, period, 'street'),
    scopesOf(deps.database, 'district'),
  ])
  const letters = await listLetters(deps.database, { issuedFrom: period.from, issuedTo: pf.asOf.getTime() < period.to.getTime() ? new Date() : period.to })
  const closedIn = await listLetters(deps.database, { state: 'closed' })
  const inQuarter = new Map(letters.map((l) => [l.id, l]))
  for (const l of closedIn) if (l.closedAt && l.closedAt >= period.from && l.closedAt < period.to) inQuarter.set(l.id, l)
  return {
    period,
    generatedAt: formatShanghai(new Date()),
    district: rowsOf(pf, 'district', district, scheme)[0]!,
    units,
    streets,
    ...typicalCases(pf),
    letters: [...inQuarter.values()].sort((a, b) => a.year - b.year || a.seq - b.seq).map((l) => ({
      number: letterNumber(l.year, l.seq),
      kind: l.title,
      unit: l.unitName,
      state: l.state === 'closed' ? '已销号' : l.state === 'replied' ? '已回复' : '整改中',
      issuedAt: formatShanghai(l.issuedAt).slice(0, 10),
      closedAt: l.closedAt ? formatShanghai(l.closedAt).slice(0, 10) : null,
    })),
    chartSvg: scoreChartSvg(units.rows),
  }
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function summaryLines(r: QuarterReport): string[] {
  const d = r.district.indicators
  return [
    `本季度全区受理诉求件 ${d.received} 件，立案 ${d.registered} 件；应处置 ${d.handlingDue} 件，处置 ${d.handled} 件，处置率 ${pct(d.handlingRate)}，按期处置率 ${pct(d.handledOnTimeRate)}。`,
    `超期 ${d.overdue} 件，超期待处置率 ${pct(d.overdueOpenRate)}；返工 ${d.reworked} 件（返工率 ${pct(d.reworkRate)}）；延期 ${d.extended} 件；退回 ${d.returns} 次；兜底 ${d.leadUnitFallbacks} 件。`,
    `紧急件 ${d.urgent} 件，15分钟登记派转率 ${pct(d.urgentRegistrationRate)}，6小时到场率 ${pct(d.urgentArrivalRate)}；回访满意率 ${pct(d.satisfactionRate)}；平均处置时长 ${d.meanHandlingHours === null ? '—' : d.meanHandlingHours.toFixed(1)} 个工作小时。`,
  ]
}

const RANK_HEAD = ['名次', '单位', '得分', '变化', '处置率', '按期处置率', '返工率', '超期待处置率', '延期率', '榜单']
function rankCells(r: QuarterReport['units']['rows'][number]): string[] {
  const ch = r.rankChange === null ? '—' : r.rankChange > 0 ? `↑${r.rankChange}` : r.rankChange < 0 ? `↓${-r.rankChange}` : '—'
  const i = r.indicators
  return [String(r.rank ?? '—'), r.name, r.score === null ? '—' : r.score.toFixed(2), ch, pct(i.handlingRate), pct(i.handledOnTimeRate), pct(i.reworkRate), pct(i.overdueOpenRate), pct(i.extensionRate), r.list === 'red' ? '红榜' : r.list === 'black' ? '黑榜' : '']
}

export function reportHtml(r: QuarterReport): string {
  const table = (rows: QuarterReport['units']['rows'], first: string) =>
    `<table><thead><tr>${RANK_HEAD.map((h, i) => `<th>${i === 1 ? first : h}</th>`).join('')}</tr></thead><tbody>${rows
      .map((x) => `<tr class="${x.list ?? ''}">${rankCells(x).map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`
  const cases = (cs: ReportCase[]) => (cs.length ? `<ul>${cs.map((c) => `<li><b>${esc(c.code)}</b> ${esc(c.what)}</li>`).join('')}</ul>` : '<p>无</p>')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.period.key)} 便民服务“马上就办”季度通报</title>
<style>
@page { size: A4; margin: 20mm }
body { font-family: "FangSong", "Noto Serif CJK SC", serif; max-width: 190mm; margin: 16px auto; font-size: 12pt; line-height: 1.6 }
h1 { text-align: center; font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 20pt; margin-bottom: 4px }
.sub { text-align: center; color: #555 }
h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 14pt; border-left: 4px solid #c00; padding-left: 8px }
table { border-collapse: collapse; width: 100%; font-size: 10pt } th, td { border: 1px solid #999; padding: 2px 4px; text-align: center }
tr.red td { background: #fdecea } tr.black td { background: #e6e6e6 }
.chart svg { max-width: 100%; height: auto }
.print { position: fixed; top: 8px; right: 8px } @media print { .print { display: none } }
</style></head><body>
<button class="print" onclick="window.print()">打印 / Print</button>
<h1>涵江区便民服务“马上就办”工作${esc(r.period.key.replace('-Q', '年第'))}季度通报</h1>
<p class="sub">${esc(ISSUER)} · ${esc(r.period.firstDay)} 至 ${esc(r.period.lastDay)} · 生成于 ${esc(r.generatedAt.slice(0, 16).replace('T', ' '))}</p>
<h2>一、总体情况</h2>${summaryLines(r).map((l) => `<p>${esc(l)}</p>`).join('')}
<h2>二、单位考评排名</h2>${table(r.units.rows, '单位')}
<div class="chart">${r.chartSvg}</div>
<h2>三、街道（乡镇）考评排名</h2>${table(r.streets.rows, '街道')}
<h2>四、典型案例</h2><h3>好的典型</h3>${cases(r.good)}<h3>反面典型</h3>${cases(r.bad)}
<h2>五、效能函件发出与销号情况</h2>${
    r.letters.length
      ? `<table><thead><tr><th>文号</th><th>类型</th><th>受文单位</th><th>发出日期</th><th>状态</th><th>销号日期</th></tr></thead><tbody>${r.letters
          .map((l) => `<tr><td>${esc(l.number)}</td><td>${esc(l.kind)}</td><td>${esc(l.unit)}</td><td>${esc(l.issuedAt)}</td><td>${esc(l.state)}</td><td>${esc(l.closedAt ?? '')}</td></tr>`)
          .join('')}</tbody></table>`
      : '<p>本季度未发出效能函件。</p>'
  }
</body></html>`
}

const run = (text: string, o: { size?: number; bold?: boolean; font?: string } = {}) =>
  new TextRun({ text, size: (o.size ?? 12) * 2, bold: o.bold, font: { eastAsia: o.font ?? 'FangSong', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } })
const heading = (text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [run(text, { size: 14, font: 'SimHei' })] })
const para = (text: string) => new Paragraph({ indent: { firstLine: 480 }, children: [run(text)] })
function table(head: string[], rows: string[][]): Table {
  const cell = (t: string, bold = false) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(t, { size: 9, bold })] })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  })
}

export async function reportDocx(r: QuarterReport): Promise<Buffer> {
  const png = await sharp(Buffer.from(r.chartSvg)).png().toBuffer()
  const meta = await sharp(png).metadata()
  const w = 600
  const h = Math.round((w * (meta.height ?? 300)) / (meta.width ?? 720))
  const doc = new Document({
    creator: ISSUER,
    title: `${r.period.key} 季度通报`,
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`涵江区便民服务“马上就办”工作${r.period.key.replace('-Q', '年第')}季度通报`, { size: 20, font: 'SimHei' })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${ISSUER}  ${r.period.firstDay} 至 ${r.period.lastDay}`, { size: 10 })] }),
        heading('一、总体情况'),
        ...summaryLines(r).map(para),
        heading('二、单位考评排名'),
        table(RANK_HEAD, r.units.rows.map(rankCells)),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'png', data: png, transformation: { width: w, height: h } })] }),
        heading('三、街道（乡镇）考评排名'),
        table(['名次', '街道', ...RANK_HEAD.slice(2)], r.streets.rows.map(rankCells)),
        heading('四、典型案例'),
        para('好的典型：'),
        ...(r.good.length ? r.good.map((c) => para(`${c.code}：${c.what}`)) : [para('无')]),
        para('反面典型：'),
        ...(r.bad.length ? r.bad.map((c) => para(`${c.code}：${c.what}`)) : [para('无')]),
        heading('五、效能函件发出与销号情况'),
        r.letters.length
          ? table(['文号', '类型', '受文单位', '发出日期', '状态', '销号日期'], r.letters.map((l) => [l.number, l.kind, l.unit, l.issuedAt, l.state, l.closedAt ?? '']))
          : para('本季度未发出效能函件。'),
      ],
    }],
  })
  return Packer.toBuffer(doc)
}
