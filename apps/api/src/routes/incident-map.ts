import { Hono } from 'hono'
import { z } from 'zod'
import { INCIDENT_STATES } from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { rowScope } from '../services/incident-map/scope.ts'
import { incidentMapView } from '../services/incident-map/view.ts'

/** GET /api/incidents/map — clusters or points for one map view (see services/incident-map/view.ts). */

const bbox = z
  .string({ message: 'bbox is required: west,south,east,north in WGS84 degrees' })
  .transform((s, ctx) => {
    const v = s.split(',').map((x) => (x.trim() === '' ? NaN : Number(x)))
    const [w, so, e, n] = v as [number, number, number, number]
    const problem =
      v.length !== 4 || v.some((x) => !Number.isFinite(x))
        ? 'bbox is west,south,east,north: four numbers'
        : Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(so) > 90 || Math.abs(n) > 90
          ? 'bbox is out of range (longitudes ±180, latitudes ±90)'
          : !(w < e && so < n)
            ? 'bbox must have west < east and south < north'
            : null
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return [w, so, e, n] as [number, number, number, number]
  })
const instant = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} must be an ISO-8601 date-time with offset (e.g. 2026-05-01T00:00:00+08:00)` })
    .transform((s) => new Date(s))

export const mapQuery = z.object({
  bbox,
  zoom: z.coerce.number({ message: 'zoom must be a number' }).min(0, 'zoom is 0–22').max(22, 'zoom is 0–22'),
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
}).refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['from'] })

export function incidentMapRoutes({ database }: AppDeps) {
  return new Hono().get('/incidents/map', async (c) => {
    const q = parseInput(mapQuery, c.req.query(), 'query')
    // Rows scoped by the caller: a handler's map shows their unit only.
    const view = await incidentMapView({
      database,
      scope: rowScope(actorOf(c)),
      input: { bbox: q.bbox, zoom: q.zoom, states: q.state, classCode: q.fineClass, unitCode: q.unit, streetCode: q.street, from: q.from, to: q.to },
    })
    // Live data: the client refetches on move and patches from /api/events, so no caching.
    return c.json(view, 200, { 'cache-control': 'no-store' })
  })
}
