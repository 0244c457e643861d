import {
  checkPeriod,
  computeIndicators,
  DEFAULT_SCORE_SCHEME,
  normaliseScheme,
  parsePeriod,
  PeriodError,
  previousPeriod,
  rank,
  scoreOf,
  type EvaluationPeriod,
  type EvaluationScope,
  type EvaluationFacts,
  type Indicators,
  type ScoreBreakdown,
  type ScoreScheme,
  type WorkingCalendar,
} from '@hanjiang/shared'
import { evaluatedStreets, evaluatedUnits, firstIncidentAt, incidentFacts, type ScopeName } from '../../db/repositories/evaluation.ts'
import { publicationFor, schemeFor } from '../../db/repositories/evaluation-schemes.ts'
import type { Database } from '../../db/types.ts'
import { userRoles, type Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { workingCalendar } from '../calendar/working-calendar.ts'
import type { OfficeHours } from '@hanjiang/shared'

/**
 * Indicators, scores and rankings of a period (docs/EVALUATION.md). The facts come from one SQL statement
 * over the event log; everything else is the pure code in packages/shared, so the same numbers come out of the
 * API, the report and the tests' brute-force count.
 */

export type Level = EvaluationScope['level']

export interface EvaluationDeps {
  database: Database
  officeHours?: OfficeHours
  now?: Date
}

export interface ScopeRow extends ScopeName {
  indicators: Indicators
  score: ScoreBreakdown
}

/** Reads and checks a period key: 400 invalid_period, future_period or period_before_data. */
export async function periodOf(database: Database, key: string | undefined, now: Date): Promise<EvaluationPeriod> {
  if (!key) throw problems.badRequest('invalid_period', 'A period is required (period=2026-Q3, 2026-07, 2026 or 2026-07-01..2026-07-15)')
  try {
    const p = parsePeriod(key)
    checkPeriod(p, now, await firstIncidentAt(database))
    return p
  } catch (e) {
    if (e instanceof PeriodError) throw problems.badRequest(e.code, e.message)
    throw e
  }
}

/** Who may see which scope: the efficiency office, viewers and admins everything; a unit supervisor their unit only. */
export function ownUnitOnly(actor: Actor): string | null {
  const roles = userRoles(actor)
  if (roles.some((r) => r === 'efficiency_office' || r === 'viewer' || r === 'admin')) return null
  if (roles.includes('unit_supervisor') && actor.unitCode) return actor.unitCode
  throw problems.forbidden('evaluation_scope', 'Only the efficiency office, viewers and unit supervisors see evaluations')
}

/** The scheme a period is scored with: its published one, else its own, else the default. */
export async function schemeOf(database: Database, periodKey: string): Promise<{ scheme: ScoreScheme; source: 'published' | 'period' | 'default' }> {
  const pub = await publicationFor(database, periodKey)
  if (pub) return { scheme: pub.scheme as ScoreScheme, source: 'published' }
  const own = await schemeFor(database, periodKey)
  if (own) return { scheme: normaliseScheme(own), source: 'period' }
  return { scheme: DEFAULT_SCORE_SCHEME, source: 'default' }
}

export interface PeriodFacts {
  period: EvaluationPeriod
  facts: EvaluationFacts[]
  /** The instant the facts are as of: the period's end, or now for the running period. */
  asOf: Date
  calendar: WorkingCalendar
}

export async function loadFacts(deps: EvaluationDeps, period: EvaluationPeriod, filter: { streetCode?: string; unitCode?: string } = {}): Promise<PeriodFacts> {
  const now = deps.now ?? new Date()
  const asOf = new Date(Math.min(period.to.getTime(), now.getTime()))
  const [facts, calendar] = await Promise.all([
    incidentFacts(deps.database, { from: period.from, to: asOf, ...filter }),
    workingCalendar(deps.database, deps.officeHours),
  ])
  return { period, facts, asOf, calendar }
}

export async function scopesOf(database: Database, level: Level): Promise<ScopeName[]> {
  if (level === 'district') return [{ code: 'district', name: '涵江区', nameEn: 'Hanjiang District' }]
  return level === 'unit' ? evaluatedUnits(database) : evaluatedStreets(database)
}

export function scopeFor(level: Level, code: string): EvaluationScope {
  return level === 'district' ? { level } : { level, code }
}

export function rowsOf(pf: PeriodFacts, level: Level, names: readonly ScopeName[], scheme: ScoreScheme): ScopeRow[] {
  return names.map((n) => {
    const indicators = computeIndicators(pf.facts, scopeFor(level, n.code), pf.asOf, pf.calendar)
    return { ...n, indicators, score: scoreOf(indicators, scheme) }
  })
}

/** Rankings of units or streets with the change against the previous period (frozen rows when published). */
export async function rankingOf(deps: EvaluationDeps, period: EvaluationPeriod, level: 'unit' | 'street') {
  const pub = await publicationFor(deps.database, period.key)
  const names = await scopesOf(deps.database, level)
  const current: ScopeRow[] = pub
    ? ((level === 'unit' ? pub.units : pub.streets) as ScopeRow[])
    : rowsOf(await loadFacts(deps, period), level, names, (await schemeOf(deps.database, period.key)).scheme)
  const prev = previousPeriod(period)
  const prevPub = await publicationFor(deps.database, prev.key)
  let previous: { code: string; score: number | null }[] = []
  if (prevPub) previous = ((level === 'unit' ? prevPub.units : prevPub.streets) as ScopeRow[]).map((r) => ({ code: r.code, score: r.score.score }))
  else if (prev.to.getTime() > ((await firstIncidentAt(deps.database))?.getTime() ?? Infinity)) {
    const prevRows = rowsOf(await loadFacts(deps, prev), level, names, (await schemeOf(deps.database, prev.key)).scheme)
    previous = prevRows.map((r) => ({ code: r.code, score: r.score.score }))
  }
  const ranked = rank(current.map((r) => ({ ...r, score: r.score.score, breakdown: r.score })), previous)
  return {
    published: pub ? { at: pub.publishedAt.toISOString(), by: pub.publishedBy } : null,
    previousPeriod: prev.key,
    rows: ranked.map((r) => ({
      code: r.row.code,
      name: r.row.name,
      nameEn: r.row.nameEn,
      score: r.row.score,
      parts: r.row.breakdown.parts,
      indicators: r.row.indicators,
      rank: r.rank,
      previousRank: r.previousRank,
      previousScore: r.previousScore,
      rankChange: r.rankChange,
      scoreChange: r.scoreChange,
      list: r.list,
    })),
  }
}
