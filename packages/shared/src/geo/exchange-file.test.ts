import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { distanceM } from './distance.ts'
import { readExchangeFile, sniffFormat } from './exchange-file.ts'
import { ExchangeFileError } from './exchange-types.ts'
import { CrsError, epsgCrs, fromWgs84Converter, mapPositions } from './projection.ts'
import { ESRI_4549 } from './prj-samples.ts'
import { writeShapefileZip, WGS84_PRJ } from './shapefile-write.ts'

// Known WGS84 polygons in Hanjiang (RFC 7946 order: outer counter-clockwise, hole clockwise).
const square: GeoJSON.MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[[[119.0123456789012, 25.4012345678901], [119.0456789012345, 25.4012345678901], [119.0456789012345, 25.4198765432109], [119.0123456789012, 25.4198765432109], [119.0123456789012, 25.4012345678901]],
    [[119.02, 25.405], [119.02, 25.41], [119.03, 25.41], [119.03, 25.405], [119.02, 25.405]]]],
}
const twoParts: GeoJSON.MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [[[119.1, 25.45], [119.12, 25.45], [119.11, 25.47], [119.1, 25.45]]],
    [[[119.13, 25.45], [119.15, 25.45], [119.15, 25.46], [119.13, 25.46], [119.13, 25.45]]],
  ],
}
const river: GeoJSON.MultiLineString = { type: 'MultiLineString', coordinates: [[[119.0, 25.44], [119.1, 25.441]], [[119.1, 25.441], [119.2, 25.439]]] }

const positions = (g: unknown): number[][] => {
  const out: number[][] = []
  mapPositions(g as GeoJSON.Geometry, (p) => (out.push(p), p))
  return out
}
const maxError = (a: unknown, b: unknown) => {
  const pa = positions(a)
  const pb = positions(b)
  expect(pa.length).toBe(pb.length)
  return Math.max(...pa.map((p, i) => distanceM({ lng: p[0]!, lat: p[1]! }, { lng: pb[i]![0]!, lat: pb[i]![1]! })))
}
const fail = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    return e as Error & { code: string }
  }
  throw new Error('accepted')
}
const rezip = async (zipBytes: Uint8Array, edit: (zip: JSZip) => void) => {
  const zip = await JSZip.loadAsync(zipBytes)
  edit(zip)
  return zip.generateAsync({ type: 'uint8array' })
}

describe('Shapefile export and re-import', () => {
  it('writes one zip with a WGS84 .prj and a UTF-8 .cpg, and reads back the same codes, names and vertices', async () => {
    const zip = await writeShapefileZip(
      [
        { geometry: square, properties: { code: '350303001001001', name: '涵东街道宁海社区第一网格', level: 'grid', parentCode: '350303001001' } },
        { geometry: twoParts, properties: { code: '350303000000', name: '涵江区', level: 'district', parentCode: null } },
      ],
      { name: 'regions', fields: ['code', 'name', 'level', 'parentCode'] },
    )
    const files = await JSZip.loadAsync(zip)
    expect(Object.keys(files.files).sort()).toEqual(['regions.cpg', 'regions.dbf', 'regions.prj', 'regions.shp', 'regions.shx'])
    expect(await files.file('regions.prj')!.async('string')).toBe(WGS84_PRJ)
    expect(await files.file('regions.cpg')!.async('string')).toBe('UTF-8')

    const read = await readExchangeFile(zip)
    expect(read.format).toBe('shapefile')
    expect(read.crs).toEqual({ code: 'EPSG:4326', name: 'WGS 84', source: 'prj' })
    const [a, b] = read.features as GeoJSON.Feature[]
    expect(a!.properties).toEqual({ code: '350303001001001', name: '涵东街道宁海社区第一网格', level: 'grid', parentCode: '350303001001' })
    expect(b!.properties).toEqual({ code: '350303000000', name: '涵江区', level: 'district', parentCode: null })
    // Exact, ring order back to RFC 7946; a single polygon comes back as a Polygon.
    expect(a!.geometry).toEqual({ type: 'Polygon', coordinates: square.coordinates[0] })
    expect(b!.geometry).toEqual(twoParts)
  })

  it('puts lines in their own layer and keeps numbers and empty numbers', async () => {
    const zip = await writeShapefileZip(
      [
        { geometry: square, properties: { id: 1, name: '三江口片区', bufferM: null } },
        { geometry: river, properties: { id: 4, name: '木兰溪', bufferM: 120.5 } },
      ],
      { name: 'areas', fields: ['id', 'name', 'bufferM'] },
    )
    const read = await readExchangeFile(zip)
    expect(read.layers.map((l) => l.name)).toEqual(['areas', 'areas-lines'])
    const [poly, line] = read.features as GeoJSON.Feature[]
    expect(poly!.properties).toEqual({ id: 1, name: '三江口片区', bufferM: null })
    expect(line!.properties).toEqual({ id: 4, name: '木兰溪', bufferM: 120.5 })
    expect(line!.geometry).toEqual(river)
  })

  it('cuts text over 254 bytes at a character boundary', async () => {
    const long = '涵'.repeat(100)
    const zip = await writeShapefileZip([{ geometry: square, properties: { name: long } }], { name: 'x', fields: ['name'] })
    const [f] = (await readExchangeFile(zip)).features as GeoJSON.Feature[]
    expect(f!.properties!.name).toBe('涵'.repeat(84))
  })
})

describe('Shapefile import in CGCS2000 / Gauss-Kruger', () => {
  const toGk = fromWgs84Converter(epsgCrs(4549)!)
  // Written by shp-write (through writeShapefileZip) in Gauss-Kruger metres with the .prj ArcGIS gives EPSG:4549.
  const projected = (prj: string) =>
    writeShapefileZip(
      [
        { properties: { code: 'A', name: '宁海' }, geometry: mapPositions({ type: 'Polygon', coordinates: square.coordinates[0]! }, toGk) },
        { properties: { code: 'B', name: '白塘' }, geometry: mapPositions({ type: 'Polygon', coordinates: twoParts.coordinates[1]! }, toGk) },
      ],
      { name: 'grids', fields: ['code', 'name'], prj },
    )

  it('reads the .prj, reprojects to within a millimetre of the WGS84 originals', async () => {
    const read = await readExchangeFile(await projected(ESRI_4549))
    expect(read.crs).toEqual({ code: 'EPSG:4549', name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E', source: 'prj' })
    const [a, b] = read.features as GeoJSON.Feature[]
    expect(a!.properties!.name).toBe('宁海')
    expect(maxError(a!.geometry, { type: 'Polygon', coordinates: square.coordinates[0] })).toBeLessThan(0.001)
    expect(maxError(b!.geometry, { type: 'Polygon', coordinates: twoParts.coordinates[1] })).toBeLessThan(0.001)
  })

  it('asks for the system when there is no .prj, and uses the one named', async () => {
    const noPrj = await rezip(await projected(ESRI_4549), (z) => z.remove('grids.prj'))
    const e = await fail(readExchangeFile(noPrj))
    expect(e).toBeInstanceOf(CrsError)
    expect(e.code).toBe('crs_required')
    expect(e.message).toContain('grids.shp has no .prj')
    const read = await readExchangeFile(noPrj, { crs: 'EPSG:4549' })
    expect(read.crs.source).toBe('option')
    expect(maxError((read.features[0] as GeoJSON.Feature).geometry, { type: 'Polygon', coordinates: square.coordinates[0] })).toBeLessThan(0.001)
  })

  it('refuses an unknown .prj naming it, and layers in different systems', async () => {
    const beijing = ESRI_4549.replace('CGCS2000_3_Degree_GK_CM_120E', 'Beijing_1954_3_Degree_GK_CM_120E').replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Krasovsky_1940",6378245.0,298.3]')
    const e = await fail(readExchangeFile(await projected(beijing)))
    expect(e.code).toBe('unknown_crs')
    expect(e.message).toContain('Beijing_1954_3_Degree_GK_CM_120E')
    const two = await rezip(await projected(ESRI_4549), (z) => {
      z.file('other.shp', z.file('grids.shp')!.async('uint8array'))
      z.file('other.dbf', z.file('grids.dbf')!.async('uint8array'))
      z.file('other.prj', WGS84_PRJ)
    })
    expect((await fail(readExchangeFile(two))).message).toMatch(/different coordinate systems.*grids: CGCS2000.*other: WGS 84/)
  })

  it('takes GCJ-02 when the user says so, although the .prj says WGS84', async () => {
    const zip = await writeShapefileZip([{ geometry: square, properties: { name: 'x' } }], { name: 'x', fields: ['name'] })
    const read = await readExchangeFile(zip, { crs: 'gcj02' })
    expect(read.crs).toMatchObject({ code: 'gcj02', source: 'option' })
    const err = maxError((read.features[0] as GeoJSON.Feature).geometry, { type: 'Polygon', coordinates: square.coordinates[0] })
    expect(err).toBeGreaterThan(100)
  })

  it('reads GBK attributes without a .cpg', async () => {
    const zip = await writeShapefileZip([{ geometry: square, properties: { name: 'AB' } }], { name: 'x', fields: ['name'] })
    const gbk = await rezip(zip, async (z) => z.remove('x.cpg'))
    // Replace the two ASCII bytes with 涵 in GBK (0xBA 0xAD), which is not valid UTF-8.
    const files = await JSZip.loadAsync(gbk)
    const dbf = await files.file('x.dbf')!.async('uint8array')
    const at = dbf.findIndex((b, i) => b === 0x41 && dbf[i + 1] === 0x42)
    dbf.set([0xba, 0xad], at)
    files.file('x.dbf', dbf)
    const read = await readExchangeFile(await files.generateAsync({ type: 'uint8array' }))
    expect((read.features[0] as GeoJSON.Feature).properties!.name).toBe('涵')
  })

  it('refuses a zip without .shp and a file that is not a zip', async () => {
    const empty = await new JSZip().file('readme.txt', 'hi').generateAsync({ type: 'uint8array' })
    const e = await fail(readExchangeFile(empty))
    expect(e).toBeInstanceOf(ExchangeFileError)
    expect(e.message).toContain('no .shp file (found: readme.txt)')
    expect((await fail(readExchangeFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).code).toBe('unreadable_file')
    expect((await fail(readExchangeFile(new TextEncoder().encode('x,y\n1,2')))).code).toBe('unsupported_format')
  })
})

describe('KML and GeoJSON', () => {
  const kml = (placemarks: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks}</Document></kml>`
  const ring = (coords: number[][]) => coords.map((c) => c.join(',')).join(' ')
  const polygonKml = (p: number[][][]) =>
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(p[0]!)}</coordinates></LinearRing></outerBoundaryIs>${p
      .slice(1)
      .map((h) => `<innerBoundaryIs><LinearRing><coordinates>${ring(h)}</coordinates></LinearRing></innerBoundaryIs>`)
      .join('')}</Polygon>`

  it('round-trips polygons through KML: names, ExtendedData, holes and MultiGeometry, exact vertices', async () => {
    const text = kml(`
      <Placemark><name>宁海</name><ExtendedData><Data name="code"><value>350303001001001</value></Data></ExtendedData>${polygonKml(square.coordinates[0]!)}</Placemark>
      <Placemark><name>两块</name><MultiGeometry>${twoParts.coordinates.map(polygonKml).join('')}</MultiGeometry></Placemark>`)
    const read = await readExchangeFile(new TextEncoder().encode(text))
    expect(read.format).toBe('kml')
    expect(read.crs).toMatchObject({ code: 'EPSG:4326', source: 'default' })
    const [a, b] = read.features as GeoJSON.Feature[]
    expect(a!.properties).toEqual({ name: '宁海', code: '350303001001001' })
    expect(a!.geometry).toEqual({ type: 'Polygon', coordinates: square.coordinates[0] })
    expect(b!.geometry).toEqual(twoParts)
  })

  it('leaves a MultiGeometry mixing kinds as a collection, and refuses broken XML or a projected crs', async () => {
    const mixed = kml(`<Placemark><name>m</name><MultiGeometry>${polygonKml(square.coordinates[0]!)}<Point><coordinates>119.1,25.4</coordinates></Point></MultiGeometry></Placemark>`)
    const [f] = (await readExchangeFile(new TextEncoder().encode(mixed))).features as GeoJSON.Feature[]
    expect(f!.geometry.type).toBe('GeometryCollection')
    expect((await fail(readExchangeFile(new TextEncoder().encode('<kml><Placemark></kml>')))).message).toContain('not well-formed')
    expect((await fail(readExchangeFile(new TextEncoder().encode('<gpx></gpx>')))).message).toContain('not KML')
    expect((await fail(readExchangeFile(new TextEncoder().encode(kml('')), { crs: 'EPSG:4549' }))).code).toBe('unknown_crs')
  })

  it('reads GeoJSON as it is, or reprojects from a named crs member', async () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: square }, { type: 'Point' }] }
    const plain = await readExchangeFile(new TextEncoder().encode(JSON.stringify(fc)))
    expect(plain.features).toEqual(fc.features)
    const gk = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
      features: [{ type: 'Feature', properties: {}, geometry: mapPositions(square, fromWgs84Converter(epsgCrs(4549)!)) }],
    }
    const read = await readExchangeFile(new TextEncoder().encode(JSON.stringify(gk)))
    expect(read.crs).toMatchObject({ code: 'EPSG:4549', source: 'geojson' })
    expect(maxError((read.features[0] as GeoJSON.Feature).geometry, square)).toBeLessThan(0.001)
    expect(sniffFormat(new TextEncoder().encode('\uFEFF  {'))).toBe('geojson')
  })
})
