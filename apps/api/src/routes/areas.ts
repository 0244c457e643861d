import { Hono } from 'hono'
import { z } from 'zod'
import { featureBodyLimit, importBodyLimit } from '../http/body-limits.ts'
import { actorOf } from '../http/actor.ts'
import type { AppDeps } from '../http/context.ts'
import { requireAreaInAreas, requireGeometryInAreas } from '../services/auth/write-scope.ts'
import { jsonBody, parseInput } from '../http/validate.ts'
import { createArea } from '../services/areas/create.ts'
import { deleteArea } from '../services/areas/delete.ts'
import { exportAreasGeoJson } from '../services/areas/export.ts'
import { exportAreasShapefile } from '../services/areas/export-shapefile.ts'
import { readImportBody, withFeatureLabels } from '../services/geometry/exchange-file.ts'
import { EXPORT_FORMATS, IMPORT_BODY, IMPORT_CRS_DESCRIPTION, SHAPEFILE_HEADERS } from './exchange-docs.ts'
import { getArea } from '../services/areas/get.ts'
import { importAreas } from '../services/areas/import.ts'
import { listAreas } from '../services/areas/list.ts'
import { updateArea } from '../services/areas/update.ts'
import { anyJson, describe, empty, geojson } from '../http/openapi.ts'

/** Responsibility areas (docs/DOMAIN.md §6 step 2): CRUD, GeoJSON/Shapefile/KML import and export (docs/IMPORT-EXPORT.md). */

const idParam = z.coerce.number({ message: 'an area id is a positive integer' }).int('an area id is a positive integer').positive('an area id is a positive integer').max(2_147_483_647)
const name = z.string({ message: 'name must be a string' }).trim().min(1, 'name must not be empty').max(200, 'name is at most 200 characters')
const code = (what: string) => z.string({ message: `${what} must be a string` }).min(1, `${what} must not be empty`)
const bufferM = z.number({ message: 'bufferM must be a number of metres' }).nullable()

const createBody = z.object({
  name,
  unitCode: code('unitCode'),
  classCode: code('classCode'),
  geometry: z.unknown(),
  bufferM: bufferM.optional(),
})
const patchBody = z
  .object({
    name: name.optional(),
    unitCode: code('unitCode').optional(),
    classCode: code('classCode').optional(),
    geometry: z.unknown().optional(),
    bufferM: bufferM.optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'give at least one field to change', path: ['body'] })
const listQuery = z.object({
  unitCode: z.string().optional(),
  classCode: z.string().regex(/^(\d{2}){1,3}$/, 'classCode has 2, 4 or 6 digits').optional(),
  includeInactive: z.enum(['true', 'false'], { message: 'includeInactive must be true or false' }).optional(),
})
const dryRunQuery = z.object({ dryRun: z.enum(['true', 'false'], { message: 'dryRun must be true or false' }).optional() })
const importQuery = dryRunQuery.extend({ crs: z.string().max(40, 'crs is at most 40 characters').optional().describe(IMPORT_CRS_DESCRIPTION) })
const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }).optional() })

const GEOJSON = { 'content-type': 'application/geo+json; charset=utf-8' }


export function areaRoutes({ database }: AppDeps) {
  return new Hono()
    .get('/areas', describe({ tag: 'areas', summary: 'Responsibility areas (GeoJSON)', query: listQuery, responses: { 200: geojson('FeatureCollection of areas') } }), async (c) => {
      const q = parseInput(listQuery, c.req.query(), 'query')
      const body = await listAreas({ database, input: { unitCode: q.unitCode, classCode: q.classCode, includeInactive: q.includeInactive === 'true' } })
      return c.body(body, 200, GEOJSON)
    })
    .get('/areas/export', describe({ tag: 'areas', summary: 'All areas as a GeoJSON or zipped Shapefile download', query: exportQuery, responses: { 200: geojson('FeatureCollection (format=geojson, the default) or, with format=shapefile, application/zip') } }), async (c) => {
      const q = parseInput(exportQuery, c.req.query(), 'query')
      if (q.format === 'shapefile') {
        return c.body(await exportAreasShapefile({ database }), 200, { ...SHAPEFILE_HEADERS, 'content-disposition': 'attachment; filename="responsibility-areas.zip"' })
      }
      return c.body(await exportAreasGeoJson({ database }), 200, { ...GEOJSON, 'content-disposition': 'attachment; filename="responsibility-areas.geojson"' })
    })
    .post('/areas/import', describe({ tag: 'areas', summary: 'Import areas from GeoJSON, a zipped Shapefile or KML (dryRun: check only)', query: importQuery, body: IMPORT_BODY, responses: { 200: anyJson('The import summary (per feature; with `source`: format and coordinate system, for files)') } }), importBodyLimit(), async (c) => {
      const q = parseInput(importQuery, c.req.query(), 'query')
      const file = await readImportBody(c, { crs: q.crs, idProperty: 'id', idIsFeatureId: true, jsonBody: () => jsonBody(c) })
      const summary = await withFeatureLabels(file, () => importAreas({ database, input: file.collection, dryRun: q.dryRun === 'true' }))
      return c.json(file.source ? { ...summary, source: file.source } : summary)
    })
    .get('/areas/:id', describe({ tag: 'areas', summary: 'One area (GeoJSON Feature)', params: { id: idParam }, responses: { 200: geojson('Feature') } }), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'area id')
      return c.body(JSON.stringify(await getArea({ database, id })), 200, GEOJSON)
    })
    .post('/areas', describe({ tag: 'areas', summary: 'Create an area', body: createBody, responses: { 201: geojson('The new Feature') } }), featureBodyLimit(), async (c) => {
      const input = parseInput(createBody, await jsonBody(c), 'body')
      await requireGeometryInAreas(database, actorOf(c), input.geometry)
      const feature = await createArea({ database, input })
      return c.body(JSON.stringify(feature), 201, { ...GEOJSON, location: `/api/areas/${feature.id}` })
    })
    // Admins anywhere; grid admins only areas inside their areas, before and after the change.
    .patch('/areas/:id', describe({ tag: 'areas', summary: 'Change an area (versioned)', params: { id: idParam }, body: patchBody, responses: { 200: geojson('The Feature') } }), featureBodyLimit(), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'area id')
      const input = parseInput(patchBody, await jsonBody(c), 'body')
      await requireAreaInAreas(database, actorOf(c), id)
      if (input.geometry !== undefined) await requireGeometryInAreas(database, actorOf(c), input.geometry)
      const { action, feature } = await updateArea({ database, id, input })
      return c.body(JSON.stringify(feature), 200, { ...GEOJSON, 'x-change': action })
    })
    .delete('/areas/:id', describe({ tag: 'areas', summary: 'Deactivate an area', params: { id: idParam }, responses: { 204: empty('Deleted') } }), async (c) => {
      const id = parseInput(idParam, c.req.param('id'), 'area id')
      await requireAreaInAreas(database, actorOf(c), id)
      await deleteArea({ database, id })
      return c.body(null, 204)
    })
}
