import { Hono } from 'hono'
import { z } from 'zod'
import { REGION_LEVELS } from '@hanjiang/shared'
import { CHANGE_OPS, CHANGE_SET_STATES, changeImpactSchema, changeSetListSchema, changeSetSchema } from '@hanjiang/shared/contract'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { describe, json } from '../http/openapi.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { approveChangeSet } from '../services/region-changes/approve.ts'
import { createChangeSet } from '../services/region-changes/create.ts'
import { previewChangeSet } from '../services/region-changes/preview.ts'
import { getChangeSet, listRegionChangeSets } from '../services/region-changes/read.ts'
import { rejectChangeSet } from '../services/region-changes/reject.ts'
import { setChangeItems } from '../services/region-changes/set-items.ts'
import { submitChangeSet } from '../services/region-changes/submit.ts'
import { withdrawChangeSet } from '../services/region-changes/withdraw.ts'

/** The grid editor's change sets (docs/GRID-EDITOR.md): thin — parse, call one verb, answer. */

const idParam = z.coerce.number({ message: 'id must be a number' }).int('id must be an integer').positive('id must be positive')
const code = z.string().regex(/^\d{12}(\d{3})?$/, 'a region code has 12 digits (15 for a grid)')
const item = z.object({
  op: z.enum(CHANGE_OPS, { message: `op must be one of ${CHANGE_OPS.join(', ')}` }),
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }).optional(),
  code: code.nullable().optional(),
  parentCode: code.nullable().optional(),
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name is at most 100 characters').nullable().optional(),
  /** GeoJSON Polygon or MultiPolygon (checked by the service: shape, size, rings). */
  geometry: z.unknown().optional(),
  baseVersion: z.number().int().positive().nullable().optional(),
})
const items = z.array(item).max(5000, 'at most 5,000 items per change set')
const title = z.string({ message: 'title is required' }).trim().min(1, 'title must not be empty').max(200, 'title is at most 200 characters')
const version = z.number({ message: 'version must be a number' }).int().positive()
const createBody = z.object({ title, items: items.optional() })
const itemsBody = z.object({ version, title: title.optional(), items })
const versionBody = z.object({ version: version.optional() })
const approveBody = z.object({
  version: version.optional(),
  comment: z.string().trim().max(2000, 'comment is at most 2,000 characters').nullable().optional(),
  effectiveFrom: z.iso.datetime({ offset: true, message: 'effectiveFrom must be an ISO-8601 date-time with offset' }).optional(),
})
const rejectBody = z.object({
  version: version.optional(),
  comment: z.string({ message: 'comment is required: say why' }).trim().min(1, 'comment is required: say why').max(2000, 'comment is at most 2,000 characters'),
})
const listQuery = z.object({ state: z.enum(CHANGE_SET_STATES, { message: `state must be one of ${CHANGE_SET_STATES.join(', ')}` }).optional() })

export function regionChangeRoutes({ database }: AppDeps) {
  const id = (raw: string) => parseInput(idParam, raw, 'change set id')
  return new Hono()
    .get('/region-changes', describe({ tag: 'regions', summary: 'Grid editor change sets, newest first', query: listQuery, responses: { 200: json(changeSetListSchema) } }), async (c) => {
      const q = parseInput(listQuery, c.req.query(), 'query')
      return c.json(await listRegionChangeSets({ database, state: q.state }))
    })
    .post('/region-changes', describe({ tag: 'regions', summary: 'Start a draft change set', body: createBody, responses: { 201: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(createBody, await jsonBody(c), 'body')
      const set = await createChangeSet({ database, actor: actorOf(c), input })
      return c.json(set, 201, { location: `/api/region-changes/${set.id}` })
    })
    .get('/region-changes/:id', describe({ tag: 'regions', summary: 'One change set with its items and stored preview', params: { id: idParam }, responses: { 200: json(changeSetSchema) } }), async (c) => {
      return c.json(await getChangeSet({ database, id: id(c.req.param('id')) }))
    })
    .put('/region-changes/:id/items', describe({ tag: 'regions', summary: "Replace a draft's items", params: { id: idParam }, body: itemsBody, responses: { 200: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(itemsBody, await jsonBody(c), 'body')
      return c.json(await setChangeItems({ database, actor: actorOf(c), id: id(c.req.param('id')), input }))
    })
    .post('/region-changes/:id/preview', describe({ tag: 'regions', summary: 'Validate and preview the impact (nothing is written)', params: { id: idParam }, responses: { 200: json(changeImpactSchema) } }), async (c) => {
      return c.json(await previewChangeSet({ database, id: id(c.req.param('id')) }))
    })
    .post('/region-changes/:id/submit', describe({ tag: 'regions', summary: 'Submit a draft for approval (validated, preview stored)', params: { id: idParam }, body: versionBody, responses: { 200: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(versionBody, await jsonBody(c), 'body')
      return c.json(await submitChangeSet({ database, actor: actorOf(c), id: id(c.req.param('id')), input }))
    })
    .post('/region-changes/:id/withdraw', describe({ tag: 'regions', summary: 'Withdraw a draft or submitted change set', params: { id: idParam }, body: versionBody, responses: { 200: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(versionBody, await jsonBody(c), 'body')
      return c.json(await withdrawChangeSet({ database, actor: actorOf(c), id: id(c.req.param('id')), input }))
    })
    .post('/region-changes/:id/approve', describe({ tag: 'regions', summary: 'Approve: publish now or at effectiveFrom (one transaction)', params: { id: idParam }, body: approveBody, responses: { 200: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(approveBody, await jsonBody(c), 'body')
      return c.json(await approveChangeSet({ database, actor: actorOf(c), id: id(c.req.param('id')), input }))
    })
    .post('/region-changes/:id/reject', describe({ tag: 'regions', summary: 'Reject with a comment (nothing changes)', params: { id: idParam }, body: rejectBody, responses: { 200: json(changeSetSchema) } }), async (c) => {
      const input = parseInput(rejectBody, await jsonBody(c), 'body')
      return c.json(await rejectChangeSet({ database, actor: actorOf(c), id: id(c.req.param('id')), input }))
    })
}
