import shpwrite from '@mapbox/shp-write'
import rewind from '@turf/rewind'
import JSZip from 'jszip'

/** The .prj of every written Shapefile: WGS84 lng/lat, what the database stores (ESRI WKT, as QGIS/ArcGIS expect). */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'

/** A dBASE text field holds at most 254 bytes. */
const DBF_TEXT_BYTES = 254

type Props = Record<string, string | number | boolean | null>
export interface ShapefileInput {
  geometry: GeoJSON.Geometry
  properties: Props
}

const utf8 = new TextEncoder()

/**
 * dbf (used by shp-write) writes one byte per UTF-16 unit (charCodeAt), which mangles Chinese. Handing it the
 * UTF-8 bytes as one char each writes proper UTF-8, which the .cpg declares. Text over 254 bytes is cut at a
 * character boundary (dBASE's limit; names are ≤ 200 characters, so only very long Chinese names are cut).
 */
function dbfText(value: string): string {
  let bytes = utf8.encode(value)
  if (bytes.length > DBF_TEXT_BYTES) {
    let end = DBF_TEXT_BYTES
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
    bytes = bytes.subarray(0, end)
  }
  let out = ''
  for (const b of bytes) out += String.fromCharCode(b)
  return out
}

function dbfRow(properties: Props, fields: string[]): Props {
  const row: Props = {}
  for (const f of fields) {
    const v = properties[f] ?? null
    row[f] = typeof v === 'string' ? dbfText(v) : v
  }
  return row
}

/** Shapefile rings: outer rings clockwise, holes counter-clockwise (the reverse of GeoJSON's RFC 7946 order). */
function asMultiPolygon(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): GeoJSON.Position[][][] {
  const multi: GeoJSON.MultiPolygon = g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g
  return (rewind(multi, { reverse: true }) as GeoJSON.MultiPolygon).coordinates
}

/**
 * One .zip with a Shapefile layer per geometry kind: `<name>` for (multi)polygons and `<name>-lines` for (multi)lines,
 * each with .shp/.shx/.dbf, a WGS84 .prj and a UTF-8 .cpg. `fields` fixes the attribute columns and their order
 * (dBASE names: at most 10 characters). Other geometry kinds are refused: a region or area is a polygon or a line.
 */
export async function writeShapefileZip(
  features: ShapefileInput[],
  { name, fields, prj = WGS84_PRJ }: { name: string; fields: string[]; /** Only for coordinates not in WGS84 (tests). */ prj?: string },
): Promise<Uint8Array<ArrayBuffer>> {
  for (const f of fields) if (f.length > 10) throw new RangeError(`dBASE field names have at most 10 characters: ${f}`)
  const polygons: { rows: Props[]; geometries: GeoJSON.Position[][][][] } = { rows: [], geometries: [] }
  const lines: { rows: Props[]; geometries: GeoJSON.Position[][][] } = { rows: [], geometries: [] }
  for (const { geometry: g, properties } of features) {
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      polygons.geometries.push(asMultiPolygon(g))
      polygons.rows.push(dbfRow(properties, fields))
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      lines.geometries.push(g.type === 'LineString' ? [g.coordinates] : g.coordinates)
      lines.rows.push(dbfRow(properties, fields))
    } else {
      throw new RangeError(`A Shapefile export holds polygons and lines, not ${g.type}`)
    }
  }
  const zip = new JSZip()
  const add = (layer: string, type: 'POLYGON' | 'POLYLINE', rows: Props[], geometries: unknown[]) => {
    shpwrite.write(rows, type, geometries as object[], (_err, files) => {
      zip.file(`${layer}.shp`, (files.shp as DataView).buffer as ArrayBuffer, { binary: true })
      zip.file(`${layer}.shx`, (files.shx as DataView).buffer as ArrayBuffer, { binary: true })
      zip.file(`${layer}.dbf`, (files.dbf as DataView).buffer as ArrayBuffer, { binary: true })
      zip.file(`${layer}.prj`, prj)
      zip.file(`${layer}.cpg`, 'UTF-8')
    })
  }
  // An empty export still gets a (polygon) layer, so the file opens in QGIS and re-imports as nothing.
  if (polygons.geometries.length || !lines.geometries.length) add(name, 'POLYGON', polygons.rows, polygons.geometries)
  if (lines.geometries.length) add(`${name}-lines`, 'POLYLINE', lines.rows, lines.geometries)
  return (await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })) as Uint8Array<ArrayBuffer>
}
