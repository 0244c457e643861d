import { problems } from '../../http/problem.ts'
import type { IssueBody } from './issues.ts'

export interface RawFeature {
  id: unknown
  geometry: unknown
  properties: unknown
  /** Set when the feature itself is not a GeoJSON Feature. */
  problem?: IssueBody
}

/**
 * The envelope of an import: a GeoJSON FeatureCollection (else 400). Each element is returned with its
 * own problem if it is not a Feature, so the import can report every feature at once.
 */
export function parseFeatureCollection(input: unknown): RawFeature[] {
  const fc = input as { type?: unknown; features?: unknown } | null
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw problems.validation('The body must be a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}', [
      { path: fc && typeof fc === 'object' && fc.type === 'FeatureCollection' ? 'features' : 'type', message: 'expected a GeoJSON FeatureCollection' },
    ])
  }
  return fc.features.map((f: unknown): RawFeature => {
    const feature = f as { type?: unknown; id?: unknown; geometry?: unknown; properties?: unknown } | null
    if (!feature || typeof feature !== 'object' || feature.type !== 'Feature') {
      return { id: undefined, geometry: undefined, properties: undefined, problem: { code: 'validation_failed', status: 400, path: 'type', message: 'expected a GeoJSON Feature ({"type": "Feature", ...})' } }
    }
    const properties = feature.properties ?? {}
    if (typeof properties !== 'object' || Array.isArray(properties)) {
      return { id: feature.id, geometry: feature.geometry, properties, problem: { code: 'validation_failed', status: 400, path: 'properties', message: 'properties must be an object' } }
    }
    return { id: feature.id, geometry: feature.geometry, properties }
  })
}
