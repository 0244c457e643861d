import { Hono } from 'hono'
import { z } from 'zod'
import { CRS_VALUES, EXPLANATION_LANGS, inLanguage, type ExplanationLang } from '@hanjiang/shared'
import type { AppDeps } from '../http/context.ts'
import { bigJson } from '../http/big-json.ts'
import { parseInput } from '../http/validate.ts'
import { assignPoints, type AssignmentResult } from '../services/assignment/assign.ts'
import { anyJson, describe } from '../http/openapi.ts'

export const MAX_ASSIGN_BATCH = 1000

const crs = z.enum(CRS_VALUES, { message: `crs must be one of ${CRS_VALUES.join(', ')}` })
const fineClass = z.string().regex(/^\d{6}$/, 'fineClass is a 6-digit fine-class code')
const at = z.iso.datetime({ offset: true, message: 'at must be an ISO-8601 date-time with offset' })
// The explanation in one language (`zh`, `en`); without it both, as the incident record keeps them.
const lang = z.enum(EXPLANATION_LANGS, { message: `lang must be one of ${EXPLANATION_LANGS.join(', ')}` })
const coord = (name: string) => z.coerce.number({ message: `${name} must be a number` }).refine(Number.isFinite, `${name} must be finite`)

const getQuery = z.object({
  lng: coord('lng'),
  lat: coord('lat'),
  crs: crs.default('wgs84'),
  fineClass: fineClass.optional(),
  at: at.optional(),
  nearM: z.coerce.number().min(0).max(1000).optional(),
  lang: lang.optional(),
})

const postBody = z.object({
  points: z
    .array(z.object({ lng: z.number(), lat: z.number(), crs: crs.optional(), fineClass: fineClass.nullish() }))
    .min(1, 'points must not be empty')
    .max(MAX_ASSIGN_BATCH, `at most ${MAX_ASSIGN_BATCH} points per request`),
  at: at.optional(),
  nearM: z.number().min(0).max(1000).optional(),
  lang: lang.optional(),
})

const inLang = <T extends AssignmentResult>(results: T[], l: ExplanationLang | undefined) => (l ? results.map((r) => inLanguage(r, l)) : results)

export function assignRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/assign', describe({ tag: 'assignment', summary: 'Who owns this point (and fine class), and why', query: getQuery, responses: { 200: anyJson('The assignment decision with regions, candidates, explanation') } }), async (c) => {
      const q = parseInput(getQuery, c.req.query(), 'query')
      const [result] = await assignPoints(database, [q], { at: q.at ? new Date(q.at) : undefined, nearM: q.nearM })
      return c.json(inLang([result!], q.lang)[0])
    })
    .post('/assign', describe({ tag: 'assignment', summary: 'Assign a batch of points', body: postBody, responses: { 200: anyJson('{results: decisions, in order}') } }), async (c) => {
      const body = parseInput(postBody, await c.req.json(), 'body')
      const results = await assignPoints(database, body.points, { at: body.at ? new Date(body.at) : undefined, nearM: body.nearM })
      return bigJson(c, { results: inLang(results, body.lang) })
    })
}
