import { describe, expect, it } from 'vitest'
import { asMap, createFakeMap } from '../testing/fake-map.ts'
import { applyWallTheme } from './map-theme.ts'

describe('applyWallTheme', () => {
  it('repaints background, district and labels dark, touching only layers the style has', () => {
    const fake = createFakeMap()
    applyWallTheme(asMap(fake))
    expect(fake.paint.get('background')).toMatchObject({ 'background-color': '#040d1c' })
    expect(fake.paint.get('region-district-fill')).toMatchObject({ 'fill-color': '#0d2547' })
    expect(fake.paint.get('region-street-label')).toMatchObject({ 'text-color': '#cfe3ff' })
    expect([...fake.paint.keys()].every((id) => fake.layout.has(id))).toBe(true)
    expect(fake.layout.get('region-street-label')).toMatchObject({ 'text-size': 22 })
    expect(fake.layout.get('region-grid-label')).toMatchObject({ 'text-size': 18 })
  })

  it('puts the street names over the incident discs, placed after the cluster counts, never left out', () => {
    const fake = createFakeMap()
    applyWallTheme(asMap(fake))
    expect(fake.moved).toEqual(['region-street-label', 'incident-cluster-count'])
    expect(fake.layout.get('region-street-label')!['text-variable-anchor']).not.toContain('center')
    expect(fake.layout.get('region-street-label')).toMatchObject({ 'text-allow-overlap': true })
  })

  it('scales the region labels with the wall: ×2 at 3840×2160', () => {
    const fake = createFakeMap()
    applyWallTheme(asMap(fake), 2)
    expect(fake.layout.get('region-street-label')).toMatchObject({ 'text-size': 44 })
    expect(fake.layout.get('region-district-label')).toMatchObject({ 'text-size': 52 })
  })
})
