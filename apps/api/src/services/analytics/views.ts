import { cellToBoundary, cellToLatLng, getHexagonEdgeLengthAvg, gridDisk, latLngToCell, polygonToCells, UNITS } from 'h3-js'
import {
  classBreaks, defaultDistanceBand, distanceBandNeighbours, emergingClass, getisOrdGiStar, metricValue,
  type AnalyticsFilter, type AnalyticsMeasures, type ChoroplethAnswer, type HeatmapAnswer, type HexAnswer, type HotspotAnswer, type TimeseriesAnswer, type ChoroplethLevel, type ChoroplethMetric, type ClassMethod, type EmergingClass, type GiStar,
} from '@hanjiang/shared/analytics/index'
import { aggregate } from '../../db/repositories/analytics.ts'
import {
  bboxMeetsDistrict, choroplethRows, districtGeoJson, gridPeriodCounts, heatBins, hourWeekday, shiftDay, snappedPoints, type Bin,
} from '../../db/repositories/analytics-views.ts'
import type { RowScope } from '../../db/repositories/incident-scope.ts'
import type { Database } from '../../db/types.ts'
import { problems } from '../../http/problem.ts'

/** The analytics views (docs/ANALYTICS.md): SQL in db/repositories/analytics*.ts, statistics in packages/shared. */
export interface Ctx {
  database: Database
  scope: RowScope
  filter: AnalyticsFilter
}

const dayCount = (f: AnalyticsFilter) => Math.round((Date.parse(f.toDay) - Date.parse(f.fromDay)) / 86_400_000) + 1

export async function totals({ database, scope, filter }: Ctx): Promise<AnalyticsMeasures> {
  const [g] = await aggregate(database, filter, scope, 'none', 'rollup')
  const { key: _key, ...m } = g ?? { key: null, count: 0, overdue: 0, urgent: 0, closed: 0, handled: 0, handlingMinutes: 0, rework: 0, satisfied: 0, basicallySatisfied: 0, notSatisfied: 0 }
  return m
}

/** Choropleth: every region of the level with its sums, the metric's value and class (quantile or natural breaks). */
export async function choropleth(ctx: Ctx, level: ChoroplethLevel, metric: ChoroplethMetric, method: ClassMethod, classes: number): Promise<ChoroplethAnswer> {
  const rows = await choroplethRows(ctx.database, ctx.filter, ctx.scope, level)
  const values = rows.map((r) => metricValue(r, metric, r.areaKm2))
  const breaks = classBreaks(values.filter((v): v is number => v != null), method, classes)
  return {
    level, metric, method, breaks,
    regions: rows.map((r, i) => {
      const { key: _k, ...m } = r
      return { ...m, value: values[i] ?? null }
    }),
  }
}

/** Bin size for a zoom: about 4 screen pixels of a 256-pixel tile, so the heatmap layer blurs bins into a surface. */
export const heatCellDegrees = (zoom: number) => 360 / 2 ** Math.floor(zoom) / 64

export async function heatmap(ctx: Ctx, bbox: [number, number, number, number], zoom: number): Promise<HeatmapAnswer> {
  if (!(await bboxMeetsDistrict(ctx.database, bbox))) {
    throw problems.validation('The query is invalid: bbox: the bbox does not meet the district', [{ path: 'bbox', message: 'the bbox does not meet the district' }])
  }
  const cell = heatCellDegrees(zoom)
  const bins = await heatBins(ctx.database, ctx.filter, ctx.scope, bbox, cell)
  return { cell, bins }
}

/** The snapping grid for a resolution: a fifth of the hex edge, so a hex's count is its incidents up to ~1/5 edge at the rim. */
export const hexSnapDegrees = (res: number) => getHexagonEdgeLengthAvg(res, UNITS.m) / 5 / 111_320

export interface HexCell extends Bin {
  h3: string
  boundary: [number, number][]
}

function toHexes(points: Bin[], res: number): Map<string, Bin> {
  const out = new Map<string, Bin>()
  for (const p of points) {
    const h = latLngToCell(p.lat, p.lng, res)
    const c = out.get(h) ?? { lng: 0, lat: 0, count: 0, overdue: 0, urgent: 0 }
    c.count += p.count
    c.overdue += p.overdue
    c.urgent += p.urgent
    out.set(h, c)
  }
  for (const [h, c] of out) [c.lat, c.lng] = cellToLatLng(h)
  return out
}

/** The cell's closed outer ring, [lng, lat] (h3-js's GeoJSON form repeats the first vertex). */
const ring = (h: string): [number, number][] => cellToBoundary(h, true) as [number, number][]

export async function hexbins(ctx: Ctx, res: number): Promise<HexAnswer> {
  const snap = hexSnapDegrees(res)
  const points = await snappedPoints(ctx.database, ctx.filter, ctx.scope, snap)
  const cells: HexCell[] = [...toHexes(points, res)].map(([h3, c]) => ({ h3, ...c, boundary: ring(h3) }))
  return { resolution: res, snap, cells }
}

/** Gi* of the current period and the three before it (same length), with the emerging class of each feature. */
const PERIODS = 4
function hotspotFeatures(counts: number[][], neighbours: number[][]): { gi: GiStar; emerging: EmergingClass }[] {
  const byPeriod = Array.from({ length: PERIODS }, (_, p) => getisOrdGiStar(counts.map((c) => c[p] ?? 0), neighbours))
  return counts.map((_, i) => ({
    gi: byPeriod[0]![i]!,
    // previous periods oldest first
    emerging: emergingClass(byPeriod[0]![i]!, [3, 2, 1].map((p) => byPeriod[p]![i]!)),
  }))
}

let gridNeighbourCache: { key: string; band: number; neighbours: number[][] } | undefined

/** `source` 'raw' asks the incident table instead of the rollup (the benchmark's baseline). */
export async function hotspots(ctx: Ctx, over: 'grid' | 'hex', res: number, source: 'rollup' | 'raw' = 'rollup'): Promise<HotspotAnswer> {
  const days = dayCount(ctx.filter)
  const periods = Array.from({ length: PERIODS }, (_, p) => ({ from: shiftDay(ctx.filter.fromDay, -days * p), to: shiftDay(ctx.filter.toDay, -days * p) }))
  if (over === 'grid') {
    const grids = await gridPeriodCounts(ctx.database, ctx.filter, ctx.scope, days, PERIODS, source)
    const key = grids.map((g) => `${g.code}@${g.lng.toFixed(5)},${g.lat.toFixed(5)}`).join(';')
    if (gridNeighbourCache?.key !== key) {
      const band = defaultDistanceBand(grids)
      gridNeighbourCache = { key, band, neighbours: distanceBandNeighbours(grids, band) }
    }
    const features = hotspotFeatures(grids.map((g) => g.counts), gridNeighbourCache.neighbours)
    return {
      over, periods, neighbourhood: { kind: 'distanceBand' as const, metres: Math.round(gridNeighbourCache.band) },
      features: grids.map((g, i) => ({ code: g.code, name: g.name, lng: g.lng, lat: g.lat, count: g.counts[0]!, previous: g.counts.slice(1).reverse(), ...features[i]!.gi, emerging: features[i]!.emerging })),
    }
  }
  const district = await districtGeoJson(ctx.database)
  const study = district ? [...new Set(district.coordinates.flatMap((poly) => polygonToCells(poly as number[][][], res, true)))] : []
  const index = new Map(study.map((h, i) => [h, i]))
  const snap = hexSnapDegrees(res)
  const points = await snappedPoints(ctx.database, ctx.filter, ctx.scope, snap, { days, count: PERIODS })
  const counts = study.map(() => Array.from({ length: PERIODS }, () => 0))
  for (const p of points) {
    const i = index.get(latLngToCell(p.lat, p.lng, res))
    if (i !== undefined && p.period >= 0 && p.period < PERIODS) counts[i]![p.period]! += p.count
  }
  const neighbours = study.map((h) => gridDisk(h, 1).map((n) => index.get(n)).filter((j): j is number => j !== undefined && study[j] !== h))
  const features = hotspotFeatures(counts, neighbours)
  return {
    over, periods, resolution: res, neighbourhood: { kind: 'h3Ring' as const, k: 1 },
    features: study.map((h3, i) => {
      const [lat, lng] = cellToLatLng(h3)
      return { h3, lng, lat, boundary: ring(h3), count: counts[i]![0]!, previous: counts[i]!.slice(1).reverse(), ...features[i]!.gi, emerging: features[i]!.emerging }
    }),
  }
}

/** Weekly counts of the range beside the same weeks of the previous period (same length, just before), and the hour × weekday matrix. */
export async function timeseries(ctx: Ctx): Promise<TimeseriesAnswer> {
  const days = dayCount(ctx.filter)
  const prev = { ...ctx.filter, fromDay: shiftDay(ctx.filter.fromDay, -days), toDay: shiftDay(ctx.filter.toDay, -days) }
  const [cur, before, matrix] = await Promise.all([
    aggregate(ctx.database, ctx.filter, ctx.scope, 'week', 'rollup'),
    aggregate(ctx.database, prev, ctx.scope, 'week', 'rollup'),
    hourWeekday(ctx.database, ctx.filter, ctx.scope),
  ])
  const mondays = (from: string, to: string) => {
    const out: string[] = []
    const t = new Date(`${from}T00:00:00Z`)
    t.setUTCDate(t.getUTCDate() - ((t.getUTCDay() + 6) % 7))
    for (; t.toISOString().slice(0, 10) <= to; t.setUTCDate(t.getUTCDate() + 7)) out.push(t.toISOString().slice(0, 10))
    return out
  }
  const curWeeks = mondays(ctx.filter.fromDay, ctx.filter.toDay)
  const prevWeeks = mondays(prev.fromDay, prev.toDay)
  const by = (gs: typeof cur) => new Map(gs.map((g) => [g.key, g]))
  const c = by(cur)
  const p = by(before)
  return {
    previous: { from: prev.fromDay, to: prev.toDay },
    weeks: curWeeks.map((w, i) => ({
      week: w, count: c.get(w)?.count ?? 0, overdue: c.get(w)?.overdue ?? 0, urgent: c.get(w)?.urgent ?? 0,
      previousWeek: prevWeeks[i] ?? null, previousCount: prevWeeks[i] ? (p.get(prevWeeks[i]!)?.count ?? 0) : null,
    })),
    hourWeekday: matrix,
  }
}
