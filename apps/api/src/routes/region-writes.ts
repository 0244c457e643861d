import { Hono } from 'hono'
import { z } from 'zod'
import { REGION_LEVELS } from '@hanjiang/shared'
import { featureBodyLimit, importBodyLimit } from '../http/body-limits.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { requireRegionWrite } from '../services/auth/write-scope.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { coverageReport } from '../services/regions/coverage.ts'
import { createRegion } from '../services/regions/create.ts'
import { deleteRegion } from '../services/regions/delete.ts'
import { exportRegionsGeoJson } from '../services/regions/export.ts'
import { importRegions } from '../services/regions/import.ts'
import { updateRegion } from '../services/regions/update.ts'
import { regionHistory } from '../services/regions/versions.ts'
import { regionVersionDiff } from '../services/regions/diff.ts'
import { regionDiffSchema } from '@hanjiang/shared/contract'
import { anyJson, describe, empty, geojson, json } from '../http/openapi.ts'

/**
 * The write side of regions (admin): create, versioned update, delete, history, coverage gaps,
 * GeoJSON import/export. Mounted BEFORE regionRoutes so /regions/export is not taken for a code.
 */

const codeParam = z.string().regex(/^\d{12}(\d{3})?$/, 'a region code has 12 digits (15 for a grid)')
const at = z.iso.datetime({ offset: true, message: 'at must be an ISO-8601 date-time with offset' })
const dryRunQuery = z.object({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun must be true or false' }).optional(),
})
const name = z.string({ message: 'name must be a string' }).trim().min(1, 'name must not be empty').max(100, 'name is at most 100 characters')

const createBody = z.object({
  code: z.string({ message: 'code is required' }),
  name,
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }),
  parentCode: z.string().nullable().optional(),
  geometry: z.unknown(),
})
const patchBody = z
  .object({
    name: name.optional(),
    geometry: z.unknown().optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((b) => b.name !== undefined || b.geometry !== undefined, { message: 'give a new name and/or geometry', path: ['body'] })
const exportQuery = z.object({
  level: z.enum(REGION_LEVELS, { message: `level must be one of ${REGION_LEVELS.join(', ')}` }).optional(),
  at: at.optional(),
})

const GEOJSON = { 'content-type': 'application/geo+json; charset=utf-8' }
const atQuery = z.object({ at: at.optional() })
const toDate = (v?: string) => (v ? new Date(v) : undefined)
const diffQuery = z.object({
  from: z.coerce.number({ message: 'from must be a version number' }).int().positive('from must be a version number'),
  to: z.coerce.number({ message: 'to must be a version number' }).int().positive('to must be a version number'),
})


export function regionWriteRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/regions/export', describe({ tag: 'regions', summary: 'Regions as a GeoJSON download', query: exportQuery, responses: { 200: geojson('FeatureCollection') } }), async (c) => {
      const q = parseInput(exportQuery, c.req.query(), 'query')
      const body = await exportRegionsGeoJson({ database, level: q.level, at: toDate(q.at) })
      return c.body(body, 200, { ...GEOJSON, 'content-disposition': `attachment; filename="regions${q.level ? `-${q.level}` : ''}.geojson"` })
    })
    // TODO(auth): admin only
    .post('/regions/import', describe({ tag: 'regions', summary: 'Import regions from GeoJSON (dryRun: check only)', query: dryRunQuery, body: { mediaType: 'application/json', schema: { type: 'object', description: 'A GeoJSON FeatureCollection' } }, responses: { 200: anyJson('The import summary') } }), importBodyLimit(), async (c) => {
      const q = parseInput(dryRunQuery, c.req.query(), 'query')
      const summary = await importRegions({ database, input: await jsonBody(c), dryRun: q.dryRun === 'true' })
      return c.json(summary)
    })
    // Admins anywhere; grid admins inside their areas (auth/route-rules.ts: region.write).
    .post('/regions', describe({ tag: 'regions', summary: 'Create a region (dryRun: check only)', query: dryRunQuery, body: createBody, responses: { 201: anyJson('The region'), 200: anyJson('The dry-run result') } }), featureBodyLimit(), async (c) => {
      const q = parseInput(dryRunQuery, c.req.query(), 'query')
      const input = parseInput(createBody, await jsonBody(c), 'body')
      requireRegionWrite(actorOf(c), input.code)
      const result = await createRegion({ database, input, dryRun: q.dryRun === 'true' })
      if (result.dryRun) return c.json(result)
      return c.json(result, 201, { location: `/api/regions/${result.code}` })
    })
    .patch('/regions/:code', describe({ tag: 'regions', summary: 'Change a region (a new version)', params: { code: codeParam }, query: dryRunQuery, body: patchBody, responses: { 200: anyJson('The region') } }), featureBodyLimit(), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      requireRegionWrite(actorOf(c), code)
      const q = parseInput(dryRunQuery, c.req.query(), 'query')
      const input = parseInput(patchBody, await jsonBody(c), 'body')
      return c.json(await updateRegion({ database, code, input, dryRun: q.dryRun === 'true' }))
    })
    .delete('/regions/:code', describe({ tag: 'regions', summary: 'Delete a region', params: { code: codeParam }, responses: { 204: empty('Deleted') } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      requireRegionWrite(actorOf(c), code)
      await deleteRegion({ database, code })
      return c.body(null, 204)
    })
    .get('/regions/:code/versions', describe({ tag: 'regions', summary: "A region's versions (GeoJSON)", params: { code: codeParam }, responses: { 200: geojson('FeatureCollection of versions') } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      return c.body(await regionHistory({ database, code }), 200, GEOJSON)
    })
    .get('/regions/:code/diff', describe({ tag: 'regions', summary: 'Area added and removed between two versions', params: { code: codeParam }, query: diffQuery, responses: { 200: json(regionDiffSchema) } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      const q = parseInput(diffQuery, c.req.query(), 'query')
      return c.json(await regionVersionDiff({ database, code, from: q.from, to: q.to }))
    })
    .get('/regions/:code/coverage', describe({ tag: 'regions', summary: 'Gaps and overlaps of the children (GeoJSON)', params: { code: codeParam }, query: atQuery, responses: { 200: geojson('The coverage report') } }), async (c) => {
      const code = parseInput(codeParam, c.req.param('code'), 'region code')
      const q = parseInput(atQuery, c.req.query(), 'query')
      return c.body(JSON.stringify(await coverageReport({ database, code, at: toDate(q.at) })), 200, GEOJSON)
    })
}
