import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { CRS_VALUES, isLocalDate, shanghaiDate } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import { bboxParam, zoomParam } from '../http/bbox.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { areaCoverage } from '../services/patrol/coverage.ts'
import { getPatrolGrid, listPatrolGrids } from '../services/patrol/grids.ts'
import { plannedRoutesInView } from '../services/patrol/planned-routes.ts'
import { uploadTrackChunk } from '../services/patrol/upload-track.ts'
import { listVerifications } from '../services/patrol/verifications.ts'
import { anyJson, describe, json } from '../http/openapi.ts'
import { patrolGridsSchema, verificationListSchema } from '@hanjiang/shared/contract'

/** Patrol: the inspector's grids, routes, track chunks, coverage, verification list. */

const MAX_POINTS = 500
const MAX_BODY = 128 * 1024

const crs = z.enum(CRS_VALUES, { message: `crs must be one of ${CRS_VALUES.join(', ')}` })
const day = z
  .string()
  .refine(isLocalDate, 'day is a date YYYY-MM-DD (Asia/Shanghai)')
  .optional()
const gridCode = z.string().regex(/^\d{15}$/, 'a grid code has 15 digits')

const chunkBody = z.strictObject({
  chunkId: z.string().trim().min(1, 'chunkId must not be empty').max(200).regex(/^[\x21-\x7e]+$/, 'chunkId is printable ASCII without spaces'),
  crs,
  points: z
    .array(
      z.strictObject({
        lng: z.number({ message: 'lng must be a number' }).min(-180).max(180),
        lat: z.number({ message: 'lat must be a number' }).min(-90).max(90),
        t: z.iso.datetime({ offset: true, message: 't must be an ISO-8601 date-time with offset' }),
        accuracy: z.number().nonnegative().nullish(),
      }),
    )
    .min(2, 'a chunk has at least 2 points')
    .max(MAX_POINTS, `a chunk has at most ${MAX_POINTS} points`),
})

const gridsQuery = z
  .object({ lng: z.coerce.number().min(-180).max(180).optional(), lat: z.coerce.number().min(-90).max(90).optional(), crs: crs.optional() })
  .refine((q) => (q.lng === undefined) === (q.lat === undefined), 'give both lng and lat, or neither')

const routesQuery = z.object({ bbox: bboxParam, zoom: zoomParam })
const dayQuery = z.object({ day })

const today = () => shanghaiDate(new Date())

export function patrolRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/patrol/grids', describe({ tag: 'patrol', summary: "The inspector's grids (or the grid at a point)", query: gridsQuery, responses: { 200: json(patrolGridsSchema) } }), async (c) => {
      const q = parseInput(gridsQuery, c.req.query(), 'query')
      const at = q.lng !== undefined && q.lat !== undefined ? { lng: q.lng, lat: q.lat, crs: q.crs ?? 'wgs84' } : undefined
      return c.json(await listPatrolGrids({ database, actor: actorOf(c), at }))
    })
    .get('/patrol/grids/:code', describe({ tag: 'patrol', summary: 'One grid with its route and the day\'s tracks', params: { code: gridCode }, query: dayQuery, responses: { 200: anyJson('The grid') } }), async (c) => {
      const code = parseInput(gridCode, c.req.param('code'), 'grid code')
      const d = parseInput(day, c.req.query('day'), 'day') ?? today()
      return c.json(await getPatrolGrid({ database, actor: actorOf(c), code, day: d }))
    })
    // The shared map layer's planned routes for one view (bbox + zoom), never the whole table.
    .get('/patrol/routes', describe({ tag: 'patrol', summary: 'Planned routes in a map view', query: routesQuery, responses: { 200: anyJson('Routes') } }), async (c) => {
      const q = parseInput(routesQuery, c.req.query(), 'query')
      const view = await plannedRoutesInView({ database, actor: actorOf(c), bbox: q.bbox, zoom: q.zoom })
      // Planned routes change rarely (seeded or drawn): a minute in the browser's cache is fine.
      return c.json(view, 200, { 'cache-control': 'private, max-age=60' })
    })
    .get('/patrol/coverage', describe({ tag: 'patrol', summary: "The day's coverage of the caller's areas", query: dayQuery, responses: { 200: anyJson('Coverage per grid') } }), async (c) => {
      const d = parseInput(day, c.req.query('day'), 'day') ?? today()
      return c.json(await areaCoverage({ database, actor: actorOf(c), day: d }))
    })
    .get('/patrol/verifications', describe({ tag: 'patrol', summary: 'Resolved incidents waiting for the inspector to verify', responses: { 200: json(verificationListSchema) } }), async (c) => c.json(await listVerifications({ database, actor: actorOf(c) })))
    .post(
      '/patrol/tracks',
      describe({ tag: 'patrol', summary: 'Upload a track chunk (idempotent by chunkId)', body: chunkBody, responses: { 201: anyJson('Stored'), 200: anyJson('A replay of this chunk') } }),
      bodyLimit({
        maxSize: MAX_BODY,
        onError: () => {
          throw problems.payloadTooLarge(`A track chunk may be at most ${MAX_BODY / 1024} KB (${MAX_POINTS} points)`)
        },
      }),
      async (c) => {
        const raw = await jsonBody(c)
        const input = parseInput(chunkBody, raw, 'body')
        const r = await uploadTrackChunk({ database, actor: actorOf(c), input })
        return c.json(r, r.created ? 201 : 200, r.created ? {} : { 'idempotent-replayed': 'true' })
      },
    )
}
