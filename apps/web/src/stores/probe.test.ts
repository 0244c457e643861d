import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { territorialAnswer } from '../testing/fixtures.ts'
import { freshPinia, mockFetch } from '../testing/utils.ts'
import { PROBE_CRS_KEY, PROBE_FINE_CLASS_KEY, useProbeStore } from './probe.ts'

beforeEach(() => {
  localStorage.clear()
  freshPinia()
})
afterEach(() => vi.unstubAllGlobals())

describe('probe store', () => {
  it('asks /api/assign for a point with the chosen fine class and keeps the answer', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: territorialAnswer } })
    const probe = useProbeStore()
    probe.start()
    await probe.setFineClass('020602')
    expect(calls).toEqual([])
    const p = probe.ask({ lng: 119.1168, lat: 25.4619, crs: 'wgs84', via: 'map' })
    expect(probe.status).toBe('loading')
    await p
    expect(probe.status).toBe('ready')
    expect(probe.result?.unit.name).toBe('涵东街道办事处')
    expect(calls).toEqual(['/api/assign?lng=119.1168&lat=25.4619&crs=wgs84&fineClass=020602'])
    expect(probe.fineClassInfo?.name).toBe('积存垃圾渣土')
  })

  it('leaves the fine class out for "no class", and sends typed GCJ-02 as is', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: territorialAnswer } })
    const probe = useProbeStore()
    await probe.ask({ lng: 119.12, lat: 25.46, crs: 'gcj02', via: 'typed' })
    expect(calls).toEqual(['/api/assign?lng=119.12&lat=25.46&crs=gcj02'])
  })

  it('asks again for the same point when the fine class changes', async () => {
    const { calls } = mockFetch({ '/api/assign': { json: territorialAnswer } })
    const probe = useProbeStore()
    await probe.ask({ lng: 119.1, lat: 25.4, crs: 'wgs84', via: 'map' })
    await probe.setFineClass('010501')
    expect(calls.at(-1)).toBe('/api/assign?lng=119.1&lat=25.4&crs=wgs84&fineClass=010501')
    await probe.setFineClass('010501')
    expect(calls).toHaveLength(2)
  })

  it('keeps a problem as the error, readable, and retries', async () => {
    let fail = true
    mockFetch({
      '/api/assign': () =>
        fail
          ? { status: 422, json: { title: 'Unprocessable content', status: 422, detail: 'points.0: lng 200 is out of range [-180, 180]', code: 'invalid_points' } }
          : { json: territorialAnswer },
    })
    const probe = useProbeStore()
    await probe.ask({ lng: 200, lat: 25, crs: 'wgs84', via: 'typed' })
    expect(probe.status).toBe('error')
    expect(String((probe.error as Error).message)).toContain('out of range')
    fail = false
    await probe.retry()
    expect(probe.status).toBe('ready')
  })

  it('ignores an answer overtaken by a newer question', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    mockFetch({
      '/api/assign': async (url) => {
        if (url.searchParams.get('lng') === '1') await gate
        return { json: { ...territorialAnswer, point: { lng: Number(url.searchParams.get('lng')), lat: 25 } } }
      },
    })
    const probe = useProbeStore()
    const first = probe.ask({ lng: 1, lat: 25, crs: 'wgs84', via: 'map' })
    await probe.ask({ lng: 2, lat: 25, crs: 'wgs84', via: 'map' })
    release()
    await first
    expect(probe.result?.point.lng).toBe(2)
    expect(probe.status).toBe('ready')
  })

  it('stop leaves the mode and forgets the point; the class and typed CRS are remembered', async () => {
    mockFetch({ '/api/assign': { json: territorialAnswer } })
    const probe = useProbeStore()
    probe.toggle()
    expect(probe.active).toBe(true)
    await probe.setFineClass('010501')
    probe.crs = 'bd09'
    await probe.ask({ lng: 119.1, lat: 25.4, crs: 'wgs84', via: 'map' })
    probe.toggle()
    expect(probe.active).toBe(false)
    expect(probe.result).toBeNull()
    expect(probe.point).toBeNull()
    expect(probe.status).toBe('idle')
    await Promise.resolve()
    expect(localStorage.getItem(PROBE_FINE_CLASS_KEY)).toBe('010501')
    expect(localStorage.getItem(PROBE_CRS_KEY)).toBe('bd09')
    freshPinia()
    expect(useProbeStore().fineClass).toBe('010501')
    expect(useProbeStore().crs).toBe('bd09')
  })

  it('ignores a remembered class that no longer exists', () => {
    localStorage.setItem(PROBE_FINE_CLASS_KEY, '999999')
    localStorage.setItem(PROBE_CRS_KEY, 'mercator')
    expect(useProbeStore().fineClass).toBeNull()
    expect(useProbeStore().crs).toBe('wgs84')
  })
})
