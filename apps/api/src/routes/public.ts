import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { CRS_VALUES, RATINGS } from '@hanjiang/shared'
import { findPhoto } from '../db/repositories/photos.ts'
import { clientIp as peerIp } from '../http/client.ts'
import type { AppDeps } from '../http/context.ts'
import { multipartBoundary } from '../http/multipart.ts'
import { phoneField } from '../http/phone-field.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { photoJson, receivePhotos, storePhotos } from '../services/photos/upload.ts'
import { rateOutcome } from '../services/public/rate.ts'
import { databaseStore, PUBLIC_LIMITS, RateLimiter } from '../services/public/rate-limiter.ts'
import { submitPublicReport } from '../services/public/report.ts'
import { isPublicPhoto, trackPublic } from '../services/public/track.ts'
import { createFileStorage, type FileStorage } from '../storage/index.ts'
import { serveFile } from './photos.ts'
import { anyJson, describe, media } from '../http/openapi.ts'

/**
 * Public endpoints, no sign-in: report, photo upload for the report, track
 * by code, rate. Every one is rate-limited per IP (the report also per phone number), bodies are small and
 * bounded, answers carry no personal data, and nothing says whether another code exists beyond 404.
 */

const REPORT_MAX_BODY = 16 * 1024
/** At most this many photos per public upload request / report (each at most the configured photo size). */
const PUBLIC_PHOTOS = 3

const small = (max: number) =>
  bodyLimit({
    maxSize: max,
    onError: () => {
      throw problems.payloadTooLarge(`The request body may be at most ${Math.round(max / 1024)} KB`)
    },
  })

const reportBody = z.strictObject({
  requestType: z.enum(['complaint', 'report', 'suggestion', 'consultation', 'help']).default('report'),
  fineClass: z.string().trim().regex(/^\d{6}$/, 'fineClass is a 6-digit fine-class code').nullish(),
  description: z.string({ message: 'description must be a string' }).trim().min(5, 'description: at least 5 characters').max(2000, 'description: at most 2000 characters'),
  location: z
    .strictObject({ lng: z.number(), lat: z.number(), crs: z.enum(CRS_VALUES).optional() }, { message: 'location must be {lng, lat, crs}' })
    .nullish(),
  address: z.string().trim().max(200, 'address: at most 200 characters').nullish(),
  phone: phoneField('phone').nullish(),
  name: z.string().trim().max(50).nullish(),
  photos: z.array(z.uuid({ message: 'photos holds photo ids from POST /api/public/photos' })).max(PUBLIC_PHOTOS, `at most ${PUBLIC_PHOTOS} photos`).default([]),
  photosPublic: z.boolean().default(false),
  clientId: z.string().trim().min(8).max(100).nullish(),
})
const trackingParam = z.string().trim().toUpperCase().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, 'a tracking code is 12 letters and digits')
const ratingBody = z.strictObject({ rating: z.enum(RATINGS, { message: `rating must be one of ${RATINGS.join(', ')}` }) })
const photoParam = z.uuid({ message: 'a photo id is a UUID' })

export function publicRoutes({ database, config }: AppDeps, storage: FileStorage = createFileStorage(config), limiter = new RateLimiter(databaseStore(database))) {
  const clientIp = (c: Context): string => peerIp(c, config.trustedProxies) ?? 'unknown'
  return new Hono()
    .post('/public/reports', describe({ tag: 'public', summary: "A citizen's report (no sign-in; rate-limited)", body: reportBody, responses: { 201: anyJson('{trackingCode, …}'), 200: anyJson('A replay (same clientId)') } }), small(REPORT_MAX_BODY), async (c) => {
      const input = parseInput(reportBody, await jsonBody(c), 'body')
      const r = await submitPublicReport({ database, limiter, ip: clientIp(c), input })
      return c.json(r, r.replayed ? 200 : 201, { location: `/api/public/track/${r.trackingCode}` })
    })
    .post('/public/photos', describe({ tag: 'public', summary: "A citizen's photos (multipart/form-data, at most 3)", body: { mediaType: 'multipart/form-data', schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }, responses: { 201: anyJson('[{id, width, height}]') } }), async (c) => {
      await limiter.enforce([[PUBLIC_LIMITS.photoPerIp, clientIp(c)]])
      const boundary = multipartBoundary(c.req.header('content-type'))
      if (!boundary) throw problems.unsupportedMediaType('Upload photos as multipart/form-data with the file in the field "file"')
      const maxBody = PUBLIC_PHOTOS * config.photoMaxBytes + 64 * 1024
      const declared = Number(c.req.header('content-length'))
      if (Number.isFinite(declared) && declared > maxBody) throw problems.payloadTooLarge(`A public upload may be at most ${Math.round(maxBody / 1048576)} MB`)
      const received = await receivePhotos(c.req.raw.body, boundary, config.photoMaxBytes)
      if (received.length > PUBLIC_PHOTOS) throw problems.payloadTooLarge(`At most ${PUBLIC_PHOTOS} photos per report`)
      const stored = await storePhotos(database, storage, received, 'public')
      // Only the id goes back: the photo is served on the tracking page if the reporter allows it.
      return c.json(stored.map((p) => ({ id: p.id, width: photoJson(p).width, height: photoJson(p).height })), 201)
    })
    .get('/public/track/:code', describe({ tag: 'public', summary: 'Track a report by its tracking code', params: { code: trackingParam }, responses: { 200: anyJson('The report as the reporter sees it') } }), async (c) => {
      await limiter.enforce([[PUBLIC_LIMITS.trackPerIp, clientIp(c)]])
      const code = parseInput(trackingParam, c.req.param('code'), 'tracking code')
      c.header('cache-control', 'no-store')
      return c.json(await trackPublic(database, code))
    })
    .get('/public/track/:code/photos/:id', describe({ tag: 'public', summary: "A report's public photo (thumbnail)", params: { code: trackingParam, id: photoParam }, responses: { 200: media('image/webp', 'The thumbnail') } }), async (c) => {
      await limiter.enforce([[PUBLIC_LIMITS.trackPerIp, clientIp(c)]])
      const code = parseInput(trackingParam, c.req.param('code'), 'tracking code')
      const id = parseInput(photoParam, c.req.param('id'), 'photo id')
      const photo = (await isPublicPhoto(database, code, id)) ? await findPhoto(database, id) : null
      if (!photo) throw problems.notFound('photo', 'No such photo on this report')
      // The thumbnail only (upright WebP, no EXIF: no GPS or camera data leaves with it).
      return serveFile(c, storage, photo.thumbKey, photo.thumbMime, `"${photo.sha256}-thumb"`)
    })
    .post('/public/track/:code/rating', describe({ tag: 'public', summary: 'Rate the outcome', params: { code: trackingParam }, body: ratingBody, responses: { 200: anyJson('The rating decision') } }), small(1024), async (c) => {
      await limiter.enforce([[PUBLIC_LIMITS.ratePerIp, clientIp(c)]])
      const code = parseInput(trackingParam, c.req.param('code'), 'tracking code')
      const { rating } = parseInput(ratingBody, await jsonBody(c), 'body')
      return c.json(await rateOutcome(database, code, rating, config.officeHours))
    })
}
