import { onBeforeUnmount, ref, shallowRef } from 'vue'
import type { Crs } from '@hanjiang/shared/geo/crs'

export interface Fix {
  lng: number
  lat: number
  accuracy: number | null
  /** Epoch ms of the fix. */
  t: number
  /** The W3C Geolocation API reports WGS84 on every platform (phone map SDKs would give GCJ-02). */
  crs: Crs
}

export type GeoStatus = 'off' | 'waiting' | 'ok' | 'denied' | 'unavailable'

/** The device position while patrolling: a continuous watch (browser geolocation, high accuracy). */
export function usePatrolPosition(geo: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation) {
  const fix = shallowRef<Fix | null>(null)
  const status = ref<GeoStatus>('off')
  let watchId: number | null = null
  const listeners = new Set<(f: Fix) => void>()

  function start(): void {
    if (watchId !== null) return
    if (!geo) {
      status.value = 'unavailable'
      return
    }
    status.value = 'waiting'
    watchId = geo.watchPosition(
      (p) => {
        const f: Fix = { lng: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy ?? null, t: p.timestamp, crs: 'wgs84' }
        fix.value = f
        status.value = 'ok'
        for (const l of listeners) l(f)
      },
      (e) => {
        status.value = e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable'
      },
      { enableHighAccuracy: true, maximumAge: 5_000, timeout: 30_000 },
    )
  }

  function stop(): void {
    if (watchId !== null) geo?.clearWatch(watchId)
    watchId = null
    status.value = 'off'
  }

  onBeforeUnmount(stop)
  return { fix, status, start, stop, onFix: (l: (f: Fix) => void) => listeners.add(l) }
}
