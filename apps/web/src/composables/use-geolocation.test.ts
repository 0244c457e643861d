import { describe, expect, it } from 'vitest'
import { useGeolocation } from './use-geolocation.ts'

const geo = (ok: boolean): Geolocation =>
  ({
    getCurrentPosition: (success: PositionCallback, fail?: PositionErrorCallback | null) =>
      ok
        ? success({ coords: { longitude: 119.1, latitude: 25.4, accuracy: 12.4 } } as GeolocationPosition)
        : fail?.({ code: 1, message: 'denied' } as GeolocationPositionError),
  }) as unknown as Geolocation

describe('useGeolocation', () => {
  it('resolves the WGS84 position with its accuracy', async () => {
    const g = useGeolocation(geo(true))
    expect(await g.locate()).toEqual({ lng: 119.1, lat: 25.4, accuracyM: 12 })
    expect(g.state.value).toBe('ok')
  })
  it('reports a refusal without throwing', async () => {
    const g = useGeolocation(geo(false))
    expect(await g.locate()).toBeNull()
    expect(g.state.value).toBe('error')
    expect(g.error.value).toBe('denied')
  })
  it('copes with no geolocation at all', async () => {
    const g = useGeolocation(undefined)
    expect(await g.locate()).toBeNull()
    expect(g.error.value).toContain('unavailable')
  })
})
