import type { RegionLevel } from '@hanjiang/shared'
import type { Feature, FeatureCollection, MultiPolygon, Point } from 'geojson'

/** `GET /api/health` */
export interface Health {
  status: 'ok' | string
  engine: 'embedded' | 'server'
  postgres: string
  postgis: string
  migrations: { applied: number; total: number; pending: string[] }
}

export type TileSourceType = 'xyz' | 'style' | 'pmtiles'

/** An optional basemap; `null` (the default) means the map draws only the project's own layers. */
export interface TileSource {
  type: TileSourceType
  url: string
  attribution?: string
}

/** `GET /api/config` */
export interface AppConfig {
  tileSource: TileSource | null
  attribution: string[]
}

export interface RegionProperties {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
}

export interface RegionLabelProperties {
  code: string
  name: string
  level: RegionLevel
}

export type RegionFeature = Feature<MultiPolygon, RegionProperties>
/** `GET /api/regions?level=…` */
export type RegionCollection = FeatureCollection<MultiPolygon, RegionProperties>
/** `GET /api/regions/labels?level=…` */
export type RegionLabelCollection = FeatureCollection<Point, RegionLabelProperties>

export interface RegionRef {
  code: string
  name: string
  level: RegionLevel
}

/** `GET /api/regions/:code` */
export interface RegionDetail {
  code: string
  name: string
  level: RegionLevel
  parentCode: string | null
  /** From the district down to the direct parent. */
  parents: RegionRef[]
  areaM2: number
  childCount: number
  version: number
  validFrom: string
  validTo: string | null
}

/** One entry of a problem's `errors` list (the API sends `{path, message}`; other shapes are tolerated). */
export interface ProblemFieldError {
  path?: string
  pointer?: string
  message?: string
  detail?: string
}

/** RFC 9457 problem details, as the API sends them (DESIGN.md §8). */
export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  code?: string
  instance?: string
  errors?: (ProblemFieldError | string)[]
  [extension: string]: unknown
}
