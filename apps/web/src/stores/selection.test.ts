import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { useSelectionStore } from './selection.ts'

const detail = {
  code: '350303001001',
  name: '新区社区',
  level: 'community',
  parentCode: '350303001000',
  parents: [
    { code: '350303000000', name: '涵江区', level: 'district' },
    { code: '350303001000', name: '涵东街道', level: 'street' },
  ],
  areaM2: 1_792_357,
  childCount: 38,
  version: 1,
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
}

beforeEach(() => freshPinia())
afterEach(() => vi.unstubAllGlobals())

describe('selection store', () => {
  it('loads the details of the selected region', async () => {
    mockFetch({ '/api/regions/350303001001': { json: detail } })
    const s = useSelectionStore()
    const p = s.select('350303001001', { name: '新区社区', level: 'community' })
    expect(s.isOpen).toBe(true)
    expect(s.status).toBe('loading')
    expect(s.hint?.name).toBe('新区社区')
    await p
    expect(s.status).toBe('ready')
    expect(s.detail?.parents.map((x) => x.name)).toEqual(['涵江区', '涵东街道'])
  })

  it('tells a missing region (404) from a failure', async () => {
    mockFetch({
      '/api/regions/350303999000': { status: 404, json: { title: 'Not found', status: 404, detail: 'No region with code 350303999000', code: 'region_not_found' } },
      '/api/regions/350303001001': { status: 500, json: { title: 'Internal error', status: 500, detail: 'boom' } },
    })
    const s = useSelectionStore()
    await s.select('350303999000')
    expect(s.status).toBe('not-found')
    await s.select('350303001001')
    expect(s.status).toBe('error')
  })

  it('drops the answer of a superseded request', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    mockFetch({
      '/api/regions/350303001001': async () => {
        await gate
        return { json: detail }
      },
      '/api/regions/350303001000': { json: { ...detail, code: '350303001000', name: '涵东街道', level: 'street', parents: [] } },
    })
    const s = useSelectionStore()
    const first = s.select('350303001001')
    await s.select('350303001000')
    release()
    await first
    expect(s.code).toBe('350303001000')
    expect(s.detail?.name).toBe('涵东街道')
  })

  it('clears', async () => {
    mockFetch({ '/api/regions/350303001001': { json: detail } })
    const s = useSelectionStore()
    await s.select('350303001001')
    s.clear()
    expect(s.isOpen).toBe(false)
    expect(s.detail).toBeNull()
    expect(s.status).toBe('idle')
  })
})
