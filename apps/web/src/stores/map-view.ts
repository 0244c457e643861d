import { defineStore } from 'pinia'
import { ref } from 'vue'

export type MapState = 'creating' | 'ready' | 'failed'

/** The map's own state: whether it exists, its zoom (for the layer list's zoom hints), busy rendering. */
export const useMapViewStore = defineStore('mapView', () => {
  const state = ref<MapState>('creating')
  const zoom = ref(10.5)
  /** True between a data change and the map's next `idle` event. */
  const rendering = ref(false)
  const failure = ref<string | null>(null)

  return { state, zoom, rendering, failure }
})
