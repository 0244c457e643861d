import { Hono } from 'hono'
import { z } from 'zod'
import { REGION_LEVELS } from '@hanjiang/shared'
import { regionDetail, regionLabels, regionsFeatureCollection } from '../db/repositories/regions.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { parseInput } from '../http/validate.ts'

const levelQuery = z.object({
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }),
  at: z.iso.datetime({ offset: true, message: 'at must be an ISO-8601 date-time with offset' }).optional(),
})
const atQuery = levelQuery.pick({ at: true })
const codeParam = z.string().regex(/^\d{12}(\d{3})?$/, 'a region code has 12 digits (15 for a grid)')

const toDate = (at?: string) => (at ? new Date(at) : undefined)

export function regionRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/regions', async (c) => {
      const q = parseInput(levelQuery, c.req.query(), 'query')
      const body = await regionsFeatureCollection(database, q.level, toDate(q.at))
      return c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' })
    })
    .get('/regions/labels', async (c) => {
      const q = parseInput(levelQuery, c.req.query(), 'query')
      const body = await regionLabels(database, q.level, toDate(q.at))
      return c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' })
    })
    .get('/regions/:code', async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      const q = parseInput(atQuery, c.req.query(), 'query')
      const region = await regionDetail(database, code, toDate(q.at))
      if (!region) throw problems.notFound('region', `No region with code ${code}${q.at ? ` valid at ${q.at}` : ''}`)
      return c.json(region)
    })
}
