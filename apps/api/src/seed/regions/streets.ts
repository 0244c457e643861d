/**
 * Street/town level (街道/乡镇): the 12 synthetic Voronoi areas from seed/geo, plus 赤港开发区 carved out of 江口镇.
 */
import { splitMulti, type HalfPlane } from './clip.ts'
import { fromGeoJSON, type MultiPoly, type Pt } from './geom.ts'
import type { RegionSources } from './sources.ts'

export const CHIGANG_CODE = '350303500000'
export const JIANGKOU_CODE = '350303104000'

/**
 * SYNTHETIC: 赤港开发区 (Chigang development zone) has no published boundary and is not in the Voronoi file. For the
 * demo it is the southern tip of 江口镇 on the Xinghua Bay (兴化湾) side, cut off by a straight line from the bay
 * shore (≈119.196°E 25.450°N) to the 三江口镇 border (≈119.169°E 25.442°N): about 3.6 km². Its seat is a point
 * inside that tip. Both the line and the seat are made up; only the codes and names are official.
 */
export const CHIGANG_CUT: { a: Pt; b: Pt } = { a: [119.196, 25.45], b: [119.169, 25.442] }

/** Points left of a→b (seen from a, looking at b) are closer to the bay tip: that side becomes 赤港. */
function chigangSide(): HalfPlane {
  const { a, b } = CHIGANG_CUT
  return { nx: -(b[1] - a[1]), ny: b[0] - a[0], mx: a[0], my: a[1] }
}

export interface Street {
  code: string
  name: string
  geometry: MultiPoly
  /** the town seat (镇政府/街道办 location) */
  seat: Pt
}

/** The 13 street-level areas, in division-code order; they tile the district. */
export function buildStreets(src: RegionSources): Street[] {
  const names = new Map(src.divisions.filter((d) => d.level === 'town').map((d) => [d.code, d.name]))
  const out: Street[] = []
  for (const t of src.towns) {
    const seat = src.seats.find((s) => s.code === t.code)
    if (!seat) throw new Error(`no seat for town ${t.code}`)
    out.push({ code: t.code, name: names.get(t.code) ?? t.name, geometry: fromGeoJSON(t.geometry), seat: [seat.lng, seat.lat] })
  }
  const jk = out.find((s) => s.code === JIANGKOU_CODE)
  if (!jk) throw new Error('江口镇 missing from the town areas')
  const [rest, chigang] = splitMulti(jk.geometry, chigangSide())
  if (chigang.length === 0) throw new Error('赤港 carve missed 江口镇')
  jk.geometry = rest
  out.push({ code: CHIGANG_CODE, name: names.get(CHIGANG_CODE) ?? '赤港开发区', geometry: chigang, seat: [119.1845, 25.437] })
  return out.sort((a, b) => (a.code < b.code ? -1 : 1))
}
