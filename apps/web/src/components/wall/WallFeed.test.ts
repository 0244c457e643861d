import { mount } from '@vue/test-utils'
import { ESCALATION_ACTIONS, WORKFLOW_ACTIONS } from '@hanjiang/shared'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n/index.ts'
import { wallStatsFixture } from '../../testing/wall-fixtures.ts'
import WallFeed from './WallFeed.vue'
import WallUrgentList from './WallUrgentList.vue'

const mountIn = <T>(component: T, props: Record<string, unknown>, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  mount(component as never, { props: props as never, global: { plugins: [createAppI18n(locale)] } })

describe('WallFeed', () => {
  it('lists events newest first with Shanghai time (hours and minutes), action and class; urgent ones marked', () => {
    const s = wallStatsFixture()
    const events = [{ ...s.events[0]!, id: 4, action: 'create', at: '2026-05-01T02:01:02Z', track: 'normal' }, ...s.events]
    const w = mountIn(WallFeed, { events })
    const items = w.findAll('[data-testid=feed-item]')
    expect(items).toHaveLength(2)
    expect(items[0]!.text()).toContain('10:01')
    expect(items[0]!.text()).not.toContain('10:01:02')
    expect(items[0]!.text()).toContain('新受理')
    expect(items[1]!.text()).toContain('派遣')
    expect(items[1]!.text()).toContain('路面塌陷')
    expect(items[1]!.classes()).toContain('urgent')
  })

  it('has a word for every event action the API writes, in both languages', () => {
    const written = [...WORKFLOW_ACTIONS, ...ESCALATION_ACTIONS, 'create', 'primaryClosed', 'primaryReopened', 'rate', 'assign', 'reclassify', 'callback', 'note']
    for (const locale of ['zh-CN', 'en'] as const) {
      const e = wallStatsFixture().events[0]!
      const w = mountIn(WallFeed, { events: written.map((action, id) => ({ ...e, id, action })), max: written.length }, locale)
      const shown = w.findAll('.action').map((x) => x.text())
      for (const [i, action] of written.entries()) {
        expect(shown[i], `${locale} ${action}`).not.toBe(action)
        expect(shown[i], `${locale} ${action}`).not.toBe(locale === 'en' ? 'Updated' : '案件更新')
      }
    }
  })

  it('caps the list, never shows an action code, and says when there is nothing', () => {
    const e = wallStatsFixture().events[0]!
    const many = Array.from({ length: 20 }, (_, i) => ({ ...e, id: i, action: i === 0 ? 'escalate' : 'dispatch' }))
    const w = mountIn(WallFeed, { events: many, max: 5 }, 'en')
    expect(w.findAll('[data-testid=feed-item]')).toHaveLength(5)
    expect(w.text()).not.toContain('escalate')
    expect(w.text()).toContain('Updated')
    expect(w.text()).toContain('Road collapse')
    expect(mountIn(WallFeed, { events: [] }).text()).toContain('暂无数据')
  })
})

describe('WallUrgentList', () => {
  it('shows class, state, unit and deadline; overdue ones tagged', () => {
    const s = wallStatsFixture()
    const items = [{ ...s.urgent[0]!, code: 'A', overdue: true }, s.urgent[0]!]
    const w = mountIn(WallUrgentList, { items })
    const rows = w.findAll('[data-testid=urgent-item]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.classes()).toContain('overdue')
    expect(rows[0]!.text()).toContain('超期')
    expect(rows[1]!.text()).toContain('路面塌陷')
    expect(rows[1]!.text()).toContain('已派遣')
    expect(rows[1]!.text()).toContain('区交通运输局')
    expect(rows[1]!.text()).toContain('15:58')
  })
})
