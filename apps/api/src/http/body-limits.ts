import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { matchedRoutes } from 'hono/route'
import type { Config } from '../config.ts'
import { MAX_FEATURE_BYTES } from '../services/geometry/input.ts'
import { maxUploadBodyBytes } from '../services/photos/upload.ts'
import { problem, problems, type Problem } from './problem.ts'

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

/** Every request body is at most this, unless its route says otherwise below: JSON commands are small. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024

type RouteLimit = { bytes: number; streamed?: true; problem?: () => Problem }

const featureLimit = (): RouteLimit => ({
  bytes: MAX_FEATURE_BYTES + FEATURE_BODY_SLACK,
  problem: () =>
    problems.geometryTooLarge('The request body is over 5 MB; a feature may have at most 5 MB of GeoJSON and 100,000 vertices', {
      limit: MAX_FEATURE_BYTES,
      unit: 'bytes',
    }),
})
const importLimit = (): RouteLimit => ({
  bytes: MAX_IMPORT_BYTES,
  problem: () => problems.payloadTooLarge(`An import may be at most ${MAX_IMPORT_BYTES / 1048576} MB; split the FeatureCollection into several imports`),
})
const uploadLimit = (config: Config): RouteLimit => ({
  bytes: maxUploadBodyBytes(config.photoMaxBytes),
  streamed: true,
  problem: () =>
    problems.photoTooLarge(`The upload is over ${sizeText(maxUploadBodyBytes(config.photoMaxBytes))}`, { limit: config.photoMaxBytes, unit: 'bytes' }),
})

/**
 * Routes that take more than the default. `streamed`: a multipart upload read part by part with its own
 * limits (services/photos/upload.ts); only a declared Content-Length is checked up front, nothing is buffered.
 */
const ROUTE_LIMITS: Record<string, (config: Config) => RouteLimit> = {
  'POST /api/regions/import': importLimit,
  'POST /api/areas/import': importLimit,
  // A change set carries many features (a re-tiled community): an import's limit, 5 MB per feature checked per item.
  'POST /api/region-changes': importLimit,
  'PUT /api/region-changes/:id/items': importLimit,
  'POST /api/regions': featureLimit,
  'PATCH /api/regions/:code': featureLimit,
  'POST /api/areas': featureLimit,
  'PATCH /api/areas/:id': featureLimit,
  'POST /api/photos': uploadLimit,
  'POST /api/public/photos': uploadLimit,
}

/** The body limit of a route (method + route path as registered, e.g. `PATCH /api/areas/:id`). */
export function routeBodyLimit(method: string, routePath: string, config: Config): RouteLimit {
  return ROUTE_LIMITS[`${method} ${routePath}`]?.(config) ?? { bytes: DEFAULT_BODY_LIMIT }
}

function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round((bytes / 1048576) * 10) / 10} MiB` : `${Math.round(bytes / 1024)} KiB`
}

/**
 * The one body limit in front of every API route (before authentication: an oversized body is refused without
 * being read). A declared Content-Length over the limit is refused at once; a body without one (chunked) is
 * read up to the limit and refused as soon as it goes over. Routes may still set a smaller limit of their own.
 */
export function requestBodyLimit(config: Config): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.raw.body) return next()
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')
    const limit = route ? routeBodyLimit(c.req.method, route.path, config) : { bytes: DEFAULT_BODY_LIMIT }
    const refuse = () => {
      if (limit.problem) throw limit.problem()
      throw problem('payload_too_large', `The request body may be at most ${sizeText(limit.bytes)} here`, {
        limit: limit.bytes,
        unit: 'bytes',
      })
    }
    if (limit.streamed) {
      const declared = Number(c.req.header('content-length'))
      return Number.isFinite(declared) && declared > limit.bytes ? refuse() : next()
    }
    return bodyLimit({ maxSize: limit.bytes, onError: refuse })(c, next)
  }
}
