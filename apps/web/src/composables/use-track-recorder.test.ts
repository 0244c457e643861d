import { describe, expect, it } from 'vitest'
import { useTrackRecorder, type TrackChunk } from './use-track-recorder.ts'

const M = 1 / 111_320
const fix = (north: number, t: number, accuracy = 5) => ({ lng: 119.1, lat: 25.45 + north * M, t, accuracy, crs: 'wgs84' as const })

describe('useTrackRecorder', () => {
  it('records nothing until started; samples jitter away; chunks share their boundary point', () => {
    const chunks: TrackChunk[] = []
    const r = useTrackRecorder((c) => void chunks.push(c), 3)
    r.add(fix(0, 0))
    expect(r.points.value).toBe(0)
    r.start()
    r.add(fix(0, 0))
    r.add(fix(3, 1000)) // jitter: dropped
    r.add(fix(20, 2000))
    r.add(fix(40, 3000)) // third kept point: a chunk goes out
    expect(chunks).toHaveLength(1)
    // a straight line simplifies to its ends
    expect(chunks[0]!.points.map((p) => p.t)).toEqual([new Date(0).toISOString(), new Date(3000).toISOString()])
    r.add(fix(60, 4000))
    r.stop()
    expect(chunks).toHaveLength(2)
    expect(chunks[1]!.points[0]!.t).toBe(new Date(3000).toISOString())
    expect(chunks[1]!.crs).toBe('wgs84')
    expect(r.recording.value).toBe(false)
  })

  it('drops fixes that are too inaccurate', () => {
    const chunks: TrackChunk[] = []
    const r = useTrackRecorder((c) => void chunks.push(c))
    r.start()
    r.add(fix(0, 0))
    r.add(fix(500, 1000, 900))
    expect(r.points.value).toBe(1)
    r.stop()
    expect(chunks).toEqual([]) // one point is no line
  })

  it('after a gap with no fix the line so far goes out and a new one starts at the next fix (not joined across)', () => {
    const chunks: TrackChunk[] = []
    const r = useTrackRecorder((c) => void chunks.push(c), 60)
    r.start()
    r.add(fix(0, 0))
    r.add(fix(20, 60_000))
    r.add(fix(40, 120_000))
    // The phone slept for 8 hours with recording on.
    r.add(fix(5000, 120_000 + 8 * 3_600_000))
    expect(chunks).toHaveLength(1)
    expect(chunks[0]!.points.map((p) => p.t)).toEqual([new Date(0).toISOString(), new Date(120_000).toISOString()])
    r.add(fix(5020, 120_000 + 8 * 3_600_000 + 60_000))
    r.stop()
    expect(chunks).toHaveLength(2)
    expect(chunks[1]!.points[0]!.t).toBe(new Date(120_000 + 8 * 3_600_000).toISOString())
    // No chunk spans the gap, so none can be refused as too long and dropped from the outbox.
    for (const c of chunks) expect(Date.parse(c.points.at(-1)!.t) - Date.parse(c.points[0]!.t)).toBeLessThan(3_600_000)
  })
})
