import type { OfficeHours } from '@hanjiang/shared'
import {
  finishDemoHistory,
  pendingDemoHistory,
  recordDemoHistoryProgress,
  setDemoHistoryTotal,
} from '../db/repositories/demo-history.ts'
import { insertDemoChunk } from '../db/repositories/demo-incidents.ts'
import type { Database } from '../db/types.ts'
import type { FileStorage } from '../storage/index.ts'
import type { DemoIncidentReport } from './demo-incidents/index.ts'

export interface DemoHistoryOptions {
  escalationIntervalMs?: number
  officeHours?: OfficeHours
  storage?: FileStorage
  /** Incidents per transaction (default 250): between two, other requests get the database. */
  chunk?: number
  /** Checked between slices: true stops the writing (the next start carries on from where it stopped). */
  stopped?: () => boolean
}

/**
 * Writes the demo's year of incident history planned by the seed (`history: 'deferred'`) while the server already
 * answers: computed in full (deterministic for the planned seed time), then stored in short transactions of
 * `chunk` incidents, each recording how far it got, so the map and /api/health keep answering on the embedded
 * engine's single connection, and a stopped start resumes. Returns null when there was nothing to write or it was
 * stopped.
 */
export async function writeDemoHistory(database: Database, opts: DemoHistoryOptions = {}): Promise<(DemoIncidentReport & { resumedAt: number }) | null> {
  const pending = await pendingDemoHistory(database)
  if (!pending) return null
  const t0 = performance.now()
  const [{ buildDemoRegions }, { buildDemoIncidents }] = await Promise.all([import('./regions/index.ts'), import('./demo-incidents/index.ts')])
  const photos = opts.storage
    ? await database.db.transaction(async (tx) => (await import('./demo-photos.ts')).storeDemoPhotos(database, tx, opts.storage!))
    : undefined
  const photosMs = Math.round(performance.now() - t0)
  const { rows, report } = await buildDemoIncidents(database, database.db, buildDemoRegions(), {
    now: pending.seedTime,
    stepIntervalMs: opts.escalationIntervalMs,
    officeHours: opts.officeHours,
    photos,
  })
  await setDemoHistoryTotal(database, rows.length)
  const chunk = opts.chunk ?? 250
  const ti = performance.now()
  for (let i = pending.written; i < rows.length; i += chunk) {
    if (opts.stopped?.()) return null
    const slice = rows.slice(i, i + chunk)
    await database.db.transaction(async (tx) => {
      await insertDemoChunk(database, tx, slice)
      await recordDemoHistoryProgress(database, tx, i + slice.length)
    })
  }
  await finishDemoHistory(database)
  return {
    ...report,
    photos: photos ? photos.size * 2 : 0,
    ms: { ...report.ms, photos: photosMs, insert: Math.round(performance.now() - ti) },
    resumedAt: pending.written,
  }
}
