import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { tileAddressError, TILE_LAYERS, type TileLayer } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { describe, empty, media } from '../http/openapi.ts'
import { problems } from '../http/problem.ts'
import { parseInput } from '../http/validate.ts'
import { vectorTile, type TileInput } from '../services/tiles/tile.ts'
import { fromBeforeTo, fromBeforeToError, mapFilterFields } from './incident-map.ts'

/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.mvt — Mapbox Vector Tiles of the map layers (services/tiles/tile.ts). One route
 * per layer, so each has its own access rule (auth/route-rules.ts): region levels are public like GET /api/regions,
 * areas and routes need map.read, incidents incident.read. Any other layer name answers 404 tile_layer_not_found.
 */

const MVT = 'application/vnd.mapbox-vector-tile'
const tilePath = (layer: string) => `/tiles/${layer}/:z/:x/:y`

const coordinate = z.string().regex(/^\d{1,8}$/, 'a tile coordinate is a whole number').transform(Number)
const params = { z: coordinate, x: coordinate, y: z.string().regex(/^\d{1,8}\.mvt$/, 'y is a whole number followed by .mvt') }
const gridsQuery = z.object({
  asOf: z.iso
    .datetime({ offset: true, message: 'asOf must be an ISO-8601 date-time with offset' })
    .transform((s) => new Date(s))
    .optional(),
})
const incidentsQuery = mapFilterFields.refine(fromBeforeTo, fromBeforeToError)

const LAYER_DOC: Record<TileLayer, string> = {
  streets: 'Streets/towns (current version): code, name, level, parentCode',
  communities: 'Communities (current version): code, name, level, parentCode',
  grids: 'Unit grids (the version valid at asOf, else current): code, name, level, parentCode',
  areas: 'Active responsibility areas: id, name, unitCode, classCode, geometryKind, bufferM',
  routes: "Planned patrol routes in the caller's patrol areas: gridCode, source",
  incidents:
    "Incidents the caller's map may show, with the map's filters: cluster cells below zoom 15 (kind, id, count, label, urgent, overdue), single incidents from it on (kind, id = code, state, track, urgent, overdue, fineClass, unitCode)",
}

function address(c: Context) {
  const z = parseInput(params.z, c.req.param('z'), 'z')
  const x = parseInput(params.x, c.req.param('x'), 'x')
  const y = Number(parseInput(params.y, c.req.param('y'), 'y').slice(0, -'.mvt'.length))
  const wrong = tileAddressError({ z, x, y })
  if (wrong) throw problems.badRequest('tile_out_of_range', `No tile ${z}/${x}/${y}: ${wrong}`)
  return { z, x, y }
}

export function tileRoutes({ database }: AppDeps) {
  const serve = async (c: Context, layer: TileLayer) => {
    const input: TileInput = { layer, ...address(c) }
    if (layer === 'grids') input.asOf = parseInput(gridsQuery, c.req.query(), 'query').asOf
    if (layer === 'incidents') {
      const q = parseInput(incidentsQuery, c.req.query(), 'query')
      input.incidents = { states: q.state, classCode: q.fineClass, unitCode: q.unit, streetCode: q.street, from: q.from, to: q.to }
    }
    const answer = await vectorTile({
      database,
      actor: actorOf(c),
      input,
      ifNoneMatch: c.req.header('if-none-match'),
      acceptsGzip: /\bgzip\b/.test(c.req.header('accept-encoding') ?? ''),
    })
    // Scoped layers differ per caller at the same URL: private, and revalidated every time (the ETag makes it cheap).
    const headers: Record<string, string> = {
      etag: answer.etag,
      'cache-control': layer === 'incidents' || layer === 'routes' || layer === 'areas' ? 'private, no-cache' : 'no-cache',
      vary: 'accept-encoding',
    }
    if (!answer.body) return c.body(null, 304, headers)
    headers['content-type'] = MVT
    if ('gzip' in answer.body) {
      headers['content-encoding'] = 'gzip'
      return c.body(answer.body.gzip, 200, headers)
    }
    return c.body(answer.body.raw, 200, headers)
  }
  const binary = media(MVT, 'The tile (Mapbox Vector Tile 2.1, gzip when accepted; empty when no feature meets it)')
  let routes = new Hono()
  for (const layer of TILE_LAYERS) {
    const query = layer === 'grids' ? gridsQuery : layer === 'incidents' ? incidentsQuery : undefined
    routes = routes.get(
      tilePath(layer),
      describe({
        tag: 'tiles',
        summary: `Vector tile: ${layer}`,
        description: `${LAYER_DOC[layer]}. ETag from the layer's data version; If-None-Match → 304.`,
        params,
        ...(query ? { query } : {}),
        headers: { 'if-none-match': z.string().optional() },
        responses: { 200: binary, 304: empty('Not modified') },
      }),
      (c) => serve(c, layer),
    )
  }
  return routes.get(
    '/tiles/:layer/:z/:x/:y',
    describe({ tag: 'tiles', summary: 'Any other layer: 404 tile_layer_not_found', params: { layer: z.string(), ...params }, responses: { 404: empty('No such layer') } }),
    (c) => {
      throw problems.notFound('tile_layer', `No tile layer ${c.req.param('layer')}; layers: ${TILE_LAYERS.join(', ')}`)
    },
  )
}
