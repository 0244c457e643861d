import { addCalendarDays, fromShanghai, isWeekend, shanghaiDate, type Taxonomy } from '@hanjiang/shared'
import type { DemoRegion } from '../regions/index.ts'
import { address, consultation, description, mobile, personName, pick, placeName, weighted, type Rng } from './text.ts'

/**
 * The demo's reports before anything happens to them: when, through which channel, what, where, by whom.
 * Pure and deterministic for a given generator and seed time. The lifecycle is simulate.ts's job.
 */

export interface IncidentDraft {
  at: Date
  channel: string
  requestType: string
  track: 'normal' | 'simple' | 'urgent'
  fineClass: string | null
  safetyHazard: boolean
  subclass: string | null
  point: { lng: number; lat: number } | null
  gridCode: string | null
  address: string | null
  description: string
  reporterName: string | null
  reporterPhone: string | null
  /** Knowledge-base title a consultation asks about. */
  topic: string | null
  /** Index of the cluster primary this report repeats (R9), or null. */
  clusterOf: number | null
  /** A cluster primary: handled slowly, with an extension. */
  primary: boolean
}

/** Channel mix (R16: the 12345 hotline takes most; branch hotlines and other systems few). */
const CHANNELS: readonly (readonly [string, number])[] = [
  ['hotline_12345', 44], ['patrol', 30], ['public_web', 12], ['hotline_12315', 4], ['hotline_12369', 4], ['open311', 3], ['other_system', 3],
]

/** Fine classes weighted to the problems cities actually hear about most (default 1; hazards 0.6). */
const FINE_WEIGHTS: Record<string, number> = {
  '020601': 14, '020701': 12, '041401': 12, '020703': 8, '010301': 8, '010501': 7, '020901': 7, '020706': 6,
  '020604': 5, '010203': 5, '020902': 5, '020603': 5, '020704': 5, '020702': 5, '031001': 5, '041402': 5,
  '031003': 4, '031002': 4, '041301': 4, '010204': 3, '041502': 3, '041503': 3, '010102': 3, '010305': 3,
  '031101': 3, '020605': 3, '010503': 3, '031102': 2, '041407': 2, '010506': 2, '010505': 2,
}

/** Which subclasses each channel hears about (multipliers; missing = 1, 0 = never). */
const CHANNEL_SUBCLASS: Record<string, Record<string, number>> = {
  patrol: { '0206': 2, '0207': 2.5, '0208': 1.5, '0105': 1.5, '0311': 1.5, '0312': 1.3, '0413': 0.1, '0415': 0.05, '0209': 0.5, '0517': 0 },
  hotline_12345: { '0413': 1.5, '0415': 1.5, '0209': 1.5, '0310': 1.5 },
  other_system: { '0206': 3, '0207': 3, '0414': 3, '0102': 2, '0415': 0, '0517': 0, '0413': 0, '0311': 0.3 },
}
const ONLY: Record<string, readonly string[]> = {
  hotline_12315: ['0517', '041302', '020702', '051702'],
  hotline_12369: ['0209', '031003', '020905'],
}

/** The four urban streets get most reports (涵东, 涵西, 三江口, 白塘); towns fewer. */
const URBAN_STREETS = new Set(['350303001000', '350303002000', '350303100000', '350303101000'])
const HOURS = [1, 0.5, 0.3, 0.3, 0.4, 0.8, 2, 5, 9, 10, 9, 7, 5, 6, 8, 9, 8, 7, 6, 5, 4, 3, 2, 1.5]
const DAY_MS = 86_400_000

interface Grid {
  code: string
  community: string
  street: string
  streetCode: string
  geometry: GeoJSON.MultiPolygon
  bbox: [number, number, number, number]
}

function bboxOf(g: GeoJSON.MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const poly of g.coordinates) for (const [x, y] of poly[0]!) {
    b[0] = Math.min(b[0], x!); b[1] = Math.min(b[1], y!); b[2] = Math.max(b[2], x!); b[3] = Math.max(b[3], y!)
  }
  return b
}

function inRing(x: number, y: number, ring: GeoJSON.Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > y !== yj! > y && x < ((xj! - xi!) * (y - yi!)) / (yj! - yi!) + xi!) inside = !inside
  }
  return inside
}

function inMultiPolygon(x: number, y: number, g: GeoJSON.MultiPolygon): boolean {
  return g.coordinates.some((poly) => inRing(x, y, poly[0]!) && !poly.slice(1).some((hole) => inRing(x, y, hole)))
}

/** A number in [0, 1) from an instant and a salt: deterministic, and it leaves the seed's random sequence alone. */
function hashUnit(ms: number, salt: number): number {
  let h = Math.imul((ms / 1000) ^ salt, 0x9e3779b1) ^ (ms % 1000) * 0x85ebca6b
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39)
  return ((h ^ (h >>> 15)) >>> 0) / 4294967296
}

/**
 * Demo patterns for the analytics screen (docs/ANALYTICS.md): in 涵东, 涵西 and 三江口 a third of the reports drawn
 * in the street go to a cluster of five neighbouring grids around the street's middle all year (persistent hot
 * spots); in 白塘 the same happens only in the last four weeks (an emerging one). Decided from the report's time,
 * so the rest of the draw is unchanged.
 */
function hotspotGrids(byStreet: Map<string, Grid[]>, emergingFrom: number): (g: Grid, at: Date) => Grid {
  const centre = (g: Grid) => [(g.bbox[0] + g.bbox[2]) / 2, (g.bbox[1] + g.bbox[3]) / 2] as const
  const cluster = (street: string): Grid[] => {
    const gs = [...(byStreet.get(street) ?? [])].sort((a, b) => a.code.localeCompare(b.code))
    if (gs.length < 5) return gs
    const mx = gs.reduce((a, g) => a + centre(g)[0], 0) / gs.length
    const my = gs.reduce((a, g) => a + centre(g)[1], 0) / gs.length
    const d = (g: Grid, x: number, y: number) => (centre(g)[0] - x) ** 2 + (centre(g)[1] - y) ** 2
    const mid = gs.reduce((best, g) => (d(g, mx, my) < d(best, mx, my) ? g : best))
    const [cx, cy] = centre(mid)
    return [...gs].sort((a, b) => d(a, cx, cy) - d(b, cx, cy)).slice(0, 5)
  }
  const persistent = new Map(['350303001000', '350303002000', '350303100000'].map((s) => [s, cluster(s)]))
  const emerging = new Map([['350303101000', cluster('350303101000')]])
  return (g, at) => {
    const ms = at.getTime()
    const spot = persistent.get(g.streetCode) ?? (ms >= emergingFrom ? emerging.get(g.streetCode) : undefined)
    if (!spot?.length || hashUnit(ms, 1) >= (persistent.has(g.streetCode) ? 0.33 : 0.5)) return g
    return spot[Math.floor(hashUnit(ms, 2) * spot.length)]!
  }
}

/** A point strictly inside the grid (rejection sampling in its box), 7 decimals like stored points. */
function pointIn(rng: Rng, g: Grid): { lng: number; lat: number } {
  for (let i = 0; i < 200; i++) {
    const lng = Math.round((g.bbox[0] + rng() * (g.bbox[2] - g.bbox[0])) * 1e7) / 1e7
    const lat = Math.round((g.bbox[1] + rng() * (g.bbox[3] - g.bbox[1])) * 1e7) / 1e7
    if (inMultiPolygon(lng, lat, g.geometry)) return { lng, lat }
  }
  const [lng, lat] = g.geometry.coordinates[0]![0]![0]!
  return { lng: lng!, lat: lat! }
}

export function gridsOf(regions: readonly DemoRegion[]): Grid[] {
  const byCode = new Map(regions.map((r) => [r.code, r]))
  return regions
    .filter((r) => r.level === 'grid')
    .map((r) => {
      const community = byCode.get(r.parentCode!)!
      const street = byCode.get(community.parentCode!)!
      return { code: r.code, community: community.name, street: street.name, streetCode: street.code, geometry: r.geometry, bbox: bboxOf(r.geometry) }
    })
}

export interface DraftOptions {
  now: Date
  rng: Rng
  regions: readonly DemoRegion[]
  taxonomy: Taxonomy
  /** Knowledge-base titles (consultations ask about them). */
  topics: readonly string[]
  /** About this many reports over the year (cluster repeats come on top). */
  total: number
  days?: number
}

export function draftIncidents(o: DraftOptions): IncidentDraft[] {
  const { rng, now, taxonomy } = o
  const days = o.days ?? 365
  const grids = gridsOf(o.regions)
  const byStreet = new Map<string, Grid[]>()
  for (const g of grids) byStreet.set(g.streetCode, [...(byStreet.get(g.streetCode) ?? []), g])
  const streets = [...byStreet.keys()].sort().map((code) => [code, URBAN_STREETS.has(code) ? 5 : 1] as const)
  const spots = hotspotGrids(byStreet, now.getTime() - 28 * DAY_MS)
  const fines = taxonomy.classes.flatMap((c) => c.subclasses.flatMap((s) => s.fineClasses.map((f) => ({ f, s: s.code }))))
  const fineWeights = new Map<string, (readonly [(typeof fines)[number], number])[]>()
  const finesFor = (channel: string) => {
    let list = fineWeights.get(channel)
    if (!list) {
      const only = ONLY[channel]
      list = fines
        .map((x) => {
          const base = FINE_WEIGHTS[x.f.code] ?? (x.f.safetyHazard ? 0.6 : 1)
          const allowed = only ? only.some((p) => x.f.code.startsWith(p)) : true
          return [x, allowed ? base * (CHANNEL_SUBCLASS[channel]?.[x.s] ?? 1) : 0] as const
        })
        .filter(([, w]) => w > 0)
      fineWeights.set(channel, list)
    }
    return list
  }

  // Reports per day: a slow rise over the year, fewer at weekends; stochastic rounding keeps the total.
  const today = shanghaiDate(now)
  const dayWeights = Array.from({ length: days }, (_, i) => {
    const date = addCalendarDays(today, -(days - 1 - i))
    return { date, w: (0.8 + 0.4 * (i / days)) * (isWeekend(date) ? 0.7 : 1) }
  })
  const sum = dayWeights.reduce((a, d) => a + d.w, 0)
  const out: IncidentDraft[] = []
  for (const { date, w } of dayWeights) {
    const n = Math.floor((o.total * w) / sum + rng())
    const midnight = fromShanghai(date).getTime()
    for (let k = 0; k < n; k++) {
      const hour = weighted(rng, HOURS.map((hw, h) => [h, hw] as const))
      const at = new Date(midnight + hour * 3_600_000 + Math.floor(rng() * 3_600_000))
      // Drafted even when after the seed time, so the same date draws the same reports whatever the hour.
      const d = draftOne(rng, at, weighted(rng, CHANNELS))
      if (at.getTime() < now.getTime()) out.push(d)
    }
  }

  function draftOne(r: Rng, at: Date, channel: string): IncidentDraft {
    const requestType =
      channel === 'patrol' || channel === 'other_system'
        ? 'report'
        : weighted(r, [['complaint', 55], ['report', 14], ['help', 9], ['consultation', channel === 'open311' ? 0 : 14], ['suggestion', 8]] as const)
    const consult = requestType === 'consultation'
    const withClass = !consult || r() < 0.25
    const chosen = withClass ? weighted(r, finesFor(channel)) : null
    const fine = chosen?.f ?? null
    const drawn = fine ? pick(r, byStreet.get(weighted(r, streets))!) : null
    const grid = drawn ? spots(drawn, at) : null
    const point = grid ? pointIn(r, grid) : null
    const where = grid ? `${placeName(grid.community)}${pick(r, ['附近', '路口', '小区门口', '沿街', '菜市场旁'])}` : ''
    const track = fine?.safetyHazard ? 'urgent' : !consult && channel !== 'patrol' && r() < 0.14 ? 'simple' : 'normal'
    const reported = channel !== 'patrol' && channel !== 'other_system'
    const named = reported && (channel !== 'public_web' || r() < 0.6)
    const topic = consult ? pick(r, o.topics) : null
    return {
      at,
      channel,
      requestType,
      track,
      fineClass: fine?.code ?? null,
      safetyHazard: fine?.safetyHazard ?? false,
      subclass: chosen?.s ?? null,
      point,
      gridCode: grid?.code ?? null,
      address: grid ? address(r, grid.street, grid.community) : null,
      description: consult && !fine ? consultation(r, channel, topic!) : description(r, channel, where, fine?.name ?? null, chosen?.s ?? null, fine?.code ?? null),
      reporterName: named ? personName(r) : null,
      reporterPhone: reported ? mobile(r) : null,
      topic,
      clusterOf: null,
      primary: false,
    }
  }

  out.sort((a, b) => a.at.getTime() - b.at.getTime())

  // R9: a few problems many people report (一诉一整改): repeats near a slow primary, same fine class, within days.
  const clusterable = new Set(['0206', '0207', '0209', '0310', '0102', '0105'])
  const candidates = out
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.track === 'normal' && d.point && d.subclass && clusterable.has(d.subclass) && d.channel !== 'patrol'
      && now.getTime() - d.at.getTime() > 4 * DAY_MS)
  const repeats: IncidentDraft[] = []
  const clusters = Math.min(14, Math.floor(candidates.length / 50))
  for (let c = 0; c < clusters; c++) {
    const { d, i } = candidates[Math.floor(((c + rng()) / clusters) * candidates.length)]!
    if (d.primary) continue
    d.primary = true
    const members = pick(rng, [1, 2, 3, 4, 4, 6])
    for (let m = 0; m < members; m++) {
      const at = new Date(d.at.getTime() + 2 * 3_600_000 + rng() * 3 * DAY_MS)
      if (at.getTime() >= now.getTime()) continue
      const dist = 20 + rng() * 130
      const bearing = rng() * 2 * Math.PI
      const point = {
        lng: Math.round((d.point!.lng + (dist * Math.sin(bearing)) / (111_320 * Math.cos((d.point!.lat * Math.PI) / 180))) * 1e7) / 1e7,
        lat: Math.round((d.point!.lat + (dist * Math.cos(bearing)) / 110_574) * 1e7) / 1e7,
      }
      const channel = rng() < 0.7 ? 'hotline_12345' : 'public_web'
      const fineName = fines.find((x) => x.f.code === d.fineClass)!.f.name
      repeats.push({
        ...d,
        at,
        channel,
        requestType: 'complaint',
        point,
        description: description(rng, channel, '', fineName, d.subclass, d.fineClass),
        reporterName: personName(rng),
        reporterPhone: mobile(rng),
        clusterOf: i,
        primary: false,
      })
    }
  }
  // Repeats refer to their primary by index in `out`; appended after it so indexes stay valid, then simulated in time order.
  return [...out, ...repeats]
}
