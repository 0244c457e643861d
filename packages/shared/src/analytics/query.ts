import { z } from 'zod'
import { INCIDENT_STATES } from '../workflow/states.ts'

/**
 * The analytics filter as the URL and the API carry it (docs/ANALYTICS.md). Days are Shanghai calendar days,
 * both ends included; the range may not be inverted nor span more than five years. Lists are comma-separated.
 */
export const ANALYTICS_CHANNELS = ['hotline_12345', 'hotline_12315', 'hotline_12369', 'patrol', 'public_web', 'open311', 'other_system'] as const
export const ANALYTICS_REQUEST_TYPES = ['complaint', 'consultation', 'help', 'suggestion', 'report'] as const
/** Longest range: five years of days (one leap day included). */
export const ANALYTICS_MAX_DAYS = 5 * 365 + 1

const day = (name: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a day YYYY-MM-DD`).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${name} is not a calendar day`)
const list = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { message: `${name} must be among ${values.join(', ')}` })))
const flag = (name: string) =>
  z.enum(['true', 'false'], { message: `${name} is true or false` }).transform((s) => s === 'true')

export const analyticsFilterSchema = z
  .object({
    from: day('from').optional(),
    to: day('to').optional(),
    class: z.string().regex(/^(\d{2}){1,3}$/, 'class is a 2-, 4- or 6-digit class code').optional(),
    unit: z.string().trim().min(1).max(100).optional(),
    street: z.string().regex(/^\d{12}$/, 'street is a 12-digit street/town code').optional(),
    community: z.string().regex(/^\d{12}$/, 'community is a 12-digit community code').optional(),
    grid: z.string().regex(/^\d{12,15}$/, 'grid is a grid code').optional(),
    channel: list('channel', ANALYTICS_CHANNELS).optional(),
    requestType: list('requestType', ANALYTICS_REQUEST_TYPES).optional(),
    state: list('state', INCIDENT_STATES).optional(),
    overdue: flag('overdue').optional(),
    urgent: flag('urgent').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to) {
      const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000
      if (days < 0) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' })
      else if (days + 1 > ANALYTICS_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range may span at most five years' })
    }
  })

export type AnalyticsFilterQuery = z.infer<typeof analyticsFilterSchema>

/** A filter with its days resolved (defaults: the last 30 days up to today). */
export interface AnalyticsFilter {
  fromDay: string
  toDay: string
  classCode?: string
  unitCode?: string
  streetCode?: string
  communityCode?: string
  gridCode?: string
  channels?: string[]
  requestTypes?: string[]
  states?: string[]
  overdue?: boolean
  urgent?: boolean
}

/** Sums behind every analytics number (docs/ANALYTICS.md "measures"). */
export interface AnalyticsMeasures {
  count: number
  overdue: number
  urgent: number
  closed: number
  /** Incidents with both a dispatch and a resolution, and their working minutes between the two. */
  handled: number
  handlingMinutes: number
  rework: number
  satisfied: number
  basicallySatisfied: number
  notSatisfied: number
}

export type ChoroplethLevel = 'street' | 'community' | 'grid'
export type ChoroplethMetric = 'count' | 'density' | 'overdueRate' | 'meanHandlingHours' | 'reworkRate' | 'satisfaction'
export const CHOROPLETH_METRICS: readonly ChoroplethMetric[] = ['count', 'density', 'overdueRate', 'meanHandlingHours', 'reworkRate', 'satisfaction']

/** The value of a metric from the sums (null where undefined: no incidents, none handled, none rated). */
export function metricValue(m: AnalyticsMeasures, metric: ChoroplethMetric, areaKm2: number | null): number | null {
  switch (metric) {
    case 'count':
      return m.count
    case 'density':
      return areaKm2 && areaKm2 > 0 ? m.count / areaKm2 : null
    case 'overdueRate':
      return m.count ? m.overdue / m.count : null
    case 'meanHandlingHours':
      return m.handled ? m.handlingMinutes / m.handled / 60 : null
    case 'reworkRate':
      return m.count ? m.rework / m.count : null
    case 'satisfaction': {
      const rated = m.satisfied + m.basicallySatisfied + m.notSatisfied
      return rated ? (m.satisfied + m.basicallySatisfied) / rated : null
    }
  }
}

/** H3 resolution for a map zoom (hex edge ≈ a few dozen screen pixels); 5–10 accepted. */
export const H3_MIN_RES = 5
export const H3_MAX_RES = 10
export function h3ResolutionForZoom(zoom: number): number {
  return Math.max(H3_MIN_RES, Math.min(H3_MAX_RES, Math.round(zoom * 0.8 - 2)))
}
