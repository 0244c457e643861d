import type { RegionLevel } from '@hanjiang/shared'
import type { AssignmentDecision, NearBoundary } from '@hanjiang/shared/assignment/types'
import type { Crs } from '@hanjiang/shared/geo/crs'
import type { Schemas } from './contract.ts'
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point } from 'geojson'

/** `GET /api/health` */
export type Health = Schemas['Health']
/** A configured basemap (docs/BASEMAPS.md); none configured (the default) → only the project's own layers. */
export type BasemapPreset = Schemas['Basemap']
export type BasemapType = BasemapPreset['type']
/** `GET /api/config` */
export type AppConfig = Schemas['AppConfig']

// Answers the API does not describe yet (their routes answer `anyJson` / GeoJSON): hand-typed until they get a schema.
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
  /** The region's box [west, south, east, north] (absent in labels placed locally). */
  bbox?: [number, number, number, number]
}

export type RegionFeature = Feature<MultiPolygon, RegionProperties>
/** `GET /api/regions?level=…` */
export type RegionCollection = FeatureCollection<MultiPolygon, RegionProperties>
/** `GET /api/regions/labels?level=…` */
export type RegionLabelCollection = FeatureCollection<Point, RegionLabelProperties>

/** One feature of `GET /api/regions/:code/versions` (GeoJSON, oldest first). */
export interface RegionVersionProperties {
  id: number
  code: string
  version: number
  name: string
  level: RegionLevel
  parentCode: string | null
  validFrom: string
  validTo: string | null
  current: boolean
  areaM2: number
}
export type RegionVersionCollection = FeatureCollection<MultiPolygon, RegionVersionProperties>

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

/** `GET /api/assign?lng=&lat=&crs=&fineClass=&at=` — who owns this point, and why (docs/DOMAIN.md §6). */
export interface AssignmentResult extends AssignmentDecision {
  /** The point in WGS84, as looked up. */
  point: { lng: number; lat: number }
  /** The coordinate system the point came in. */
  crs: Crs
  fineClass: string | null
  street: { code: string; name: string } | null
  community: { code: string; name: string } | null
  grid: { code: string; name: string } | null
  regionVersions: { street: number | null; community: number | null; grid: number | null }
  nearBoundary: NearBoundary | null
}

export interface AssignQuery {
  lng: number
  lat: number
  crs?: Crs
  /** A 6-digit fine class; none = "no class". */
  fineClass?: string | null
  /** ISO-8601 date-time: assign against the regions as they were then. */
  at?: string
}

export type AreaGeometryKind = 'polygon' | 'line'

/** Properties of a responsibility area feature (`GET /api/areas`). */
export interface AreaProperties {
  id: number
  name: string
  unitCode: string
  /** The unit's (Chinese) name; null if the unit is unknown. */
  unitName: string | null
  /** 2, 4 or 6 digits: the class, subclass or fine class the area is for. */
  classCode: string
  className: string | null
  geometryKind: AreaGeometryKind
  /** Lines only: the strip either side that the area covers, in metres. */
  bufferM: number | null
  active?: boolean
  version?: number
  areaM2?: number | null
  lengthM?: number | null
  /** Added by the web app: a palette index per unit, so one unit's areas share a colour. */
  color?: number
}

export type AreaFeature = Feature<MultiPolygon | MultiLineString, AreaProperties>
/** `GET /api/areas` — polygons as MultiPolygon, lines as MultiLineString. */
export type AreaCollection = FeatureCollection<MultiPolygon | MultiLineString, AreaProperties>

/** One entry of a problem's `errors` list (the API sends `{path, message}`; other shapes are tolerated). */
export interface ProblemFieldError {
  path?: string
  pointer?: string
  message?: string
  detail?: string
}

/** RFC 9457 problem details, as the API sends them (docs/DOMAIN.md §8). */
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
