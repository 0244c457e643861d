import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/**
 * The analytics screen's whole view as URL query parameters (shareable; back/forward walk through views). Filter
 * parameters are the API's own (docs/ANALYTICS.md), so the URL's filter part is passed to every call as is.
 */
export type AnalyticsViewName = 'heatmap' | 'choropleth' | 'hex' | 'hotspots' | 'time'
export type Preset = 'd7' | 'd30' | 'quarter' | 'year' | 'custom'

export interface AnalyticsUrlState {
  view: AnalyticsViewName
  preset: Preset
  from: string
  to: string
  cls: string
  subclass: string
  fineClass: string
  unit: string
  street: string
  community: string
  channel: string
  requestType: string
  state: string
  overdue: '' | 'true' | 'false'
  urgent: boolean
  weight: 'count' | 'overdue' | 'urgent'
  level: 'street' | 'community' | 'grid'
  metric: string
  method: 'quantile' | 'jenks'
  over: 'grid' | 'hex'
  /** Time view: the week (its Monday) the map shows, '' = the whole range. */
  week: string
}

const VIEWS: AnalyticsViewName[] = ['heatmap', 'choropleth', 'hex', 'hotspots', 'time']
const PRESET_DAYS: Record<Exclude<Preset, 'custom'>, number> = { d7: 7, d30: 30, quarter: 91, year: 365 }

export function shiftDay(day: string, days: number): string {
  const t = new Date(`${day}T00:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

/** Today in Shanghai. */
export function todayShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export function presetRange(p: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  return { from: shiftDay(today, -(PRESET_DAYS[p] - 1)), to: today }
}

const one = (q: LocationQuery, k: string): string => {
  const v = q[k]
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''
}
const oneOf = <T extends string>(v: string, allowed: readonly T[], dflt: T): T => ((allowed as readonly string[]).includes(v) ? (v as T) : dflt)
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

export function stateFromQuery(q: LocationQuery, today: string): AnalyticsUrlState {
  const preset = oneOf<Preset>(one(q, 'preset'), ['d7', 'd30', 'quarter', 'year', 'custom'], 'd30')
  const range = preset === 'custom' && isDay(one(q, 'from')) && isDay(one(q, 'to')) ? { from: one(q, 'from'), to: one(q, 'to') } : presetRange(preset === 'custom' ? 'd30' : preset, today)
  return {
    view: oneOf(one(q, 'view'), VIEWS, 'heatmap'),
    preset: preset === 'custom' && !(isDay(one(q, 'from')) && isDay(one(q, 'to'))) ? 'd30' : preset,
    ...range,
    cls: one(q, 'cls'), subclass: one(q, 'subclass'), fineClass: one(q, 'fineClass'), unit: one(q, 'unit'), street: one(q, 'street'),
    community: one(q, 'community'), channel: one(q, 'channel'), requestType: one(q, 'requestType'), state: one(q, 'state'),
    overdue: oneOf(one(q, 'overdue'), ['', 'true', 'false'] as const, ''),
    urgent: one(q, 'urgent') === 'true',
    weight: oneOf(one(q, 'weight'), ['count', 'overdue', 'urgent'] as const, 'count'),
    level: oneOf(one(q, 'level'), ['street', 'community', 'grid'] as const, 'grid'),
    metric: one(q, 'metric') || 'count',
    method: oneOf(one(q, 'method'), ['quantile', 'jenks'] as const, 'quantile'),
    over: oneOf(one(q, 'over'), ['grid', 'hex'] as const, 'grid'),
    week: isDay(one(q, 'week')) ? one(q, 'week') : '',
  }
}

/** Only what differs from the defaults goes into the URL (short links); a preset's days are implied. */
export function queryFromState(s: AnalyticsUrlState): LocationQueryRaw {
  const q: LocationQueryRaw = {}
  const set = (k: string, v: string, dflt = '') => {
    if (v !== dflt) q[k] = v
  }
  set('view', s.view, 'heatmap')
  set('preset', s.preset, 'd30')
  if (s.preset === 'custom') {
    q.from = s.from
    q.to = s.to
  }
  set('cls', s.cls); set('subclass', s.subclass); set('fineClass', s.fineClass); set('unit', s.unit); set('street', s.street)
  set('community', s.community); set('channel', s.channel); set('requestType', s.requestType); set('state', s.state)
  set('overdue', s.overdue)
  if (s.urgent) q.urgent = 'true'
  set('weight', s.weight, 'count'); set('level', s.level, 'grid'); set('metric', s.metric, 'count'); set('method', s.method, 'quantile')
  set('over', s.over, 'grid'); set('week', s.week)
  return q
}

/** The API filter parameters of a state (the most specific class code wins). */
export function apiFilter(s: AnalyticsUrlState): Record<string, string> & { from: string; to: string } {
  const f: Record<string, string> & { from: string; to: string } = { from: s.from, to: s.to }
  const cls = s.fineClass || s.subclass || s.cls
  if (cls) f.class = cls
  if (s.unit) f.unit = s.unit
  if (s.street) f.street = s.street
  if (s.community) f.community = s.community
  if (s.channel) f.channel = s.channel
  if (s.requestType) f.requestType = s.requestType
  if (s.state) f.state = s.state
  if (s.overdue) f.overdue = s.overdue
  if (s.urgent) f.urgent = 'true'
  return f
}
