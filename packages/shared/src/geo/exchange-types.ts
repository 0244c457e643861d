/** A feature read from an exchange file, with where it came from (for problems that name the feature). */
export interface ExchangeFeature {
  type: 'Feature'
  id?: string | number
  geometry: GeoJSON.Geometry | null
  properties: Record<string, unknown>
  /** Shapefile layer + record number (0-based, as QGIS shows the FID), or KML placemark number. */
  source?: { layer?: string; record: number }
}

export type ExchangeFormat = 'geojson' | 'shapefile' | 'kml'

export type ExchangeErrorCode = 'unreadable_file' | 'file_too_large' | 'unsupported_format'

/** A file that cannot be read as a whole; `message` says what and where. */
export class ExchangeFileError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ExchangeFileError'
  }
}
