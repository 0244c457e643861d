import { bodyLimit } from 'hono/body-limit'
import { MAX_FEATURE_BYTES } from '../services/geometry/input.ts'
import { problems } from './problem.ts'

/** Slack over the 5 MB geometry limit for a single write's other fields (name, code…). */
const FEATURE_BODY_SLACK = 64 * 1024
/** A whole FeatureCollection import; each feature still has the 5 MB / 100k-vertex limit. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

/** Single-feature writes: refuse an oversized body before it is read into memory and parsed. */
export const featureBodyLimit = () =>
  bodyLimit({
    maxSize: MAX_FEATURE_BYTES + FEATURE_BODY_SLACK,
    onError: () => {
      throw problems.geometryTooLarge('The request body is over 5 MB; a feature may have at most 5 MB of GeoJSON and 100,000 vertices', {
        limit: MAX_FEATURE_BYTES,
        unit: 'bytes',
      })
    },
  })

export const importBodyLimit = () =>
  bodyLimit({
    maxSize: MAX_IMPORT_BYTES,
    onError: () => {
      throw problems.payloadTooLarge(`An import may be at most ${MAX_IMPORT_BYTES / 1048576} MB; split the FeatureCollection into several imports`)
    },
  })
