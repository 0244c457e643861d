import { Hono, type Context } from 'hono'
import { getResolution, isValidCell, cellToBoundary } from 'h3-js'
import { z } from 'zod'
import { CHOROPLETH_METRICS, H3_MAX_RES, H3_MIN_RES, h3ResolutionForZoom, metricValue } from '@hanjiang/shared/analytics/index'
import { drillIncidents, type DrillCell } from '../services/analytics/drill.ts'
import { actorOf } from '../http/actor.ts'
import { bboxParam, zoomParam } from '../http/bbox.ts'
import type { AppDeps } from '../http/context.ts'
import { problems } from '../http/problem.ts'
import { parseInput } from '../http/validate.ts'
import { anyJson, describe, media } from '../http/openapi.ts'
import { analyticsFilterSchema } from '@hanjiang/shared/analytics/index'
import { resolveFilter } from '../services/analytics/filter.ts'
import { toCsv, toXlsx, type Table } from '../services/analytics/export.ts'
import { choropleth, heatmap, hexbins, hexSnapDegrees, hotspots, timeseries, totals, type Ctx } from '../services/analytics/views.ts'
import { rowScope } from '../services/incident-map/scope.ts'
import { readsFrom } from '../http/reads.ts'

/**
 * GET /api/analytics/* — the analytics views (docs/ANALYTICS.md), each for the filter in the query string and the
 * caller's incident scope. Every list parameter is comma-separated; days are Shanghai days, both ends included.
 */
const res = z.coerce.number({ message: 'res must be a number' }).int('res is a whole number').min(H3_MIN_RES, `res is ${H3_MIN_RES}–${H3_MAX_RES}`).max(H3_MAX_RES, `res is ${H3_MIN_RES}–${H3_MAX_RES}`)
const choroplethQuery = z.object({
  level: z.enum(['street', 'community', 'grid'], { message: 'level is street, community or grid' }).default('grid'),
  metric: z.enum(CHOROPLETH_METRICS as [string, ...string[]], { message: `metric is one of ${CHOROPLETH_METRICS.join(', ')}` }).default('count'),
  method: z.enum(['quantile', 'jenks'], { message: 'method is quantile or jenks' }).default('quantile'),
  classes: z.coerce.number().int().min(2, 'classes is 2–9').max(9, 'classes is 2–9').default(5),
})
const heatQuery = z.object({ bbox: bboxParam, zoom: zoomParam })
const hexQuery = z.object({ res: res.optional(), zoom: zoomParam.optional() })
const hotQuery = z.object({
  over: z.enum(['grid', 'hex'], { message: 'over is grid or hex' }).default('grid'),
  res: res.max(9, 'res is 5–9 for hot spots').optional(),
})
const drillQuery = z.object({
  region: z.string().regex(/^\d{12,15}$/, 'region is a street, community or grid code').optional(),
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'week is the Monday YYYY-MM-DD').optional(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day is YYYY-MM-DD').optional(),
  dow: z.coerce.number().int().min(1, 'dow is 1 (Monday)–7').max(7, 'dow is 1 (Monday)–7').optional(),
  hour: z.coerce.number().int().min(0, 'hour is 0–23').max(23, 'hour is 0–23').optional(),
  box: bboxParam.optional(),
  h3: z.string().refine((h) => isValidCell(h), 'h3 is not a valid H3 cell').optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1, 'limit is 1–100').max(100, 'limit is 1–100').default(20),
}).refine((q) => (q.dow === undefined) === (q.hour === undefined), { message: 'dow and hour go together', path: ['hour'] })
const exportQuery = z.object({
  view: z.enum(['choropleth', 'hotspots', 'timeseries', 'hexbins'], { message: 'view is choropleth, hotspots, timeseries or hexbins' }),
  format: z.enum(['csv', 'xlsx', 'geojson'], { message: 'format is csv, xlsx or geojson' }),
})

const NO_STORE = { 'cache-control': 'no-store' }

export function analyticsRoutes(deps: AppDeps) {
  const ctxOf = async (c: Context): Promise<Ctx> => {
    const database = readsFrom(deps, c)
    return { database, scope: rowScope(actorOf(c)) ?? null, filter: await resolveFilter(database, c.req.query()) }
  }
  return new Hono()
    .get('/analytics/summary', describe({ tag: 'analytics', summary: 'Totals of the filtered incidents (from the rollup)', query: analyticsFilterSchema, responses: { 200: anyJson('Counts and sums') } }), async (c) => {
      const ctx = await ctxOf(c)
      return c.json({ from: ctx.filter.fromDay, to: ctx.filter.toDay, ...(await totals(ctx)) }, 200, NO_STORE)
    })
    .get('/analytics/choropleth', describe({ tag: 'analytics', summary: 'Every street, community or grid with its measures, the metric and its class breaks', query: analyticsFilterSchema.and(choroplethQuery), responses: { 200: anyJson('Regions with values and breaks') } }), async (c) => {
      const q = parseInput(choroplethQuery, c.req.query(), 'query')
      const ctx = await ctxOf(c)
      return c.json(await choropleth(ctx, q.level, q.metric as never, q.method, q.classes), 200, NO_STORE)
    })
    .get('/analytics/heatmap', describe({ tag: 'analytics', summary: 'Incident locations binned for a map view (never the raw rows)', query: analyticsFilterSchema.and(heatQuery), responses: { 200: anyJson('Bins with counts, overdue and urgent weights') } }), async (c) => {
      const q = parseInput(heatQuery, c.req.query(), 'query')
      return c.json(await heatmap(await ctxOf(c), q.bbox, q.zoom), 200, NO_STORE)
    })
    .get('/analytics/hexbins', describe({ tag: 'analytics', summary: 'Incidents per H3 hexagon (resolution given or chosen by zoom)', query: analyticsFilterSchema.and(hexQuery), responses: { 200: anyJson('Hexagons with counts and outlines') } }), async (c) => {
      const q = parseInput(hexQuery, c.req.query(), 'query')
      return c.json(await hexbins(await ctxOf(c), q.res ?? h3ResolutionForZoom(q.zoom ?? 11)), 200, NO_STORE)
    })
    .get('/analytics/hotspots', describe({ tag: 'analytics', summary: 'Getis-Ord Gi* hot spots over grids or hexagons, with emerging classes', query: analyticsFilterSchema.and(hotQuery), responses: { 200: anyJson('Features with z, p, confidence bin and emerging class') } }), async (c) => {
      const q = parseInput(hotQuery, c.req.query(), 'query')
      return c.json(await hotspots(await ctxOf(c), q.over, q.res ?? 8), 200, NO_STORE)
    })
    .get('/analytics/timeseries', describe({ tag: 'analytics', summary: 'Weekly counts against the previous period, and the hour × weekday matrix', query: analyticsFilterSchema, responses: { 200: anyJson('Weeks and the matrix') } }), async (c) => c.json(await timeseries(await ctxOf(c)), 200, NO_STORE))
    .get('/analytics/incidents', describe({ tag: 'analytics', summary: 'The incidents behind a number (region, week, day, hour × weekday, box or H3 cell), paged', query: analyticsFilterSchema.and(drillQuery), responses: { 200: anyJson('Total and one page of incidents') } }), async (c) => {
      const q = parseInput(drillQuery, c.req.query(), 'query')
      const ctx = await ctxOf(c)
      const cell: DrillCell | undefined = q.region ? { kind: 'region', code: q.region }
        : q.week ? { kind: 'week', monday: q.week }
        : q.day ? { kind: 'day', day: q.day }
        : q.dow !== undefined && q.hour !== undefined ? { kind: 'hour', dow: q.dow, hour: q.hour }
        : q.box ? { kind: 'box', bbox: q.box }
        : q.h3 ? { kind: 'polygon', geojson: JSON.stringify({ type: 'Polygon', coordinates: [cellToBoundary(q.h3, true)] }), snap: hexSnapDegrees(getResolution(q.h3)) }
        : undefined
      return c.json(await drillIncidents(ctx.database, ctx.filter, ctx.scope, cell, q.offset, q.limit), 200, NO_STORE)
    })
    .get('/analytics/export', describe({ tag: 'analytics', summary: 'The table behind a view as CSV or XLSX; the choropleth as GeoJSON', query: analyticsFilterSchema.and(exportQuery), responses: { 200: media('text/csv', 'CSV, XLSX or GeoJSON (by format)') } }), async (c) => {
      const q = parseInput(exportQuery, c.req.query(), 'query')
      const ctx = await ctxOf(c)
      const name = `analytics-${q.view}-${ctx.filter.fromDay}-${ctx.filter.toDay}`
      let table: Table
      let geojson: unknown = null
      if (q.view === 'choropleth') {
        const cq = parseInput(choroplethQuery, c.req.query(), 'query')
        const v = await choropleth(ctx, cq.level, cq.metric as never, cq.method, cq.classes)
        table = {
          headers: ['code', 'name', 'area_km2', 'count', 'density_per_km2', 'overdue', 'overdue_rate', 'urgent', 'closed', 'handled', 'mean_handling_hours', 'rework_rate', 'satisfaction_rate'],
          rows: v.regions.map((r) => [r.code, r.name, round(r.areaKm2), r.count, round(metricValue(r, 'density', r.areaKm2)), r.overdue, round(metricValue(r, 'overdueRate', null)),
            r.urgent, r.closed, r.handled, round(metricValue(r, 'meanHandlingHours', null)), round(metricValue(r, 'reworkRate', null)), round(metricValue(r, 'satisfaction', null))]),
        }
        if (q.format === 'geojson') {
          const { regionGeometries } = await import('../db/repositories/analytics-geometry.ts')
          const geoms = await regionGeometries(ctx.database, v.regions.map((r) => r.code))
          geojson = { type: 'FeatureCollection', metric: v.metric, breaks: v.breaks, features: v.regions.map((r) => ({ type: 'Feature', id: r.code, geometry: geoms.get(r.code) ?? null, properties: { ...r } })) }
        }
      } else if (q.view === 'hotspots') {
        const hq = parseInput(hotQuery, c.req.query(), 'query')
        const v = await hotspots(ctx, hq.over, hq.res ?? 8)
        table = { headers: ['feature', 'count', 'z', 'p', 'confidence_bin', 'emerging'], rows: v.features.map((f) => [f.code ?? f.h3 ?? null, f.count, round(f.z), round(f.p), f.bin, f.emerging]) }
      } else if (q.view === 'hexbins') {
        const hq = parseInput(hexQuery, c.req.query(), 'query')
        const v = await hexbins(ctx, hq.res ?? h3ResolutionForZoom(hq.zoom ?? 11))
        table = { headers: ['h3', 'lng', 'lat', 'count', 'overdue', 'urgent'], rows: v.cells.map((h) => [h.h3, round(h.lng), round(h.lat), h.count, h.overdue, h.urgent]) }
      } else {
        const v = await timeseries(ctx)
        table = { headers: ['week', 'count', 'overdue', 'urgent', 'previous_week', 'previous_count'], rows: v.weeks.map((w) => [w.week, w.count, w.overdue, w.urgent, w.previousWeek, w.previousCount]) }
      }
      if (q.format === 'geojson') {
        if (q.view !== 'choropleth') throw problems.validation('The query is invalid: format: geojson is for the choropleth', [{ path: 'format', message: 'geojson is for the choropleth' }])
        return c.body(JSON.stringify(geojson), 200, { 'content-type': 'application/geo+json', 'content-disposition': `attachment; filename="${name}.geojson"`, ...NO_STORE })
      }
      if (q.format === 'csv') return c.body(toCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, ...NO_STORE })
      return c.body(new Uint8Array(await toXlsx(table, q.view)), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"`, ...NO_STORE,
      })
    })
}

const round = (v: number | null) => (v == null ? null : Math.round(v * 10_000) / 10_000)
