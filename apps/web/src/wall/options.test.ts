import { describe, expect, it } from 'vitest'
import { wallStatsFixture } from '../testing/wall-fixtures.ts'
import { channelOption, classesOption, onTimeOption, streetOption } from './options.ts'

const t = (k: string, p?: Record<string, unknown>) => (p ? `${k}${JSON.stringify(p)}` : k)
type Any = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('wall chart options', () => {
  it('channels: one slice per channel with translated names, the total in the middle', () => {
    const o = channelOption(wallStatsFixture(), t) as Any
    expect(o.series[0].data).toEqual([
      { name: 'wall.channels.hotline_12345', value: 5 },
      { name: 'wall.channels.patrol', value: 2 },
    ])
    expect(o.title.text).toBe('7')
  })

  it('streets: only the busiest few, most open on top (last category)', () => {
    const many = wallStatsFixture({
      byStreet: Array.from({ length: 13 }, (_, i) => ({ code: `s${String(i).padStart(2, '0')}`, name: `街道${i}`, open: i, overdue: 0 })),
    })
    const o = streetOption(many, t) as Any
    expect(o.yAxis.data).toEqual(['街道7', '街道8', '街道9', '街道10', '街道11', '街道12'])
  })

  it('streets: open and overdue bars, the busiest street on top (last category)', () => {
    const o = streetOption(wallStatsFixture(), t) as Any
    expect(o.yAxis.data).toEqual(['涵西街道', '涵东街道'])
    expect(o.series.map((s: Any) => s.data)).toEqual([
      [4, 8],
      [0, 2],
    ])
  })

  it('on-time: the rate in percent, amber between 75 and 90 (both marked), a dash when nothing closed', () => {
    const o = onTimeOption(wallStatsFixture(), t) as Any
    expect(o.series[0].data[0].value).toBe(85)
    expect(o.series[0].data[0].itemStyle.color).toBe('#ffb300')
    expect(o.title).toMatchObject({ text: '85%', textStyle: { color: '#ffb300' } })
    expect(o.series[0].markLine.data).toEqual([{ xAxis: 75 }, { xAxis: 90 }])
    const none = onTimeOption(wallStatsFixture({ onTime: { days: 30, closed: 0, onTime: 0, rate: null } }), t) as Any
    expect(none.title.text).toBe('—')
  })

  it('classes: names in the current language above their bars (never truncated), largest on top; ×2 on a 4K wall', () => {
    const o = classesOption(wallStatsFixture(), t, true, 2) as Any
    expect(o.yAxis.data).toEqual(['Road collapse', 'Exposed rubbish'])
    expect(o.series[0].data).toEqual([3, 9])
    expect(o.yAxis.axisLabel).toMatchObject({ fontSize: 36, inside: true })
    expect(o.yAxis.axisLabel.overflow).toBeUndefined()
    expect(o.series[0].label.fontSize).toBe(44)
  })

  it('figures at the KPI size, legends at the label size (1920×1080)', () => {
    const ring = channelOption(wallStatsFixture(), t) as Any
    expect(ring.title.textStyle.fontSize).toBe(64)
    expect(ring.legend.textStyle.fontSize).toBe(22)
    expect((onTimeOption(wallStatsFixture(), t) as Any).title.textStyle.fontSize).toBe(64)
  })
})
