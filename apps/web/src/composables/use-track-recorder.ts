import { computed, ref, shallowRef } from 'vue'
import { continuesChunk, keepSample, simplifyTrack, TRACK_CHUNK_POINTS, type TrackPoint } from '@hanjiang/shared/patrol/track'
import type { Crs } from '@hanjiang/shared/geo/crs'

export interface TrackChunk {
  crs: Crs
  points: { lng: number; lat: number; t: string; accuracy: number | null }[]
}

/**
 * Records the patrol track: fixes are sampled as they come (10 m / 60 s, poor fixes dropped), and every
 * TRACK_CHUNK_POINTS kept fixes — or when recording stops — the chunk is simplified (turf, 5 m) and handed to
 * `emit` (the outbox). Consecutive chunks share their boundary fix, so the uploaded lines join up — except after
 * a gap with no fix (shared `continuesChunk`): the line so far is sent and the next one starts at the new fix.
 */
export function useTrackRecorder(emit: (chunk: TrackChunk) => void | Promise<void>, chunkSize = TRACK_CHUNK_POINTS) {
  const recording = ref(false)
  /** Everything kept since recording started, for drawing. */
  const trail = shallowRef<TrackPoint[]>([])
  let pending: TrackPoint[] = []
  let crs: Crs = 'wgs84'

  function flushChunk(): void {
    if (pending.length >= 2) {
      const pts = simplifyTrack(pending)
      void emit({ crs, points: pts.map((p) => ({ lng: p.lng, lat: p.lat, t: new Date(p.t).toISOString(), accuracy: p.accuracy ?? null })) })
    }
    pending = pending.slice(-1)
  }

  function add(fix: TrackPoint & { crs?: Crs }): void {
    if (!recording.value) return
    const last = trail.value[trail.value.length - 1] ?? null
    if (!keepSample(last, fix)) return
    if (fix.crs) crs = fix.crs
    const p: TrackPoint = { lng: fix.lng, lat: fix.lat, t: fix.t, accuracy: fix.accuracy ?? null }
    trail.value = [...trail.value, p]
    const first = pending[0]
    const prev = pending[pending.length - 1]
    if (first && prev && !continuesChunk(first, prev, p)) {
      flushChunk()
      pending = []
    }
    pending.push(p)
    if (pending.length >= chunkSize) flushChunk()
  }

  function start(): void {
    recording.value = true
    trail.value = []
    pending = []
  }

  function stop(): void {
    flushChunk()
    pending = []
    recording.value = false
  }

  return { recording, trail, points: computed(() => trail.value.length), start, stop, add }
}
