import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { REGION_LEVELS } from '@hanjiang/shared'
import { regionDetail } from '../services/regions/detail.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { parseInput } from '../http/validate.ts'
import { regionLayer, type LayerKind } from '../services/regions/map-layers.ts'
import { anyJson, describe, empty, geojson } from '../http/openapi.ts'
import { readsFrom } from '../http/reads.ts'

const levelQuery = z.object({
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }),
  at: z.iso.datetime({ offset: true, message: 'at must be an ISO-8601 date-time with offset' }).optional(),
})
const atQuery = levelQuery.pick({ at: true })
const codeParam = z.string().regex(/^\d{12}(\d{3})?$/, 'a region code has 12 digits (15 for a grid)')

const toDate = (at?: string) => (at ? new Date(at) : undefined)

export function regionRoutes(deps: AppDeps) {
  const { database } = deps
  const layer = async (c: Context, kind: LayerKind) => {
    const q = parseInput(levelQuery, c.req.query(), 'query')
    const { body, etag } = await regionLayer(readsFrom(deps, c), kind, q.level, toDate(q.at))
    const headers = { etag, 'cache-control': 'no-cache' }
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers)
    return c.body(body, 200, { ...headers, 'content-type': 'application/geo+json; charset=utf-8' })
  }
  return new Hono()
    .get('/regions', describe({ tag: 'regions', summary: 'A map layer: the regions of one level (GeoJSON, ETag)', query: levelQuery, responses: { 200: geojson('FeatureCollection of MultiPolygons'), 304: empty('Not modified') } }), (c) => layer(c, 'polygons'))
    .get('/regions/labels', describe({ tag: 'regions', summary: 'Label points of one level (GeoJSON, ETag)', query: levelQuery, responses: { 200: geojson('FeatureCollection of Points'), 304: empty('Not modified') } }), (c) => layer(c, 'labels'))
    .get('/regions/:code', describe({ tag: 'regions', summary: 'One region: parents, area, child count, version', params: { code: codeParam }, query: atQuery, responses: { 200: anyJson('The region') } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      const q = parseInput(atQuery, c.req.query(), 'query')
      const region = await regionDetail(database, code, toDate(q.at))
      if (!region) throw problems.notFound('region', `No region with code ${code}${q.at ? ` valid at ${q.at}` : ''}`)
      return c.json(region)
    })
}
