/**
 * Named demo places for address search and for line-shaped responsibility areas (a road owned by the transport
 * bureau, a river owned by the water bureau): every community's label point, a few main roads and the rivers.
 *
 * SYNTHETIC: the road and river lines are hand-placed approximations of where these roads and rivers run through
 * Hanjiang (waypoints every few km), not surveyed centre lines; good enough for a demo map and buffer lookups.
 */
import type { LineString, Point } from 'geojson'
import { fromGeoJSON, labelPoint } from './geom.ts'
import { LNG_WEIGHT } from './projection.ts'

export type PlaceKind = 'road' | 'river' | 'community'

export interface DemoPlace {
  /** stable id: the community code, or `road-…` / `river-…` */
  id: string
  name: string
  kind: PlaceKind
  geometry: Point | LineString
  /** roads: expressway | national | county | urban (who maintains it differs) */
  roadClass?: 'expressway' | 'national' | 'county' | 'urban'
  /** communities: the street/town code */
  parentCode?: string
}

type Line = [number, number][]

interface LineDef {
  id: string
  name: string
  kind: 'road' | 'river'
  roadClass?: DemoPlace['roadClass']
  line: Line
}

export const DEMO_LINES: readonly LineDef[] = [
  {
    id: 'road-g324',
    name: '324国道',
    kind: 'road',
    roadClass: 'national',
    line: [
      [119.215, 25.515],
      [119.192, 25.492],
      [119.165, 25.478],
      [119.135, 25.47],
      [119.118, 25.466],
      [119.1, 25.46],
      [119.08, 25.452],
      [119.066, 25.449],
    ],
  },
  {
    id: 'road-g15',
    name: '沈海高速',
    kind: 'road',
    roadClass: 'expressway',
    line: [
      [119.222, 25.54],
      [119.19, 25.52],
      [119.15, 25.507],
      [119.11, 25.5],
      [119.08, 25.49],
      [119.0695, 25.4862],
    ],
  },
  {
    id: 'road-lihan',
    name: '荔涵大道',
    kind: 'road',
    roadClass: 'urban',
    line: [
      [119.066, 25.4455],
      [119.082, 25.448],
      [119.098, 25.452],
      [119.108, 25.456],
    ],
  },
  {
    id: 'road-hanhua',
    name: '涵华路',
    kind: 'road',
    roadClass: 'urban',
    line: [
      [119.098, 25.4625],
      [119.11, 25.461],
      [119.122, 25.459],
      [119.138, 25.457],
      [119.152, 25.455],
    ],
  },
  {
    id: 'road-xinghan',
    name: '兴涵路',
    kind: 'road',
    roadClass: 'urban',
    line: [
      [119.112, 25.488],
      [119.114, 25.472],
      [119.116, 25.458],
      [119.118, 25.445],
      [119.119, 25.432],
    ],
  },
  {
    id: 'road-jiangqiu',
    name: '江萩公路',
    kind: 'road',
    roadClass: 'county',
    line: [
      [119.19, 25.49],
      [119.17, 25.503],
      [119.14, 25.515],
      [119.115, 25.523],
      [119.098, 25.53],
    ],
  },
  {
    id: 'river-mulan',
    name: '木兰溪',
    kind: 'river',
    line: [
      [119.0665, 25.4428],
      [119.0775, 25.4388],
      [119.0845, 25.4345],
      [119.0852, 25.429],
      [119.0842, 25.4245],
      [119.0865, 25.4232],
      [119.1005, 25.4235],
      [119.1075, 25.4288],
      [119.114, 25.4305],
      [119.128, 25.4325],
      [119.145, 25.4335],
      [119.156, 25.4405],
      [119.1655, 25.4445],
    ],
  },
  {
    id: 'river-yanshou',
    name: '延寿溪',
    kind: 'river',
    line: [
      [119.0655, 25.4705],
      [119.072, 25.462],
      [119.085, 25.455],
      [119.097, 25.447],
      [119.104, 25.436],
      [119.1075, 25.4288],
    ],
  },
  {
    id: 'river-qiulu',
    name: '萩芦溪',
    kind: 'river',
    line: [
      [119.075, 25.56],
      [119.098, 25.535],
      [119.13, 25.518],
      [119.16, 25.502],
      [119.185, 25.485],
      [119.205, 25.472],
    ],
  },
]

export interface CommunityInput {
  code: string
  name: string
  parentCode: string | null
  geometry: import('geojson').MultiPolygon
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/** Community label points (one per community region given), then the road and river lines. */
export function placesFrom(communities: CommunityInput[]): DemoPlace[] {
  const points: DemoPlace[] = communities.map((c) => {
    const [x, y] = labelPoint(fromGeoJSON(c.geometry), LNG_WEIGHT)
    return {
      id: c.code,
      name: c.name,
      kind: 'community',
      geometry: { type: 'Point', coordinates: [round6(x), round6(y)] },
      ...(c.parentCode ? { parentCode: c.parentCode } : {}),
    }
  })
  const lines: DemoPlace[] = DEMO_LINES.map((d) => ({
    id: d.id,
    name: d.name,
    kind: d.kind,
    geometry: { type: 'LineString', coordinates: d.line.map(([x, y]) => [x, y]) },
    ...(d.roadClass ? { roadClass: d.roadClass } : {}),
  }))
  return [...points, ...lines]
}
