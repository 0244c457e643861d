import type { EChartsCoreOption } from 'echarts/core'
import type { WallStats } from '../api/incident-map.ts'

/**
 * ECharts options of the wall's panels, pure: stats + labels in, option out, so the panels are
 * tested without a canvas. Dark theme; every size is multiplied by `scale` (1 at 1920×1080, 2 at 3840×2160).
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

const text = (scale: number, size = 14) => ({ color: WALL_COLORS.text, fontSize: Math.round(size * scale) })

/** Today's intake by channel: a ring with the total in the middle. */
export function channelOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const data = stats.intakeByChannel.map((c) => ({ name: t(`wall.channels.${c.channel}`), value: c.count }))
  return {
    animationDuration: 400,
    color: WALL_COLORS.series,
    tooltip: { trigger: 'item' },
    title: {
      text: String(stats.totals.today),
      subtext: t('wall.totals.today'),
      left: '34%',
      top: '38%',
      textAlign: 'center',
      textStyle: { ...text(scale, 30), fontWeight: 700 },
      subtextStyle: text(scale, 13),
    },
    legend: { orient: 'vertical', right: '2%', top: 'middle', textStyle: text(scale, 14), itemWidth: 14 * scale, itemHeight: 10 * scale, itemGap: 8 * scale },
    series: [
      {
        type: 'pie',
        name: t('wall.panels.channels'),
        radius: ['52%', '78%'],
        center: ['35%', '52%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#071a33', borderWidth: 2 * scale },
        data,
      },
    ],
  }
}

/** Open and overdue incidents per street/town: horizontal bars, most open on top. */
export function streetOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const rows = [...stats.byStreet].sort((a, b) => a.open - b.open || b.code.localeCompare(a.code))
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 0, textStyle: text(scale, 13), itemWidth: 14 * scale, itemHeight: 10 * scale },
    grid: { left: 8 * scale, right: 28 * scale, top: 26 * scale, bottom: 4 * scale, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: text(scale, 12), splitLine: { lineStyle: { color: WALL_COLORS.grid } } },
    // Every street named (13 in the district), even where the bars get thin.
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { ...text(scale, 12), interval: 0 }, axisLine: { lineStyle: { color: WALL_COLORS.grid } } },
    series: [
      { type: 'bar', name: t('wall.open'), data: rows.map((r) => r.open), itemStyle: { color: WALL_COLORS.open }, barMaxWidth: 12 * scale, barGap: '10%', label: { show: true, position: 'right', ...text(scale, 11) } },
      { type: 'bar', name: t('wall.overdue'), data: rows.map((r) => r.overdue), itemStyle: { color: WALL_COLORS.overdue }, barMaxWidth: 12 * scale },
    ],
  }
}

/** The on-time rate of the last days as a gauge: green from 90 %, amber from 75 %, red below. */
export function onTimeOption(stats: WallStats, t: Label, scale = 1): EChartsCoreOption {
  const rate = stats.onTime.rate === null ? null : Math.round(stats.onTime.rate * 1000) / 10
  return {
    animationDuration: 400,
    series: [
      {
        type: 'gauge',
        name: t('wall.panels.onTime'),
        min: 0,
        max: 100,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 16 * scale, itemStyle: { color: rate === null ? WALL_COLORS.dim : rate >= 90 ? WALL_COLORS.good : rate >= 75 ? WALL_COLORS.warn : WALL_COLORS.bad } },
        axisLine: { lineStyle: { width: 16 * scale, color: [[1, 'rgba(120, 170, 230, 0.15)']] } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        anchor: { show: false },
        title: { show: false },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '0%'],
          formatter: rate === null ? '—' : '{value}%',
          ...text(scale, 34),
          fontWeight: 700,
        },
        data: [{ value: rate ?? 0, name: t('wall.panels.onTime') }],
      },
    ],
  }
}

/** The most reported fine classes of the last days. */
export function classesOption(stats: WallStats, t: Label, en: boolean, scale = 1): EChartsCoreOption {
  const items = [...stats.topClasses.items].reverse()
  return {
    animationDuration: 400,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8 * scale, right: 36 * scale, top: 4 * scale, bottom: 4 * scale, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: items.map((c) => (en ? c.nameEn : c.name)),
      axisLabel: { ...text(scale, 13), width: 150 * scale, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: t('wall.panels.classes', { days: stats.topClasses.days }),
        data: items.map((c) => c.count),
        barMaxWidth: 16 * scale,
        itemStyle: { color: WALL_COLORS.series[3], borderRadius: [0, 4 * scale, 4 * scale, 0] },
        label: { show: true, position: 'right', ...text(scale, 12) },
      },
    ],
  }
}
