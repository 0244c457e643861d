import type { EChartsCoreOption } from 'echarts/core'
import type { WallStats } from '../api/incident-map.ts'
import { WALL_LIST_SIZES } from './sizes.ts'
import { wallPx, type WallTypeRole } from './type-scale.ts'

/**
 * ECharts options of the wall's panels, pure: stats + labels in, option out, so the panels are
 * tested without a canvas. Dark theme; every font size is a role of the wall's type scale (type-scale.ts) multiplied
 * by `scale` (1 at 1920×1080, 2 at 3840×2160): axis labels `axis`, legends and data labels `label`, figures `kpi`.
 */

export type Label = (key: string, params?: Record<string, unknown>) => string

export const WALL_COLORS = {
  text: '#cfe3ff',
  dim: '#7fa3cc',
  grid: 'rgba(120, 170, 230, 0.18)',
  open: '#3d8bfd',
  overdue: '#ffb300',
  good: '#2fd17c',
  warn: '#ffb300',
  bad: '#ff4d4f',
  series: ['#3d8bfd', '#2fd17c', '#ffb300', '#b37feb', '#36cfc9', '#ff7a45', '#f759ab', '#9ec5fe'],
}

const text = (scale: number, role: WallTypeRole = 'label') => ({ color: WALL_COLORS.text, fontSize: wallPx(role, scale) })
/** A legend at the label size, its swatches in proportion. */
const legend = (scale: number) => ({ textStyle: text(scale), itemWidth: 22 * scale, itemHeight: 14 * scale, itemGap: 12 * scale })

/** Today's intake by channel: a ring with the total in the middle. */
export function channelOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const data = stats.intakeByChannel.map((c) => ({ name: t(`wall.channels.${c.channel}`), value: c.count }))
  return {
    animationDuration: 400,
    color: WALL_COLORS.series,
    tooltip: { trigger: 'item' },
    // The total alone in the ring (its label is the header's "reported today"): a word would not fit at wall size.
    title: {
      text: String(stats.totals.today),
      left: '30%',
      top: 'middle',
      textAlign: 'center',
      textVerticalAlign: 'middle',
      textStyle: { ...text(scale, 'kpi'), fontWeight: 700 },
    },
    legend: { orient: 'vertical', right: '1%', top: 'middle', ...legend(scale) },
    series: [
      {
        type: 'pie',
        name: t('wall.panels.channels'),
        radius: ['62%', '92%'],
        center: ['30%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#071a33', borderWidth: 2 * scale },
        data,
      },
    ],
  }
}

/**
 * Open and overdue incidents of the busiest streets/towns: horizontal bars, most open on top. Only the busiest
 * few, so each name is readable from the back of the room (the rest are on the map).
 */
export function streetOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const rows = [...stats.byStreet]
    .sort((a, b) => b.open - a.open || a.code.localeCompare(b.code))
    .slice(0, WALL_LIST_SIZES.streets)
    .reverse()
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 0, ...legend(scale) },
    grid: { left: 4 * scale, right: 40 * scale, top: 34 * scale, bottom: 0, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { lineStyle: { color: WALL_COLORS.grid } } },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { ...text(scale, 'axis'), interval: 0 },
      axisLine: { lineStyle: { color: WALL_COLORS.grid } },
      axisTick: { show: false },
    },
    series: [
      { type: 'bar', name: t('wall.open'), data: rows.map((r) => r.open), itemStyle: { color: WALL_COLORS.open }, barMaxWidth: 14 * scale, barGap: '15%', label: { show: true, position: 'right', ...text(scale) } },
      { type: 'bar', name: t('wall.overdue'), data: rows.map((r) => r.overdue), itemStyle: { color: WALL_COLORS.overdue }, barMaxWidth: 14 * scale },
    ],
  }
}

/**
 * The on-time rate of the last days: the figure at the KPI size over one bar to 100 % (green from 90 %, amber from
 * 75 %, red below, both thresholds marked). A bar rather than a gauge: a gauge's ring leaves too little room inside
 * for a figure large enough to read from across the room.
 */
export function onTimeOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const rate = stats.onTime.rate === null ? null : Math.round(stats.onTime.rate * 1000) / 10
  const color = rate === null ? WALL_COLORS.dim : rate >= 90 ? WALL_COLORS.good : rate >= 75 ? WALL_COLORS.warn : WALL_COLORS.bad
  const kpi = wallPx('kpi', scale)
  return {
    animationDuration: 400,
    title: { text: rate === null ? '—' : `${rate}%`, left: 'center', top: 0, textStyle: { ...text(scale, 'kpi'), color, fontWeight: 700 } },
    grid: { left: 12 * scale, right: 24 * scale, top: kpi * 1.3, bottom: 4 * scale, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      axisLabel: { ...text(scale, 'axis'), formatter: '{value}%' },
      splitLine: { show: false },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    yAxis: { type: 'category', data: [t('wall.panels.onTime')], show: false },
    series: [
      {
        type: 'bar',
        name: t('wall.panels.onTime'),
        data: [{ value: rate ?? 0, itemStyle: { color } }],
        barWidth: 26 * scale,
        showBackground: true,
        backgroundStyle: { color: 'rgba(120, 170, 230, 0.15)', borderRadius: 6 * scale },
        itemStyle: { borderRadius: 6 * scale },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: WALL_COLORS.text, type: 'dashed', width: 2 * scale },
          data: [{ xAxis: 75 }, { xAxis: 90 }],
        },
      },
    ],
  }
}

/**
 * The most reported fine classes of the last days. Each name stands above its bar across the panel's whole width
 * (inside the grid, not beside it), so a long English name is never cut off.
 */
export function classesOption(stats: WallStats, t: Label, en: boolean, scale = 1): EChartsCoreOption {
  const items = stats.topClasses.items.slice(0, WALL_LIST_SIZES.classes).reverse()
  const bar = 12 * scale
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 4 * scale, right: 48 * scale, top: 4 * scale, bottom: 0, containLabel: false },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: items.map((c) => (en ? c.nameEn : c.name)),
      axisLabel: { ...text(scale, 'axis'), inside: true, verticalAlign: 'bottom', padding: [0, 0, bar / 2 + 4 * scale, 0] },
      axisLine: { show: false },
      axisTick: { show: false },
      z: 3,
    },
    series: [
      {
        type: 'bar',
        name: t('wall.panels.classes', { days: stats.topClasses.days }),
        data: items.map((c) => c.count),
        barWidth: bar,
        itemStyle: { color: WALL_COLORS.series[3], borderRadius: [0, 4 * scale, 4 * scale, 0] },
        label: { show: true, position: 'right', ...text(scale) },
      },
    ],
  }
}
