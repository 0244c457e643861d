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
    expect(Array.isArray(fake.layout.get('region-street-label')!['text-size'])).toBe(true)
  })

  it('scales the region labels on a larger wall', () => {
    const fake = createFakeMap()
    applyWallTheme(asMap(fake), 2)
    expect(fake.layout.get('region-street-label')).toMatchObject({ 'text-size': 28 })
  })
})
