import {
  serviceGuideSchema,
  serviceItemListSchema,
  servicePointDetailSchema,
  servicePointListSchema,
  serviceRequestPublicSchema,
  serviceRequestStaffListSchema,
  serviceSlotsSchema,
} from '@hanjiang/shared/contract'
import { CRS_VALUES, isLocalDate, RATINGS, SERVICE_CATEGORIES, SPECIAL_SERVICES, shanghaiDate } from '@hanjiang/shared'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { actorOf } from '../http/actor.ts'
import { clientIp as peerIp } from '../http/client.ts'
import type { AppDeps } from '../http/context.ts'
import { anyJson, describe, empty, json, media } from '../http/openapi.ts'
import { phoneField } from '../http/phone-field.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { databaseStore, PUBLIC_LIMITS, RateLimiter } from '../services/public/rate-limiter.ts'
import { createItem } from '../services/service-catalogue/create.ts'
import { catalogueXlsx } from '../services/service-catalogue/export.ts'
import { createItemBody, itemCode, patchItemBody } from '../services/service-catalogue/fields.ts'
import { itemGuide, itemHistory } from '../services/service-catalogue/guide.ts'
import { importCatalogue } from '../services/service-catalogue/import.ts'
import { searchItems } from '../services/service-catalogue/search.ts'
import { updateItem } from '../services/service-catalogue/update.ts'
import { withdrawServiceItem } from '../services/service-catalogue/withdraw.ts'
import { servicePointDetail } from '../services/service-points/get.ts'
import { servicePoints } from '../services/service-points/list.ts'
import { nearestServicePoints } from '../services/service-points/nearest.ts'
import { pointSlots } from '../services/service-points/slots.ts'
import { bookService } from '../services/service-requests/book.ts'
import { closeServiceRequest } from '../services/service-requests/close.ts'
import { pointRequests } from '../services/service-requests/list.ts'
import { rateServiceRequest } from '../services/service-requests/rate.ts'
import { trackServiceRequest } from '../services/service-requests/track.ts'

/**
 * The service side of the notice (docs/SERVICES.md): the catalogue, service points and special-service requests.
 *   public (no sign-in): /public/services/… items (search), guide, points, slots, nearest, book, track, cancel, rate
 *   service.book (seat, point staff): /service-requests … book for a caller, a point's day, serve / no-show / cancel
 *   service.manage (service-center admin): /service-catalogue/items … create, versioned edit, withdraw, XLSX
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const IMPORT_MAX_BYTES = 5 * 1024 * 1024

const small = (max: number) =>
  bodyLimit({
    maxSize: max,
    onError: () => {
      throw problems.payloadTooLarge(`The request body may be at most ${Math.round(max / 1024)} KB`)
    },
  })

const int = (name: string, min: number, max: number) =>
  z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`)
const pointCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,40}$/, 'a point code is letters, digits and dashes')
const publicCode = z.string().trim().toUpperCase().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'a tracking code is 12 letters and digits')
const date = z.string().refine(isLocalDate, 'date is YYYY-MM-DD')

const itemsQuery = z.object({
  q: z.string().trim().max(100, 'q is at most 100 characters').optional(),
  category: z.enum(SERVICE_CATEGORIES, { message: `category must be one of ${SERVICE_CATEGORIES.join(', ')}` }).optional(),
  limit: int('limit', 1, 500).default(100),
})
const pointsQuery = z.object({ item: itemCode.optional() })
const slotsQuery = z.object({ date: date.optional() })
const nearestQuery = z.object({
  item: itemCode,
  lng: z.coerce.number({ message: 'lng must be a number' }).min(-180).max(180),
  lat: z.coerce.number({ message: 'lat must be a number' }).min(-90).max(90),
  limit: int('limit', 1, 20).default(3),
})
const bookingBody = z.strictObject({
  kind: z.enum(SPECIAL_SERVICES, { message: `kind must be one of ${SPECIAL_SERVICES.join(', ')}` }),
  itemCode,
  pointCode,
  slotAt: z.iso.datetime({ offset: true, message: 'slotAt is an ISO date-time with an offset, e.g. 2026-12-10T09:00:00+08:00' }).transform((s) => new Date(s)),
  citizenName: z.string({ message: 'citizenName must be a string' }).trim().min(1, 'citizenName: give a name').max(50, 'citizenName: at most 50 characters'),
  citizenPhone: phoneField('citizenPhone'),
  address: z.string().trim().max(200, 'address: at most 200 characters').nullish(),
  location: z.strictObject({ lng: z.number(), lat: z.number(), crs: z.enum(CRS_VALUES).optional() }, { message: 'location must be {lng, lat, crs}' }).nullish(),
  note: z.string().trim().max(500, 'note: at most 500 characters').nullish(),
})
const ratingBody = z.strictObject({ rating: z.enum(RATINGS, { message: `rating must be one of ${RATINGS.join(', ')}` }) })
const staffListQuery = z.object({ point: pointCode, date: date.optional() })
const staffAction = z.enum(['serve', 'no-show', 'cancel'], { message: 'action is serve, no-show or cancel' })
const STATE_OF = { serve: 'served', 'no-show': 'no_show', cancel: 'cancelled' } as const

export function serviceRoutes({ database, config }: AppDeps, limiter = new RateLimiter(databaseStore(database))) {
  const clientIp = (c: Context): string => peerIp(c, config.trustedProxies) ?? 'unknown'
  const today = () => shanghaiDate(new Date())
  return (
    new Hono()
      // ── public ──────────────────────────────────────────────────────────────────────────────────────────────
      .get('/public/services/items', describe({ tag: 'services', summary: 'The catalogue, or the items matching q (Chinese, pinyin initials, code)', query: itemsQuery, responses: { 200: json(serviceItemListSchema) } }), async (c) => {
        const q = parseInput(itemsQuery, c.req.query(), 'query')
        return c.json(await searchItems(database, q))
      })
      .get('/public/services/items/:code', describe({ tag: 'services', summary: "An item's guide (办事指南)", params: { code: itemCode }, responses: { 200: json(serviceGuideSchema) } }), async (c) => {
        return c.json(await itemGuide(database, parseInput(itemCode, c.req.param('code'), 'item code')))
      })
      .get('/public/services/points', describe({ tag: 'services', summary: 'Service points (optionally those handling an item)', query: pointsQuery, responses: { 200: json(servicePointListSchema) } }), async (c) => {
        const q = parseInput(pointsQuery, c.req.query(), 'query')
        return c.json(await servicePoints(database, q.item))
      })
      .get('/public/services/points/:code', describe({ tag: 'services', summary: 'A service point with its hours and items', params: { code: pointCode }, responses: { 200: json(servicePointDetailSchema) } }), async (c) => {
        return c.json(await servicePointDetail(database, parseInput(pointCode, c.req.param('code'), 'point code')))
      })
      .get('/public/services/points/:code/slots', describe({ tag: 'services', summary: "A point's slots on a day with the seats left", params: { code: pointCode }, query: slotsQuery, responses: { 200: json(serviceSlotsSchema) } }), async (c) => {
        const code = parseInput(pointCode, c.req.param('code'), 'point code')
        const q = parseInput(slotsQuery, c.req.query(), 'query')
        c.header('cache-control', 'no-store')
        return c.json(await pointSlots(database, code, q.date ?? today()))
      })
      .get('/public/services/nearest', describe({ tag: 'services', summary: 'The nearest points handling an item (WGS84 lng/lat)', query: nearestQuery, responses: { 200: json(servicePointListSchema) } }), async (c) => {
        const q = parseInput(nearestQuery, c.req.query(), 'query')
        return c.json(await nearestServicePoints(database, { itemCode: q.item, lng: q.lng, lat: q.lat, limit: q.limit }))
      })
      .post('/public/services/requests', describe({ tag: 'services', summary: 'Book a special service (no sign-in; the limits of public reports)', body: bookingBody, responses: { 201: json(serviceRequestPublicSchema) } }), small(8 * 1024), async (c) => {
        const input = parseInput(bookingBody, await jsonBody(c), 'body')
        const r = await bookService({ database, actor: actorOf(c), input, limiter, ip: clientIp(c) })
        return c.json(r, 201, { location: `/api/public/services/requests/${r.publicCode}` })
      })
      .get('/public/services/requests/:code', describe({ tag: 'services', summary: 'Track a special-service request by its code', params: { code: publicCode }, responses: { 200: json(serviceRequestPublicSchema) } }), async (c) => {
        await limiter.enforce([[PUBLIC_LIMITS.trackPerIp, clientIp(c)]])
        c.header('cache-control', 'no-store')
        return c.json(await trackServiceRequest(database, parseInput(publicCode, c.req.param('code'), 'tracking code')))
      })
      .post('/public/services/requests/:code/cancel', describe({ tag: 'services', summary: 'The citizen cancels a booked request', params: { code: publicCode }, responses: { 200: json(serviceRequestPublicSchema) } }), small(1024), async (c) => {
        await limiter.enforce([[PUBLIC_LIMITS.ratePerIp, clientIp(c)]])
        return c.json(await closeServiceRequest({ database, publicCode: parseInput(publicCode, c.req.param('code'), 'tracking code'), to: 'cancelled' }))
      })
      .post('/public/services/requests/:code/rating', describe({ tag: 'services', summary: 'Rate a served request', params: { code: publicCode }, body: ratingBody, responses: { 200: json(serviceRequestPublicSchema) } }), small(1024), async (c) => {
        await limiter.enforce([[PUBLIC_LIMITS.ratePerIp, clientIp(c)]])
        const code = parseInput(publicCode, c.req.param('code'), 'tracking code')
        const { rating } = parseInput(ratingBody, await jsonBody(c), 'body')
        return c.json(await rateServiceRequest(database, code, rating))
      })
      // ── the hotline seat and the points' staff ─────────────────────────────────────────────────────────────
      .post('/service-requests', describe({ tag: 'services', summary: 'Book a special service for a caller (hotline seat)', body: bookingBody, responses: { 201: json(serviceRequestPublicSchema) } }), small(8 * 1024), async (c) => {
        const input = parseInput(bookingBody, await jsonBody(c), 'body')
        const r = await bookService({ database, actor: actorOf(c), input })
        return c.json(r, 201)
      })
      .get('/service-requests', describe({ tag: 'services', summary: "A point's requests on a day", query: staffListQuery, responses: { 200: json(serviceRequestStaffListSchema) } }), async (c) => {
        const q = parseInput(staffListQuery, c.req.query(), 'query')
        return c.json(await pointRequests(database, q.point, q.date ?? today()))
      })
      .post('/service-requests/:code/:action', describe({ tag: 'services', summary: 'Mark a booked request served, no-show or cancelled', params: { code: publicCode, action: staffAction }, responses: { 200: json(serviceRequestPublicSchema) } }), small(1024), async (c) => {
        const code = parseInput(publicCode, c.req.param('code'), 'tracking code')
        const action = parseInput(staffAction, c.req.param('action'), 'action')
        return c.json(await closeServiceRequest({ database, publicCode: code, to: STATE_OF[action] }))
      })
      // ── the catalogue (service-center admin) ───────────────────────────────────────────────────────────────
      .get('/service-catalogue/export.xlsx', describe({ tag: 'services', summary: 'The catalogue as XLSX (importable back)', responses: { 200: media(XLSX, 'The workbook') } }), async (c) => {
        const buf = await catalogueXlsx(database)
        return c.body(new Uint8Array(buf), 200, {
          'content-type': XLSX,
          'content-disposition': `attachment; filename="service-catalogue-${today()}.xlsx"; filename*=UTF-8''${encodeURIComponent(`事项目录-${today()}.xlsx`)}`,
          'cache-control': 'no-store',
        })
      })
      .post('/service-catalogue/import', describe({ tag: 'services', summary: 'Import an XLSX catalogue (all rows or none)', body: { mediaType: XLSX, schema: { type: 'string', format: 'binary' } }, responses: { 200: anyJson('{created, updated, unchanged}') } }), bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: () => { throw problems.payloadTooLarge('An import may be at most 5 MB') } }), async (c) => {
        if ((c.req.header('content-type') ?? '').split(';')[0]!.trim() !== XLSX) throw problems.unsupportedMediaType(`Send the workbook as ${XLSX}`)
        return c.json(await importCatalogue({ database, actor: actorOf(c), file: await c.req.arrayBuffer() }))
      })
      .get('/service-catalogue/items/:code/versions', describe({ tag: 'services', summary: "An item's versions, newest first", params: { code: itemCode }, responses: { 200: json(serviceItemListSchema) } }), async (c) => {
        return c.json(await itemHistory(database, parseInput(itemCode, c.req.param('code'), 'item code')))
      })
      .post('/service-catalogue/items', describe({ tag: 'services', summary: 'Add an item', body: createItemBody, responses: { 201: anyJson('{item, pointCodes}') } }), small(64 * 1024), async (c) => {
        const input = parseInput(createItemBody, await jsonBody(c), 'body')
        const r = await createItem({ database, actor: actorOf(c), input })
        return c.json(r, 201)
      })
      .patch('/service-catalogue/items/:code', describe({ tag: 'services', summary: 'Edit an item (writes the next version; refused if it orphans open requests)', params: { code: itemCode }, body: patchItemBody, responses: { 200: anyJson('{item, pointCodes}') } }), small(64 * 1024), async (c) => {
        const code = parseInput(itemCode, c.req.param('code'), 'item code')
        const input = parseInput(patchItemBody, await jsonBody(c), 'body')
        return c.json(await updateItem({ database, actor: actorOf(c), code, input }))
      })
      .delete('/service-catalogue/items/:code', describe({ tag: 'services', summary: 'Withdraw an item (refused if it orphans open requests)', params: { code: itemCode }, responses: { 204: empty('Withdrawn') } }), async (c) => {
        await withdrawServiceItem({ database, code: parseInput(itemCode, c.req.param('code'), 'item code') })
        return c.body(null, 204)
      })
  )
}

