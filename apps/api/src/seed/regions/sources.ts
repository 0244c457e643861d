/**
 * Reads the demo-region source files shipped in `seed/` (see seed/geo/SOURCES.md). Paths are resolved from this
 * module's location, never from the working directory, so tests, the CLI and the seeder all read the same files.
 */
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { REPO_ROOT as ROOT } from '../../repo-root.ts'

/** Repository root with a trailing slash (paths below are joined to it as strings). */
export const REPO_ROOT = `${ROOT}/`

export const DISTRICT_CODE = '350303000000'

export interface Division {
  code: string
  name: string
  /** as in the CSV: district | town | village (the CSV calls every community "village") */
  level: 'district' | 'town' | 'village'
  parentCode: string
}

export interface TownArea {
  code: string
  name: string
  geometry: Polygon | MultiPolygon
}

export interface TownSeat {
  code: string
  name: string
  lng: number
  lat: number
}

export interface RegionSources {
  boundary: Polygon | MultiPolygon
  towns: TownArea[]
  seats: TownSeat[]
  divisions: Division[]
}

function readJson<T>(root: string, rel: string): T {
  return JSON.parse(readFileSync(root + rel, 'utf8')) as T
}

/** Parses `code,name,level,parent_code` (no quoting in this file; rejects anything unexpected). */
export function parseDivisionsCsv(text: string): Division[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines.shift()
  if (header?.trim() !== 'code,name,level,parent_code') throw new Error(`divisions CSV: unexpected header ${header}`)
  return lines.map((line, i) => {
    const cols = line.split(',')
    const [code, name, level, parentCode] = cols.map((c) => c.trim())
    if (cols.length !== 4 || !/^\d{12}$/.test(code!) || !/^\d{12}$/.test(parentCode!) || !name) {
      throw new Error(`divisions CSV line ${i + 2}: ${line}`)
    }
    if (level !== 'district' && level !== 'town' && level !== 'village') {
      throw new Error(`divisions CSV line ${i + 2}: unknown level ${level}`)
    }
    return { code: code!, name, level, parentCode: parentCode! }
  })
}

/** Loads boundary, synthetic town areas, town seats and the division list. */
export function readRegionSources(root = REPO_ROOT): RegionSources {
  const b = readJson<FeatureCollection<Polygon | MultiPolygon>>(root, 'seed/geo/hanjiang_boundary_wgs84.geojson')
  const t = readJson<FeatureCollection<Polygon | MultiPolygon>>(root, 'seed/geo/hanjiang_towns_voronoi_wgs84.geojson')
  const c = readJson<FeatureCollection<Point>>(root, 'seed/geo/hanjiang_town_centers_wgs84.geojson')
  const boundary = b.features[0]?.geometry
  if (!boundary || b.features.length !== 1) throw new Error('boundary file must hold exactly one feature')
  const prop = (f: Feature, k: string): string => {
    const v = (f.properties as Record<string, unknown> | null)?.[k]
    if (typeof v !== 'string') throw new Error(`feature without string property ${k}`)
    return v
  }
  return {
    boundary,
    towns: t.features.map((f) => ({ code: prop(f, 'code'), name: prop(f, 'name'), geometry: f.geometry })),
    seats: c.features.map((f) => ({
      code: prop(f, 'code'),
      name: prop(f, 'name'),
      lng: f.geometry.coordinates[0]!,
      lat: f.geometry.coordinates[1]!,
    })),
    divisions: parseDivisionsCsv(readFileSync(root + 'seed/hanjiang_divisions.csv', 'utf8')),
  }
}
