import { describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createAppRouter, navRoutes } from './router.ts'

describe('router', () => {
  it('lists only the screens that exist in the navigation', () => {
    expect(navRoutes().map((r) => r.name)).toEqual(['map', 'about'])
  })

  it('opens the map by default and has a not-found page', async () => {
    const router = createAppRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('map')
    await router.push('/dispatch')
    expect(router.currentRoute.value.name).toBe('not-found')
  })
})
