import { describe, expect, it } from 'vitest'
import { buildStyle } from './style.ts'
import { CLUSTER_FOOTPRINT_IMAGE, INCIDENT_LAYERS, INCIDENT_SOURCE, PATROL_SOURCE, clusterFootprintImage, countLabel, incidentLayerId, incidentLayers, toFeatures } from './incident-layers.ts'

describe('incident layers', () => {
  it('are in the style above the regions and areas, under the probe marker, with their sources', () => {
    const style = buildStyle()
    const ids = style.layers.map((l) => l.id)
    expect(style.sources[INCIDENT_SOURCE]).toBeDefined()
    expect(style.sources[PATROL_SOURCE]).toBeDefined()
    for (const id of INCIDENT_LAYERS) expect(ids).toContain(id)
    expect(ids.indexOf(incidentLayerId.patrol)).toBeLessThan(ids.indexOf(incidentLayerId.clusterHalo))
    expect(ids.indexOf(incidentLayerId.point)).toBeLessThan(ids.indexOf('probe-dot'))
    expect(ids.indexOf('area-fill-label')).toBeLessThan(ids.indexOf(incidentLayerId.cluster))
  })

  it('scale up for the wall', () => {
    const [, cluster] = incidentLayers(2)
    expect((cluster as { paint: Record<string, unknown> }).paint['circle-stroke-width']).toBe(4)
  })

  it('clusters keep region labels off their discs (a transparent footprint icon that takes part in placement)', () => {
    const count = incidentLayers().find((l) => l.id === incidentLayerId.clusterCount) as { layout: Record<string, unknown> }
    expect(count.layout['icon-image']).toBe(CLUSTER_FOOTPRINT_IMAGE)
    expect(count.layout['icon-ignore-placement']).toBe(false)
    expect(count.layout['text-ignore-placement']).toBe(false)
    const img = clusterFootprintImage()
    expect(img.data.length).toBe(img.width * img.height * 4)
    expect(img.data.every((b) => b === 0)).toBe(true)
    const street = buildStyle().layers.find((l) => l.id.includes('label') && l.id.includes('street')) as { layout: Record<string, unknown> }
    expect(street.layout['text-variable-anchor']).toContain('top')
  })

  it('label counts compactly', () => {
    expect([countLabel(7), countLabel(999), countLabel(1234), countLabel(56789)]).toEqual(['7', '999', '1.2k', '56k'])
  })

  it('turn clusters and points into features; only open urgent incidents pulse', () => {
    const fc = toFeatures({
      clusters: [{ id: '10/1/1', lng: 119, lat: 25.4, count: 3, byState: { reported: 3 }, urgent: 1, overdue: 0 }],
      points: [
        { code: 'A', lng: 119.1, lat: 25.5, state: 'dispatched', track: 'urgent', overdue: true, fineClass: null, unitCode: null },
        { code: 'B', lng: 119.2, lat: 25.5, state: 'closed', track: 'urgent', overdue: false, fineClass: null, unitCode: null },
      ],
    })
    expect(fc.features.map((f) => f.properties)).toEqual([
      { kind: 'cluster', id: '10/1/1', count: 3, label: '3', state: null, urgent: 1, overdue: 0 },
      { kind: 'point', id: 'A', count: 1, label: '', state: 'dispatched', urgent: true, overdue: true },
      { kind: 'point', id: 'B', count: 1, label: '', state: 'closed', urgent: false, overdue: false },
    ])
  })
})
