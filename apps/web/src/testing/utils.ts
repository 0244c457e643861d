/** Helpers for the unit tests (jsdom): a routing fetch mock, and mounting with pinia + i18n + router. */
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, getActivePinia, setActivePinia, type Pinia } from 'pinia'
import { vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { createAppI18n, type AppLocale } from '../i18n/index.ts'
import { createAppRouter } from '../router.ts'

export type MockReply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | ((url: URL, init?: RequestInit) => MockReply | Promise<MockReply>)
  | Error

/**
 * Replaces the global fetch: each request is matched against `routes` ("GET /api/regions?level=street" or a
 * path prefix "/api/regions/"), longest key first; unmatched requests answer 404 problem details.
 */
export function mockFetch(routes: Record<string, MockReply>) {
  const calls: string[] = []
  const keys = Object.keys(routes).sort((a, b) => b.length - a.length)
  const fn = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://test.local')
    const target = url.pathname + url.search
    calls.push(target)
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError')
    const key = keys.find((k) => target === k || (k.endsWith('/') && target.startsWith(k)) || target.startsWith(`${k}?`) && !k.includes('?'))
    let reply: MockReply = key
      ? routes[key]!
      : { status: 404, json: { type: 'about:blank', title: 'Not found', status: 404, detail: `no mock for ${target}` } }
    if (typeof reply === 'function') reply = await reply(url, init)
    if (reply instanceof Error) throw reply
    if (typeof reply === 'function') throw new Error('nested reply functions are not supported')
    const status = reply.status ?? 200
    const body = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json))
    const isProblem = status >= 400 && reply.json !== undefined
    return new Response(body || null, {
      status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...reply.headers },
    })
  })
  vi.stubGlobal('fetch', fn)
  return { fn, calls }
}

export function freshPinia(): Pinia {
  const pinia = createPinia()
  setActivePinia(pinia)
  return pinia
}

/** Mounts a component with a fresh i18n (Chinese unless told), the active pinia (see `freshPinia`) and an in-memory router. */
export async function mountApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: AppLocale; path?: string } = {},
) {
  const { locale = 'zh-CN', path = '/map', ...rest } = options
  const i18n = createAppI18n(locale)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const pinia = getActivePinia() ?? freshPinia()
  const wrapper = mount(component, {
    ...rest,
    global: { ...(rest.global ?? {}), plugins: [pinia, i18n, router, ...(rest.global?.plugins ?? [])] },
  } as ComponentMountingOptions<C>)
  return { wrapper, i18n, router, pinia }
}

export const flush = () => new Promise((r) => setTimeout(r, 0))

/** A tiny GeoJSON square, as the API would send it. */
export function square(
  id: number,
  props: { code: string; name: string; level: string; parentCode: string | null },
  [x, y]: [number, number],
  size = 0.01,
) {
  return {
    type: 'Feature' as const,
    id,
    properties: props,
    geometry: {
      type: 'MultiPolygon' as const,
      coordinates: [[[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]],
    },
  }
}
