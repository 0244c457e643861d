import { REGION_LEVELS } from '@hanjiang/shared'
import { BACKGROUND_LAYER } from '../map/style.ts'
import { incidentLayerId } from '../map/incident-layers.ts'
import { layerId } from '../map/layers.ts'
import type { RegionMap } from '../map/types.ts'
import { wallPx } from './type-scale.ts'

/**
 * The wall's dark map: the same offline style, repainted night-blue so the bright incident symbols and the panels
 * around it read as one screen. Paint changes only; the layers and their data are the map page's.
 */
export function applyWallTheme(m: Pick<RegionMap, 'getLayer' | 'setPaintProperty' | 'setLayoutProperty' | 'moveLayer'>, scale = 1): void {
  const set = (id: string, prop: string, value: unknown) => {
    if (m.getLayer(id)) m.setPaintProperty(id, prop as never, value as never)
  }
  set(BACKGROUND_LAYER, 'background-color', '#040d1c')
  set(layerId.mask, 'fill-color', '#040d1c')
  set(layerId.mask, 'fill-opacity', 0.9)
  set(layerId.fill('district'), 'fill-color', '#0d2547')
  set(layerId.fill('district'), 'fill-opacity', 0.95)
  set(layerId.fill('street'), 'fill-opacity', 0.16)
  set(layerId.line('district'), 'line-color', '#5aa0ff')
  set(layerId.casing('district'), 'line-color', '#1b4f9c')
  set(layerId.line('street'), 'line-color', '#3d7bd9')
  set(layerId.line('community'), 'line-color', '#2b5a9e')
  set(layerId.line('grid'), 'line-color', '#23497f')
  for (const level of REGION_LEVELS) {
    set(layerId.label(level), 'text-color', '#cfe3ff')
    set(layerId.label(level), 'text-halo-color', '#040d1c')
  }
  // Labels from the wall's type scale (the map page's sizes are for a desk at arm's length): street names as large
  // as the panels' words, community and grid names (only when zoomed in) a step smaller.
  const size = (id: string, px: number) => m.getLayer(id) && m.setLayoutProperty(id, 'text-size', px)
  size(layerId.label('district'), wallPx('title', scale))
  size(layerId.label('street'), wallPx('label', scale))
  size(layerId.label('community'), wallPx('label', scale))
  size(layerId.label('grid'), wallPx('axis', scale))
  // Street names over the incident discs, so a cluster never hides one. MapLibre places the top layer's symbols
  // first: the cluster counts (with their disc's footprint) above the names, so a name takes the first place around
  // its label point that keeps clear of every cluster, and only where none is free is it drawn over one anyway
  // (allowed to overlap) rather than left out.
  const street = layerId.label('street')
  if (m.getLayer(street)) {
    m.setLayoutProperty(street, 'text-variable-anchor', WALL_STREET_ANCHORS)
    m.setLayoutProperty(street, 'text-allow-overlap', true)
    m.moveLayer(street)
    if (m.getLayer(incidentLayerId.clusterCount)) m.moveLayer(incidentLayerId.clusterCount)
  }
}

/** Around the label point, above it first (names read best over their cluster). */
export const WALL_STREET_ANCHORS = ['top', 'bottom', 'right', 'left', 'top-right', 'top-left', 'bottom-right', 'bottom-left'] as const
