import { ref, shallowRef } from 'vue'

/** A WGS84 position (the W3C Geolocation API reports WGS84 on every platform) with its accuracy in whole metres. */
export interface GeoPosition {
  lng: number
  lat: number
  accuracyM?: number
}

export type GeoState = 'idle' | 'locating' | 'ok' | 'error'

/** One position on demand (browser geolocation); a refusal or a missing API is reported in `error`, never thrown. */
export function useGeolocation(geo: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation) {
  const position = shallowRef<GeoPosition | null>(null)
  const state = ref<GeoState>('idle')
  const error = ref<string | null>(null)

  function locate(): Promise<GeoPosition | null> {
    if (!geo) {
      state.value = 'error'
      error.value = 'geolocation unavailable'
      return Promise.resolve(null)
    }
    state.value = 'locating'
    error.value = null
    return new Promise((resolve) => {
      geo.getCurrentPosition(
        (p) => {
          const pos: GeoPosition = { lng: p.coords.longitude, lat: p.coords.latitude }
          if (typeof p.coords.accuracy === 'number') pos.accuracyM = Math.round(p.coords.accuracy)
          position.value = pos
          state.value = 'ok'
          resolve(pos)
        },
        (e) => {
          state.value = 'error'
          error.value = e.message || 'unavailable'
          resolve(null)
        },
        { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 },
      )
    })
  }

  return { position, state, error, locate }
}
