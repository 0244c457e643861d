import { describe, expect, it } from 'vitest'
import { usePatrolPosition, type Fix } from './use-patrol-position.ts'

function fakeGeo() {
  let success: PositionCallback | null = null
  let failure: PositionErrorCallback | null = null
  let cleared = false
  const geo = {
    watchPosition: (s: PositionCallback, f?: PositionErrorCallback | null) => {
      success = s
      failure = f ?? null
      return 7
    },
    clearWatch: (id: number) => {
      cleared = id === 7
    },
  } as unknown as Geolocation
  return {
    geo,
    move: (lng: number, lat: number, accuracy = 8) => success!({ coords: { longitude: lng, latitude: lat, accuracy }, timestamp: 1000 } as GeolocationPosition),
    deny: () => failure!({ code: 1, PERMISSION_DENIED: 1, message: 'denied' } as GeolocationPositionError),
    cleared: () => cleared,
  }
}

describe('usePatrolPosition', () => {
  it('watches the position, states WGS84, tells listeners, stops', () => {
    const f = fakeGeo()
    const p = usePatrolPosition(f.geo)
    const seen: Fix[] = []
    p.onFix((x) => seen.push(x))
    p.start()
    expect(p.status.value).toBe('waiting')
    f.move(119.1, 25.45)
    expect(p.fix.value).toEqual({ lng: 119.1, lat: 25.45, accuracy: 8, t: 1000, crs: 'wgs84' })
    expect(p.status.value).toBe('ok')
    expect(seen).toHaveLength(1)
    p.stop()
    expect(f.cleared()).toBe(true)
    expect(p.status.value).toBe('off')
  })
  it('reports a refusal and a missing API', () => {
    const f = fakeGeo()
    const p = usePatrolPosition(f.geo)
    p.start()
    f.deny()
    expect(p.status.value).toBe('denied')
    const none = usePatrolPosition(undefined)
    none.start()
    expect(none.status.value).toBe('unavailable')
  })
})
