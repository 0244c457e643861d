import { Hono } from 'hono'
import { z } from 'zod'
import { getKnowledgeEntry, listKnowledgeEntries } from '../db/repositories/knowledge.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { createKnowledgeEntry, deleteKnowledgeEntry, patchKnowledgeEntry } from '../services/knowledge/entries.ts'
import { searchKnowledge } from '../services/knowledge/search.ts'
import { anyJson, describe, empty } from '../http/openapi.ts'

/**
 * R15 智能问答: the knowledge base of Q&A and service-guide entries.
 *   GET    /knowledge?q=…[&limit=5][&kind=qa|guide] → best matches, with score and matched terms (the seat)
 *   GET    /knowledge[?kind&includeInactive&offset&limit]  → all entries, by id (admin)
 *   GET    /knowledge/:id · POST /knowledge · PATCH /knowledge/:id · DELETE /knowledge/:id (deactivates)
 * Problems: 400 validation_failed (errors[] per field); 404 knowledge_entry_not_found;
 * 409 knowledge_entry_exists; 422 unknown_unit, entry_not_searchable.
 */

export const KNOWLEDGE_SEARCH_LIMIT_MAX = 20
export const KNOWLEDGE_QUERY_MAX = 200

const KINDS = ['qa', 'guide'] as const
const kind = z.enum(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
const text = (name: string, max: number) =>
  z.string({ message: `${name} must be a string` }).trim().min(1, `${name} must not be empty`).max(max, `${name} is at most ${max} characters`)

const searchQuery = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(KNOWLEDGE_QUERY_MAX, `q is at most ${KNOWLEDGE_QUERY_MAX} characters`),
  limit: int('limit', 1, KNOWLEDGE_SEARCH_LIMIT_MAX).default(5),
  kind: kind.optional(),
})
const listQuery = z.object({
  kind: kind.optional(),
  includeInactive: z.enum(['true', 'false'], { message: 'includeInactive must be true or false' }).default('false'),
  offset: int('offset', 0, 1_000_000).default(0),
  limit: int('limit', 1, 500).default(100),
})
const idParam = int('id', 1, 2_147_483_647)

const tags = z
  .array(text('tag', 30), { message: 'tags must be an array of strings' })
  .max(30, 'at most 30 tags')
  .transform((t) => [...new Set(t)])
const fields = {
  kind,
  title: text('title', 200),
  titleEn: text('titleEn', 200).nullable(),
  body: text('body', 10_000),
  tags,
  unitCode: text('unitCode', 64).nullable(),
}
const createBody = z.strictObject({
  ...fields,
  titleEn: fields.titleEn.default(null),
  tags: tags.default([]),
  unitCode: fields.unitCode.default(null),
})
const patchBody = z
  .strictObject({
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    titleEn: fields.titleEn.optional(),
    body: fields.body.optional(),
    tags: fields.tags.optional(),
    unitCode: fields.unitCode.optional(),
    active: z.boolean({ message: 'active must be true or false' }).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change', path: ['body'] })


export function knowledgeRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/knowledge', describe({ tag: 'knowledge', summary: 'Search the knowledge base (q), or list its entries', query: searchQuery.partial().extend(listQuery.shape), responses: { 200: anyJson('{query, results} with q; else {items, total}') } }), async (c) => {
      if (c.req.query('q') !== undefined) {
        const q = parseInput(searchQuery, c.req.query(), 'query')
        return c.json(await searchKnowledge(database, q.q, { limit: q.limit, kind: q.kind }))
      }
      // TODO(auth): admin
      const q = parseInput(listQuery, c.req.query(), 'query')
      return c.json(await listKnowledgeEntries(database, { ...q, includeInactive: q.includeInactive === 'true' }))
    })
    .get('/knowledge/:id', describe({ tag: 'knowledge', summary: 'One entry', params: { id: idParam }, responses: { 200: anyJson('The entry') } }), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'knowledge entry id')
      const entry = await getKnowledgeEntry(database, id)
      if (!entry) throw problems.notFound('knowledge_entry', `No knowledge entry ${id}`)
      return c.json(entry)
    })
    .post('/knowledge', describe({ tag: 'knowledge', summary: 'Create an entry', body: createBody, responses: { 201: anyJson('The entry') } }), async (c) => {
      // TODO(auth): admin
      const body = parseInput(createBody, await jsonBody(c), 'body')
      const entry = await createKnowledgeEntry(database, body)
      return c.json(entry, 201, { location: `/api/knowledge/${entry.id}` })
    })
    .patch('/knowledge/:id', describe({ tag: 'knowledge', summary: 'Change an entry', params: { id: idParam }, body: patchBody, responses: { 200: anyJson('The entry') } }), async (c) => {
      // TODO(auth): admin
      const id = parseInput(idParam, c.req.param('id'), 'knowledge entry id')
      const body = parseInput(patchBody, await jsonBody(c), 'body')
      return c.json(await patchKnowledgeEntry(database, id, body))
    })
    .delete('/knowledge/:id', describe({ tag: 'knowledge', summary: 'Deactivate an entry', params: { id: idParam }, responses: { 204: empty('Deactivated') } }), async (c) => {
      // TODO(auth): admin
      const id = parseInput(idParam, c.req.param('id'), 'knowledge entry id')
      await deleteKnowledgeEntry(database, id)
      return c.body(null, 204)
    })
}
