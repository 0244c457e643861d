import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { CRS_VALUES, shanghaiDate } from '@hanjiang/shared'
import { listSections } from '../db/repositories/workbench.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { requireUnit, requireWorkbenchRole, workActorOf } from '../http/work-actor.ts'
import { arriveWithCheck } from '../services/workbench/arrive.ts'
import { assignWithinUnit } from '../services/workbench/assign.ts'
import { unitColleagues } from '../services/workbench/colleagues.ts'
import { ledgerXlsx, unitLedger } from '../services/workbench/ledger.ts'
import { unitQueue } from '../services/workbench/queue.ts'
import { anyJson, describe, media } from '../http/openapi.ts'

/**
 * The unit workbench: the unit's queue, arrival with a location check, assignment within
 * the unit (to its sections and colleagues), the ledger and its XLSX. The other actions (accept, resolve, extension, return) are the
 * incident API's workflow actions.
 */

const limit = () =>
  bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw problems.payloadTooLarge('A workbench request body may be at most 16 KB')
    },
  })

const codeParam = z.string().min(1).max(64)
const queueQuery = z.object({ mine: z.enum(['0', '1', 'true', 'false']).optional() })
const arriveBody = z.strictObject({
  version: z.number({ message: 'version (the version you saw) is required' }).int().positive(),
  position: z
    .strictObject({
      lng: z.number({ message: 'position.lng must be a number' }),
      lat: z.number({ message: 'position.lat must be a number' }),
      crs: z.enum(CRS_VALUES).optional(),
      accuracyM: z.number().nonnegative().max(100_000).optional(),
    })
    .nullable(),
  note: z.string().trim().max(4000).optional(),
})
const assignBody = z.strictObject({
  sectionCode: z.string().trim().min(1).max(100).nullish(),
  assignee: z.string().trim().min(1).max(100).nullish(),
  note: z.string().trim().max(4000).optional(),
})
const langQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() })


export function workbenchRoutes({ database }: AppDeps) {
  const who = (c: Context) => {
    const actor = workActorOf(c)
    requireWorkbenchRole(actor)
    return { actor, unitCode: requireUnit(actor) }
  }
  return new Hono()
    .get('/workbench/queue', describe({ tag: 'workbench', summary: "The unit's queue", query: queueQuery, responses: { 200: anyJson('The queue') } }), async (c) => {
      const { actor, unitCode } = who(c)
      const q = parseInput(queueQuery, c.req.query(), 'query')
      const mine = q.mine === '1' || q.mine === 'true'
      return c.json(await unitQueue({ database, actor, unitCode, mine }))
    })
    .get('/workbench/sections', describe({ tag: 'workbench', summary: "The unit's sections", responses: { 200: anyJson('{unitCode, sections}') } }), async (c) => {
      const { unitCode } = who(c)
      return c.json({ unitCode, sections: await listSections(database, unitCode) })
    })
    .get('/workbench/colleagues', describe({ tag: 'workbench', summary: "The caller's colleagues in the unit", responses: { 200: anyJson('Colleagues') } }), async (c) => {
      const { actor, unitCode } = who(c)
      return c.json(await unitColleagues(database, actor, unitCode))
    })
    .get('/workbench/ledger', describe({ tag: 'workbench', summary: "The unit's ledger", responses: { 200: anyJson('The ledger') } }), async (c) => {
      const { actor, unitCode } = who(c)
      return c.json(await unitLedger(database, actor, unitCode))
    })
    .get('/workbench/ledger.xlsx', describe({ tag: 'workbench', summary: "The unit's ledger as an XLSX download", query: langQuery, responses: { 200: media('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook') } }), async (c) => {
      const { actor, unitCode } = who(c)
      const lang = parseInput(langQuery, c.req.query(), 'query').lang ?? 'zh-CN'
      const buf = await ledgerXlsx(database, actor, unitCode, lang)
      // The user's calendar day (Asia/Shanghai), not UTC's: at 07:00 in Shanghai UTC is still yesterday.
      const date = shanghaiDate(new Date())
      return c.body(new Uint8Array(buf), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="ledger-${unitCode}-${date}.xlsx"; filename*=UTF-8''${encodeURIComponent(`台账-${unitCode}-${date}.xlsx`)}`,
        'cache-control': 'no-store',
      })
    })
    .post('/workbench/incidents/:code/arrive', describe({ tag: 'workbench', summary: 'Arrive on site (with a location check)', params: { code: codeParam }, body: arriveBody, responses: { 200: anyJson('The incident and the check') } }), limit(), async (c) => {
      const { actor, unitCode } = who(c)
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      const body = parseInput(arriveBody, await jsonBody(c), 'body')
      return c.json(await arriveWithCheck({ database, actor, unitCode, code, version: body.version, position: body.position, note: body.note }))
    })
    .post('/workbench/incidents/:code/assign', describe({ tag: 'workbench', summary: 'Assign within the unit (a section and/or a colleague)', params: { code: codeParam }, body: assignBody, responses: { 200: anyJson('The incident') } }), limit(), async (c) => {
      const { actor, unitCode } = who(c)
      const code = parseInput(codeParam, c.req.param('code'), 'incident code')
      const body = parseInput(assignBody, await jsonBody(c), 'body')
      return c.json(
        await assignWithinUnit({ database, actor, unitCode, code, sectionCode: body.sectionCode ?? null, assignee: body.assignee ?? null, note: body.note }),
      )
    })
}
