import { analyticsFilterSchema, type AnalyticsFilter } from '@hanjiang/shared/analytics/index'
import { shanghaiDate } from '@hanjiang/shared'
import { unknownCodes } from '../../db/repositories/analytics.ts'
import { shiftDay } from '../../db/repositories/analytics-views.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'
import { parseInput } from '../../http/validate.ts'

/**
 * The analytics filter from the query string: shape checked by the shared schema, then every code looked up (one
 * statement); a bad or unknown one is a 400 naming the parameter. Default range: the 30 days up to today (Shanghai).
 */
export async function resolveFilter(database: Database, query: Record<string, string>, now = new Date()): Promise<AnalyticsFilter> {
  const q = parseInput(analyticsFilterSchema, query, 'query')
  const toDay = q.to ?? (q.from ? shiftDay(q.from, 29) : shanghaiDate(now))
  const fromDay = q.from ?? shiftDay(toDay, -29)
  if (fromDay > toDay) throw problems.validation('The query is invalid: from: from must not be after to', [{ path: 'from', message: 'from must not be after to' }])
  const f: AnalyticsFilter = {
    fromDay, toDay, classCode: q.class, unitCode: q.unit, streetCode: q.street, communityCode: q.community, gridCode: q.grid,
    channels: q.channel?.length ? q.channel : undefined, requestTypes: q.requestType?.length ? q.requestType : undefined,
    states: q.state?.length ? q.state : undefined, overdue: q.overdue, urgent: q.urgent,
  }
  const unknown = await unknownCodes(database, f)
  if (unknown.length) {
    const errors = unknown.map((p) => ({ path: p, message: `${p} ${JSON.stringify(query[p])} is not a known ${p === 'class' ? 'class code' : p === 'unit' ? 'unit code' : `${p} code`}` }))
    throw problems.validation(`The query is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, errors)
  }
  return f
}
