import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { useConfigStore } from './config.ts'
import { useHealthStore } from './health.ts'
import { useNoticesStore } from './notices.ts'

beforeEach(() => freshPinia())
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('config store', () => {
  it('has no basemap by default', async () => {
    mockFetch({ '/api/config': { json: { basemaps: [], attribution: ['边界: Vonng/adcode, CC BY 4.0'] } } })
    const c = useConfigStore()
    await c.load()
    expect(c.status).toBe('ready')
    expect(c.basemaps).toEqual([])
    expect(c.attribution).toEqual(['边界: Vonng/adcode, CC BY 4.0'])
  })

  it('keeps the configured basemaps', async () => {
    const b = { id: 'xyz-1', label: '', preset: 'xyz', type: 'xyz', url: '/t/{z}/{x}/{y}.png', crs: 'gcj02' }
    mockFetch({ '/api/config': { json: { basemaps: [b], attribution: [] } } })
    const c = useConfigStore()
    await c.load()
    expect(c.basemaps).toEqual([b])
  })

  it('carries on without a basemap when the configuration fails, and says so', async () => {
    mockFetch({ '/api/config': { status: 500, json: { title: 'Internal error', status: 500, detail: 'x' } } })
    const c = useConfigStore()
    await c.load()
    expect(c.status).toBe('error')
    expect(c.basemaps).toEqual([])
    expect(useNoticesStore().notices[0]?.context).toBe('errors.context.config')
  })
})

describe('health store', () => {
  const ok = { status: 'ok', engine: 'embedded', postgres: '17.5', postgis: '3.5.2', migrations: { applied: 3, total: 3, pending: [] } }

  it('is ok, degraded with pending migrations, and down when unreachable', async () => {
    const h = useHealthStore()
    mockFetch({ '/api/health': { json: ok } })
    await h.refresh()
    expect(h.state).toBe('ok')
    mockFetch({ '/api/health': { json: { ...ok, migrations: { applied: 2, total: 3, pending: ['0003'] } } } })
    await h.refresh()
    expect(h.state).toBe('degraded')
    mockFetch({ '/api/health': new TypeError('Failed to fetch') })
    await h.refresh()
    expect(h.state).toBe('down')
    expect(h.checkedAt).toBeInstanceOf(Date)
  })

  it('polls until stopped', async () => {
    vi.useFakeTimers()
    const { fn } = mockFetch({ '/api/health': { json: ok } })
    const h = useHealthStore()
    h.startPolling(1000)
    await vi.advanceTimersByTimeAsync(3100)
    h.stopPolling()
    const n = fn.mock.calls.length
    expect(n).toBeGreaterThanOrEqual(3)
    await vi.advanceTimersByTimeAsync(5000)
    expect(fn.mock.calls.length).toBe(n)
  })
})

describe('notices store', () => {
  it('replaces a notice with the same id instead of stacking', () => {
    const n = useNoticesStore()
    n.push({ id: 'layer:grid', context: 'a', error: new Error('1') })
    n.push({ id: 'layer:grid', context: 'a', error: new Error('2') })
    n.push({ id: 'config', context: 'b', error: new Error('3') })
    expect(n.notices.map((x) => x.id)).toEqual(['layer:grid', 'config'])
    expect((n.notices[0]!.error as Error).message).toBe('2')
    n.dismiss('layer:grid')
    expect(n.notices.map((x) => x.id)).toEqual(['config'])
  })
})
