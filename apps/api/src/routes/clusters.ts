import { Hono } from 'hono'
import { z } from 'zod'
import {
  CLUSTER_FLAG_MIN_REPORTS,
  CRS_VALUES,
  SIMILAR_DAYS_DEFAULT,
  SIMILAR_DAYS_MAX,
  SIMILAR_LIMIT_DEFAULT,
  SIMILAR_LIMIT_MAX,
  SIMILAR_RADIUS_M_DEFAULT,
  SIMILAR_RADIUS_M_MAX,
} from '@hanjiang/shared'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { parseInput } from '../http/validate.ts'
import { clusterOf } from '../services/clusters/cluster.ts'
import { incidentRowScope } from '../services/auth/scope.ts'
import { similarIncidents } from '../services/clusters/similar.ts'
import { anyJson, describe, json } from '../http/openapi.ts'
import { similarIncidentsSchema } from '@hanjiang/shared/contract'

/**
 * R9 一诉一整改, read side:
 *   GET /incidents/similar?lng&lat[&crs][&fineClass][&radiusM=250][&days=30][&exclude=CODE][&limit=20]
 *     → open incidents of the same subclass nearby (merge candidates on intake), nearest first.
 *   GET /clusters/:code → the cluster's primary and members, with the R9 flag.
 * Mounted BEFORE the incident routes: `/incidents/similar` must not be read as an incident code.
 * Problems: 400 validation_failed; 422 invalid_coordinate, unknown_fine_class; 404 incident_not_found.
 * The merge itself is the incident workflow's `merge` action.
 * Rules: auth/route-rules.ts (incident.read); rows scoped to the caller (auth/scope).
 */

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`)
const coord = (name: string) => z.coerce.number({ message: `${name} must be a number` }).refine(Number.isFinite, `${name} must be finite`)
const incidentCode = z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'an incident code has letters, digits and dashes (at most 40)')

const similarQuery = z.object({
  lng: coord('lng'),
  lat: coord('lat'),
  crs: z.enum(CRS_VALUES, { message: `crs must be one of ${CRS_VALUES.join(', ')}` }).default('wgs84'),
  fineClass: z.string({ message: 'fineClass is required' }).regex(/^\d{6}$/, 'fineClass is a 6-digit fine-class code'),
  radiusM: int('radiusM', 1, SIMILAR_RADIUS_M_MAX).default(SIMILAR_RADIUS_M_DEFAULT),
  days: int('days', 1, SIMILAR_DAYS_MAX).default(SIMILAR_DAYS_DEFAULT),
  exclude: incidentCode.optional(),
  limit: int('limit', 1, SIMILAR_LIMIT_MAX).default(SIMILAR_LIMIT_DEFAULT),
})

export interface ClusterRouteOptions {
  /** Reports (primary + members) from which a cluster is flagged; default: config (CLUSTER_FLAG_MIN_REPORTS, 5). */
  flagMinReports?: number
}

export function clusterRoutes({ database, config }: AppDeps, opts: ClusterRouteOptions = {}) {
  const flagMinReports = opts.flagMinReports ?? config.clusterFlagMinReports ?? CLUSTER_FLAG_MIN_REPORTS
  return new Hono()
    .get('/incidents/similar', describe({ tag: 'incidents', summary: 'Open incidents of the same subclass nearby (R9 merge candidates)', query: similarQuery, responses: { 200: json(similarIncidentsSchema) } }), async (c) => {
      const q = parseInput(similarQuery, c.req.query(), 'query')
      return c.json(await similarIncidents(database, { ...q, flagMinReports, scope: incidentRowScope(actorOf(c)) }))
    })
    .get('/clusters/:code', describe({ tag: 'incidents', summary: "An incident's cluster: primary, members, R9 flag", params: { code: incidentCode }, responses: { 200: anyJson('The cluster') } }), async (c) => {
      const code = parseInput(incidentCode, c.req.param('code'), 'incident code')
      return c.json(await clusterOf(database, code, flagMinReports, actorOf(c)))
    })
}
