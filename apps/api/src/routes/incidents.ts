import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { CRS_VALUES, INCIDENT_STATES, INCIDENT_TYPES, WORKFLOW_ACTIONS } from '@hanjiang/shared'
import { incidentDetailSchema, incidentEventsSchema, incidentPageSchema } from '@hanjiang/shared/contract'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { describe, json } from '../http/openapi.ts'
import { phoneField } from '../http/phone-field.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { createIncident } from '../services/incidents/create.ts'
import { listIncidentEvents } from '../services/incidents/events.ts'
import { getIncident } from '../services/incidents/get.ts'
import { listIncidents } from '../services/incidents/list.ts'
import { revealReporter } from '../services/incidents/reveal.ts'
import { transitionIncident } from '../services/incidents/transition.ts'
import { INCIDENT_CHANNELS, REQUEST_TYPES, TRACKS } from '../services/incidents/vocabulary.ts'

/** Incidents (docs/DOMAIN.md §5): intake, list, detail, event log, workflow actions. */

const MAX_BODY = 64 * 1024
const limit = () =>
  bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw problems.payloadTooLarge(`An incident request body may be at most ${MAX_BODY / 1024} KB (photos are uploaded separately)`)
    },
  })

const oneOf = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, { message: `${name} must be one of ${values.join(', ')}` })
const text = (name: string, max: number) =>
  z.string({ message: `${name} must be a string` }).trim().max(max, `${name} is at most ${max} characters`)
const photoIds = (name: string) =>
  z.array(z.uuid({ message: `${name} holds photo ids (UUIDs from POST /api/photos)` })).max(20, `at most 20 ${name}`)

const createBody = z.strictObject({
  channel: oneOf(INCIDENT_CHANNELS, 'channel'),
  requestType: oneOf(REQUEST_TYPES, 'requestType'),
  track: oneOf(TRACKS, 'track').optional(),
  fineClass: text('fineClass', 20).min(1, 'fineClass must not be empty').nullish(),
  location: z
    .strictObject(
      {
        lng: z.number({ message: 'location.lng must be a number' }),
        lat: z.number({ message: 'location.lat must be a number' }),
        crs: oneOf(CRS_VALUES, 'location.crs').optional(),
      },
      { message: 'location must be an object {lng, lat, crs}' },
    )
    .nullish(),
  address: text('address', 500).nullish(),
  description: text('description', 4000).min(1, 'description must not be empty'),
  reporter: z
    .strictObject({
      name: text('reporter.name', 100).nullish(),
      phone: phoneField('reporter.phone').nullish(),
    })
    .nullish(),
  photos: photoIds('photos').optional(),
  hazardMarked: z.boolean({ message: 'hazardMarked must be true or false' }).optional(),
  note: text('note', 4000).nullish(),
  clientId: text('clientId', 200).min(1, 'clientId must not be empty').nullish(),
})

const actionBody = z.strictObject({
  version: z.number({ message: 'version (the version you saw) is required' }).int().positive(),
  note: text('note', 4000).optional(),
  reason: text('reason', 4000).optional(),
  unitCode: text('unitCode', 100).optional(),
  hazardMarked: z.boolean({ message: 'hazardMarked must be true or false' }).optional(),
  photos: photoIds('photos').optional(),
  beforePhotos: photoIds('beforePhotos').optional(),
  afterPhotos: photoIds('afterPhotos').optional(),
  newDueAt: z.string({ message: 'newDueAt must be an ISO-8601 date-time with offset' }).max(64).optional(),
  approve: z.boolean({ message: 'approve must be true or false' }).optional(),
  primaryCode: text('primaryCode', 64).optional(),
  incidentType: oneOf(INCIDENT_TYPES, 'incidentType').optional(),
})

const listQuery = z.object({
  state: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(oneOf(INCIDENT_STATES, 'state')))
    .optional(),
  unit: z.string().max(100).optional(),
  street: z.string().max(20).optional(),
  class: z.string().regex(/^(\d{2}){1,3}$/, 'class is a 2-, 4- or 6-digit class code').optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number({ message: 'limit must be a number' }).int().min(1).max(200).optional(),
})

const codeParam = z.string().min(1).max(64)
const idempotencyKey = z
  .string()
  .min(1)
  .max(200, 'Idempotency-Key is at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key is printable ASCII without spaces')

const revealAnswer = z.object({ name: z.string().nullable(), phone: z.string().nullable() }).meta({ id: 'RevealedReporter' })

export function incidentRoutes({ database, config }: AppDeps) {
  return new Hono()
    .post(
      '/incidents',
      describe({
        tag: 'incidents',
        summary: 'Take in an incident (hotline seat, inspector, other system)',
        description: 'The Idempotency-Key header makes a retried intake answer the first one (200, idempotent-replayed).',
        headers: { 'Idempotency-Key': idempotencyKey.optional() },
        body: createBody,
        responses: { 201: json(incidentDetailSchema, 'Created'), 200: json(incidentDetailSchema, 'A replay of the intake with this Idempotency-Key') },
      }),
      limit(),
      async (c) => {
      const actor = actorOf(c)
      const header = c.req.header('idempotency-key')
      const key = header === undefined ? null : parseInput(idempotencyKey, header, 'Idempotency-Key header')
      const input = parseInput(createBody, await jsonBody(c), 'body')
      const { replayed, incident } = await createIncident({ database, actor, input, idempotencyKey: key })
      if (replayed) return c.json(incident, 200, { 'idempotent-replayed': 'true' })
      return c.json(incident, 201, { location: `/api/incidents/${incident.code}` })
      },
    )
    .get('/incidents', describe({ tag: 'incidents', summary: 'List incidents, newest first (keyset-paged)', query: listQuery, responses: { 200: json(incidentPageSchema) } }), async (c) => {
      const q = parseInput(listQuery, c.req.query(), 'query')
      return c.json(
        await listIncidents({
          database,
          actor: actorOf(c),
          input: { states: q.state, unitCode: q.unit, streetCode: q.street, classCode: q.class, q: q.q || undefined, cursor: q.cursor, limit: q.limit },
        }),
      )
    })
    .get('/incidents/:code', describe({ tag: 'incidents', summary: 'One incident, with the actions the caller may take', params: { code: codeParam }, responses: { 200: json(incidentDetailSchema) } }), async (c) => {
      const actor = actorOf(c)
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      return c.json(await getIncident({ database, actor, code }))
    })
    .get('/incidents/:code/events', describe({ tag: 'incidents', summary: "The incident's event log, oldest first", params: { code: codeParam }, responses: { 200: json(incidentEventsSchema) } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      return c.json(await listIncidentEvents({ database, actor: actorOf(c), code }))
    })
    .post(
      '/incidents/:code/reporter/reveal',
      describe({ tag: 'incidents', summary: "The reporter's unmasked name and phone (audited)", params: { code: codeParam }, responses: { 200: json(revealAnswer) } }),
      async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      c.header('cache-control', 'no-store')
      return c.json(await revealReporter({ database, actor: actorOf(c), code }))
      },
    )
    .post(
      '/incidents/:code/actions/:action',
      describe({
        tag: 'incidents',
        summary: 'A workflow action (register, dispatch, accept, arrive, resolve, verify, close, …)',
        description: 'Optimistic: `version` is the version the caller saw (409 version_conflict otherwise).',
        params: { code: codeParam, action: z.enum(WORKFLOW_ACTIONS) },
        body: actionBody,
        responses: { 200: json(incidentDetailSchema) },
      }),
      limit(),
      async (c) => {
      const actor = actorOf(c)
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      const body = parseInput(actionBody, await jsonBody(c), 'body')
      return c.json(await transitionIncident({ database, actor, input: { ...body, code, action: c.req.param('action') }, officeHours: config.officeHours }))
      },
    )
}
