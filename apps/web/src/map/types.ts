import type { Map as MaplibreMap } from 'maplibre-gl'

/**
 * The part of a MapLibre map the composables use. Typed against MapLibre's own signatures, so the real map
 * fits; tests pass a small fake (cast), since jsdom has no WebGL.
 */
export type RegionMap = Pick<
  MaplibreMap,
  | 'on'
  | 'off'
  | 'getSource'
  | 'getLayer'
  | 'getLayoutProperty'
  | 'setLayoutProperty'
  | 'setFilter'
  | 'setFeatureState'
  | 'removeFeatureState'
  | 'queryRenderedFeatures'
  | 'getZoom'
  | 'fitBounds'
  | 'getCanvas'
  | 'hasImage'
  | 'addImage'
  | 'easeTo'
  | 'getBounds'
  | 'setPaintProperty'
  | 'getCenter'
  | 'moveLayer'
>
