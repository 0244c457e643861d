import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_STATES } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import { describe, media } from '../http/openapi.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { EXPORT_FORMATS, exportIncidents } from '../services/incidents/export.ts'
import { readsFrom } from '../http/reads.ts'

/** GET /api/incidents/export: the incident list's filters, as CSV, XLSX or GeoJSON, streamed. */

const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  state: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(INCIDENT_STATES, { message: `state must be among ${INCIDENT_STATES.join(', ')}` })))
    .optional(),
  unit: z.string().max(100).optional(),
  street: z.string().max(20).optional(),
  class: z.string().regex(/^(\d{2}){1,3}$/, 'class is a 2-, 4- or 6-digit class code').optional(),
  q: z.string().trim().max(100).optional(),
})

export function incidentExportRoutes(deps: AppDeps) {
  const doc = describe({
    tag: 'incidents',
    summary: "Export the incident list's filters as CSV, XLSX or GeoJSON (streamed; scoped; reporter data masked)",
    query: exportQuery,
    responses: { 200: media('text/csv', 'CSV (UTF-8 with BOM); xlsx: a workbook; geojson: a FeatureCollection') },
  })
  return new Hono().get('/incidents/export', doc, async (c) => {
    const q = parseInput(exportQuery, c.req.query(), 'query')
    const file = await exportIncidents({
      database: readsFrom(deps, c),
      actor: actorOf(c),
      format: q.format,
      filter: { states: q.state, unitCode: q.unit, streetCode: q.street, classCode: q.class, q: q.q || undefined },
    })
    return new Response(file.body, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
