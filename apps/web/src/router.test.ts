import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, legacyHashTarget, navRoutes, routes } from './router.ts'

describe('router', () => {
  it('lists only the screens that exist in the navigation', () => {
    const names = navRoutes().map((r) => r.name)
    expect(names[0]).toBe('map')
    expect(names).toEqual(expect.arrayContaining(['map', 'admin-users', 'admin-units', 'audit', 'about']))
  })

  it('keeps the entries the permissions allow', () => {
    const held = new Set(['map.read', 'audit.read'])
    const names = navRoutes(undefined, (p) => !p || held.has(p)).map((r) => r.name)
    expect(names).toContain('audit')
    expect(names).toContain('about')
    expect(names).not.toContain('admin-users')
  })

  it('marks the sign-in page public and without the header; the admin screens need their permission', () => {
    const byName = new Map(routes.map((r) => [r.name, r]))
    expect(byName.get('login')!.meta).toMatchObject({ public: true })
    expect(byName.get('change-password')!.meta).toMatchObject({ chrome: false })
    expect(byName.get('admin-users')!.meta!.permission).toBe('user.manage')
    expect(byName.get('audit')!.meta!.permission).toBe('audit.read')
    // The grid editor: grid admins and admins (both hold region.write), in the navigation.
    expect(byName.get('region-editor')!.path).toBe('/regions/edit')
    expect(byName.get('region-editor')!.meta).toMatchObject({ permission: 'region.write', nav: true })
  })

  it('opens the map by default and has a not-found page', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('map')
    await router.push('/no-such-page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('rewrites old hash links to real URLs, keeping both query parts; leaves other URLs alone', () => {
    expect(legacyHashTarget({ search: '', hash: '#/wall' })).toBe('/wall')
    expect(legacyHashTarget({ search: '', hash: '#/wall?kiosk=1' })).toBe('/wall?kiosk=1')
    expect(legacyHashTarget({ search: '?test', hash: '#/map?region=350303001001' })).toBe('/map?test&region=350303001001')
    expect(legacyHashTarget({ search: '?a=1', hash: '#/incidents/HJ20261207-0001?a=2' })).toBe('/incidents/HJ20261207-0001?a=2')
    expect(legacyHashTarget({ search: '', hash: '#main' })).toBeNull()
    expect(legacyHashTarget({ search: '?test', hash: '' })).toBeNull()
  })
})
