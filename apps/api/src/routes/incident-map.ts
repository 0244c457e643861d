import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_STATES } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import { bboxParam as bbox, zoomParam } from '../http/bbox.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { rowScope } from '../services/incident-map/scope.ts'
import { incidentMapView } from '../services/incident-map/view.ts'
import { anyJson, describe } from '../http/openapi.ts'
import { readsFrom } from '../http/reads.ts'

/** GET /api/incidents/map — clusters or points for one map view (see services/incident-map/view.ts). */

const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO-8601 date-time with offset (e.g. 2026-05-01T00:00:00+08:00)` })
    .transform((s) => new Date(s))

/** The map's filters, shared with the incident vector tiles (routes/tiles.ts). */
export const mapFilterFields = z.object({
  state: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(INCIDENT_STATES, { message: `state must be among ${INCIDENT_STATES.join(', ')}` })))
    .optional(),
  fineClass: z.string().regex(/^(\d{2}){1,3}$/, 'fineClass is a 2-, 4- or 6-digit class code').optional(),
  unit: z.string().trim().min(1).max(100).optional(),
  street: z.string().regex(/^\d{12}$/, 'street is a 12-digit street/town code').optional(),
  from: instant('from').optional(),
  to: instant('to').optional(),
})

export const fromBeforeTo = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to
export const fromBeforeToError = { message: 'from must be before to', path: ['from'] }

export const mapQuery = mapFilterFields.extend({ bbox, zoom: zoomParam }).refine(fromBeforeTo, fromBeforeToError)

export function incidentMapRoutes(deps: AppDeps) {
  return new Hono().get('/incidents/map', describe({ tag: 'incidents', summary: 'Clusters or points for one map view', query: mapQuery, responses: { 200: anyJson('Clusters (zoomed out) or points') } }), async (c) => {
    const q = parseInput(mapQuery, c.req.query(), 'query')
    // Rows scoped by the caller: a handler's map shows their unit only.
    const view = await incidentMapView({
      database: readsFrom(deps, c),
      scope: rowScope(actorOf(c)),
      input: { bbox: q.bbox, zoom: q.zoom, states: q.state, classCode: q.fineClass, unitCode: q.unit, streetCode: q.street, from: q.from, to: q.to },
    })
    // Live data: the client refetches on move and patches from /api/events, so no caching.
    return c.json(view, 200, { 'cache-control': 'no-store' })
  })
}
