import { isCountKey, isRateKey, incidentsBehind, normaliseScheme, periodEnded, RATES, schemeIssues, type CountKey } from '@hanjiang/shared'
import { Hono } from 'hono'
import { z } from 'zod'
import { incidentSummaries } from '../db/repositories/evaluation.ts'
import { insertPublication, publicationFor, saveScheme } from '../db/repositories/evaluation-schemes.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { quarterReport, reportDocx, reportHtml } from '../services/evaluation/report.ts'
import { loadFacts, ownUnitOnly, periodOf, rankingOf, rowsOf, schemeOf, scopeFor, scopesOf, type Level } from '../services/evaluation/compute.ts'

/**
 * Evaluation (docs/EVALUATION.md): indicators per district / street / unit for a period, rankings with 红黑榜,
 * the incidents behind every number, score schemes per period and publishing (which freezes them).
 * A unit supervisor sees their own unit only.
 */

const levelQuery = z.object({
  period: z.string().max(40).optional(),
  level: z.enum(['district', 'street', 'unit']).default('district'),
  code: z.string().max(40).optional(),
})

const drillQuery = levelQuery.extend({
  indicator: z.string().max(40),
  part: z.enum(['numerator', 'denominator']).default('numerator'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
})

const schemeBody = z.object({
  components: z.array(z.object({ indicator: z.string().max(40), weight: z.number() })).min(1).max(10),
})

export function evaluationRoutes({ database, config }: AppDeps) {
  const deps = { database, officeHours: config.officeHours }
  /** The scope the caller asked for, narrowed (or refused) for a unit supervisor. */
  const scoped = (c: Parameters<typeof actorOf>[0], level: Level, code: string | undefined): { level: Level; code: string | undefined } => {
    const own = ownUnitOnly(actorOf(c))
    if (own === null) return { level, code }
    if (level !== 'unit' || (code && code !== own)) throw problems.forbidden('evaluation_scope', 'A unit supervisor sees their own unit only')
    return { level, code: own }
  }

  /** The report ranks every unit: the efficiency office, viewers and admins only. */
  const ownOffice = (c: Parameters<typeof actorOf>[0]) => {
    if (ownUnitOnly(actorOf(c)) !== null) throw problems.forbidden('evaluation_scope', 'The quarterly report is for the efficiency office')
  }

  return new Hono()
    .get('/evaluation/indicators', async (c) => {
      const q = parseInput(levelQuery, c.req.query(), 'query')
      const { level, code } = scoped(c, q.level, q.code)
      const period = await periodOf(database, q.period, new Date())
      const all = await scopesOf(database, level)
      const names = code ? all.filter((n) => n.code === code) : all
      if (code && !names.length) throw problems.notFound(level, `No ${level} ${code}`)
      const pf = await loadFacts(deps, period, level === 'unit' && code ? { unitCode: code } : level === 'street' && code ? { streetCode: code } : {})
      const { scheme, source } = await schemeOf(database, period.key)
      return c.json({
        period: { key: period.key, firstDay: period.firstDay, lastDay: period.lastDay, asOf: pf.asOf.toISOString() },
        level,
        scheme: { ...scheme, source },
        rows: rowsOf(pf, level, names, scheme),
      })
    })
    .get('/evaluation/rankings', async (c) => {
      const q = parseInput(levelQuery.extend({ level: z.enum(['street', 'unit']).default('unit') }), c.req.query(), 'query')
      const own = ownUnitOnly(actorOf(c))
      const period = await periodOf(database, q.period, new Date())
      const r = await rankingOf(deps, period, q.level)
      // A unit supervisor sees where their unit stands, not the other units' figures.
      const rows = own === null ? r.rows : r.rows.filter((x) => x.code === own)
      return c.json({ period: { key: period.key, firstDay: period.firstDay, lastDay: period.lastDay }, level: q.level, ...r, rows })
    })
    .get('/evaluation/incidents', async (c) => {
      const q = parseInput(drillQuery, c.req.query(), 'query')
      const { level, code } = scoped(c, q.level, q.code)
      if (level !== 'district' && !code) throw problems.badRequest('code_required', `A ${level} code is needed for its incidents`)
      let key: CountKey | 'handlingWorkingMs'
      if (isRateKey(q.indicator)) key = RATES[q.indicator][q.part === 'numerator' ? 0 : 1]
      else if (isCountKey(q.indicator)) key = q.indicator
      else if (q.indicator === 'meanHandlingHours') key = 'handlingWorkingMs'
      else throw problems.badRequest('unknown_indicator', `Unknown indicator ${q.indicator}`)
      const period = await periodOf(database, q.period, new Date())
      const pf = await loadFacts(deps, period, level === 'unit' ? { unitCode: code } : level === 'street' ? { streetCode: code } : {})
      const behind = incidentsBehind(pf.facts, scopeFor(level, code ?? ''), key, pf.asOf, pf.calendar)
      const page = behind.slice(0, q.limit)
      return c.json({
        period: period.key,
        level,
        code: code ?? null,
        indicator: q.indicator,
        counts: key,
        total: behind.length,
        items: await incidentSummaries(database, page.map((f) => f.id)),
      })
    })
    .get('/evaluation/scheme', async (c) => {
      const period = await periodOf(database, c.req.query('period'), new Date())
      const { scheme, source } = await schemeOf(database, period.key)
      return c.json({ period: period.key, source, published: source === 'published', ...scheme })
    })
    .put('/evaluation/scheme', async (c) => {
      const period = await periodOf(database, c.req.query('period'), new Date())
      const body = parseInput(schemeBody, await jsonBody(c), 'body')
      const issues = schemeIssues(body)
      if (issues.length) throw problems.validation(`The scheme is invalid: ${issues.map((i) => i.message).join('; ')}`, issues)
      const scheme = normaliseScheme(body)
      await database.db.transaction(async (tx) => {
        if (await publicationFor(database, period.key, tx))
          throw problems.conflict('period_published', `${period.key} is published; its scheme and scores are frozen`)
        await saveScheme(database, tx, period.key, scheme.components, actorOf(c).id)
      })
      return c.json({ period: period.key, source: 'period', published: false, ...scheme })
    })
    .get('/evaluation/report', async (c) => {
      ownOffice(c)
      const period = await periodOf(database, c.req.query('period'), new Date())
      return c.html(reportHtml(await quarterReport(deps, period)))
    })
    .get('/evaluation/report/docx', async (c) => {
      ownOffice(c)
      const period = await periodOf(database, c.req.query('period'), new Date())
      const bytes = await reportDocx(await quarterReport(deps, period))
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': `attachment; filename="report-${period.key}.docx"`,
      })
    })
    .post('/evaluation/publish', async (c) => {
      const now = new Date()
      const period = await periodOf(database, c.req.query('period'), now)
      if (!periodEnded(period, now)) throw problems.unprocessable('period_not_ended', `${period.key} has not ended yet (last day ${period.lastDay})`)
      const { scheme } = await schemeOf(database, period.key)
      const pf = await loadFacts(deps, period)
      const [units, streets] = await Promise.all([scopesOf(database, 'unit'), scopesOf(database, 'street')])
      const row = {
        periodKey: period.key,
        scheme,
        units: rowsOf(pf, 'unit', units, scheme),
        streets: rowsOf(pf, 'street', streets, scheme),
        district: rowsOf(pf, 'district', await scopesOf(database, 'district'), scheme)[0],
        publishedBy: actorOf(c).id,
      }
      await database.db.transaction(async (tx) => {
        if (!(await insertPublication(database, tx, row))) throw problems.conflict('period_published', `${period.key} is already published`)
      })
      return c.json({ period: period.key, published: true }, 201)
    })
}
