import { sql } from 'drizzle-orm'
import type { AppDb, Database } from '../types.ts'

/** Where the demo's incident history stands (the demo_history row; none outside the demo). */
export interface DemoHistoryState {
  state: 'none' | 'generating' | 'ready'
  /** Incidents written so far, and how many there will be (null until the history is computed). */
  written: number
  total: number | null
}

export interface PendingDemoHistory {
  seedTime: Date
  written: number
}

/** Records that the history for `seedTime` is to be written (in the seed's transaction). */
export async function planDemoHistory(database: Database, tx: AppDb, seedTime: Date, done?: { total: number }): Promise<void> {
  await database.rows(
    sql`INSERT INTO demo_history (seed_time, total, written, finished_at)
        VALUES (${seedTime.toISOString()}, ${done?.total ?? null}, ${done?.total ?? 0}, ${done ? sql`now()` : null})
        ON CONFLICT (id) DO NOTHING`,
    tx,
  )
}

/** The history still to write (a first start, or one stopped half-way), or null. */
export async function pendingDemoHistory(database: Database, tx?: AppDb): Promise<PendingDemoHistory | null> {
  const [row] = await database.rows<{ seedTime: string | Date; written: number }>(
    sql`SELECT seed_time AS "seedTime", written FROM demo_history WHERE finished_at IS NULL`,
    tx,
  )
  return row ? { seedTime: new Date(row.seedTime), written: Number(row.written) } : null
}

export async function demoHistoryState(database: Database): Promise<DemoHistoryState> {
  const [row] = await database.rows<{ written: number; total: number | null; finished: boolean }>(
    sql`SELECT written, total, finished_at IS NOT NULL AS finished FROM demo_history`,
  )
  if (!row) return { state: 'none', written: 0, total: null }
  return { state: row.finished ? 'ready' : 'generating', written: Number(row.written), total: row.total === null ? null : Number(row.total) }
}

/** The history's size is known: codes up to it are the history's, intake continues after them. */
export async function setDemoHistoryTotal(database: Database, total: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await database.rows(sql`UPDATE demo_history SET total = ${total}`, tx)
    await database.rows(sql`SELECT setval('incident_code_seq', greatest(${total}, (SELECT last_value FROM incident_code_seq)))`, tx)
  })
}

/** In the transaction that wrote a slice: `written` incidents of the history are now stored. */
export async function recordDemoHistoryProgress(database: Database, tx: AppDb, written: number): Promise<void> {
  await database.rows(sql`UPDATE demo_history SET written = ${written}`, tx)
}

export async function finishDemoHistory(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await database.rows(sql`UPDATE demo_history SET finished_at = now()`, tx)
    await database.rows(sql`SELECT setval('incident_code_seq', greatest((SELECT count(*) FROM incident), (SELECT last_value FROM incident_code_seq), 1))`, tx)
  })
}
