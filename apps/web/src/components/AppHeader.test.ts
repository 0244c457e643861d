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

  describe('menu drawer (compact header)', () => {
    const drawerNames = (w: { findAll: (s: string) => { text: () => string }[] }) =>
      w.findAll('[data-testid=nav-drawer] nav a').map((a) => a.text())

    it('opens from the menu button, moves focus into the drawer and closes again with the button', async () => {
      const { wrapper } = await mountApp(AppHeader, { attachTo: document.body })
      const toggle = wrapper.get('[data-testid=nav-menu-toggle]')
      expect(toggle.attributes('aria-expanded')).toBe('false')
      expect(toggle.attributes('aria-controls')).toBe('app-nav-drawer')
      expect(toggle.attributes('aria-label')).toBe('打开导航菜单')
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(false)

      await toggle.trigger('click')
      await flush()
      expect(toggle.attributes('aria-expanded')).toBe('true')
      expect(toggle.attributes('aria-label')).toBe('关闭导航菜单')
      const drawer = wrapper.get('[data-testid=nav-drawer]')
      expect(drawer.attributes('id')).toBe('app-nav-drawer')
      expect(document.activeElement?.textContent).toBe('区域地图')
      expect(drawer.element.contains(document.activeElement)).toBe(true)

      await toggle.trigger('click')
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(false)
      expect(toggle.attributes('aria-expanded')).toBe('false')
      wrapper.unmount()
    })

    it('closes on Esc and on a press outside, returning focus to the menu button', async () => {
      const { wrapper } = await mountApp(AppHeader, { attachTo: document.body })
      const toggle = wrapper.get('[data-testid=nav-menu-toggle]')
      await toggle.trigger('click')
      await flush()
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
      await flush()
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(false)
      expect(document.activeElement).toBe(toggle.element)

      await toggle.trigger('click')
      await flush()
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(true)
      // A press inside the drawer keeps it open.
      wrapper.get('[data-testid=nav-drawer]').element.dispatchEvent(new Event('pointerdown', { bubbles: true }))
      await flush()
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(true)
      const outside = document.createElement('div')
      document.body.append(outside)
      outside.dispatchEvent(new Event('pointerdown', { bubbles: true }))
      await flush()
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(false)
      expect(document.activeElement).toBe(toggle.element)
      outside.remove()
      wrapper.unmount()
    })

    it('closes on navigation', async () => {
      const { wrapper, router } = await mountApp(AppHeader, { attachTo: document.body })
      await wrapper.get('[data-testid=nav-menu-toggle]').trigger('click')
      await flush()
      const about = wrapper.findAll('[data-testid=nav-drawer] nav a').find((a) => a.text() === '关于')!
      await about.trigger('click')
      await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('about'))
      await flush()
      expect(wrapper.find('[data-testid=nav-drawer]').exists()).toBe(false)
      wrapper.unmount()
    })

    it('lists the entries the permissions allow, in both languages', async () => {
      const dispatcher = await mountApp(AppHeader)
      await dispatcher.wrapper.get('[data-testid=nav-menu-toggle]').trigger('click')
      const names = drawerNames(dispatcher.wrapper)
      expect(names).toEqual(dispatcher.wrapper.findAll('.app-nav a').map((a) => a.text()))
      expect(names).toEqual(expect.arrayContaining(['区域地图', '关于']))
      expect(names).not.toContain('用户管理')
      dispatcher.wrapper.unmount()

      signIn(me('admin'))
      const admin = await mountApp(AppHeader, { locale: 'en' })
      await admin.wrapper.get('[data-testid=nav-menu-toggle]').trigger('click')
      expect(admin.wrapper.get('[data-testid=nav-menu-toggle]').attributes('aria-label')).toBe('Close the navigation menu')
      expect(drawerNames(admin.wrapper)).toEqual(expect.arrayContaining(['Region map', 'Users', 'Audit log', 'About']))
      admin.wrapper.unmount()
    })

    it('offers the language switch in the drawer', async () => {
      const { wrapper, i18n } = await mountApp(AppHeader)
      await wrapper.get('[data-testid=nav-menu-toggle]').trigger('click')
      await wrapper.get('[data-testid=drawer-locale-select]').setValue('en')
      expect(i18n.global.locale.value).toBe('en')
      wrapper.unmount()
    })
  })
})
