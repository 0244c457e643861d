import simplify from '@turf/simplify'
import { lineString } from '@turf/helpers'
import { distanceM } from '../geo/distance.ts'
import { shanghaiDate } from '../time/shanghai.ts'

/** One GPS fix of a patrol track (WGS84 unless the payload says otherwise); `t` = epoch milliseconds. */
export interface TrackPoint {
  lng: number
  lat: number
  t: number
  /** Horizontal accuracy in metres, as the browser reports it. */
  accuracy?: number | null
}

export interface SamplingOptions {
  /** A fix closer than this to the last kept one adds nothing but noise. */
  minDistanceM: number
  /** …unless this long has passed (keeps standing still visible in time). */
  maxIntervalMs: number
  /** Fixes worse than this are dropped (indoor / cell-tower fixes jump hundreds of metres). */
  maxAccuracyM: number
}

export const TRACK_SAMPLING: SamplingOptions = { minDistanceM: 10, maxIntervalMs: 60_000, maxAccuracyM: 50 }

/** Douglas–Peucker tolerance: below GPS noise, well below the 30 m coverage tolerance. */
export const TRACK_SIMPLIFY_TOLERANCE_M = 5

/** Coverage: a route metre counts as patrolled when a track of that day passes within this distance. */
export const COVERAGE_TOLERANCE_M = 30

/** Points per uploaded chunk (a chunk is also sent when recording stops). */
export const TRACK_CHUNK_POINTS = 60

/**
 * A chunk's first and last fix are at most this far apart (a recorder sends one every ~60 fixes): coverage
 * then finds a chunk recorded on a day under that day or the day before, and cuts it at midnight by time.
 */
export const TRACK_CHUNK_MAX_SPAN_MS = 24 * 3_600_000

/**
 * No fix kept for longer than this (GPS lost, phone asleep, recording left on overnight) ends the line: what
 * happened in between is unknown, so the next fix starts a new chunk instead of a straight line across the gap
 * counting as patrolled.
 */
export const TRACK_MAX_GAP_MS = 10 * 60_000

/**
 * Whether fix `next` may extend the chunk that started with `first` and last kept `last`: not after a gap
 * ({@link TRACK_MAX_GAP_MS}), and never so that the chunk spans more than the server takes
 * ({@link TRACK_CHUNK_MAX_SPAN_MS}; a longer chunk would be refused and lost from the outbox).
 */
export function continuesChunk(first: TrackPoint, last: TrackPoint, next: TrackPoint): boolean {
  return next.t - last.t <= TRACK_MAX_GAP_MS && next.t - first.t <= TRACK_CHUNK_MAX_SPAN_MS
}

/** Whether `next` is worth keeping after `last` (null: nothing kept yet). Time must move forward. */
export function keepSample(last: TrackPoint | null, next: TrackPoint, o: SamplingOptions = TRACK_SAMPLING): boolean {
  if (next.accuracy != null && next.accuracy > o.maxAccuracyM) return false
  if (!last) return true
  if (next.t <= last.t) return false
  return distanceM(last, next) >= o.minDistanceM || next.t - last.t >= o.maxIntervalMs
}

/** The fixes a recorder keeps, in order (see {@link keepSample}). */
export function sampleTrack(points: readonly TrackPoint[], o: SamplingOptions = TRACK_SAMPLING): TrackPoint[] {
  const out: TrackPoint[] = []
  for (const p of points) if (keepSample(out[out.length - 1] ?? null, p, o)) out.push(p)
  return out
}

const M_PER_DEG_LAT = 111_320

/**
 * Douglas–Peucker (turf's simplify, high quality) in local metres, so the tolerance means the same east–west
 * and north–south; the kept points are the original fixes with their times. First and last are always kept,
 * and so are the last fix before and the first after each midnight (Asia/Shanghai): the line is simplified
 * per day, so cutting it at midnight by time (coverage per day) interpolates between real neighbouring fixes,
 * not across a stop the simplification removed.
 */
export function simplifyTrack(points: readonly TrackPoint[], toleranceM = TRACK_SIMPLIFY_TOLERANCE_M): TrackPoint[] {
  if (points.length <= 2) return [...points]
  const out: TrackPoint[] = []
  let run: TrackPoint[] = []
  let day = ''
  for (const p of points) {
    const d = shanghaiDate(new Date(p.t))
    if (run.length && d !== day) {
      out.push(...simplifyRun(run, toleranceM))
      run = []
    }
    day = d
    run.push(p)
  }
  out.push(...simplifyRun(run, toleranceM))
  return out
}

function simplifyRun(points: readonly TrackPoint[], toleranceM: number): TrackPoint[] {
  if (points.length <= 2) return [...points]
  const lat0 = points[0]!.lat
  const kx = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180)
  // The third coordinate carries the index back through simplify (it keeps coordinate arrays as they are).
  const line = lineString(points.map((p, i) => [(p.lng - points[0]!.lng) * kx, (p.lat - lat0) * M_PER_DEG_LAT, i]))
  const kept = simplify(line, { tolerance: toleranceM, highQuality: true, mutate: true }).geometry.coordinates
  return kept.map((c) => points[c[2]!]!)
}

/** Splits a list into upload chunks of at most `size` points; consecutive chunks share their boundary point. */
export function chunkTrack(points: readonly TrackPoint[], size = TRACK_CHUNK_POINTS): TrackPoint[][] {
  if (points.length < 2) return []
  const out: TrackPoint[][] = []
  for (let i = 0; i < points.length - 1; i += size - 1) out.push(points.slice(i, i + size))
  return out
}
