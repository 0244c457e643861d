import { describe, expect, it } from 'vitest'
import { chunkTrack, continuesChunk, keepSample, sampleTrack, simplifyTrack, TRACK_CHUNK_MAX_SPAN_MS, TRACK_MAX_GAP_MS, type TrackPoint } from './track.ts'

const M = 1 / 111_320 // one metre of latitude in degrees
const at = (north: number, east: number, t: number, accuracy?: number): TrackPoint => ({
  lng: 119.1 + (east * M) / Math.cos((25.45 * Math.PI) / 180),
  lat: 25.45 + north * M,
  t,
  accuracy,
})

describe('sampling', () => {
  it('keeps the first fix, drops jitter within 10 m, keeps a move of 10 m or more', () => {
    const a = at(0, 0, 0)
    expect(keepSample(null, a)).toBe(true)
    expect(keepSample(a, at(4, 3, 5_000))).toBe(false)
    expect(keepSample(a, at(12, 0, 5_000))).toBe(true)
  })
  it('keeps a fix after a minute standing still, drops poor accuracy and time going backwards', () => {
    const a = at(0, 0, 100_000)
    expect(keepSample(a, at(1, 0, 160_000))).toBe(true)
    expect(keepSample(a, at(50, 0, 105_000, 120))).toBe(false)
    expect(keepSample(a, at(50, 0, 99_000))).toBe(false)
  })
  it('samples a walk with jitter down to the moves', () => {
    const pts = [at(0, 0, 0), at(2, 1, 1000), at(15, 0, 2000), at(16, 1, 3000), at(30, 0, 4000, 500), at(31, 0, 5000)]
    expect(sampleTrack(pts).map((p) => p.t)).toEqual([0, 2000, 5000])
  })
})

describe('simplification (turf simplify in local metres)', () => {
  it('reduces a straight walk to its ends and keeps the times of the kept fixes', () => {
    const pts = Array.from({ length: 50 }, (_, i) => at(i * 10, (i % 2) * 1.5, i * 1000))
    const out = simplifyTrack(pts, 5)
    expect(out).toEqual([pts[0], pts[49]])
  })
  it('keeps a corner bigger than the tolerance', () => {
    const leg1 = Array.from({ length: 10 }, (_, i) => at(i * 10, 0, i * 1000))
    const leg2 = Array.from({ length: 10 }, (_, i) => at(90, (i + 1) * 10, (10 + i) * 1000))
    const out = simplifyTrack([...leg1, ...leg2], 5)
    expect(out.map((p) => p.t)).toEqual([0, 9000, 19000])
  })
  it('measures the tolerance in metres in both directions', () => {
    // a 4 m east bump is dropped, a 7 m one kept (a degree-based tolerance would treat the axes differently)
    const bump = (east: number) => [at(0, 0, 0), at(50, east, 1000), at(100, 0, 2000)]
    expect(simplifyTrack(bump(4), 5)).toHaveLength(2)
    expect(simplifyTrack(bump(7), 5)).toHaveLength(3)
  })
  it('keeps the fixes either side of midnight (Asia/Shanghai), so a cut by time is exact to the fixes', () => {
    // A straight walk north 23:50–00:10 with a 10-minute stop before midnight: in space the stop is on the line,
    // so one run would keep the ends only and put "midnight" halfway up the walk.
    const midnight = Date.parse('2026-11-21T00:00:00+08:00')
    const min = 60_000
    const walk1 = Array.from({ length: 5 }, (_, i) => at(i * 20, 0, midnight - 20 * min + i * min)) // 23:40–23:44, 0–80 m
    const stop = Array.from({ length: 10 }, (_, i) => at(80, 0, midnight - 15 * min + i * min)) // 23:45–23:54 at 80 m
    const walk2 = Array.from({ length: 11 }, (_, i) => at(80 + (i + 1) * 20, 0, midnight - 5 * min + i * min)) // 23:55–00:05
    const out = simplifyTrack([...walk1, ...stop, ...walk2], 5)
    const times = out.map((p) => (p.t - midnight) / min)
    expect(times).toEqual([-20, -1, 0, 5]) // first, last before midnight, first after, last
    expect(simplifyTrack([...walk1, ...stop], 5).map((p) => (p.t - midnight) / min)).toEqual([-20, -6])
  })
  it('leaves two points or fewer alone', () => {
    expect(simplifyTrack([at(0, 0, 0)])).toHaveLength(1)
  })
})

describe('chunks', () => {
  it('splits into chunks that share their boundary point, so the uploaded lines join up', () => {
    const pts = Array.from({ length: 7 }, (_, i) => at(i * 20, 0, i))
    const chunks = chunkTrack(pts, 3)
    expect(chunks.map((c) => c.map((p) => p.t))).toEqual([[0, 1, 2], [2, 3, 4], [4, 5, 6]])
    expect(chunkTrack([pts[0]!])).toEqual([])
  })

  it('a chunk ends at a gap with no fix, and before it would span more than the server takes', () => {
    const a = at(0, 0, 0)
    expect(continuesChunk(a, a, at(20, 0, TRACK_MAX_GAP_MS))).toBe(true)
    expect(continuesChunk(a, a, at(20, 0, TRACK_MAX_GAP_MS + 1))).toBe(false)
    // Fixes every 5 minutes (no gap) still end the chunk at the span limit.
    const late = at(0, 0, TRACK_CHUNK_MAX_SPAN_MS - 60_000)
    expect(continuesChunk(a, late, at(20, 0, TRACK_CHUNK_MAX_SPAN_MS))).toBe(true)
    expect(continuesChunk(a, late, at(20, 0, TRACK_CHUNK_MAX_SPAN_MS + 1))).toBe(false)
  })
})
