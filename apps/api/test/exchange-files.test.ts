import { distance } from '@turf/turf'
import JSZip from 'jszip'
import { expect, it } from 'vitest'
import { readExchangeFile } from '@hanjiang/shared/geo/exchange-file'
import { epsgCrs, fromWgs84Converter, mapPositions } from '@hanjiang/shared/geo/projection'
import { ESRI_4549 } from '@hanjiang/shared/geo/prj-samples'
import { WGS84_PRJ, writeShapefileZip } from '@hanjiang/shared/geo/shapefile-write'
import type { Database } from '../src/db/types.ts'
import { buildDemoRegions } from '../src/seed/regions/index.ts'
import { seedReference } from '../src/seed/reference.ts'
import { seedFixture, testApp } from './app.ts'
import { describeEachEngine, openTestDatabase } from './engines.ts'

// Shapefile / KML / CGCS2000 import and export of regions and areas (docs/IMPORT-EXPORT.md).
// Fixture: 1 district 119.0–119.2 × 25.4–25.5, 2 streets, 4 communities, 16 grids (test/fixtures/regions.ts).

type Body = string | Uint8Array | object
const ZIP = 'application/zip'
const KML = 'application/vnd.google-earth.kml+xml'
const toGk = fromWgs84Converter(epsgCrs(4549)!)

const rect = (w: number, s: number, e: number, n: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] })

/** Positions of a geometry in order. */
const positions = (g: GeoJSON.Geometry): number[][] => {
  const out: number[][] = []
  mapPositions(g, (p) => (out.push(p), p))
  return out
}
/** The largest distance in metres between corresponding vertices (turf's great-circle distance). */
const maxVertexError = (a: GeoJSON.Geometry, b: GeoJSON.Geometry) => {
  const pa = positions(a)
  const pb = positions(b)
  expect(pa.length).toBe(pb.length)
  return Math.max(...pa.map((p, i) => distance(p, pb[i]!, { units: 'meters' })))
}
const asPolygon = (g: GeoJSON.Geometry): GeoJSON.Geometry => (g.type === 'MultiPolygon' && g.coordinates.length === 1 ? { type: 'Polygon', coordinates: g.coordinates[0]! } : g)

/** A KML document of the features, with their properties as ExtendedData (name as <name>). */
function toKml(features: GeoJSON.Feature[]): string {
  const ring = (r: GeoJSON.Position[]) => `<LinearRing><coordinates>${r.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing>`
  const polygon = (p: GeoJSON.Position[][]) => `<Polygon><outerBoundaryIs>${ring(p[0]!)}</outerBoundaryIs>${p.slice(1).map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('')}</Polygon>`
  const geometry = (g: GeoJSON.Geometry): string =>
    g.type === 'Polygon' ? polygon(g.coordinates)
      : g.type === 'MultiPolygon' ? (g.coordinates.length === 1 ? polygon(g.coordinates[0]!) : `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`)
        : g.type === 'Point' ? `<Point><coordinates>${g.coordinates.join(',')}</coordinates></Point>`
          : g.type === 'GeometryCollection' ? `<MultiGeometry>${g.geometries.map(geometry).join('')}</MultiGeometry>` : ''
  const data = (p: Record<string, unknown>) =>
    Object.entries(p).filter(([k, v]) => k !== 'name' && v !== null).map(([k, v]) => `<Data name="${k}"><value>${String(v)}</value></Data>`).join('')
  const placemarks = features.map((f) => `<Placemark><name>${String(f.properties!.name)}</name><ExtendedData>${data(f.properties!)}</ExtendedData>${geometry(f.geometry)}</Placemark>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('\n')}</Document></kml>`
}

async function setup(database: Database) {
  await seedFixture(database)
  const app = testApp(database, {}, 'admin')
  const post = (body: unknown) => app.request('/api/areas', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  await post({ name: '涵江公园景区', unitCode: 'tourism', classCode: '02', geometry: rect(119.15, 25.46, 119.17, 25.48) })
  await post({
    name: '三江口片区', unitCode: 'city_admin', classCode: '020601',
    geometry: { type: 'Polygon', coordinates: [
      [[119.0123456789012, 25.4012345678901], [119.0456789012345, 25.4012345678901], [119.0456789012345, 25.4198765432109], [119.0123456789012, 25.4198765432109], [119.0123456789012, 25.4012345678901]],
      [[119.02, 25.405], [119.02, 25.41], [119.03, 25.41], [119.03, 25.405], [119.02, 25.405]],
    ] },
  })
  await post({ name: '木兰溪', unitCode: 'water_resources', classCode: '0101', bufferM: 120.5, geometry: { type: 'MultiLineString', coordinates: [[[119.0, 25.44], [119.1, 25.441]], [[119.1, 25.441], [119.2, 25.439]]] } })
}

describeEachEngine(
  'Shapefile, KML and CGCS2000 import and export',
  (ctx) => {
    const call = async (database: Database, method: string, path: string, body?: Body, type = 'application/json') => {
      const res = await testApp(database, {}, 'admin').request(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': type },
        body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as string | Uint8Array<ArrayBuffer>) : JSON.stringify(body),
      })
      const bytes = new Uint8Array(await res.arrayBuffer())
      const isJson = /json/.test(res.headers.get('content-type') ?? '')
      return { status: res.status, headers: res.headers, bytes, text: new TextDecoder().decode(bytes), body: (isJson && bytes.length ? JSON.parse(new TextDecoder().decode(bytes)) : null) as any }
    }
    const api = (method: string, path: string, body?: Body, type?: string) => call(ctx.database, method, path, body, type)

    async function withEmptyDatabase(fn: (database: Database) => Promise<void>) {
      const empty = await openTestDatabase(ctx.engine)
      try {
        await empty.database.db.transaction((tx) => seedReference(empty.database, tx).then(() => undefined))
        await fn(empty.database)
      } finally {
        await empty.dispose()
      }
    }

    it('exports regions as one zipped Shapefile with a WGS84 .prj and UTF-8 .cpg, the same features as the GeoJSON', async () => {
      const res = await api('GET', '/api/regions/export?level=grid&format=shapefile')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(ZIP)
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="regions-grid.zip"')
      const zip = await JSZip.loadAsync(res.bytes)
      expect(Object.keys(zip.files).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `regions-grid.${e}`))
      expect(await zip.file('regions-grid.prj')!.async('string')).toBe(WGS84_PRJ)
      const geojson = JSON.parse((await api('GET', '/api/regions/export?level=grid')).text) as GeoJSON.FeatureCollection
      const read = await readExchangeFile(res.bytes)
      expect(read.features).toHaveLength(16)
      read.features.forEach((f, i) => {
        const feature = f as GeoJSON.Feature
        expect(feature.properties).toEqual(geojson.features[i]!.properties)
        expect(feature.geometry).toEqual(asPolygon(geojson.features[i]!.geometry))
      })
      // GeoJSON stays the default and exactly as it was; an unknown format is a 400.
      expect((await api('GET', '/api/regions/export?format=geojson')).text).toBe((await api('GET', '/api/regions/export')).text)
      expect((await api('GET', '/api/regions/export?format=kml')).body).toMatchObject({ status: 400, code: 'validation_failed' })
    })

    it('re-imports a regions Shapefile export exactly: same codes, names, vertices (byte-identical GeoJSON after)', async () => {
      const geojson = (await api('GET', '/api/regions/export')).text
      const zip = (await api('GET', '/api/regions/export?format=shapefile')).bytes
      await withEmptyDatabase(async (empty) => {
        const imported = await call(empty, 'POST', '/api/regions/import', zip, ZIP)
        expect(imported.status).toBe(200)
        expect(imported.body).toMatchObject({ created: 23, updated: 0, unchanged: 0, source: { format: 'shapefile', crs: { code: 'EPSG:4326', source: 'prj' } } })
        expect((await call(empty, 'GET', '/api/regions/export')).text).toBe(geojson)
        expect((await call(empty, 'POST', '/api/regions/import', zip, ZIP)).body).toMatchObject({ created: 0, updated: 0, unchanged: 23 })
      })
    })

    it('round-trips areas (polygons and lines, ids, Chinese names, bufferM) through a Shapefile export', async () => {
      const res = await api('GET', '/api/areas/export?format=shapefile')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="responsibility-areas.zip"')
      const names = Object.keys((await JSZip.loadAsync(res.bytes)).files).sort()
      expect(names).toContain('responsibility-areas.shp')
      expect(names).toContain('responsibility-areas-lines.shp')
      const geojson = (await api('GET', '/api/areas/export')).text
      await withEmptyDatabase(async (empty) => {
        const imported = await call(empty, 'POST', '/api/areas/import', res.bytes, ZIP)
        expect(imported.status).toBe(200)
        expect(imported.body).toMatchObject({ created: 3, updated: 0, unchanged: 0 })
        expect(imported.body.features.map((f: any) => f.id)).toEqual([1, 2, 3])
        expect((await call(empty, 'GET', '/api/areas/export')).text).toBe(geojson)
      })
    })

    it('reads a CGCS2000 / Gauss-Kruger EPSG:4549 Shapefile to within 0.1 m of the WGS84 originals (3,562 demo grids)', async () => {
      const grids = buildDemoRegions().filter((r) => r.level === 'grid')
      const zip = await writeShapefileZip(
        grids.map((g) => ({ geometry: mapPositions(g.geometry, toGk), properties: { code: g.code, name: g.name, level: g.level, parentCode: g.parentCode } })),
        { name: 'hanjiang-grids-cgcs2000', fields: ['code', 'name', 'level', 'parentCode'], prj: ESRI_4549 },
      )
      const res = await api('POST', '/api/regions/import/parse', zip, ZIP)
      expect(res.status).toBe(200)
      expect(res.body.source.crs).toEqual({ code: 'EPSG:4549', name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E', source: 'prj' })
      const features = res.body.features.features as GeoJSON.Feature[]
      expect(features).toHaveLength(grids.length)
      let worst = 0
      let vertices = 0
      features.forEach((f, i) => {
        expect(f.properties).toEqual({ code: grids[i]!.code, name: grids[i]!.name, level: 'grid', parentCode: grids[i]!.parentCode })
        worst = Math.max(worst, maxVertexError(f.geometry, asPolygon(grids[i]!.geometry)))
        vertices += positions(f.geometry).length
      })
      expect(worst).toBeLessThan(0.1)
      // The demo's 7-decimal coordinates come back bit-identical (reprojected positions are rounded to 1e-9°).
      features.forEach((f, i) => expect(f.geometry).toEqual(asPolygon(grids[i]!.geometry)))
      console.log(`EPSG:4549 → WGS84: ${grids.length} grids, ${vertices} vertices, worst vertex error ${(worst * 1e6).toFixed(1)} µm`)
      // Their communities are not in the fixture: the parse says so per feature, and wrote nothing.
      expect(res.body.valid).toBe(false)
      const orphan = res.body.issues.find((i: any) => i.code === 'parent_not_found')
      const g = grids[orphan.feature]!
      expect(orphan.label).toBe(`hanjiang-grids-cgcs2000.shp record ${orphan.feature} (${g.code} ${g.name})`)
      expect(orphan.message).toBe(`${orphan.label}: parent region ${g.parentCode} does not exist (no current version)`)
    })

    it('imports the fixture grids from EPSG:4549 (zone-prefixed OGC .prj too) and previews the change without writing', async () => {
      const geojson = JSON.parse((await api('GET', '/api/regions/export?level=grid')).text) as GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, string>>
      const make = (prj: string, shift: number) =>
        writeShapefileZip(
          geojson.features.map((f) => ({ geometry: mapPositions(f.geometry, (p) => { const [x, y] = toGk(p); return [x + shift, y] }), properties: f.properties })),
          { name: 'grids', fields: ['code', 'name', 'level', 'parentCode'], prj },
        )
      const zone40 = ESRI_4549.replace('["False_Easting",500000.0]', '["False_Easting",40500000.0]')
      for (const [prj, shift, code] of [[ESRI_4549, 0, 'EPSG:4549'], [zone40, 40_000_000, 'EPSG:4528']] as const) {
        const zip = await make(prj, shift)
        const parsed = await api('POST', '/api/regions/import/parse', zip, ZIP)
        expect(parsed.status).toBe(200)
        expect(parsed.body.source.crs.code).toBe(code)
        expect(parsed.body).toMatchObject({ valid: true, issues: [] })
        expect(parsed.body.summary).toMatchObject({ created: 0 })
        expect(parsed.body.summary.features).toHaveLength(16)
        parsed.body.features.features.forEach((f: GeoJSON.Feature, i: number) => {
          expect(maxVertexError(f.geometry, asPolygon(geojson.features[i]!.geometry))).toBeLessThan(0.1)
        })
      }
      // Nothing was written by the previews.
      expect((await api('GET', '/api/regions/350303001001001')).body.version).toBe(1)
      // Without the .prj: a 400 asking which system; named in the query, it imports (dry run).
      const noPrj = await JSZip.loadAsync(await make(ESRI_4549, 0))
      noPrj.remove('grids.prj')
      const bytes = await noPrj.generateAsync({ type: 'uint8array' })
      const asked = await api('POST', '/api/regions/import', bytes, ZIP)
      expect(asked.status).toBe(400)
      expect(asked.body).toMatchObject({ code: 'crs_required', layers: ['grids'] })
      expect(asked.body.detail).toContain('grids.shp has no .prj')
      const named = await api('POST', '/api/regions/import?dryRun=true&crs=EPSG:4549', bytes, ZIP)
      expect(named.status).toBe(200)
      expect(named.body).toMatchObject({ dryRun: true, source: { crs: { code: 'EPSG:4549', source: 'option' } } })
    })

    it('turns a Shapefile into a draft change set of only what changed; nothing changes until approval', async () => {
      const geojson = JSON.parse((await api('GET', '/api/regions/export?level=grid')).text) as GeoJSON.FeatureCollection<GeoJSON.Geometry, Record<string, string>>
      const zip = await writeShapefileZip(
        geojson.features.map((f) => ({ geometry: f.geometry, properties: f.properties.code === '350303001001001' ? { ...f.properties, name: '宁海网格' } : f.properties })),
        { name: 'grids', fields: ['code', 'name', 'level', 'parentCode'] },
      )
      const res = await api('POST', `/api/regions/import/draft?title=${encodeURIComponent('测绘院网格更新')}`, zip, ZIP)
      expect(res.status).toBe(201)
      expect(res.headers.get('location')).toBe(`/api/region-changes/${res.body.id}`)
      expect(res.body).toMatchObject({ title: '测绘院网格更新', state: 'draft' })
      expect(res.body.items).toHaveLength(1)
      expect(res.body.items[0]).toMatchObject({ op: 'update', code: '350303001001001', name: '宁海网格', baseVersion: 1 })
      expect((await api('GET', '/api/regions/350303001001001')).body).toMatchObject({ name: expect.not.stringMatching('宁海网格'), version: 1 })
      // A file with problems makes no draft.
      const bad = await writeShapefileZip([{ geometry: rect(119.15, 25.3, 119.16, 25.31), properties: { code: '350303001002006', name: '飞地', level: 'grid', parentCode: '350303001002' } }], { name: 'far', fields: ['code', 'name', 'level', 'parentCode'] })
      const refused = await api('POST', '/api/regions/import/draft?title=x', bad, ZIP)
      expect(refused.status).toBe(422)
      expect(refused.body.detail).toContain('no draft was made')
      expect(refused.body.issues[0]).toMatchObject({ code: 'outside_parent', label: 'far.shp record 0 (350303001002006 飞地)' })
      expect((await api('POST', '/api/regions/import/draft', zip, ZIP)).body).toMatchObject({ status: 400, code: 'validation_failed' })
    })

    it('round-trips regions and areas through KML, and takes GCJ-02 GeoJSON when told', async () => {
      const regionsText = (await api('GET', '/api/regions/export')).text
      const regions = JSON.parse(regionsText) as GeoJSON.FeatureCollection
      const areas = JSON.parse((await api('GET', '/api/areas/export')).text) as GeoJSON.FeatureCollection
      const polygonAreas = areas.features.filter((f) => f.geometry.type.endsWith('Polygon')).map((f) => ({ ...f, properties: { id: f.id, ...f.properties } }))
      await withEmptyDatabase(async (empty) => {
        const r = await call(empty, 'POST', '/api/regions/import', toKml(regions.features), KML)
        expect(r.status).toBe(200)
        expect(r.body).toMatchObject({ created: 23, source: { format: 'kml', crs: { code: 'EPSG:4326', source: 'default' } } })
        expect((await call(empty, 'GET', '/api/regions/export')).text).toBe(regionsText)
        const a = await call(empty, 'POST', '/api/areas/import', toKml(polygonAreas), KML)
        expect(a.status).toBe(200)
        expect(a.body.features.map((f: any) => f.id)).toEqual([1, 2])
        const back = JSON.parse((await call(empty, 'GET', '/api/areas/export')).text) as GeoJSON.FeatureCollection
        // KML text is a string: bufferM comes back as text unless it is empty; the polygons carry none.
        expect(back.features).toEqual(areas.features.slice(0, 2))
      })
      // GCJ-02 input: the stored grid moves by the offset (a few hundred metres here), the source says so.
      const grid = regions.features.find((f) => f.properties!.code === '350303001001001')!
      const gcj = await api('POST', '/api/regions/import/parse?crs=gcj02', { type: 'FeatureCollection', features: [grid] }, 'application/geo+json')
      expect(gcj.body.source.crs).toMatchObject({ code: 'gcj02', source: 'option' })
      const shift = maxVertexError(gcj.body.features.features[0].geometry, grid.geometry)
      expect(shift).toBeGreaterThan(100)
      expect(shift).toBeLessThan(1000)
    })

    it('refuses bad files with clear problems naming the feature and the place, and writes nothing', async () => {
      const before = (await api('GET', '/api/regions/export')).text
      const community = '350303001002' // 119.00–119.10 × 25.40–25.45
      const grid = (n: string, geometry: GeoJSON.Geometry, name = `网格${n}`) => ({ geometry, properties: { code: `${community}${n}`, name, level: 'grid', parentCode: community } })
      const n = 100_001
      const circle = Array.from({ length: n }, (_, i) => {
        const t = (2 * Math.PI * (i % (n - 1))) / (n - 1)
        return [119.05 + 0.001 * Math.cos(t), 25.44 + 0.001 * Math.sin(t)]
      })
      const zip = await writeShapefileZip(
        [
          grid('001', rect(119.0, 25.425, 119.05, 25.45), '改名'), // 0: valid rename, must not be applied
          grid('005', { type: 'Polygon', coordinates: [[[119.01, 25.41], [119.03, 25.42], [119.03, 25.41], [119.01, 25.42], [119.01, 25.41]]] }), // 1: bow-tie
          grid('006', rect(119.01, 25.41, 119.02, 25.42), '好'), // 2: valid
          grid('007', { type: 'Polygon', coordinates: [circle] }), // 3: > 100,000 vertices
          grid('001', rect(119.0, 25.425, 119.05, 25.45)), // 4: the code again
          grid('008', { type: 'Polygon', coordinates: [[[119.0, 25.4], [119.01, 25.4], [119.01, 25.41], [119.0, 25.41]]] }), // 5: unclosed ring
        ],
        { name: 'bad', fields: ['code', 'name', 'level', 'parentCode'] },
      )
      const res = await api('POST', '/api/regions/import', zip, ZIP)
      expect(res.status).toBe(422)
      expect(res.body.code).toBe('import_invalid')
      const byFeature = (i: number) => res.body.issues.filter((x: any) => x.feature === i)
      expect(byFeature(0)).toEqual([])
      expect(byFeature(1)[0]).toMatchObject({ code: 'invalid_geometry', reason: 'Self-intersection', label: `bad.shp record 1 (${community}005 网格005)` })
      expect(byFeature(1)[0].location.coordinates).toEqual([119.02, 25.415])
      expect(byFeature(2)).toEqual([])
      expect(byFeature(3)[0]).toMatchObject({ code: 'geometry_too_large', actual: n, limit: 100_000 })
      expect(byFeature(4)[0]).toMatchObject({ code: 'duplicate_code' })
      expect(byFeature(5)[0].code).toBe('invalid_geometry')
      expect(byFeature(5)[0].message).toMatch(/closed|ring/i)
      expect(res.body.errors.some((e: any) => e.message.startsWith('bad.shp record 1'))).toBe(true)

      // Outside the district (and so its community): checked once every feature is well-formed.
      const outside = await writeShapefileZip([grid('006', rect(119.15, 25.3, 119.16, 25.31), '飞地')], { name: 'far', fields: ['code', 'name', 'level', 'parentCode'] })
      const o = await api('POST', '/api/regions/import', outside, ZIP)
      expect(o.status).toBe(422)
      expect(o.body.issues[0]).toMatchObject({ code: 'outside_parent', parentCode: community, label: `far.shp record 0 (${community}006 飞地)` })
      expect(o.body.issues[0].message).toMatch(/^far\.shp record 0 \(350303001002006 飞地\): /)

      // A KML MultiGeometry mixing a polygon and a point.
      const mixed = toKml([{ type: 'Feature', properties: { name: '混合', code: `${community}009`, level: 'grid', parentCode: community }, geometry: { type: 'GeometryCollection', geometries: [rect(119.0, 25.4, 119.01, 25.41), { type: 'Point', coordinates: [119.005, 25.405] }] } }])
      const m = await api('POST', '/api/regions/import', mixed, KML)
      expect(m.status).toBe(422)
      expect(m.body.issues[0]).toMatchObject({ code: 'mixed_geometry', kinds: ['Polygon', 'Point'], label: `placemark 1 (${community}009 混合)` })

      // File-level problems: 400/415 before any feature is looked at.
      const beijing = await JSZip.loadAsync(zip)
      beijing.file('bad.prj', ESRI_4549.replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Krasovsky_1940",6378245.0,298.3]').replace('CGCS2000_3_Degree_GK_CM_120E', 'Beijing_1954_3_Degree_GK_CM_120E'))
      const unknown = await api('POST', '/api/regions/import', await beijing.generateAsync({ type: 'uint8array' }), ZIP)
      expect(unknown.status).toBe(400)
      expect(unknown.body).toMatchObject({ code: 'unknown_crs', prjName: 'Beijing_1954_3_Degree_GK_CM_120E' })
      expect(unknown.body.detail).toContain('Beijing_1954_3_Degree_GK_CM_120E')
      expect((await api('POST', '/api/regions/import?crs=EPSG:9999', zip, ZIP)).body).toMatchObject({ status: 400, code: 'unknown_crs' })
      expect((await api('POST', '/api/regions/import', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]), ZIP)).body).toMatchObject({ status: 400, code: 'unreadable_file' })
      expect((await api('POST', '/api/regions/import', '<kml><Placemark></kml>', KML)).body).toMatchObject({ status: 400, code: 'unreadable_file' })
      expect((await api('POST', '/api/regions/import', zip, KML)).body).toMatchObject({ status: 415, code: 'unsupported_media_type' })
      expect((await api('POST', '/api/areas/import', 'a,b', 'text/plain')).body).toMatchObject({ status: 415, code: 'unsupported_media_type' })
      expect((await api('POST', '/api/regions/import', zip, 'application/octet-stream')).body.code).toBe('import_invalid')

      expect((await api('GET', '/api/regions/export')).text).toBe(before)
    })
  },
  setup,
)
