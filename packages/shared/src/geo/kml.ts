import { kml } from '@tmcw/togeojson'
import { DOMParser } from '@xmldom/xmldom'
import { ExchangeFileError, type ExchangeFeature } from './exchange-types.ts'

/**
 * Reads KML (placemarks with polygons and lines) with @tmcw/togeojson. @xmldom/xmldom parses the XML on both sides
 * (Node has no DOMParser) so the browser preview and the server read a file the same way. KML is WGS84 by
 * definition. Styles and folders are dropped; ExtendedData becomes properties (strings, as KML stores them).
 */
export function readKml(text: string): ExchangeFeature[] {
  const errors: string[] = []
  let doc: ReturnType<DOMParser['parseFromString']> | null = null
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message)
      },
    }).parseFromString(text, 'text/xml')
  } catch (e) {
    errors.push((e as Error).message)
  }
  if (errors.length || !doc?.documentElement) {
    throw new ExchangeFileError('unreadable_file', `The KML is not well-formed XML: ${(errors[0] ?? 'no root element').slice(0, 300)}`)
  }
  if (doc.documentElement.localName !== 'kml') {
    throw new ExchangeFileError('unreadable_file', `The file is XML but not KML (its root element is <${doc.documentElement.nodeName}>, expected <kml>)`)
  }
  const fc = kml(doc as unknown as Parameters<typeof kml>[0])
  return fc.features.map((f, record) => {
    const { styleUrl: _s, styleHash: _h, styleMapHash: _m, stroke: _st, 'stroke-opacity': _so, 'stroke-width': _sw, fill: _f, 'fill-opacity': _fo, visibility: _v, ...properties } = (f.properties ?? {}) as Record<string, unknown>
    return { type: 'Feature' as const, ...(f.id === undefined ? {} : { id: f.id }), geometry: f.geometry as GeoJSON.Geometry | null, properties, source: { record } }
  })
}
