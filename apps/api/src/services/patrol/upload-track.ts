import { createHash } from 'node:crypto'
import { shanghaiDate, simplifyTrack, toWgs84, TRACK_CHUNK_MAX_SPAN_MS, type Crs, type TrackPoint } from '@hanjiang/shared'
import { insertTrackChunk } from '../../db/repositories/patrol.ts'
import type { Database } from '../../db/types.ts'
import type { Actor } from '../../http/actor.ts'
import { problems } from '../../http/problem.ts'
import { canonicalJson } from '../incidents/create.ts'
import { requireInspector } from './scope.ts'

export interface TrackChunkInput {
  /** The client's id of this chunk: its idempotency key (per user). */
  chunkId: string
  /** The coordinate system of the points: browser geolocation is wgs84, phone map SDKs gcj02/bd09. */
  crs: Crs
  points: { lng: number; lat: number; t: string; accuracy?: number | null }[]
}

export interface TrackChunkResult {
  id: number
  chunkId: string
  created: boolean
  patrolDay: string
  receivedPoints: number
  keptPoints: number
  lengthM: number
}

/**
 * Stores one chunk of the inspector's track: points converted to WGS84, in time order, simplified (turf's
 * Douglas–Peucker, 5 m) and kept as a line with the fixes' times. Resending a chunk id with the same points
 * answers the stored chunk (created: false); with other points it is refused (422 chunk_id_reused). The chunk is
 * filed under the Shanghai day of its first fix; one crossing midnight counts toward both days' coverage for
 * the part recorded on each (cut by the fixes' times, repositories/patrol.ts).
 */
export async function uploadTrackChunk({ database, actor, input }: { database: Database; actor: Actor; input: TrackChunkInput }): Promise<TrackChunkResult> {
  requireInspector(actor)
  const pts: TrackPoint[] = input.points.map((p) => ({ ...toWgs84({ lng: p.lng, lat: p.lat }, input.crs), t: Date.parse(p.t), accuracy: p.accuracy ?? null }))
  for (let i = 1; i < pts.length; i++) {
    if (pts[i]!.t < pts[i - 1]!.t) {
      throw problems.validation('Track points must be in time order', [{ path: `points[${i}].t`, message: 'earlier than the point before it' }])
    }
  }
  if (pts[pts.length - 1]!.t - pts[0]!.t > TRACK_CHUNK_MAX_SPAN_MS) {
    throw problems.validation('A track chunk spans at most 24 hours', [
      { path: `points[${pts.length - 1}].t`, message: 'more than 24 hours after the first point' },
    ])
  }
  const kept = simplifyTrack(pts)
  const requestHash = createHash('sha256').update(canonicalJson(input)).digest('base64url')
  const first = pts[0]!
  const last = pts[pts.length - 1]!
  const row = await insertTrackChunk(database, {
    userName: actor.id,
    chunkId: input.chunkId,
    patrolDay: shanghaiDate(new Date(first.t)),
    startedAt: new Date(first.t),
    endedAt: new Date(last.t),
    receivedPoints: pts.length,
    keptPoints: kept.length,
    crs: input.crs,
    requestHash,
    points: kept.map((p) => [p.lng, p.lat, p.t / 1000] as const),
  })
  if (!row.created && row.requestHash !== requestHash) {
    throw problems.unprocessable('chunk_id_reused', `Chunk ${input.chunkId} was uploaded before with other points; a new chunk needs a new id`)
  }
  return { id: row.id, chunkId: input.chunkId, created: row.created, patrolDay: row.patrolDay, receivedPoints: pts.length, keptPoints: row.keptPoints, lengthM: Math.round(row.lengthM * 10) / 10 }
}
