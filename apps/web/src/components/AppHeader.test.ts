import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCALE_STORAGE_KEY } from '../i18n/index.ts'
import { me, signIn } from '../testing/auth-fixtures.ts'
import { flush, freshPinia, mockFetch, mountApp } from '../testing/utils.ts'
import AppHeader from './AppHeader.vue'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
  signIn(me('dispatcher'))
  mockFetch({
    '/api/health': { json: { status: 'ok', engine: 'embedded', postgres: '17', postgis: '3.5', migrations: { applied: 2, total: 2, pending: [] } } },
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('AppHeader', () => {
  it('shows the platform name and the navigation entries the permissions allow', async () => {
    const { wrapper } = await mountApp(AppHeader)
    expect(wrapper.find('.brand-name').text()).toBe('涵江区“马上就办”数字城管平台')
    const links = wrapper.findAll('nav a')
    const names = links.map((a) => a.text())
    expect(names).toContain('区域地图')
    expect(names).toContain('关于')
    expect(names).not.toContain('用户管理')
    expect(names).not.toContain('审计日志')
    expect(links[0]!.classes()).toContain('router-link-active')
    wrapper.unmount()
  })

  it('shows the admin screens to an admin, and the audit log to the efficiency office', async () => {
    signIn(me('admin'))
    const admin = await mountApp(AppHeader)
    expect(admin.wrapper.findAll('nav a').map((a) => a.text())).toEqual(expect.arrayContaining(['用户管理', '单位管理', '审计日志']))
    admin.wrapper.unmount()
    signIn(me('efficiency_office'))
    const office = await mountApp(AppHeader)
    const names = office.wrapper.findAll('nav a').map((a) => a.text())
    expect(names).toContain('审计日志')
    expect(names).not.toContain('用户管理')
    office.wrapper.unmount()
  })

  it('shows who is signed in: name and unit', async () => {
    const { wrapper } = await mountApp(AppHeader)
    expect(wrapper.find('[data-testid=user-menu-name]').text()).toBe('林调度')
    expect(wrapper.find('[data-testid=user-menu-unit]').text()).toBe('区城市管理指挥中心')
    wrapper.unmount()
  })

  it('shows the API status', async () => {
    const { wrapper } = await mountApp(AppHeader)
    await flush()
    await flush()
    expect(wrapper.find('[data-testid=api-status]').text()).toBe('服务正常')
    wrapper.unmount()
  })

  it('switches the language and remembers it', async () => {
    const { wrapper, i18n } = await mountApp(AppHeader)
    await wrapper.find('[data-testid=locale-select]').setValue('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(wrapper.find('.brand-name').text()).toBe('Hanjiang “Do It Now” Digital City Management Platform')
    expect(wrapper.findAll('nav a').map((a) => a.text())).toEqual(expect.arrayContaining(['Region map', 'About']))
    wrapper.unmount()
  })

  it('shows the time in Asia/Shanghai', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    const { wrapper } = await mountApp(AppHeader)
    expect(wrapper.find('time').text()).toContain('08:00:00')
    wrapper.unmount()
    vi.useRealTimers()
  })
})
